#include "rdf/rdf_reader.h"

#include <algorithm>
#include <vector>

#include "rdf/input_source.h"
#include "rdf/serd_session.h"

namespace bdis::rdf {

namespace {

constexpr size_t kChunkSize = size_t{4} * 1024 * 1024;

/// Offset of the start of 1-based line `line` in `text` (text.size() past the end).
size_t lineStart(std::string_view text, uint64_t line) {
  size_t pos = 0;
  for (uint64_t l = 1; l < line; ++l) {
    const size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      return text.size();
    }
    pos = nl + 1;
  }
  return pos;
}

/// The 1-based line and column of the start of the (index+1)-th statement line
/// of N-Triples / N-Quads text (lines that are not blank and not comments).
std::pair<uint64_t, uint64_t> statementPosition(std::string_view text, uint64_t index) {
  size_t pos = 0;
  uint64_t line = 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    size_t first = pos;
    while (first < end && (text[first] == ' ' || text[first] == '\t' || text[first] == '\r')) {
      ++first;
    }
    if (first < end && text[first] != '#') {
      if (index == 0) {
        return {line, first - pos + 1};
      }
      --index;
    }
    pos = end + 1;
    ++line;
  }
  return {line, 1};
}

/// Reads complete lines of N-Triples / N-Quads. Serd runs strictly; with
/// skipInvalid an error skips its line and a fresh Serd reader resumes after it.
ReadResult readLines(std::string_view text, const ReadOptions& options, const std::string& name,
                     uint64_t firstLine, QuadSink& sink) {
  ReadResult result;
  uint64_t lineOffset = firstLine - 1;
  while (!text.empty()) {
    detail::SerdSession session(options, sink, name, /*strict=*/true, lineOffset);
    auto source = InputSource::fromMemory(text, name);
    const bool ok = session.run(*source);
    result.statements += session.statements();
    if (ok) {
      break;
    }
    detail::ReadFailure failure = session.failure();
    if (failure.line == 0) {
      std::tie(failure.line, failure.column) = statementPosition(text, session.statements());
    } else if (failure.atLineStart) {
      // Serd found the problem at the start of a line, having read past the
      // end of the previous one (a missing '.'): the error belongs there.
      --failure.line;
      const size_t start = lineStart(text, failure.line);
      const size_t end = text.find('\n', start);
      failure.column = (end == std::string_view::npos ? text.size() : end) - start + 1;
    }
    SyntaxError error(name, lineOffset + failure.line, failure.column, failure.message);
    if (!options.skipInvalid) {
      throw error;
    }
    ++result.skipped;
    if (options.onSkipped) {
      options.onSkipped(error);
    }
    text.remove_prefix(lineStart(text, failure.line + 1));
    lineOffset += failure.line;
  }
  return result;
}

/// Reads Turtle / TriG (or any format from a stream) in one Serd session.
ReadResult readStream(InputSource& source, const ReadOptions& options, const std::string& name,
                      uint64_t firstLine, QuadSink& sink) {
  detail::SerdSession session(options, sink, name, !options.skipInvalid, firstLine - 1);
  const bool ok = session.run(source);
  if (!ok) {
    const detail::ReadFailure& f = session.failure();
    throw SyntaxError(name, f.line == 0 ? 0 : f.line + firstLine - 1, f.column, f.message);
  }
  return ReadResult{session.statements(), session.skipped()};
}

bool isLineFormat(RdfFormat f) { return f == RdfFormat::NTriples || f == RdfFormat::NQuads; }

}  // namespace

ReadResult readBuffer(std::string_view text, const ReadOptions& options, QuadSink& sink) {
  const std::string& name = options.sourceName;
  if (isLineFormat(options.format)) {
    return readLines(text, options, name, options.firstLine, sink);
  }
  auto source = InputSource::fromMemory(text, name);
  return readStream(*source, options, name, options.firstLine, sink);
}

ReadResult readFile(const std::string& pathOrDash, const ReadOptions& options, QuadSink& sink) {
  const std::string name = !options.sourceName.empty() ? options.sourceName
                           : pathOrDash == "-"         ? std::string("stdin")
                                                       : pathOrDash;
  auto source = InputSource::open(pathOrDash);
  if (!isLineFormat(options.format)) {
    return readStream(*source, options, name, options.firstLine, sink);
  }
  // Line formats: whole lines at a time, so that an error can skip its line.
  ReadResult total;
  std::vector<char> buf(kChunkSize);
  size_t filled = 0;
  uint64_t line = options.firstLine;
  for (;;) {
    if (filled == buf.size()) {
      buf.resize(buf.size() * 2);  // a line longer than the buffer
    }
    const size_t got = source->read(buf.data() + filled, buf.size() - filled);
    filled += got;
    const std::string_view all(buf.data(), filled);
    size_t end = got == 0 ? filled : all.rfind('\n');
    if (end == std::string_view::npos) {
      continue;
    }
    if (got != 0) {
      ++end;
    }
    const std::string_view lines = all.substr(0, end);
    const ReadResult r = readLines(lines, options, name, line, sink);
    total.statements += r.statements;
    total.skipped += r.skipped;
    line += static_cast<uint64_t>(std::count(lines.begin(), lines.end(), '\n'));
    std::copy(buf.begin() + static_cast<std::ptrdiff_t>(end),
              buf.begin() + static_cast<std::ptrdiff_t>(filled), buf.begin());
    filled -= end;
    if (got == 0) {
      break;
    }
  }
  return total;
}

}  // namespace bdis::rdf
