// MergeJoin: the intersection of several index scans that each bind one and
// the same variable and come sorted on it by their index order (patterns with
// two constants: (?x p o) on POS, (s p ?x) on SPO, (s ?x o) on OSP...). A
// star of such patterns is answered by one merge pass over sorted id runs
// instead of one index probe per row.
#include <algorithm>
#include <optional>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class MergeJoinOp final : public Operator {
 public:
  MergeJoinOp(ExecContext& ctx, std::vector<IdPattern> patterns, int slot, GraphSpec graph)
      : Operator(ctx, "MergeJoin"), pats_(std::move(patterns)), slot_(slot),
        graph_(std::move(graph)) {
    detail = "on ?" + ctx.vars().name(slot) + " over " + std::to_string(pats_.size()) + " scans";
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.assign(ctx_.vars().width(), rdf::kAny);
    if (seed) seed_.assign(seed, seed + seed_.size());
    runs_.clear();
    cursors_.clear();
    done_ = false;
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, seed, [&](rdf::TermId g) { graphs.push_back(g); });
    if (graphs.size() != 1 || isLocal(graphs[0])) {
      done_ = true;
      return;
    }
    for (const auto& p : pats_) {
      if (p.impossible) {
        done_ = true;
        return;
      }
      auto val = [&](const PatternPos& x) { return x.isVar() ? rdf::kAny : x.id; };
      cursors_.emplace_back(ctx_.txn().scan(rdf::QuadPattern{val(p.s), val(p.p), val(p.o), graphs[0]}));
      runs_.emplace_back();
    }
    heads_.assign(pats_.size(), 0);
    bound_ = seed_[slot_];
  }

  bool doNext(Batch& out) override {
    if (done_) return false;
    while (!out.full()) {
      // Advance every run to the largest head; emit when all agree.
      rdf::TermId target;
      for (size_t i = 0; i < pats_.size(); ++i) {
        auto v = peek(i);
        if (!v) {
          done_ = true;
          return !out.empty();
        }
        target = std::max(target, *v);
      }
      bool all = true;
      for (size_t i = 0; i < pats_.size(); ++i) {
        while (true) {
          auto v = peek(i);
          if (!v) {
            done_ = true;
            return !out.empty();
          }
          if (*v >= target) {
            all = all && *v == target;
            break;
          }
          ++heads_[i];
        }
      }
      if (!all) continue;
      for (size_t i = 0; i < pats_.size(); ++i) ++heads_[i];
      if (!bound_.isAny() && bound_ != target) continue;
      out.append(seed_.data())[slot_] = target;
    }
    return true;
  }

  void doClose() override {
    cursors_.clear();
    runs_.clear();
  }

 private:
  /// The current value of run i (refilled from its cursor), or nothing at its end.
  std::optional<rdf::TermId> peek(size_t i) {
    auto& run = runs_[i];
    if (heads_[i] >= run.size()) {
      run.clear();
      heads_[i] = 0;
      ctx_.checkLimits();  // long runs may advance without producing rows
      rdf::QuadIds buf[256];
      size_t n = cursors_[i].nextBatch(buf);
      if (n == 0) return std::nullopt;
      const IdPattern& p = pats_[i];
      for (size_t k = 0; k < n; ++k) {
        rdf::TermId v = p.s.isVar() ? buf[k].s : p.p.isVar() ? buf[k].p : buf[k].o;
        if (run.empty() || run.back() != v) run.push_back(v);
      }
    }
    return run[heads_[i]];
  }

  std::vector<IdPattern> pats_;
  int slot_;
  GraphSpec graph_;
  std::vector<rdf::TermId> seed_;
  std::vector<rdf::QuadCursor> cursors_;
  std::vector<std::vector<rdf::TermId>> runs_;
  std::vector<size_t> heads_;
  rdf::TermId bound_;
  bool done_ = true;
};

}  // namespace

OperatorPtr makeMergeJoin(ExecContext& ctx, std::vector<IdPattern> patterns, int slot,
                          GraphSpec graph) {
  return std::make_unique<MergeJoinOp>(ctx, std::move(patterns), slot, std::move(graph));
}

}  // namespace bdis::sparql::exec
