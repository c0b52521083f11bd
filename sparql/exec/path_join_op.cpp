// PathJoin: extends each input row with the (subject, object) pairs of a
// property path, evaluated with the row's bindings substituted (path_eval.h).
#include <vector>

#include "sparql/exec/operators.h"
#include "sparql/exec/path_eval.h"
#include "sparql/algebra/sse.h"

namespace bdis::sparql::exec {
namespace {

class PathJoinOp final : public Operator {
 public:
  PathJoinOp(ExecContext& ctx, OperatorPtr input, PatternPos s, const Path& path, PatternPos o,
             GraphSpec graph)
      : Operator(ctx, "PathScan"),
        input_(std::move(input)),
        s_(s),
        path_(path),
        o_(o),
        graph_(std::move(graph)),
        in_(ctx.vars().width()) {}

  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    input_->open(seed);
    pending_.clear();
    pendingPos_ = 0;
    inputDone_ = false;
  }

  bool doNext(Batch& out) override {
    const size_t w = out.width;
    while (!out.full()) {
      if (pendingPos_ < pending_.size()) {
        out.append(pending_.data() + pendingPos_);
        pendingPos_ += w;
        continue;
      }
      pending_.clear();
      pendingPos_ = 0;
      ctx_.release(accounted_);
      accounted_ = 0;
      if (inputDone_) return !out.empty();
      if (!input_->next(in_)) {
        inputDone_ = true;
        return !out.empty();
      }
      for (size_t i = 0; i < in_.size(); ++i) expand(in_.row(i));
      accounted_ = pending_.size() * sizeof(rdf::TermId);
      ctx_.reserve(accounted_);
    }
    return true;
  }

  void doClose() override {
    input_->close();
    pending_.clear();
    ctx_.release(accounted_);
    accounted_ = 0;
  }

 private:
  void expand(const rdf::TermId* r) {
    const size_t w = in_.width;
    rdf::TermId s = s_.isVar() ? r[s_.slot] : s_.id;
    rdf::TermId o = o_.isVar() ? r[o_.slot] : o_.id;
    bool sameVar = s_.isVar() && o_.isVar() && s_.slot == o_.slot && s.isAny();
    auto emitFor = [&](const std::vector<rdf::TermId>& graphs, rdf::TermId bindGraph) {
      std::vector<rdf::TermId> constants;
      if (!s_.isVar()) constants.push_back(s_.id);
      if (!o_.isVar()) constants.push_back(o_.id);
      PathEvaluator ev(ctx_, graphs, constants);
      PathPairs pairs;
      ev.eval(path_, s, o, pairs);
      std::vector<rdf::TermId> row(w);
      for (const auto& [a, b] : pairs) {
        if (sameVar && a != b) continue;
        row.assign(r, r + w);
        if (s_.isVar()) row[s_.slot] = a;
        if (o_.isVar()) row[o_.slot] = b;
        if (bindGraph != rdf::kAny) {
          if (!row[graph_.slot].isAny() && row[graph_.slot] != bindGraph) continue;
          row[graph_.slot] = bindGraph;
        }
        pending_.insert(pending_.end(), row.begin(), row.end());
      }
    };
    if (graph_.kind == GraphSpec::Kind::Slot) {
      for (rdf::TermId g : graphsOf(ctx_, graph_, r)) emitFor({g}, g);
    } else {
      emitFor(graphsOf(ctx_, graph_, r), rdf::kAny);
    }
    ctx_.checkLimits();
  }

  OperatorPtr input_;
  PatternPos s_;
  const Path& path_;
  PatternPos o_;
  GraphSpec graph_;
  Batch in_;
  std::vector<rdf::TermId> pending_;
  size_t pendingPos_ = 0;
  bool inputDone_ = false;
  uint64_t accounted_ = 0;
};

}  // namespace

OperatorPtr makePathJoin(ExecContext& ctx, OperatorPtr input, PatternPos s, const Path& path,
                         PatternPos o, GraphSpec graph) {
  auto op = std::make_unique<PathJoinOp>(ctx, std::move(input), s, path, o, std::move(graph));
  op->detail = algebra::toSse(path);
  return op;
}

}  // namespace bdis::sparql::exec
