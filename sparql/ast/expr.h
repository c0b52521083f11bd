#pragma once
// Expression trees, shared by the AST and the algebra
// (https://www.w3.org/TR/sparql11-query/#expressions, algebra: #sparqlAlgebra 18.2.2.6).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rdf/term.h"

namespace bdis::sparql {

namespace ast {
struct GroupGraphPattern;
}
namespace algebra {
struct Op;
}

/// One expression node. In the AST, EXISTS holds its `pattern`; after
/// translation it holds its algebra `op` instead, and aggregates are replaced by
/// variables bound by the Group operator.
struct Expr {
  enum class Kind : uint8_t {
    Var,       ///< `name` is the variable (without `?`)
    Constant,  ///< `term`
    Or,
    And,  ///< two args
    Equal,
    NotEqual,
    Less,
    Greater,
    LessEq,
    GreaterEq,  ///< two args
    In,
    NotIn,  ///< args[0] IN (args[1..])
    Add,
    Subtract,
    Multiply,
    Divide,  ///< two args
    Not,
    UnaryMinus,
    UnaryPlus,  ///< one arg
    Builtin,    ///< built-in call; `name` upper-case as in the grammar (STR, REGEX, BOUND, ...)
    Function,   ///< call of the function IRI `name`; `distinct` if written with DISTINCT
    Aggregate,  ///< `name` COUNT/SUM/MIN/MAX/AVG/SAMPLE/GROUP_CONCAT; no args = COUNT(*)
    Exists,
    NotExists,  ///< `pattern` (AST) or `op` (algebra)
  };

  Kind kind = Kind::Constant;
  std::string name;                                 ///< See Kind.
  rdf::Term term;                                   ///< Constant only.
  std::vector<Expr> args;                           ///< Operands / call arguments.
  bool distinct = false;                            ///< Aggregates and function calls.
  bool hasSeparator = false;                        ///< GROUP_CONCAT with SEPARATOR.
  std::string separator;                            ///< GROUP_CONCAT separator.
  std::unique_ptr<ast::GroupGraphPattern> pattern;  ///< EXISTS in the AST.
  std::unique_ptr<algebra::Op> op;                  ///< EXISTS in the algebra.

  Expr();
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  /// A variable reference.
  static Expr var(std::string name);
  /// A constant.
  static Expr constant(rdf::Term t);
  /// An operator or call node over `args`.
  static Expr call(Kind kind, std::string name, std::vector<Expr> args);

  /// True when this expression contains an aggregate (not looking inside EXISTS).
  bool hasAggregate() const;
};

/// Builds `args` from a braced list of moved expressions.
template <typename... E>
std::vector<Expr> exprList(E&&... e) {
  std::vector<Expr> v;
  v.reserve(sizeof...(E));
  (v.push_back(std::move(e)), ...);
  return v;
}

}  // namespace bdis::sparql
