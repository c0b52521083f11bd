// Expression evaluation: operators, logical connectives with error semantics,
// IN, the special forms (BOUND, IF, COALESCE, EXISTS) and the dispatch to built-in
// functions, casts and extension functions
// (https://www.w3.org/TR/sparql11-query/#evaluation).

#include "sparql/expr/evaluator.h"

#include <boost/container/small_vector.hpp>

#include "sparql/expr/builtins.h"
#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

using K = Expr::Kind;

/// The result of evaluating a subexpression: an error, a term borrowed from the row
/// or the expression (valid while they are), or an owned term.
class Value {
 public:
  Value() = default;
  static Value borrowed(const rdf::Term* t) {
    Value v;
    v.ptr_ = t;
    return v;
  }
  static Value owned(std::optional<rdf::Term> t) {
    Value v;
    v.own_ = std::move(t);
    return v;
  }
  explicit operator bool() const { return ptr_ != nullptr || own_.has_value(); }
  const rdf::Term& operator*() const { return own_ ? *own_ : *ptr_; }
  const rdf::Term* operator->() const { return &**this; }
  /// The term as an owned value (moved when owned).
  std::optional<rdf::Term> release() {
    if (own_) {
      return std::move(own_);
    }
    if (ptr_) {
      return *ptr_;
    }
    return std::nullopt;
  }

 private:
  const rdf::Term* ptr_ = nullptr;
  std::optional<rdf::Term> own_;
};

class Evaluator {
 public:
  Evaluator(const Row& row, EvalContext& ctx) : row_(row), ctx_(ctx) {}

  /// The value of `e`.
  Value eval(const Expr& e);
  /// The effective boolean value of `e`; boolean-valued nodes (connectives,
  /// comparisons, IN, BOUND, EXISTS) are decided without building a term.
  std::optional<bool> test(const Expr& e);

 private:
  std::optional<bool> logical(const Expr& e, bool isOr);
  std::optional<bool> comparison(const Expr& e);
  std::optional<bool> in(const Expr& e, bool negated);
  Value arithmeticOp(const Expr& e, ArithOp op);
  Value builtin(const Expr& e);
  Value function(const Expr& e);
  static Value boolean(std::optional<bool> b) {
    if (!b) {
      return Value();
    }
    return Value::owned(booleanLiteral(*b));
  }
  static bool isBound(const Expr& e) { return e.kind == K::Builtin && e.name == "BOUND"; }

  const Row& row_;
  EvalContext& ctx_;
};

std::optional<bool> Evaluator::test(const Expr& e) {
  switch (e.kind) {
    case K::Or:
      return logical(e, true);
    case K::And:
      return logical(e, false);
    case K::Equal:
    case K::NotEqual:
    case K::Less:
    case K::Greater:
    case K::LessEq:
    case K::GreaterEq:
      return comparison(e);
    case K::In:
      return in(e, false);
    case K::NotIn:
      return in(e, true);
    case K::Not: {
      if (e.args.size() != 1) {
        return std::nullopt;
      }
      auto b = test(e.args[0]);
      if (!b) {
        return std::nullopt;
      }
      return !*b;
    }
    case K::Exists:
    case K::NotExists: {
      if (!ctx_.exists || !e.op) {
        return std::nullopt;
      }
      bool found = ctx_.exists(*e.op, row_);
      return e.kind == K::Exists ? found : !found;
    }
    default:
      break;
  }
  if (isBound(e)) {
    if (e.args.size() != 1 || e.args[0].kind != K::Var) {
      return std::nullopt;
    }
    return row_.get(e.args[0].name) != nullptr;
  }
  Value v = eval(e);
  if (!v) {
    return std::nullopt;
  }
  return effectiveBooleanValue(*v);
}

Value Evaluator::eval(const Expr& e) {
  switch (e.kind) {
    case K::Var:
      return Value::borrowed(row_.get(e.name));
    case K::Constant:
      return Value::borrowed(&e.term);
    case K::Or:
    case K::And:
    case K::Equal:
    case K::NotEqual:
    case K::Less:
    case K::Greater:
    case K::LessEq:
    case K::GreaterEq:
    case K::In:
    case K::NotIn:
    case K::Not:
    case K::Exists:
    case K::NotExists:
      return boolean(test(e));
    case K::Add:
      return arithmeticOp(e, ArithOp::Add);
    case K::Subtract:
      return arithmeticOp(e, ArithOp::Subtract);
    case K::Multiply:
      return arithmeticOp(e, ArithOp::Multiply);
    case K::Divide:
      return arithmeticOp(e, ArithOp::Divide);
    case K::UnaryMinus:
    case K::UnaryPlus: {
      if (e.args.size() != 1) {
        return Value();
      }
      Value v = eval(e.args[0]);
      if (!v) {
        return Value();
      }
      auto n = numericValue(*v);
      if (!n) {
        return Value();
      }
      if (e.kind == K::UnaryPlus) {
        return v;
      }
      auto r = negate(*n);
      if (!r) {
        return Value();
      }
      return Value::owned(numericTerm(*r));
    }
    case K::Builtin:
      return isBound(e) ? boolean(test(e)) : builtin(e);
    case K::Function:
      return function(e);
    case K::Aggregate:
      return Value();  // replaced by a variable before evaluation
  }
  return Value();
}

