// HashJoin (18.5 Join): builds a hash table on the right input, probes it with
// the left input row by row (resumable, so batches stay bounded even for
// cross products); rows are joined when compatible.
#include <algorithm>

#include "sparql/exec/operators.h"
#include "sparql/exec/row_store.h"

namespace bdis::sparql::exec {
namespace {

class HashJoinOp final : public Operator {
 public:
  HashJoinOp(ExecContext& ctx, OperatorPtr left, OperatorPtr right, std::vector<int> keys,
             bool buildLeft)
      : Operator(ctx, "HashJoin"),
        left_(std::move(left)),
        right_(std::move(right)),
        build_(buildLeft ? left_.get() : right_.get()),
        probe_(buildLeft ? right_.get() : left_.get()),
        table_(ctx, keys),
        in_(ctx.vars().width()) {
    for (int k : keys) detail += (detail.empty() ? "on ?" : " ?") + ctx.vars().name(k);
    if (buildLeft) detail += ", built on the left";
  }
  std::vector<const Operator*> children() const override { return {left_.get(), right_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    table_.clear();
    // Size the table from the planner's estimate (bounded: it is only a hint).
    if (build_->estimatedRows > 0)
      table_.reserve(static_cast<size_t>(std::min(build_->estimatedRows, 262144.0)));
    build_->open(seed);
    Batch b(in_.width);
    while (build_->next(b))
      for (size_t i = 0; i < b.size(); ++i) table_.add(b.row(i));
    build_->close();
    probe_->open(seed);
    done_ = table_.size() == 0;
    in_.clear();
    inPos_ = 0;
    cands_.clear();
    candPos_ = 0;
  }
  bool doNext(Batch& out) override {
    if (done_) return false;
    const size_t w = in_.width;
    while (!out.full()) {
      if (candPos_ < cands_.size()) {
        const rdf::TermId* l = in_.row(inPos_ - 1);
        while (candPos_ < cands_.size() && !out.full()) {
          const rdf::TermId* r = cands_[candPos_++];
          if (compatible(l, r, w)) mergeInto(out.appendEmpty(), l, r, w);
        }
        continue;
      }
      if (inPos_ >= in_.size()) {
        if (!probe_->next(in_)) {
          done_ = true;
          return !out.empty();
        }
        inPos_ = 0;
      }
      cands_.clear();
      candPos_ = 0;
      table_.candidates(in_.row(inPos_++), [&](const rdf::TermId* r) { cands_.push_back(r); });
    }
    return true;
  }
  void doClose() override {
    probe_->close();
    table_.clear();
  }

 private:
  OperatorPtr left_, right_;
  Operator* build_;  ///< the side materialised in table_
  Operator* probe_;  ///< the side streamed against it
  RowStore table_;
  Batch in_;
  size_t inPos_ = 0;  ///< next left row to probe
  std::vector<const rdf::TermId*> cands_;  ///< candidates of left row inPos_ - 1
  size_t candPos_ = 0;
  bool done_ = false;
};

}  // namespace

OperatorPtr makeHashJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         std::vector<int> keySlots, bool buildLeft) {
  return std::make_unique<HashJoinOp>(ctx, std::move(left), std::move(right), std::move(keySlots),
                                      buildLeft);
}

}  // namespace bdis::sparql::exec
