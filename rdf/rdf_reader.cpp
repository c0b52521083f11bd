#include "rdf/rdf_reader.h"

#include <algorithm>
#include <optional>
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
/// of N-Triples / N-Quads text (lines that are not blank and not comments);
/// past the last one, the start of the last statement line.
std::pair<uint64_t, uint64_t> statementPosition(std::string_view text, uint64_t index) {
  size_t pos = 0;
  uint64_t line = 1;
  std::pair<uint64_t, uint64_t> last{1, 1};
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
      last = {line, first - pos + 1};
      if (index == 0) {
        return last;
      }
      --index;
    }
    pos = end + 1;
    ++line;
  }
  return last;
}

/// Completes the position of a failure in `text`: a statement rejected after
/// Serd parsed it (line 0) is the `index`-th statement; an error Serd found
/// at the start of a line belongs to the end of the previous one.
void locate(std::string_view text, detail::ReadFailure& failure, uint64_t index) {
  if (failure.line == 0) {
    std::tie(failure.line, failure.column) = statementPosition(text, index);
  } else if (failure.atLineStart) {
    // Serd read past the end of the previous line (a missing '.'): the error belongs there.
    --failure.line;
    const size_t start = lineStart(text, failure.line);
    const size_t end = text.find('\n', start);
    failure.column = (end == std::string_view::npos ? text.size() : end) - start + 1;
    failure.atLineStart = false;
  }
}

/// The error of line `line` of `text` read on its own, if it has one.
std::optional<detail::ReadFailure> lineFailure(std::string_view text, uint64_t line,
                                               const ReadOptions& options,
                                               const std::string& name) {
  struct Discard final : QuadSink {
    void quad(const QuadView&) override {}
  } discard;
  const size_t start = lineStart(text, line);
  const size_t end = text.find('\n', start);
  const std::string_view one =
      text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1);
  detail::SerdSession check(options, discard, name, /*strict=*/true, 0);
  auto source = InputSource::fromMemory(one, name);
  if (check.run(*source)) {
    return std::nullopt;
  }
  detail::ReadFailure failure = check.failure();
  locate(one, failure, 0);
  size_t content = one.size();
  while (content > 0 && (one[content - 1] == '\n' || one[content - 1] == '\r')) {
    --content;
  }
  if (failure.line == 1 && failure.column > content) {
    // Read alone, the line ended where Serd wanted more: its '.' is missing.
    failure.message = "expected '.' to end the statement before the end of the line";
  }
  failure.line += line - 1;
  return failure;
}

/// Reads complete lines of N-Triples / N-Quads. Serd runs strictly; with
/// skipInvalid an error skips its line and a fresh Serd reader resumes after it.
ReadResult readLines(std::string_view text, const ReadOptions& options, const std::string& name,
                     uint64_t firstLine, QuadSink& sink) {
  ReadResult result;
  uint64_t lineOffset = firstLine - 1;
  while (!text.empty()) {
    // With skipInvalid the latest statement is held back until the next one
    // is complete: Serd emits a statement before reading its final '.', so an
    // error may still turn up on its line.
    detail::SerdSession session(options, sink, name, /*strict=*/true, lineOffset,
                                /*holdLast=*/options.skipInvalid);
    auto source = InputSource::fromMemory(text, name);
    const bool ok = session.run(*source);
    if (ok) {
      result.statements += session.statements();
      break;
    }
    // Statements [0, emitted) are out; statement `emitted` may be held back.
    const uint64_t emitted = session.statements();
    const bool held = session.hasPending();
    detail::ReadFailure failure = session.failure();
    locate(text, failure, emitted + (held ? 1 : 0));
    // Serd may notice a broken line only on a later one (a missing '.' lets
    // it read on; in N-Quads it takes the next subject for a graph name) or
    // not at all (its N-Quads reader stops quietly at a bare word). So the
    // lines of the held or last emitted statement and of the statement in
    // progress are read on their own: the first that fails is the error.
    const uint64_t failedAt = failure.line;
    const uint64_t heldLine = held ? statementPosition(text, emitted).first : 0;
    std::vector<uint64_t> suspects;
    if (held) {
      suspects.push_back(heldLine);
    } else if (emitted > 0) {
      suspects.push_back(statementPosition(text, emitted - 1).first);
    }
    suspects.push_back(statementPosition(text, emitted + (held ? 1 : 0)).first);
    bool dropHeld = false;
    for (const uint64_t line : suspects) {
      if (line > failedAt || (line == failedAt && line != heldLine)) {
        continue;
      }
      if (auto own = lineFailure(text, line, options, name)) {
        failure = *own;
        dropHeld = held && line == heldLine;
        break;
      }
    }
    if (dropHeld) {
      session.dropPending();
    } else {
      session.flushPending();
    }
    result.statements += session.statements();
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