std::optional<bool> Evaluator::logical(const Expr& e, bool isOr) {
  if (e.args.size() != 2) {
    return std::nullopt;
  }
  // || is true when either side is true, && false when either side is false, even
  // if the other side is an error (17.2 truth table).
  auto left = test(e.args[0]);
  if (left && *left == isOr) {
    return isOr;
  }
  auto right = test(e.args[1]);
  if (right && *right == isOr) {
    return isOr;
  }
  if (!left || !right) {
    return std::nullopt;
  }
  return !isOr;
}

std::optional<bool> Evaluator::comparison(const Expr& e) {
  if (e.args.size() != 2) {
    return std::nullopt;
  }
  Value a = eval(e.args[0]);
  if (!a) {
    return std::nullopt;
  }
  Value b = eval(e.args[1]);
  if (!b) {
    return std::nullopt;
  }
  switch (e.kind) {
    case K::Equal:
      return equalTerms(*a, *b);
    case K::NotEqual: {
      auto r = equalTerms(*a, *b);
      if (!r) {
        return std::nullopt;
      }
      return !*r;
    }
    case K::Less:
      return compareTerms(CompareOp::Less, *a, *b);
    case K::Greater:
      return compareTerms(CompareOp::Greater, *a, *b);
    case K::LessEq:
      return compareTerms(CompareOp::LessEq, *a, *b);
    default:
      return compareTerms(CompareOp::GreaterEq, *a, *b);
  }
}

std::optional<bool> Evaluator::in(const Expr& e, bool negated) {
  if (e.args.empty()) {
    return std::nullopt;
  }
  Value lhs = eval(e.args[0]);
  if (!lhs) {
    return std::nullopt;
  }
  bool error = false;
  for (size_t i = 1; i < e.args.size(); ++i) {
    Value v = eval(e.args[i]);
    if (!v) {
      error = true;
      continue;
    }
    auto eq = equalTerms(*lhs, *v);
    if (!eq) {
      error = true;
    } else if (*eq) {
      return !negated;
    }
  }
  if (error) {
    return std::nullopt;
  }
  return negated;
}

Value Evaluator::arithmeticOp(const Expr& e, ArithOp op) {
  if (e.args.size() != 2) {
    return Value();
  }
  Value a = eval(e.args[0]);
  if (!a) {
    return Value();
  }
  Value b = eval(e.args[1]);
  if (!b) {
    return Value();
  }
  auto x = numericValue(*a);
  if (!x) {
    return Value();
  }
  auto y = numericValue(*b);
  if (!y) {
    return Value();
  }
  auto r = arithmetic(op, *x, *y);
  if (!r) {
    return Value();
  }
  return Value::owned(numericTerm(*r));
}

Value Evaluator::builtin(const Expr& e) {
  const std::string& name = e.name;
  if (name == "IF") {
    if (e.args.size() != 3) {
      return Value();
    }
    auto c = test(e.args[0]);
    if (!c) {
      return Value();
    }
    return eval(e.args[*c ? 1 : 2]);
  }
  if (name == "COALESCE") {
    for (const Expr& a : e.args) {
      if (Value v = eval(a)) {
        return v;
      }
    }
    return Value();
  }
  BuiltinFn fn = findBuiltin(name);
  if (!fn) {
    return Value();
  }
  boost::container::small_vector<Value, 4> values;
  boost::container::small_vector<const rdf::Term*, 4> ptrs;
  values.reserve(e.args.size());
  for (const Expr& a : e.args) {
    values.push_back(eval(a));
    if (!values.back()) {
      return Value();
    }
  }
  for (const Value& v : values) {
    ptrs.push_back(&*v);
  }
  return Value::owned(fn(Args(ptrs.data(), ptrs.size()), ctx_));
}

Value Evaluator::function(const Expr& e) {
  if (isCastFunction(e.name)) {
    if (e.args.size() != 1) {
      return Value();
    }
    Value v = eval(e.args[0]);
    if (!v) {
      return Value();
    }
    return Value::owned(castTo(e.name, *v));
  }
  if (!ctx_.extension) {
    return Value();
  }
  std::vector<rdf::Term> args;
  args.reserve(e.args.size());
  for (const Expr& a : e.args) {
    Value v = eval(a);
    if (!v) {
      return Value();
    }
    args.push_back(*v.release());
  }
  return Value::owned(ctx_.extension(e.name, args));
}

}  // namespace

std::optional<rdf::Term> evaluate(const Expr& e, const Row& row, EvalContext& ctx) {
  Evaluator ev(row, ctx);
  return ev.eval(e).release();
}

std::optional<bool> evaluateBoolean(const Expr& e, const Row& row, EvalContext& ctx) {
  Evaluator ev(row, ctx);
  return ev.test(e);
}

}  // namespace bdis::sparql::expr
