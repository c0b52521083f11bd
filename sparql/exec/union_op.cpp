// Union (18.5): the rows of the left input, then those of the right input.
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class UnionOp final : public Operator {
 public:
  UnionOp(ExecContext& ctx, OperatorPtr left, OperatorPtr right)
      : Operator(ctx, "Union"), left_(std::move(left)), right_(std::move(right)) {}
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.clear();
    if (seed) seed_.assign(seed, seed + ctx_.vars().width());
    left_->open(seed);
    onRight_ = false;
  }
  bool doNext(Batch& out) override {
    if (!onRight_) {
      if (left_->next(out)) return true;
      left_->close();
      onRight_ = true;
      right_->open(seed_.empty() ? nullptr : seed_.data());
    }
    return right_->next(out);
  }
  void doClose() override {
    if (onRight_) {
      right_->close();
    } else {
      left_->close();
    }
  }

 private:
  OperatorPtr left_, right_;
  std::vector<rdf::TermId> seed_;
  bool onRight_ = false;
};

}  // namespace

OperatorPtr makeUnion(ExecContext& ctx, OperatorPtr left, OperatorPtr right) {
  return std::make_unique<UnionOp>(ctx, std::move(left), std::move(right));
}

}  // namespace bdis::sparql::exec
