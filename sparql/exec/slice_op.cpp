// Slice (18.2.5.5, OFFSET/LIMIT): skips `offset` rows, passes at most `limit`,
// and stops pulling its input once the limit is reached.
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class SliceOp final : public Operator {
 public:
  SliceOp(ExecContext& ctx, OperatorPtr input, uint64_t offset, std::optional<uint64_t> limit)
      : Operator(ctx, "Slice"), input_(std::move(input)), offset_(offset), limit_(limit),
        in_(ctx.vars().width()) {
    detail = "offset " + std::to_string(offset) +
             (limit ? " limit " + std::to_string(*limit) : std::string());
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    skipped_ = 0;
    passed_ = 0;
    if (limit_ && *limit_ == 0) {
      open_ = false;
      return;
    }
    input_->open(seed);
    open_ = true;
  }
  bool doNext(Batch& out) override {
    if (!open_) return false;
    if (!input_->next(in_)) {
      finish();
      return false;
    }
    for (size_t i = 0; i < in_.size(); ++i) {
      if (skipped_ < offset_) {
        ++skipped_;
        continue;
      }
      out.append(in_.row(i));
      if (limit_ && ++passed_ >= *limit_) {
        finish();
        break;
      }
    }
    return true;
  }
  void doClose() override { finish(); }

 private:
  void finish() {
    if (open_) input_->close();
    open_ = false;
  }
  OperatorPtr input_;
  uint64_t offset_;
  std::optional<uint64_t> limit_;
  Batch in_;
  uint64_t skipped_ = 0, passed_ = 0;
  bool open_ = false;
};

}  // namespace

OperatorPtr makeSlice(ExecContext& ctx, OperatorPtr input, uint64_t offset,
                      std::optional<uint64_t> limit) {
  return std::make_unique<SliceOp>(ctx, std::move(input), offset, limit);
}

}  // namespace bdis::sparql::exec
