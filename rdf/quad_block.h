#pragma once
// Delta-compressed blocks of quads, the values of the seven index databases.
//
// A quad inside an index is a Key4: its four ids permuted into the index order.
// A block holds strictly increasing Key4s:
//   u32 count (little-endian) | first quad as 4 varints | one entry per further quad
// where an entry names the first component d that differs from the previous quad,
// the (positive) delta of that component, and the following components in full,
// except a last component equal to the previous quad's (store format 5; the graph of
// SPOG, POSG, OSPG and PSOG, nearly always the same from one quad to the next):
//   token = varint(delta << 4 | same << 3 | d << 1) when delta < 2^60,
//           else varint(same << 3 | d << 1 | 1) varint(delta);
//   then varints of components d+1..2, and of component 3 unless `same`
//   (`same` is 1 only when d < 3 and component 3 equals the previous quad's).
// A block's LMDB key is its first quad as 32 big-endian bytes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/store.h"

namespace bdis::rdf {

/// A quad permuted into an index order (raw id values).
using Key4 = std::array<uint64_t, 4>;

/// Lexicographic order on Key4, spelled out (faster than std::less on arrays in sorts).
struct Key4Less {
  bool operator()(const Key4& a, const Key4& b) const {
    if (a[0] != b[0]) {
      return a[0] < b[0];
    }
    if (a[1] != b[1]) {
      return a[1] < b[1];
    }
    if (a[2] != b[2]) {
      return a[2] < b[2];
    }
    return a[3] < b[3];
  }
};

/// Largest encoded block: exactly one LMDB overflow page of 4 KiB.
inline constexpr size_t kMaxBlockBytes = 4080;
/// Largest block of the GSPO order (format 3 on), the order of per-subject probes
/// (OPTIONAL, index joins on a bound subject, in a known graph such as the default
/// one): three blocks with their keys fit in one 4 KiB leaf page, so a probe decodes at
/// most 1.3 KB instead of 4 KB. The other orders keep one-page blocks: smaller blocks
/// cost about 3% more disk per order (0.3 bytes per triple), and the 60-byte target
/// leaves room for one such order.
inline constexpr size_t kMaxProbeBlockBytes = 1300;
/// The largest block of an order.
constexpr size_t maxBlockBytes(IndexOrder order) {
  return order == IndexOrder::GSPO ? kMaxProbeBlockBytes : kMaxBlockBytes;
}
/// Size of a block key.
inline constexpr size_t kBlockKeyBytes = 32;

/// Quad positions (0 = s, 1 = p, 2 = o, 3 = g) of an index order, in key order.
const std::array<int, 4>& orderPositions(IndexOrder order);
/// A quad permuted into an index order.
Key4 permute(const QuadIds& q, IndexOrder order);
/// The inverse of permute().
QuadIds unpermute(const Key4& k, IndexOrder order);
/// The 32-byte big-endian key of a block starting with `k`.
std::string blockKey(const Key4& k);
/// The same key written into `out` (no allocation: index probes build one per lookup).
void blockKeyInto(const Key4& k, std::array<char, kBlockKeyBytes>& out);
/// Parses a block key; throws StorageError when it is not 32 bytes.
Key4 parseBlockKey(std::string_view key);

/// Builds one block quad by quad. Quads must be added in strictly increasing order.
class BlockEncoder {
 public:
  BlockEncoder() { clear(); }
  /// Starts an empty block.
  void clear();
  /// Appends a quad greater than the last one.
  void add(const Key4& k);
  /// Undoes the last add() (one step only).
  void undoLast();
  /// Encoded size in bytes.
  size_t size() const { return bytes_.size(); }
  /// Quads in the block.
  uint32_t count() const { return count_; }
  /// The first quad (count() > 0).
  const Key4& first() const { return first_; }
  /// The last quad (count() > 0).
  const Key4& last() const { return last_; }
  /// The encoded block; valid until the next change.
  std::string_view bytes();

 private:
  std::string bytes_;
  uint32_t count_ = 0;
  Key4 first_{};
  Key4 last_{};
  Key4 prevLast_{};
  size_t prevSize_ = 0;
};

/// The number of quads in a block, from its header. Throws StorageError when malformed.
uint32_t blockCount(std::string_view block);
/// Appends the quads of a block to `out`. Throws StorageError when malformed
/// (truncated, trailing bytes, count mismatch, non-increasing order).
void decodeBlock(std::string_view block, std::vector<Key4>& out);
/// Appends the quads of a block within [lo, hi] to `out`, stopping at the first
/// quad past `hi` (the encoding is then checked only as far as it was read).
/// Returns true when it met such a quad: no later block holds quads of the range.
bool decodeRange(std::string_view block, const Key4& lo, const Key4& hi, std::vector<Key4>& out);

}  // namespace bdis::rdf
