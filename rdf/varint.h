#pragma once
// LEB128-style unsigned varints used by the block and term encodings.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bdis::rdf {

/// Appends `v` as a varint (7 bits per byte, high bit = more follows).
inline void putVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

/// Reads a varint at `pos`, advancing it; false when the bytes end early or it is over 10 bytes.
inline bool getVarint(std::string_view in, size_t& pos, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    if (pos >= in.size()) {
      return false;
    }
    auto byte = static_cast<uint8_t>(in[pos++]);
    v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return true;
    }
  }
  return false;
}

/// Appends `v` as 8 big-endian bytes (keys that sort as numbers).
inline void putBigEndian64(std::string& out, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
}

/// Reads 8 big-endian bytes at `p` (the caller checks the length).
inline uint64_t getBigEndian64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) {
    v = (v << 8) | static_cast<uint8_t>(p[i]);
  }
  return v;
}

}  // namespace bdis::rdf
