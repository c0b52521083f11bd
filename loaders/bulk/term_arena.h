#pragma once
// A compact, append-only buffer of quads of terms, so that parse threads can
// hand their output to the interning thread without one allocation per term.

#include <cstdint>
#include <string>

#include "rdf/quad_sink.h"
#include "rdf/term.h"

namespace bdis::loaders {

/// Quads encoded back to back: for each of s, p, o, g a kind byte and three
/// length-prefixed strings (value, datatype, lang).
class TermArena {
 public:
  /// Appends one quad, copying its terms.
  void add(const rdf::QuadView& q);
  /// Number of quads held.
  uint64_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  void clear();

  /// Reads the quads back in order. Views are valid while the arena is unchanged.
  class Reader {
   public:
    explicit Reader(const TermArena& arena) : data_(arena.bytes_), pos_(0) {}
    /// The next quad, or false at the end.
    bool next(rdf::QuadView& out);

   private:
    rdf::TermView term();
    std::string_view str();
    const std::string& data_;
    size_t pos_;
  };

 private:
  void term(const rdf::TermView& t);
  void str(std::string_view s);
  std::string bytes_;
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
