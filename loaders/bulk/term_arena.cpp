#include "loaders/bulk/term_arena.h"

#include <cstring>

#include "rdf/term_codec.h"
#include "rdf/varint.h"

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

void TermArena::fixed64(uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  bytes_.append(b, 8);
}

void TermArena::term(const rdf::TermView& t) {
  if (t.isNone()) {
    bytes_.push_back(static_cast<char>(PreparedTerm::Kind::None));
    return;
  }
  if (auto inl = rdf::encodeInline(t)) {
    bytes_.push_back(static_cast<char>(PreparedTerm::Kind::Inline));
    fixed64(inl->raw);
    return;
  }
  serial_.clear();
  rdf::serializeTerm(t, serial_);
  bytes_.push_back(static_cast<char>(PreparedTerm::Kind::Dictionary));
  fixed64(rdf::termHash(serial_));
  rdf::putVarint(bytes_, serial_.size());
  bytes_.append(serial_);
}

uint64_t TermArena::Reader::fixed64() {
  uint64_t v = 0;
  std::memcpy(&v, data_.data() + pos_, 8);
  pos_ += 8;
  return v;
}

bool TermArena::Reader::next(PreparedTerm (&out)[4]) {
  if (pos_ >= data_.size()) return false;
  for (PreparedTerm& t : out) {
    t.kind = static_cast<PreparedTerm::Kind>(data_[pos_++]);
    if (t.kind == PreparedTerm::Kind::Inline) {
      t.inlineId = rdf::TermId(fixed64());
    } else if (t.kind == PreparedTerm::Kind::Dictionary) {
      t.hash = fixed64();
      uint64_t n = 0;
      rdf::getVarint(data_, pos_, n);
      t.serialized = std::string_view(data_.data() + pos_, n);
      pos_ += n;
    }
  }
  return true;
}

}  // namespace bdis::loaders
