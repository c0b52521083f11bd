#include "loaders/csv_reader.h"

#include <algorithm>
#include <cstring>

#include "rdf/error.h"

namespace bdis::loaders {

CsvReader::CsvReader(std::FILE* file, std::string_view text, char delimiter)
    : file_(file), delimiter_(delimiter) {
  if (!file_) {
    buf_.assign(text);
    eof_ = true;
  }
}

CsvReader::Status CsvReader::next(Record& r) {
  while (true) {
    if (pos_ >= buf_.size() && !refill()) return Status::End;
    if (firstRead_) {
      firstRead_ = false;
      if (buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
    }
    // Skip empty lines.
    if (buf_[pos_] == '\n' ||
        (buf_[pos_] == '\r' && pos_ + 1 < buf_.size() && buf_[pos_ + 1] == '\n')) {
      pos_ += buf_[pos_] == '\r' ? 2 : 1;
      ++line_;
      continue;
    }
    if (buf_[pos_] == '\r' && pos_ + 1 >= buf_.size() && !eof_) {
      if (!refill()) return Status::End;
      continue;
    }
    size_t end = 0;
    uint64_t lines = 0;
    if (parse(r, end, lines)) {
      r.line = line_;
      r.raw = std::string_view(buf_).substr(pos_, end - pos_);
      line_ += lines;
      pos_ = end;
      return Status::Record;
    }
    if (!refill()) {
      // parse() at EOF always completes a record; a refill failure here means no more data.
      return Status::End;
    }
  }
}

bool CsvReader::refill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  size_t want = std::max<size_t>(kChunk, old);
  buf_.resize(old + want);
  size_t n = std::fread(buf_.data() + old, 1, want, file_);
  buf_.resize(old + n);
  if (n < want) {
    if (std::ferror(file_)) throw StorageError("error reading CSV input");
    eof_ = true;
  }
  return n > 0 || old > 0;
}

bool CsvReader::parse(Record& r, size_t& end, uint64_t& lines) {
  r.cells.clear();
  r.malformed = false;
  r.problem.clear();
  scratchUsed_ = 0;
  const char* data = buf_.data();
  size_t n = buf_.size();
  size_t i = pos_;
  lines = 1;
  while (true) {
    if (i < n && data[i] == '"') {
      // Quoted cell.
      size_t start = i + 1;
      size_t j = start;
      bool doubled = false;
      while (true) {
        const void* q = j < n ? std::memchr(data + j, '"', n - j) : nullptr;
        if (!q) {
          if (!eof_) return false;
          for (size_t k = start; k < n; ++k) lines += data[k] == '\n';
          r.cells.emplace_back(data + start, n - start);
          r.malformed = true;
          r.problem = "unterminated quoted cell";
          end = n;
          return true;
        }
        size_t qpos = static_cast<size_t>(static_cast<const char*>(q) - data);
        if (qpos + 1 >= n && !eof_) return false;
        if (qpos + 1 < n && data[qpos + 1] == '"') {
          doubled = true;
          j = qpos + 2;
          continue;
        }
        for (size_t k = start; k < qpos; ++k) lines += data[k] == '\n';
        std::string_view cell(data + start, qpos - start);
        if (doubled) {
          std::string& s = scratch();
          for (size_t k = 0; k < cell.size(); ++k) {
            s.push_back(cell[k]);
            if (cell[k] == '"') ++k;
          }
          cell = s;
        }
        r.cells.push_back(cell);
        i = qpos + 1;
        break;
      }
      // After the closing quote: delimiter, line end or end of input.
      if (i < n && data[i] != delimiter_ && data[i] != '\n' && data[i] != '\r') {
        r.malformed = true;
        r.problem = "text after a closing quote";
        while (i < n && data[i] != '\n') ++i;
        if (i >= n && !eof_) return false;
        end = i < n ? i + 1 : n;
        return true;
      }
    } else {
      size_t start = i;
      while (i < n && data[i] != delimiter_ && data[i] != '\n') ++i;
      if (i >= n && !eof_) return false;
      size_t cellEnd = i;
      if (cellEnd > start && data[cellEnd - 1] == '\r' && (i >= n || data[i] == '\n')) --cellEnd;
      r.cells.emplace_back(data + start, cellEnd - start);
    }
    if (i < n && data[i] == delimiter_) {
      ++i;
      continue;
    }
    if (i < n && data[i] == '\r') ++i;
    if (i < n && data[i] == '\n') {
      end = i + 1;
      return true;
    }
    if (i >= n) {
      if (!eof_) return false;
      end = n;
      return true;
    }
  }
}

std::string& CsvReader::scratch() {
  if (scratchUsed_ == scratch_.size()) scratch_.emplace_back();
  std::string& s = scratch_[scratchUsed_++];
  s.clear();
  return s;
}

}  // namespace bdis::loaders
