// Distinct (18.2.5.3) and Reduced (18.2.5.4) on ids: equal ids are the same
// term, because a term has exactly one id (inline encodings are canonical).
// Reduced passes rows through (duplicate elimination is optional).
#include <unordered_set>
#include <vector>

#include "sparql/exec/operators.h"
#include "sparql/exec/row_store.h"

namespace bdis::sparql::exec {
namespace {

struct RowKey {
  std::vector<rdf::TermId> ids;
  bool operator==(const RowKey&) const = default;
};
struct RowKeyHash {
  size_t operator()(const RowKey& k) const { return hashIds(k.ids.data(), k.ids.size()); }
};

class DistinctOp final : public Operator {
 public:
  DistinctOp(ExecContext& ctx, OperatorPtr input, size_t window)
      : Operator(ctx, window ? "Reduced" : "Distinct"), input_(std::move(input)), window_(window),
        in_(ctx.vars().width()) {}
  ~DistinctOp() override { ctx_.release(accounted_); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    reset();
    input_->open(seed);
  }
  bool doNext(Batch& out) override {
    if (!input_->next(in_)) return false;
    const size_t w = in_.width;
    for (size_t i = 0; i < in_.size(); ++i) {
      RowKey k{std::vector<rdf::TermId>(in_.row(i), in_.row(i) + w)};
      if (window_ && seen_.size() >= window_) reset();
      if (seen_.insert(k).second) {
        out.append(in_.row(i));
        uint64_t bytes = w * sizeof(rdf::TermId) + 48;
        accounted_ += bytes;
        ctx_.reserve(bytes);
      }
    }
    return true;
  }
  void doClose() override {
    input_->close();
    reset();
  }

 private:
  void reset() {
    seen_.clear();
    ctx_.release(accounted_);
    accounted_ = 0;
  }
  OperatorPtr input_;
  size_t window_;
  Batch in_;
  std::unordered_set<RowKey, RowKeyHash> seen_;
  uint64_t accounted_ = 0;
};

}  // namespace

OperatorPtr makeDistinct(ExecContext& ctx, OperatorPtr input) {
  return std::make_unique<DistinctOp>(ctx, std::move(input), 0);
}

OperatorPtr makeReduced(ExecContext& ctx, OperatorPtr input) {
  // REDUCED permits but does not require eliminating duplicates: rows pass
  // through unchanged (no memory, no reordering).
  (void)ctx;
  return input;
}

}  // namespace bdis::sparql::exec
