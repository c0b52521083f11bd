// Lowering of expressions: operator chains to binary nodes, built-in arities,
// where aggregates may appear, EXISTS patterns.

#include "sparql/parser/grammar/builtins.h"
#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql::parser {
namespace {

using K = Expr::Kind;
using SK = syntax::Expression::Kind;

struct OpName {
  std::string_view op;
  K kind;
};

constexpr OpName kOperators[] = {
    {"||", K::Or},  {"&&", K::And},     {"=", K::Equal},    {"!=", K::NotEqual},
    {"<", K::Less}, {">", K::Greater},  {"<=", K::LessEq},  {">=", K::GreaterEq},
    {"+", K::Add},  {"-", K::Subtract}, {"*", K::Multiply}, {"/", K::Divide},
};

K operatorKind(std::string_view op) {
  for (const auto& o : kOperators) {
    if (o.op == op) {
      return o.kind;
    }
  }
  return K::Or;  // not reached: the grammar only accepts the operators above
}

bool isIri(const Token& t) {
  return t.type == Tok::IriRef || t.type == Tok::PNameNs || t.type == Tok::PNameLn;
}

}  // namespace

Expr Lowering::chain(const syntax::Expression& e) {
  Expr out = expression(e.args[0]);
  for (size_t i = 1; i < e.args.size(); ++i) {
    deeper(e.args[i].offset);
    std::string op = e.kind == SK::Or ? "||" : e.kind == SK::And ? "&&" : e.ops[i - 1];
    out = Expr::call(operatorKind(op), op, exprList(std::move(out), expression(e.args[i])));
  }
  return out;
}

Expr Lowering::expression(const syntax::Expression& e) {
  DepthGuard guard(*this, e.offset);
  switch (e.kind) {
    case SK::Or:
    case SK::And:
    case SK::Additive:
    case SK::Multiplicative:
      return chain(e);
    case SK::Relational: {
      Expr left = expression(e.args[0]);
      return Expr::call(operatorKind(e.name), e.name,
                        exprList(std::move(left), expression(e.args[1])));
    }
    case SK::In: {
      std::vector<Expr> args;
      for (const auto& a : e.args) {
        args.push_back(expression(a));
      }
      return Expr::call(e.negated ? K::NotIn : K::In, e.negated ? "notin" : "in", std::move(args));
    }
    case SK::Unary: {
      K k = e.name == "!" ? K::Not : e.name == "+" ? K::UnaryPlus : K::UnaryMinus;
      return Expr::call(k, e.name, exprList(expression(e.args[0])));
    }
    case SK::Var:
      return Expr::var(var(e.term.token));
    case SK::Constant:
      return Expr::constant(isIri(e.term.token) ? iri(e.term.token) : literal(e.term));
    case SK::Function: {
      std::string name = iri(e.term.token).value;
      std::vector<Expr> args;
      for (const auto& a : e.args) {
        args.push_back(expression(a));
      }
      Expr out = Expr::call(K::Function, std::move(name), std::move(args));
      out.distinct = e.distinct;
      return out;
    }
    case SK::Builtin:
      return builtin(e);
    case SK::Aggregate:
      return aggregate(e);
    case SK::Exists: {
      Expr out =
          Expr::call(e.negated ? K::NotExists : K::Exists, e.negated ? "notexists" : "exists", {});
      bool saved = aggregatesAllowed_;
      int savedDepth = aggregateDepth_;
      aggregatesAllowed_ = false;
      aggregateDepth_ = 0;
      out.pattern = std::make_unique<ast::GroupGraphPattern>(group(e.pattern.at(0)));
      aggregatesAllowed_ = saved;
      aggregateDepth_ = savedDepth;
      return out;
    }
  }
  failAt(e.offset, "unknown expression");
}

Expr Lowering::builtin(const syntax::Expression& e) {
  const BuiltinSpec* spec = findBuiltin(e.name);
  std::string name(spec->name);
  std::vector<Expr> args;
  for (const auto& a : e.args) {
    args.push_back(expression(a));
  }
  int n = static_cast<int>(args.size());
  if (n < spec->minArgs || (spec->maxArgs >= 0 && n > spec->maxArgs)) {
    failAt(e.offset, name + " takes " +
                         (spec->minArgs == spec->maxArgs
                              ? std::to_string(spec->minArgs)
                              : std::to_string(spec->minArgs) + " to " +
                                    (spec->maxArgs < 0 ? std::string("any")
                                                       : std::to_string(spec->maxArgs))) +
                         " argument(s), not " + std::to_string(n));
  }
  if (name == "URI") {
    name = "IRI";
  }
  if (name == "ISURI") {
    name = "ISIRI";
  }
  return Expr::call(K::Builtin, name, std::move(args));
}

Expr Lowering::aggregate(const syntax::Expression& e) {
  std::string name = upperAscii(e.name);
  if (!aggregatesAllowed_) {
    failAt(e.offset, "aggregate " + name + " is not allowed here");
  }
  if (aggregateDepth_ > 0) {
    failAt(e.offset, "aggregates cannot be nested");
  }
  ++aggregateDepth_;
  Expr out = Expr::call(K::Aggregate, name, {});
  out.distinct = e.distinct;
  for (const auto& a : e.args) {
    out.args.push_back(expression(a));
  }
  out.hasSeparator = e.hasSeparator;
  out.separator = e.separator;
  --aggregateDepth_;
  return out;
}

Expr Lowering::constraint(const syntax::Expression& e) {
  if (e.kind == SK::Constant && !e.bracketed) {
    failAt(e.offset, "expected a function call or '(' after FILTER");
  }
  return expression(e);
}

}  // namespace bdis::sparql::parser
