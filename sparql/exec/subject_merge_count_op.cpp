// SubjectMergeCount: Group by one variable with only COUNT(*) / COUNT(?v) and
// SUM / AVG of integer objects over a SubjectMerge, counted straight off the
// subject-sorted runs (merge_counter.h): no row is built and no run but the key's
// keeps objects. Every variable of the merge is bound in every row, so COUNT(?v)
// counts rows as COUNT(*) does; AVG is the exact sum divided by the count, as Group
// computes them. Keyed on an object over large runs, the subjects are split in two
// at the middle of their id span and the halves counted on two threads, each with
// its own read transaction on the same snapshot; the lower half's groups come first,
// so groups keep the first-seen order of one pass.
#include <algorithm>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>

#include "sparql/exec/merge_counter.h"
#include "sparql/exec/operators.h"
#include "sparql/exec/subject_merge_detail.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::exec {
namespace {

class SubjectMergeCountOp final : public Operator {
 public:
  SubjectMergeCountOp(ExecContext& ctx, std::vector<IdPattern> patterns, int slot, GraphSpec graph,
                      int keyRun, int keyOut, std::vector<MergeAgg> aggs)
      : Operator(ctx, "SubjectMergeCount"), slot_(slot), graph_(std::move(graph)), keyOut_(keyOut) {
    spec_.patterns = std::move(patterns);
    spec_.keyRun = keyRun;
    spec_.aggs = std::move(aggs);
    spec_.summed.assign(spec_.patterns.size(), 0);
    for (const auto& g : spec_.aggs)
      if (g.run >= 0) spec_.summed[g.run] = 1;
    detail = "by " + (keyRun < 0 ? "?" + ctx.vars().name(slot_)
                                 : "?" + ctx.vars().name(spec_.patterns[keyRun].o.slot));
    detail += ", on ?" + ctx.vars().name(slot_) + " over";
    detail += subjectRunsDetail(ctx, spec_.patterns);
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.clear();
    if (seed) seed_.assign(seed, seed + ctx_.vars().width());
    result_.reset();
    pos_ = 0;
    // No seed: Group opens its input without one.
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, nullptr, [&](rdf::TermId g) { graphs.push_back(g); });
    if (graphs.size() != 1 || isLocal(graphs[0])) return;
    spec_.graph = graphForOrderedScan(ctx_, graphs[0]);
    for (const IdPattern& p : spec_.patterns)
      if (p.impossible || (!p.o.isVar() && isLocal(p.o.id))) return;
    result_ = split() ? countHalves() : nullptr;
    if (!result_) {
      result_ = std::make_unique<MergeCounter>(ctx_, ctx_.txn(), spec_);
      result_->count();
    }
  }

  bool doNext(Batch& out) override {
    if (!result_ || pos_ >= result_->keys.size()) return false;
    const size_t w = out.width;
    const size_t na = spec_.aggs.size();
    std::vector<rdf::TermId> r(w);
    while (pos_ < result_->keys.size() && !out.full()) {
      std::fill(r.begin(), r.end(), rdf::kAny);
      if (keyOut_ >= 0) r[keyOut_] = result_->keys[pos_];
      using expr::Numeric;
      const Numeric count = Numeric::ofInteger(result_->counts[pos_]);
      for (size_t a = 0; a < na; ++a) {
        if (spec_.aggs[a].out < 0) continue;
        const Numeric sum = Numeric::ofInteger(result_->sums[pos_ * na + a]);
        std::optional<Numeric> v = count;
        if (spec_.aggs[a].kind == MergeAgg::Kind::Sum) v = sum;
        if (spec_.aggs[a].kind == MergeAgg::Kind::Avg)
          v = expr::arithmetic(expr::ArithOp::Divide, sum, count);
        if (v) r[spec_.aggs[a].out] = ctx_.toId(expr::numericTerm(*v));
      }
      ++pos_;
      appendSeeded(out, r.data(), seed_);
    }
    return true;
  }

  void doClose() override { result_.reset(); }

 private:
  /// Whether to count in two halves: keyed on an object (few groups, each half's
  /// table small), every run large, switched on.
  bool split() const {
    const uint64_t min = ctx_.planOptions.parallelCountMinQuads;
    if (min == 0 || spec_.keyRun < 0) return false;
    for (const IdPattern& p : spec_.patterns)
      if (ctx_.txn().predicateCount(p.p.id) < min) return false;
    return true;
  }

