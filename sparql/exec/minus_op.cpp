// Minus (18.5): keeps a left row unless some right row is compatible with it
// and shares at least one bound variable (disjoint domains never remove).
#include "sparql/exec/operators.h"
#include "sparql/exec/row_store.h"

namespace bdis::sparql::exec {
namespace {

class MinusOp final : public Operator {
 public:
  MinusOp(ExecContext& ctx, OperatorPtr left, OperatorPtr right)
      : Operator(ctx, "Minus"),
        left_(std::move(left)),
        right_(std::move(right)),
        in_(ctx.vars().width()) {}
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    // The right side is evaluated on its own (no substitution from the left).
    const size_t w = in_.width;
    std::vector<rdf::TermId> rows;
    right_->open(seed);
    Batch b(w);
    while (right_->next(b)) rows.insert(rows.end(), b.ids.begin(), b.ids.end());
    right_->close();
    // Index on a slot bound in every right row, when there is one.
    int key = -1;
    size_t n = rows.size() / w;
    for (size_t s = 1; s < w && n > 0 && key < 0; ++s) {
      bool all = true;
      for (size_t i = 0; i < n && all; ++i) all = !rows[i * w + s].isAny();
      if (all) key = static_cast<int>(s);
    }
    table_ = std::make_unique<RowStore>(ctx_, key >= 0 ? std::vector<int>{key} : std::vector<int>{});
    for (size_t i = 0; i < n; ++i) table_->add(rows.data() + i * w);
    left_->open(seed);
  }
  bool doNext(Batch& out) override {
    if (!left_->next(in_)) return false;
    const size_t w = in_.width;
    for (size_t i = 0; i < in_.size(); ++i) {
      const rdf::TermId* l = in_.row(i);
      bool removed = false;
      table_->candidates(l, [&](const rdf::TermId* r) {
        if (removed || !compatible(l, r, w)) return;
        for (size_t s = 1; s < w; ++s)
          if (!l[s].isAny() && !r[s].isAny()) {
            removed = true;
            return;
          }
      });
      if (!removed) out.append(l);
    }
    return true;
  }
  void doClose() override {
    left_->close();
    table_.reset();
  }

 private:
  OperatorPtr left_, right_;
  std::unique_ptr<RowStore> table_;
  Batch in_;
};

}  // namespace

OperatorPtr makeMinus(ExecContext& ctx, OperatorPtr left, OperatorPtr right) {
  return std::make_unique<MinusOp>(ctx, std::move(left), std::move(right));
}

}  // namespace bdis::sparql::exec
