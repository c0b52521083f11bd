#include "loaders/bulk/term_arena.h"

namespace bdis::loaders {

void TermArena::add(const rdf::QuadView& q) {
  term(q.s);
  term(q.p);
  term(q.o);
  term(q.g);
  ++count_;
}

void TermArena::clear() {
  bytes_.clear();
  count_ = 0;
}

void TermArena::term(const rdf::TermView& t) {
  bytes_.push_back(static_cast<char>(t.kind));
  if (t.kind == rdf::TermKind::None) return;
  str(t.value);
  if (t.kind == rdf::TermKind::Literal) {
    str(t.datatype);
    str(t.lang);
  }
}

void TermArena::str(std::string_view s) {
  uint64_t n = s.size();
  while (n >= 0x80) {
    bytes_.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  bytes_.push_back(static_cast<char>(n));
  bytes_.append(s);
}

bool TermArena::Reader::next(rdf::QuadView& out) {
  if (pos_ >= data_.size()) return false;
  out.s = term();
  out.p = term();
  out.o = term();
  out.g = term();
  return true;
}

rdf::TermView TermArena::Reader::term() {
  rdf::TermView t;
  t.kind = static_cast<rdf::TermKind>(data_[pos_++]);
  if (t.kind == rdf::TermKind::None) return t;
  t.value = str();
  if (t.kind == rdf::TermKind::Literal) {
    t.datatype = str();
    t.lang = str();
  }
  return t;
}

std::string_view TermArena::Reader::str() {
  uint64_t n = 0;
  int shift = 0;
  for (;;) {
    auto b = static_cast<unsigned char>(data_[pos_++]);
    n |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) break;
    shift += 7;
  }
  std::string_view s(data_.data() + pos_, n);
  pos_ += n;
  return s;
}

}  // namespace bdis::loaders
