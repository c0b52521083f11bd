#pragma once
// A streaming RFC 4180 CSV reader: quoted cells with delimiters, doubled quotes and line breaks,
// CRLF or LF line ends, a leading UTF-8 byte-order mark skipped, empty lines skipped. Reads a FILE*
// in 1 MiB chunks (or a buffer in memory). Malformed records are returned flagged, not thrown.

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace bdis::loaders {

/// Reads records one at a time. Cells are views into the reader, valid until the next next().
class CsvReader {
 public:
  /// Reads `file` when non-null (not owned, must outlive the reader), else `text` (copied).
  CsvReader(std::FILE* file, std::string_view text, char delimiter);

  enum class Status { Record, End };
  /// One record.
  struct Record {
    std::vector<std::string_view> cells;
    std::string_view raw;    ///< The record's bytes as read, line break excluded.
    uint64_t line = 0;       ///< 1-based line of the record's first line.
    bool malformed = false;  ///< Unterminated quote or text after a closing quote.
    std::string problem;     ///< Why, when malformed.
  };

  /// The next record, or End. Throws StorageError on a read error.
  Status next(Record& r);

 private:
  bool refill();
  bool parse(Record& r, size_t& end, uint64_t& lines);
  std::string& scratch();

  static constexpr size_t kChunk = 1 << 20;
  std::FILE* file_;
  char delimiter_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool firstRead_ = true;
  uint64_t line_ = 1;
  std::deque<std::string> scratch_;
  size_t scratchUsed_ = 0;
};

}  // namespace bdis::loaders
