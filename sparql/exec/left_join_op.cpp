// LeftJoin (18.5, OPTIONAL with its filter): every left row joined with the
// compatible right rows that satisfy the filter, or kept alone when none does.
// Correlated mode reopens the right plan per left row with the row as seed
// (an index nested loop); otherwise the right side is hashed once.
#include "sparql/exec/id_row.h"
#include "sparql/exec/operators.h"
#include "sparql/exec/row_store.h"

namespace bdis::sparql::exec {
namespace {

class LeftJoinOp final : public Operator {
 public:
  LeftJoinOp(ExecContext& ctx, OperatorPtr left, OperatorPtr right, std::vector<const Expr*> exprs,
             bool correlated, std::vector<int> keys)
      : Operator(ctx, correlated ? "LeftJoin(index)" : "LeftJoin(hash)"),
        left_(std::move(left)),
        right_(std::move(right)),
        exprs_(std::move(exprs)),
        correlated_(correlated),
        table_(ctx, std::move(keys)),
        in_(ctx.vars().width()),
        rb_(ctx.vars().width()),
        idRow_(ctx),
        merged_(ctx.vars().width()) {
    if (!exprs_.empty()) detail = "with filter";
  }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    table_.clear();
    if (!correlated_) {
      right_->open(seed);
      while (right_->next(rb_))
        for (size_t i = 0; i < rb_.size(); ++i) table_.add(rb_.row(i));
      right_->close();
    }
    left_->open(seed);
    in_.clear();
    inPos_ = 0;
  }

  bool doNext(Batch& out) override {
    const size_t w = in_.width;
    while (!out.full()) {
      if (inPos_ >= in_.size()) {
        if (!left_->next(in_)) return !out.empty();
        inPos_ = 0;
      }
      const rdf::TermId* l = in_.row(inPos_++);
      bool matched = false;
      if (correlated_) {
        right_->open(l);
        while (right_->next(rb_)) {
          for (size_t j = 0; j < rb_.size(); ++j) {
            if (!passes(rb_.row(j))) continue;
            out.append(rb_.row(j));
            matched = true;
          }
        }
        right_->close();
      } else {
        table_.candidates(l, [&](const rdf::TermId* r) {
          if (!compatible(l, r, w)) return;
          mergeInto(merged_.data(), l, r, w);
          if (!passes(merged_.data())) return;
          out.append(merged_.data());
          matched = true;
        });
      }
      if (!matched) out.append(l);
    }
    return true;
  }

  void doClose() override {
    left_->close();
    table_.clear();
  }

 private:
  bool passes(const rdf::TermId* row) {
    return exprs_.empty() || evaluateFilter(exprs_, idRow_, row, ctx_);
  }

  OperatorPtr left_, right_;
  std::vector<const Expr*> exprs_;
  bool correlated_;
  RowStore table_;
  Batch in_, rb_;
  size_t inPos_ = 0;
  IdRow idRow_;
  std::vector<rdf::TermId> merged_;
};

}  // namespace

OperatorPtr makeLeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         std::vector<const Expr*> exprs, bool correlated,
                         std::vector<int> keySlots) {
  return std::make_unique<LeftJoinOp>(ctx, std::move(left), std::move(right), std::move(exprs),
                                      correlated, std::move(keySlots));
}

}  // namespace bdis::sparql::exec
