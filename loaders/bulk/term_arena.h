#pragma once
// A compact, append-only buffer of quads whose terms are already prepared for
// interning (inline id, or serialized form and hash), so that parse threads do
// that work in parallel and hand the interning thread one contiguous buffer.

#include <cstdint>
#include <string>
#include <string_view>

#include "rdf/quad_sink.h"
#include "rdf/term.h"
#include "rdf/term_id.h"

namespace bdis::loaders {

/// One term as the interning thread needs it.
struct PreparedTerm {
  enum class Kind : uint8_t { None, Inline, Dictionary };
  Kind kind = Kind::None;
  rdf::TermId inlineId;         ///< Kind::Inline
  uint64_t hash = 0;            ///< Kind::Dictionary: termHash(serialized)
  std::string_view serialized;  ///< Kind::Dictionary: valid while the arena is unchanged
};

/// Quads encoded back to back: for each of s, p, o, g a kind byte, then an
/// inline id (8 bytes), or a hash (8 bytes) and length-prefixed serialized bytes.
class TermArena {
 public:
  /// Appends one quad, preparing its terms.
  void add(const rdf::QuadView& q);
  /// Number of quads held.
  uint64_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  void clear();

  /// Reads the quads back in order. Views are valid while the arena is unchanged.
  class Reader {
   public:
    explicit Reader(const TermArena& arena) : data_(arena.bytes_), pos_(0) {}
    /// The next quad's terms (s, p, o, g), or false at the end.
    bool next(PreparedTerm (&out)[4]);

   private:
    uint64_t fixed64();
    const std::string& data_;
    size_t pos_;
  };

 private:
  void term(const rdf::TermView& t);
  void fixed64(uint64_t v);
  std::string bytes_;
  std::string serial_;
  uint64_t count_ = 0;
};

/// A QuadSink that fills a TermArena.
class ArenaSink : public rdf::QuadSink {
 public:
  explicit ArenaSink(TermArena& arena) : arena_(arena) {}
  void quad(const rdf::QuadView& q) override { arena_.add(q); }

 private:
  TermArena& arena_;
};

}  // namespace bdis::loaders
