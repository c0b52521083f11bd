#include "rdf/input_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "rdf/error.h"

namespace bdis::rdf {

namespace {

constexpr size_t kBufferSize = size_t{256} * 1024;

std::string displayName(const std::string& name) { return name == "-" ? "stdin" : name; }

/// Plain bytes from a file descriptor, with a small look-ahead for magic bytes.
class FileSource final : public InputSource {
 public:
  FileSource(std::string name, int fd) : InputSource(std::move(name)), fd_(fd) {}
  ~FileSource() override {
    if (fd_ > 0) {
      ::close(fd_);
    }
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  size_t read(char* buf, size_t n) override {
    if (n == 0) {
      return 0;
    }
    if (pos_ < peeked_.size()) {
      const size_t k = std::min(n, peeked_.size() - pos_);
      std::memcpy(buf, peeked_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return rawRead(buf, n);
  }

  /// The first bytes of the stream (at most `n`), without consuming them.
  std::string_view peek(size_t n) {
    while (peeked_.size() < n) {
      char tmp[16];
      const size_t got = rawRead(tmp, std::min(sizeof tmp, n - peeked_.size()));
      if (got == 0) {
        break;
      }
      peeked_.append(tmp, got);
    }
    return std::string_view(peeked_).substr(0, std::min(n, peeked_.size()));
  }

 private:
  size_t rawRead(char* buf, size_t n) {
    for (;;) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) {
        return static_cast<size_t>(got);
      }
      if (errno == EINTR) {
        continue;
      }
      throw StorageError("cannot read " + displayName(name()) + ": " + std::strerror(errno));
    }
  }

  int fd_;
  std::string peeked_;
  size_t pos_ = 0;
};

/// gzip (RFC 1952) decompression, concatenated members included.
class GzipSource final : public InputSource {
 public:
  explicit GzipSource(std::unique_ptr<FileSource> in)
      : InputSource(in->name()), in_(std::move(in)), buf_(kBufferSize) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 15 + 16) != Z_OK) {
      throw StorageError("cannot start gzip decompression of " + displayName(name()));
    }
  }
  ~GzipSource() override { inflateEnd(&z_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t read(char* out, size_t n) override {
    if (n == 0 || done_) {
      return 0;
    }
    z_.next_out = reinterpret_cast<Bytef*>(out);
    const uInt want = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    z_.avail_out = want;
    while (z_.avail_out == want) {
      if (z_.avail_in == 0) {
        const size_t got = in_->read(buf_.data(), buf_.size());
        if (got == 0) {
          if (memberOpen_) {
            corrupt("truncated gzip data");
          }
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(buf_.data());
        z_.avail_in = static_cast<uInt>(got);
      }
      memberOpen_ = true;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        memberOpen_ = false;
        inflateReset(&z_);  // another gzip member may follow
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        corrupt(z_.msg ? z_.msg : "invalid gzip data");
      }
    }
    return want - z_.avail_out;
  }

 private:
  [[noreturn]] void corrupt(const std::string& why) {
    throw StorageError("corrupt compressed data in " + displayName(name()) + ": " + why);
  }
  std::unique_ptr<FileSource> in_;
  std::vector<char> buf_;
  z_stream z_{};
  bool memberOpen_ = false;
  bool done_ = false;
};

/// Zstandard streaming decompression, concatenated frames included.
class ZstdSource final : public InputSource {
 public:
  explicit ZstdSource(std::unique_ptr<FileSource> in)
      : InputSource(in->name()), in_(std::move(in)), buf_(kBufferSize), z_(ZSTD_createDStream()) {
    if (!z_) {
      throw StorageError("cannot start zstd decompression of " + displayName(name()));
    }
    ZSTD_initDStream(z_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(z_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  size_t read(char* out, size_t n) override {
    if (n == 0 || done_) {
      return 0;
    }
    ZSTD_outBuffer o{out, n, 0};
    while (o.pos == 0) {
      if (in_pos_.pos == in_pos_.size) {
        const size_t got = in_->read(buf_.data(), buf_.size());
        if (got == 0) {
          if (frameOpen_) {
            corrupt("truncated zstd data");
          }
          done_ = true;
          break;
        }
        in_pos_ = ZSTD_inBuffer{buf_.data(), got, 0};
      }
      const size_t rc = ZSTD_decompressStream(z_, &o, &in_pos_);
      if (ZSTD_isError(rc)) {
        corrupt(ZSTD_getErrorName(rc));
      }
      frameOpen_ = rc != 0;
    }
    return o.pos;
  }

 private:
  [[noreturn]] void corrupt(const std::string& why) {
    throw StorageError("corrupt compressed data in " + displayName(name()) + ": " + why);
  }
  std::unique_ptr<FileSource> in_;
  std::vector<char> buf_;
  ZSTD_DStream* z_;
  ZSTD_inBuffer in_pos_{nullptr, 0, 0};
  bool frameOpen_ = false;
  bool done_ = false;
};

class MemorySource final : public InputSource {
 public:
  MemorySource(std::string_view data, std::string name)
      : InputSource(std::move(name)), data_(data) {}
  size_t read(char* buf, size_t n) override {
    const size_t k = std::min(n, data_.size());
    std::memcpy(buf, data_.data(), k);
    data_.remove_prefix(k);
    return k;
  }

 private:
  std::string_view data_;
};

bool endsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) {
    return false;
  }
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != suffix[i]) {
      return false;
    }
  }
  return true;
}

constexpr std::string_view kGzipMagic = "\x1f\x8b";
constexpr std::string_view kZstdMagic = "\x28\xb5\x2f\xfd";

}  // namespace

std::unique_ptr<InputSource> InputSource::open(const std::string& pathOrDash) {
  int fd = 0;
  if (pathOrDash != "-") {
    struct stat st {};
    if (::stat(pathOrDash.c_str(), &st) != 0) {
      throw StorageError("cannot open " + pathOrDash + ": " + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
      throw StorageError("cannot open " + pathOrDash + ": is a folder");
    }
    fd = ::open(pathOrDash.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw StorageError("cannot open " + pathOrDash + ": " + std::strerror(errno));
    }
  }
  auto file = std::make_unique<FileSource>(pathOrDash, fd);
  const bool wantGzip = endsWith(pathOrDash, ".gz");
  const bool wantZstd = endsWith(pathOrDash, ".zst");
  const std::string_view head = file->peek(4);
  const bool isGzip = head.starts_with(kGzipMagic);
  const bool isZstd = head.starts_with(kZstdMagic);
  if (wantGzip && !isGzip) {
    throw StorageError("corrupt compressed data in " + pathOrDash + ": not gzip data");
  }
  if (wantZstd && !isZstd) {
    throw StorageError("corrupt compressed data in " + pathOrDash + ": not zstd data");
  }
  if (isGzip) {
    return std::make_unique<GzipSource>(std::move(file));
  }
  if (isZstd) {
    return std::make_unique<ZstdSource>(std::move(file));
  }
  return file;
}

std::unique_ptr<InputSource> InputSource::fromMemory(std::string_view data, std::string name) {
  return std::make_unique<MemorySource>(data, std::move(name));
}

std::string readAll(const std::string& pathOrDash) {
  auto in = InputSource::open(pathOrDash);
  std::string out;
  std::vector<char> buf(kBufferSize);
  while (const size_t got = in->read(buf.data(), buf.size())) {
    out.append(buf.data(), got);
  }
  return out;
}

}  // namespace bdis::rdf
