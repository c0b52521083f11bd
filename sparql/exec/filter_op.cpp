// Filter (18.5): keeps rows whose expressions all have effective boolean value true.
//
// A filter that is a conjunction of comparisons between a variable and an
// xsd:integer constant (FILTER(?e >= 100 && ?e < 120)) is decided on the ids
// when the variable holds an inline integer: no decoding, no Term. Any other
// row (unbound, a decimal, a string...) goes through the evaluator, which
// also gives the error semantics.
#include <limits>

#include "sparql/expr/numeric.h"
#include "sparql/expr/xsd.h"
#include "sparql/algebra/sse.h"
#include "sparql/exec/id_row.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class FilterOp final : public Operator {
 public:
  FilterOp(ExecContext& ctx, OperatorPtr input, std::vector<const Expr*> exprs)
      : Operator(ctx, "Filter"),
        input_(std::move(input)),
        exprs_(std::move(exprs)),
        in_(ctx.vars().width()),
        row_(ctx) {
    for (const Expr* e : exprs_) detail += (detail.empty() ? "" : " ") + algebra::toSse(*e);
    fast_ = !exprs_.empty();
    for (const Expr* e : exprs_) fast_ = fast_ && compile(*e);
    if (!fast_) cmps_.clear();
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override { input_->open(seed); }
  bool doNext(Batch& out) override {
    if (!input_->next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      const rdf::TermId* r = in_.row(i);
      int v = fast_ ? decide(r) : -1;
      if (v < 0) v = evaluateFilter(exprs_, row_, r, ctx_) ? 1 : 0;
      if (v) out.append(r);
    }
    return true;
  }
  void doClose() override { input_->close(); }

 private:
  /// ?var <op> constant, with the operator turned around when the constant
  /// is on the left.
  struct Cmp {
    int slot;
    Expr::Kind op;
    int64_t value;
  };

  /// Adds the comparisons of `e` to cmps_; false when `e` is not a
  /// conjunction of variable/integer-constant comparisons.
  bool compile(const Expr& e) {
    using K = Expr::Kind;
    if (e.kind == K::And && e.args.size() == 2) return compile(e.args[0]) && compile(e.args[1]);
    const bool cmp = e.kind == K::Equal || e.kind == K::NotEqual || e.kind == K::Less ||
                     e.kind == K::Greater || e.kind == K::LessEq || e.kind == K::GreaterEq;
    if (!cmp || e.args.size() != 2) return false;
    const bool varLeft = e.args[0].kind == K::Var && e.args[1].kind == K::Constant;
    const bool varRight = e.args[1].kind == K::Var && e.args[0].kind == K::Constant;
    if (!varLeft && !varRight) return false;
    const Expr& var = e.args[varLeft ? 0 : 1];
    const rdf::Term& c = e.args[varLeft ? 1 : 0].term;
    if (c.kind != rdf::TermKind::Literal || c.datatype != expr::kXsdInteger) return false;
    auto n = expr::numericValue(c);
    if (!n || n->integer < std::numeric_limits<int64_t>::min() ||
        n->integer > std::numeric_limits<int64_t>::max())
      return false;
    int slot = ctx_.vars().find(var.name);
    if (slot < 0) return false;
    K op = e.kind;
    if (varRight) {
      op = op == K::Less ? K::Greater : op == K::Greater ? K::Less : op == K::LessEq ? K::GreaterEq
           : op == K::GreaterEq ? K::LessEq : op;
    }
    cmps_.push_back(Cmp{slot, op, static_cast<int64_t>(n->integer)});
    return true;
  }

  /// 1 or 0 when every compared variable holds an inline integer, else -1.
  int decide(const rdf::TermId* r) const {
    bool all = true;
    for (const Cmp& c : cmps_) {
      const rdf::TermId id = r[c.slot];
      if (id.tag() != rdf::IdTag::Integer) return -1;
      const int64_t x = rdf::unzigzag(id.payload());
      bool ok = false;
      switch (c.op) {
        case Expr::Kind::Equal: ok = x == c.value; break;
        case Expr::Kind::NotEqual: ok = x != c.value; break;
        case Expr::Kind::Less: ok = x < c.value; break;
        case Expr::Kind::Greater: ok = x > c.value; break;
        case Expr::Kind::LessEq: ok = x <= c.value; break;
        case Expr::Kind::GreaterEq: ok = x >= c.value; break;
        default: return -1;
      }
      all = all && ok;
    }
    return all ? 1 : 0;
  }

  OperatorPtr input_;
  std::vector<const Expr*> exprs_;
  std::vector<Cmp> cmps_;
  bool fast_ = false;
  Batch in_;
  IdRow row_;
};

}  // namespace

OperatorPtr makeFilter(ExecContext& ctx, OperatorPtr input, std::vector<const Expr*> exprs) {
  return std::make_unique<FilterOp>(ctx, std::move(input), std::move(exprs));
}

}  // namespace bdis::sparql::exec
