#include "sparql/planner/integer_range.h"

#include <algorithm>
#include <limits>

#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::planner {

namespace {

/// Inclusive value bounds; the inline payload is 60 bits, so values stay within ±2^58.
struct Bounds {
  int64_t lo = std::numeric_limits<int64_t>::min();
  int64_t hi = std::numeric_limits<int64_t>::max();
  bool any = false;
};

void collect(const Expr& e, const std::string& var, Bounds& b) {
  using K = Expr::Kind;
  if (e.kind == K::And && e.args.size() == 2) {
    collect(e.args[0], var, b);
    collect(e.args[1], var, b);
    return;
  }
  const bool cmp = e.kind == K::Equal || e.kind == K::Less || e.kind == K::Greater ||
                   e.kind == K::LessEq || e.kind == K::GreaterEq;
  if (!cmp || e.args.size() != 2) return;
  const bool varLeft = e.args[0].kind == K::Var && e.args[1].kind == K::Constant;
  const bool varRight = e.args[1].kind == K::Var && e.args[0].kind == K::Constant;
  if (!varLeft && !varRight) return;
  if (e.args[varLeft ? 0 : 1].name != var) return;
  const rdf::Term& c = e.args[varLeft ? 1 : 0].term;
  if (c.kind != rdf::TermKind::Literal || c.datatype != expr::kXsdInteger) return;
  auto n = expr::numericValue(c);
  constexpr expr::Int128 kLimit = expr::Int128{1} << 58;
  if (!n || n->integer < -kLimit || n->integer > kLimit) return;
  const auto v = static_cast<int64_t>(n->integer);
  K op = e.kind;
  if (varRight) {
    op = op == K::Less ? K::Greater : op == K::Greater ? K::Less : op == K::LessEq ? K::GreaterEq
         : op == K::GreaterEq ? K::LessEq : op;
  }
  switch (op) {
    case K::Equal: b.lo = std::max(b.lo, v); b.hi = std::min(b.hi, v); break;
    case K::Less: b.hi = std::min(b.hi, v - 1); break;
    case K::LessEq: b.hi = std::min(b.hi, v); break;
    case K::Greater: b.lo = std::max(b.lo, v + 1); break;
    case K::GreaterEq: b.lo = std::max(b.lo, v); break;
    default: return;
  }
  b.any = true;
}

}  // namespace

std::optional<IntegerIdRange> integerIdRange(const std::vector<const Expr*>& filters,
                                             const std::string& var) {
  Bounds b;
  for (const Expr* e : filters) collect(*e, var, b);
  if (!b.any) return std::nullopt;
  constexpr uint64_t kMaxPayload = (uint64_t{1} << 60) - 1;
  auto id = [](uint64_t payload) { return rdf::TermId::make(rdf::IdTag::Integer, payload); };
  if (b.lo > b.hi) return IntegerIdRange{id(1), id(0)};  // nothing passes: an empty range
  // zigzag: v >= 0 -> 2v, v < 0 -> -2v - 1; so |v| orders the payloads.
  auto zz = [](int64_t v) { return rdf::zigzag(v); };
  uint64_t lo = 0, hi = kMaxPayload;
  const bool loSet = b.lo != std::numeric_limits<int64_t>::min();
  const bool hiSet = b.hi != std::numeric_limits<int64_t>::max();
  if (loSet && b.lo >= 0) {
    lo = zz(b.lo);
    hi = hiSet ? zz(b.hi) : kMaxPayload;
  } else if (hiSet && b.hi < 0) {
    lo = zz(b.hi);
    hi = loSet ? zz(b.lo) : kMaxPayload;
  } else if (loSet && hiSet) {
    hi = std::max(zz(b.lo), zz(b.hi));
  } else {
    return std::nullopt;  // unbounded on the side of zero's far end: the whole range
  }
  return IntegerIdRange{id(lo), id(std::min(hi, kMaxPayload))};
}

}  // namespace bdis::sparql::planner
