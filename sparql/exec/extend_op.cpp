// Extend (18.5, BIND and SELECT expressions): binds a variable to an
// expression's value; an error leaves it unbound.
#include "sparql/algebra/sse.h"
#include "sparql/exec/id_row.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class ExtendOp final : public Operator {
 public:
  ExtendOp(ExecContext& ctx, OperatorPtr input, int slot, const Expr& e)
      : Operator(ctx, "Extend"), input_(std::move(input)), slot_(slot), e_(e), row_(ctx) {
    detail = "?" + ctx.vars().name(slot) + " := " + algebra::toSse(e);
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override { input_->open(seed); }
  bool doNext(Batch& out) override {
    if (!input_->next(out)) return false;
    // Consecutive Extends (SELECT expressions) see one solution per row:
    // BNODE(str) must give the same node for the same string within it.
    const auto* below = dynamic_cast<const ExtendOp*>(input_.get());
    solutionIds_.resize(out.size());
    for (size_t i = 0; i < out.size(); ++i) {
      solutionIds_[i] = below && i < below->solutionIds_.size()
                            ? below->solutionIds_[i]
                            : ctx_.newSolutionId();
      rdf::TermId* r = out.row(i);
      if (!r[slot_].isAny()) continue;  // bound by a seed (EXISTS substitution)
      ctx_.eval().solutionId = solutionIds_[i];
      r[slot_] = evaluateToId(e_, row_, r, ctx_, true);
    }
    return true;
  }
  void doClose() override { input_->close(); }

 private:
  OperatorPtr input_;
  int slot_;
  const Expr& e_;
  IdRow row_;
  std::vector<uint64_t> solutionIds_;
};

class BindConstantOp final : public Operator {
 public:
  BindConstantOp(ExecContext& ctx, OperatorPtr input, int slot, rdf::TermId value)
      : Operator(ctx, "BindConstant"), input_(std::move(input)), slot_(slot), value_(value),
        in_(ctx.vars().width()) {
    detail = "?" + ctx.vars().name(slot);
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override { input_->open(seed); }
  bool doNext(Batch& out) override {
    if (!input_->next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      const rdf::TermId* r = in_.row(i);
      if (!r[slot_].isAny() && r[slot_] != value_) continue;
      out.append(r)[slot_] = value_;
    }
    return true;
  }
  void doClose() override { input_->close(); }

 private:
  OperatorPtr input_;
  int slot_;
  rdf::TermId value_;
  Batch in_;
};

}  // namespace

OperatorPtr makeExtend(ExecContext& ctx, OperatorPtr input, int slot, const Expr& e) {
  return std::make_unique<ExtendOp>(ctx, std::move(input), slot, e);
}

OperatorPtr makeBindConstant(ExecContext& ctx, OperatorPtr input, int slot, rdf::TermId value) {
  return std::make_unique<BindConstantOp>(ctx, std::move(input), slot, value);
}

}  // namespace bdis::sparql::exec
