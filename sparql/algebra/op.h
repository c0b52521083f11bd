#pragma once
// The base of the SPARQL algebra operators
// (https://www.w3.org/TR/sparql11-query/#sparqlAlgebra). One operator per header.

#include <cstdint>
#include <memory>

namespace bdis::sparql::algebra {

/// Which operator an Op is; `static_cast` to the matching type after checking.
enum class OpKind : uint8_t {
  Bgp,
  Path,
  Join,
  LeftJoin,
  Filter,
  Union,
  Minus,
  Graph,
  Service,
  Extend,
  Group,
  Table,
  Project,
  Distinct,
  Reduced,
  OrderBy,
  Slice,
};

/// An algebra operator. Trees are owned top-down through OpPtr.
struct Op {
  explicit Op(OpKind k) : kind(k) {}
  virtual ~Op() = default;
  Op(const Op&) = delete;
  Op& operator=(const Op&) = delete;
  const OpKind kind;
};

/// Owning pointer to an operator.
using OpPtr = std::unique_ptr<Op>;

/// `op` as the operator type T (checked by the caller through `op.kind`).
template <typename T>
const T& as(const Op& op) {
  return static_cast<const T&>(op);
}
/// Mutable variant of as().
template <typename T>
T& as(Op& op) {
  return static_cast<T&>(op);
}

}  // namespace bdis::sparql::algebra
