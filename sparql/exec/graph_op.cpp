// Graph (18.6 eval(D(G), Graph(x, P))): evaluates its input once per named
// graph (or in the one named graph given), the active graph being published
// through a cell that the input's scans read; GRAPH ?g binds ?g.
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class GraphOp final : public Operator {
 public:
  GraphOp(ExecContext& ctx, OperatorPtr input, std::shared_ptr<rdf::TermId> cell, int slot,
          std::optional<rdf::TermId> constant)
      : Operator(ctx, "Graph"), input_(std::move(input)), cell_(std::move(cell)), slot_(slot),
        constant_(constant), in_(ctx.vars().width()) {
    detail = slot >= 0 ? "?" + ctx.vars().name(slot) : "<constant>";
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.clear();
    if (seed) seed_.assign(seed, seed + ctx_.vars().width());
    graphs_.clear();
    const auto& ds = ctx_.dataset();
    if (constant_) {
      if (ds.isNamed(*constant_)) graphs_.push_back(*constant_);
    } else if (seed && !seed[slot_].isAny()) {
      if (ds.isNamed(seed[slot_])) graphs_.push_back(seed[slot_]);
    } else {
      graphs_ = ds.namedGraphs;
    }
    pos_ = 0;
    inputOpen_ = false;
  }
  bool doNext(Batch& out) override {
    while (true) {
      if (!inputOpen_) {
        if (pos_ >= graphs_.size()) return false;
        current_ = graphs_[pos_++];
        *cell_ = current_;
        input_->open(seed_.empty() ? nullptr : seed_.data());
        inputOpen_ = true;
      }
      *cell_ = current_;
      if (!input_->next(in_)) {
        input_->close();
        inputOpen_ = false;
        continue;
      }
      for (size_t i = 0; i < in_.size(); ++i) {
        const rdf::TermId* r = in_.row(i);
        if (slot_ >= 0) {
          if (!r[slot_].isAny() && r[slot_] != current_) continue;
          out.append(r)[slot_] = current_;
        } else {
          out.append(r);
        }
      }
      return true;
    }
  }
  void doClose() override {
    if (inputOpen_) input_->close();
    inputOpen_ = false;
  }

 private:
  OperatorPtr input_;
  std::shared_ptr<rdf::TermId> cell_;
  int slot_;
  std::optional<rdf::TermId> constant_;
  Batch in_;
  std::vector<rdf::TermId> seed_;
  std::vector<rdf::TermId> graphs_;
  size_t pos_ = 0;
  rdf::TermId current_;
  bool inputOpen_ = false;
};

}  // namespace

OperatorPtr makeGraph(ExecContext& ctx, OperatorPtr input, std::shared_ptr<rdf::TermId> cell,
                      int slot, std::optional<rdf::TermId> constant) {
  return std::make_unique<GraphOp>(ctx, std::move(input), std::move(cell), slot, constant);
}

}  // namespace bdis::sparql::exec
