// Functions on numerics (17.4.4): ABS, CEIL, FLOOR, ROUND (XPath fn:abs,
// fn:ceiling, fn:floor, fn:round; the result keeps the primitive type).

#include "sparql/expr/builtins.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::expr {

namespace {

using NumericFn = std::optional<Numeric> (*)(const Numeric&);

std::optional<rdf::Term> applyNumeric(Args a, NumericFn fn) {
  if (a.size() != 1) {
    return std::nullopt;
  }
  auto n = numericValue(*a[0]);
  if (!n) {
    return std::nullopt;
  }
  auto r = fn(*n);
  if (!r) {
    return std::nullopt;
  }
  return numericTerm(*r);
}

}  // namespace

std::optional<rdf::Term> fnAbs(Args a, EvalContext&) { return applyNumeric(a, numericAbs); }
std::optional<rdf::Term> fnCeil(Args a, EvalContext&) { return applyNumeric(a, numericCeil); }
std::optional<rdf::Term> fnFloor(Args a, EvalContext&) { return applyNumeric(a, numericFloor); }
std::optional<rdf::Term> fnRound(Args a, EvalContext&) { return applyNumeric(a, numericRound); }

}  // namespace bdis::sparql::expr
