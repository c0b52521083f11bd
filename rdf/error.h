#pragma once
// The error hierarchy of bdis, by phase. Exceptions end a load, a query or a
// request; hot per-statement paths return status instead.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace bdis {

/// Base of every bdis error. what() is the full user-facing message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Malformed input text (RDF data, a SPARQL query or update, a mapping file).
/// `file` may be empty (a query string); line and column are 1-based, 0 when unknown.
class SyntaxError : public Error {
 public:
  SyntaxError(std::string file, uint64_t line, uint64_t column, const std::string& what)
      : Error(format(file, line, column, what)),
        file_(std::move(file)),
        line_(line),
        column_(column),
        message_(what) {}
  const std::string& file() const { return file_; }
  uint64_t line() const { return line_; }
  uint64_t column() const { return column_; }
  /// The message without the position prefix.
  const std::string& message() const { return message_; }

 private:
  static std::string format(const std::string& file, uint64_t line, uint64_t column,
                            const std::string& what) {
    std::string out;
    if (!file.empty()) out += file + ":";
    if (line != 0) out += std::to_string(line) + ":" + std::to_string(column) + ": ";
    else if (!file.empty()) out += " ";
    return out + what;
  }
  std::string file_;
  uint64_t line_;
  uint64_t column_;
  std::string message_;
};

/// Well-formed input that means nothing valid (unknown prefix in a query, bad
/// variable scope, a mapping naming an unknown column).
class SemanticError : public Error {
 public:
  using Error::Error;
};

/// A query or update that failed while running (deadline, memory budget, cancellation).
class ExecutionError : public Error {
 public:
  using Error::Error;
};

/// The store could not do what was asked (I/O, disk full, read-only folder,
/// format version mismatch, corruption).
class StorageError : public Error {
 public:
  using Error::Error;
};

/// A broken internal invariant: a bug in bdis.
class InternalError : public Error {
 public:
  using Error::Error;
};

[[noreturn]] void throwInternal(const char* file, int line, const char* cond);

}  // namespace bdis

/// Check bad public input: throws ExceptionType(message) when cond is false.
#define BDIS_CHECK(cond, ExceptionType, message)   \
  do {                                             \
    if (!(cond)) throw ExceptionType(message);     \
  } while (0)

/// Check an internal invariant: throws InternalError naming the source position.
#define BDIS_ASSERT(cond)                                                \
  do {                                                                   \
    if (!(cond)) ::bdis::throwInternal(__FILE__, __LINE__, #cond);       \
  } while (0)
