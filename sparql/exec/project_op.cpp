// Project (18.2.5.2): keeps the projected variables, unbinding all others (a
// subquery's inner variables are invisible outside it).
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class ProjectOp final : public Operator {
 public:
  ProjectOp(ExecContext& ctx, OperatorPtr input, std::vector<int> slots)
      : Operator(ctx, "Project"), input_(std::move(input)), keep_(ctx.vars().width(), false) {
    for (int s : slots) {
      keep_[s] = true;
      detail += (detail.empty() ? "?" : " ?") + ctx.vars().name(s);
    }
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    if (!seed) {
      input_->open(nullptr);
      return;
    }
    std::vector<rdf::TermId> s(seed, seed + keep_.size());
    for (size_t i = 0; i < s.size(); ++i)
      if (!keep_[i]) s[i] = rdf::kAny;
    input_->open(s.data());
  }
  bool doNext(Batch& out) override {
    if (!input_->next(out)) return false;
    const size_t w = out.width;
    for (size_t i = 0; i < out.size(); ++i) {
      rdf::TermId* r = out.row(i);
      for (size_t j = 0; j < w; ++j)
        if (!keep_[j]) r[j] = rdf::kAny;
    }
    return true;
  }
  void doClose() override { input_->close(); }

 private:
  OperatorPtr input_;
  std::vector<bool> keep_;
};

}  // namespace

OperatorPtr makeProject(ExecContext& ctx, OperatorPtr input, std::vector<int> slots) {
  return std::make_unique<ProjectOp>(ctx, std::move(input), std::move(slots));
}

}  // namespace bdis::sparql::exec