  /// Counts the lower half of the subjects here and the upper half on a helper
  /// thread; null when the snapshot cannot be shared or the subjects not split.
  std::unique_ptr<MergeCounter> countHalves() {
    const IdPattern& first = spec_.patterns[0];
    const auto bounds =
        ctx_.txn().subjectBounds(first.p.id, first.o.isVar() ? rdf::kAny : first.o.id);
    if (!bounds || bounds->first >= bounds->second) return nullptr;
    std::unique_ptr<rdf::ReadTxn> sibling = ctx_.txn().sibling();
    if (!sibling) return nullptr;
    const uint64_t lo = bounds->first.raw, hi = bounds->second.raw;
    const rdf::TermId mid(lo + (hi - lo) / 2 + 1);
    auto lower = std::make_unique<MergeCounter>(ctx_, ctx_.txn(), spec_,
                                                std::make_pair(rdf::kAny, rdf::TermId(mid.raw - 1)));
    auto upper = std::make_unique<MergeCounter>(ctx_, *sibling, spec_,
                                                std::make_pair(mid, rdf::TermId(~uint64_t{0})));
    std::exception_ptr failed;
    std::thread helper;
    try {
      helper = std::thread([&] {
        try {
          upper->count();
        } catch (...) {
          failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      return nullptr;  // no thread to be had: one pass here
    }
    try {
      lower->count();
    } catch (...) {
      helper.join();
      throw;
    }
    helper.join();
    if (failed) std::rethrow_exception(failed);
    lower->merge(*upper);
    if (!splitShown_) detail += ", subjects in two halves on two threads";
    splitShown_ = true;
    return lower;
  }

  int slot_;
  GraphSpec graph_;
  int keyOut_;  ///< the output slot of the key, or -1
  MergeCountSpec spec_;
  std::vector<rdf::TermId> seed_;
  std::unique_ptr<MergeCounter> result_;
  size_t pos_ = 0;
  bool splitShown_ = false;  ///< the EXPLAIN detail tells of the split
};

}  // namespace

OperatorPtr makeSubjectMergeCount(ExecContext& ctx, const std::vector<IdPattern>& patterns,
                                  int slot, const GraphSpec& graph, const algebra::Group& group) {
  if (group.keys.size() != 1 || group.keys[0].expr.kind != Expr::Kind::Var) return nullptr;
  // Every variable of the merge once: the subject and distinct object variables.
  std::vector<int> vars{slot};
  for (const auto& p : patterns) {
    if (!p.o.isVar()) continue;
    if (std::find(vars.begin(), vars.end(), p.o.slot) != vars.end()) return nullptr;
    vars.push_back(p.o.slot);
  }
  const int key = ctx.vars().find(group.keys[0].expr.name);
  int keyRun = -2;
  if (key == slot) keyRun = -1;
  for (size_t i = 0; i < patterns.size(); ++i)
    if (patterns[i].o.isVar() && patterns[i].o.slot == key) keyRun = static_cast<int>(i);
  if (keyRun == -2) return nullptr;  // keyed on a variable the merge does not bind
  std::vector<MergeAgg> aggs;
  for (const auto& a : group.aggregates) {
    const Expr& e = a.aggregate;
    MergeAgg m;
    m.out = ctx.vars().find(a.var);
    if (e.distinct || e.args.size() > 1) return nullptr;
    if (e.name == "COUNT") {
      if (e.args.size() == 1) {
        if (e.args[0].kind != Expr::Kind::Var) return nullptr;
        const int v = ctx.vars().find(e.args[0].name);
        if (std::find(vars.begin(), vars.end(), v) == vars.end()) return nullptr;
      }
    } else if ((e.name == "SUM" || e.name == "AVG") && e.args.size() == 1 &&
               e.args[0].kind == Expr::Kind::Var) {
      // The objects of a run other than the key's, all inline integers.
      const int v = ctx.vars().find(e.args[0].name);
      for (size_t i = 0; i < patterns.size(); ++i)
        if (patterns[i].o.isVar() && patterns[i].o.slot == v && static_cast<int>(i) != keyRun &&
            !patterns[i].impossible && ctx.txn().nonIntegerObjectCount(patterns[i].p.id) == 0)
          m.run = static_cast<int>(i);
      if (m.run < 0) return nullptr;
      m.kind = e.name == "SUM" ? MergeAgg::Kind::Sum : MergeAgg::Kind::Avg;
    } else {
      return nullptr;
    }
    aggs.push_back(m);
  }
  const int keyOut = group.keys[0].var.empty() ? -1 : ctx.vars().find(group.keys[0].var);
  return std::make_unique<SubjectMergeCountOp>(ctx, patterns, slot, graph, keyRun, keyOut,
                                               std::move(aggs));
}

}  // namespace bdis::sparql::exec
