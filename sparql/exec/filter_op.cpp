// Filter (18.5): keeps rows whose expressions all have effective boolean value true.
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
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override { input_->open(seed); }
  bool doNext(Batch& out) override {
    if (!input_->next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i)
      if (evaluateFilter(exprs_, row_, in_.row(i), ctx_)) out.append(in_.row(i));
    return true;
  }
  void doClose() override { input_->close(); }

 private:
  OperatorPtr input_;
  std::vector<const Expr*> exprs_;
  Batch in_;
  IdRow row_;
};

}  // namespace

OperatorPtr makeFilter(ExecContext& ctx, OperatorPtr input, std::vector<const Expr*> exprs) {
  return std::make_unique<FilterOp>(ctx, std::move(input), std::move(exprs));
}

}  // namespace bdis::sparql::exec
