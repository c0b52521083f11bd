// Input: plain files, gzip, Zstandard, stdin, and the errors for missing or corrupt input.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <fstream>

#include "rdf/error.h"
#include "rdf/input_source.h"
#include "rdf/rdf_reader.h"
#include "tests/support/shared_path.h"

namespace bdis::rdf {
namespace {

const std::string kText = [] {
  std::string s;
  for (int i = 0; i < 20000; ++i) {
    s += "<http://a/s" + std::to_string(i) + "> <http://a/p> \"" + std::to_string(i) + "\" .\n";
  }
  return s;
}();

std::string gzip(const std::string& in) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, in.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string& in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3));
  return out;
}

void writeFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

struct Count final : QuadSink {
  void quad(const QuadView&) override { ++n; }
  uint64_t n = 0;
};

TEST(InputSource, PlainGzipAndZstdGiveTheSameBytes) {
  test::TempDir dir;
  writeFile(dir.path() / "a.nt", kText);
  writeFile(dir.path() / "a.nt.gz", gzip(kText));
  writeFile(dir.path() / "a.nt.zst", zstd(kText));
  writeFile(dir.path() / "two.nt.gz", gzip(kText) + gzip(kText));  // concatenated members
  EXPECT_EQ(readAll((dir.path() / "a.nt").string()), kText);
  EXPECT_EQ(readAll((dir.path() / "a.nt.gz").string()), kText);
  EXPECT_EQ(readAll((dir.path() / "a.nt.zst").string()), kText);
  EXPECT_EQ(readAll((dir.path() / "two.nt.gz").string()), kText + kText);
  Count c;
  ReadOptions o;
  const auto r = readFile((dir.path() / "a.nt.zst").string(), o, c);
  EXPECT_EQ(r.statements, 20000u);
  EXPECT_EQ(c.n, 20000u);
}

TEST(InputSource, MissingAndFolderAreStorageErrors) {
  test::TempDir dir;
  try {
    InputSource::open((dir.path() / "none.nt").string());
    FAIL();
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find("none.nt"), std::string::npos);
  }
  EXPECT_THROW(InputSource::open(dir.path().string()), StorageError);
}

TEST(InputSource, CorruptCompressedDataIsAStorageError) {
  test::TempDir dir;
  std::string gz = gzip(kText);
  gz[gz.size() / 2] ^= 0x55;
  writeFile(dir.path() / "bad.nt.gz", gz);
  writeFile(dir.path() / "cut.nt.gz", gzip(kText).substr(0, 200));
  writeFile(dir.path() / "cut.nt.zst", zstd(kText).substr(0, 200));
  writeFile(dir.path() / "fake.nt.zst", kText);
  for (const char* name : {"bad.nt.gz", "cut.nt.gz", "cut.nt.zst", "fake.nt.zst"}) {
    try {
      readAll((dir.path() / name).string());
      ADD_FAILURE() << name;
    } catch (const StorageError& e) {
      EXPECT_NE(std::string(e.what()).find("corrupt compressed data"), std::string::npos)
          << e.what();
    }
  }
}

TEST(InputSource, DashIsStdinAndCompressedStdinIsDetected) {
  test::TempDir dir;
  writeFile(dir.path() / "in.gz", gzip(kText));
  const int saved = ::dup(0);
  ASSERT_TRUE(std::freopen((dir.path() / "in.gz").c_str(), "rb", stdin));
  std::string got;
  try {
    got = readAll("-");
  } catch (...) {
  }
  ::dup2(saved, 0);
  ::close(saved);
  EXPECT_EQ(got, kText);
}

}  // namespace
}  // namespace bdis::rdf
