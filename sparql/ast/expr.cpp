#include "sparql/ast/expr.h"

#include "sparql/algebra/op.h"
#include "sparql/ast/query.h"

namespace bdis::sparql {

Expr::Expr() = default;
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

Expr Expr::var(std::string name) {
  Expr e;
  e.kind = Kind::Var;
  e.name = std::move(name);
  return e;
}

Expr Expr::constant(rdf::Term t) {
  Expr e;
  e.kind = Kind::Constant;
  e.term = std::move(t);
  return e;
}

Expr Expr::call(Kind kind, std::string name, std::vector<Expr> args) {
  Expr e;
  e.kind = kind;
  e.name = std::move(name);
  e.args = std::move(args);
  return e;
}

bool Expr::hasAggregate() const {
  if (kind == Kind::Aggregate) {
    return true;
  }
  for (const auto& a : args) {
    if (a.hasAggregate()) {
      return true;
    }
  }
  return false;
}

}  // namespace bdis::sparql
