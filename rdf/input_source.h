#pragma once
// A byte stream to parse: a file or stdin, decompressed on the fly when it is
// gzip or Zstandard. The reader pulls bytes from it (Serd's source-stream model).

#include <cstddef>
#include <memory>
#include <string>

namespace bdis::rdf {

/// A readable byte stream. Not thread-safe; one reader pulls from it.
class InputSource {
 public:
  /// Opens `pathOrDash` ("-" is stdin). A name ending in `.gz` must be gzip and
  /// one ending in `.zst` must be Zstandard; any other input is still
  /// decompressed when it starts with the gzip or Zstandard magic bytes (so
  /// compressed stdin works). Throws StorageError naming the path when it is
  /// missing, is a folder or cannot be read.
  static std::unique_ptr<InputSource> open(const std::string& pathOrDash);

  /// A source over bytes in memory (no decompression). `data` must outlive the source.
  static std::unique_ptr<InputSource> fromMemory(std::string_view data, std::string name);

  virtual ~InputSource() = default;

  /// Copies up to `n` bytes of (decompressed) data into `buf`; returns how many,
  /// 0 only at the end of the stream. Throws StorageError on an I/O error or on
  /// corrupt or truncated compressed data.
  virtual size_t read(char* buf, size_t n) = 0;

  /// The name given to open() ("-" for stdin), for messages.
  const std::string& name() const { return name_; }

 protected:
  explicit InputSource(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

/// Reads the whole (decompressed) content of `pathOrDash` into a string.
/// Throws StorageError as InputSource::open and read do.
std::string readAll(const std::string& pathOrDash);

}  // namespace bdis::rdf
