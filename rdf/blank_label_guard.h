#pragma once
// Internal to the RDF reader. In Turtle and TriG, Serd 0.30 renames blank
// labels `_:b<digit>...` to `_:B<digit>...` to keep them apart from the labels
// it generates (`b1`, `b2`, ...). An input that also spells a label
// `_:B<digit>...` would have two distinct blank nodes merged without a word.
// This guard scans the raw bytes Serd is fed and spots inputs holding both
// spellings, so that the reader refuses them instead.

#include <cstdint>
#include <string>
#include <string_view>

namespace bdis::rdf::detail {

/// Scans consecutive pieces of one input. Not thread-safe.
class BlankLabelGuard {
 public:
  /// Scans the next bytes of the input. Returns true once both `_:b<digit>`
  /// and `_:B<digit>` have been seen (then line() and column() locate the
  /// occurrence that completed the pair).
  bool scan(std::string_view bytes);

  /// 1-based line of the occurrence that completed the pair.
  uint64_t line() const { return hitLine_; }
  /// 1-based column (in bytes) of that occurrence.
  uint64_t column() const { return hitColumn_; }

 private:
  bool mark(char letter, uint64_t line, uint64_t column);

  bool lower_ = false;
  bool upper_ = false;
  uint64_t line_ = 1;    // line at the start of the next piece
  uint64_t column_ = 0;  // bytes since the last line break, at the start of the next piece
  std::string tail_;     // the last bytes of the previous piece
  uint64_t hitLine_ = 0;
  uint64_t hitColumn_ = 0;
};

}  // namespace bdis::rdf::detail
