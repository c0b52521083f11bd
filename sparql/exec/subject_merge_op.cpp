// SubjectMerge: the join on their shared subject of patterns (?x p ?o) and
// (?x p o), constant predicate, read as runs sorted on the subject: the PSOG
// order gives a predicate's range by subject, POSG a (predicate, object) range
// by subject. One pass over the ranges replaces a hash table or a probe per row.
#include <algorithm>
#include <optional>

#include "sparql/exec/operators.h"
#include "sparql/exec/subject_merge_detail.h"

namespace bdis::sparql::exec {
namespace {

class SubjectMergeOp final : public Operator {
 public:
  SubjectMergeOp(ExecContext& ctx, std::vector<IdPattern> patterns, int slot, GraphSpec graph)
      : Operator(ctx, "SubjectMerge"), pats_(std::move(patterns)), slot_(slot),
        graph_(std::move(graph)), runs_(pats_.size()) {
    detail = "on ?" + ctx.vars().name(slot) + " over";
    detail += subjectRunsDetail(ctx, pats_);
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.assign(ctx_.vars().width(), rdf::kAny);
    if (seed) seed_.assign(seed, seed + seed_.size());
    pending_.clear();
    pendingPos_ = 0;
    done_ = false;
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, seed, [&](rdf::TermId g) { graphs.push_back(g); });
    if (graphs.size() != 1 || isLocal(graphs[0])) {
      done_ = true;
      return;
    }
    const rdf::TermId s = seed_[slot_];
    const rdf::TermId g = graphForOrderedScan(ctx_, graphs[0]);
    for (size_t i = 0; i < pats_.size(); ++i) {
      const IdPattern& p = pats_[i];
      const rdf::TermId o = p.o.isVar() ? seed_[p.o.slot] : p.o.id;
      if (p.impossible || isLocal(s) || isLocal(o)) {
        done_ = true;
        return;
      }
      // Every order gives a single subject's quads sorted by subject; otherwise
      // PSOG (object unbound) or POSG (object bound) sorts the range by subject.
      std::optional<rdf::IndexOrder> order;
      if (s.isAny()) order = o.isAny() ? rdf::IndexOrder::PSOG : rdf::IndexOrder::POSG;
      Run& r = runs_[i];
      r.cursor.emplace(
          ctx_.txn().scan(rdf::QuadPattern{s, p.p.id, o, order ? g : graphs[0]}, order));
      r.n = r.pos = 0;
      r.values.clear();
    }
  }

  bool doNext(Batch& out) override {
    while (!out.full()) {
      if (pendingPos_ < pending_.size()) {
        out.append(pending_.data() + pendingPos_);
        pendingPos_ += out.width;
        continue;
      }
      if (done_ || !step(out)) return !out.empty();
    }
    return true;
  }

  void doClose() override {
    for (auto& r : runs_) r.cursor.reset();
  }

 public:
  const std::vector<IdPattern>& patterns() const { return pats_; }
  int slot() const { return slot_; }
  const GraphSpec& graph() const { return graph_; }

 private:
  /// One pattern's range: its cursor, the current batch of quads and, for the
  /// subject being joined, the objects of its quads.
  struct Run : SubjectRun {
    std::vector<rdf::TermId> values;
  };

  /// The current quad of run i (refilled from its cursor), or null at its end.
  const rdf::QuadIds* head(size_t i) { return runs_[i].head(ctx_); }

  /// Joins the next subject all runs share: rows into `out` (one combination)
  /// or `pending_` (several); false at the end of any run.
  bool step(Batch& out) {
    rdf::TermId target;
    for (size_t i = 0; i < runs_.size(); ++i) {
      const rdf::QuadIds* q = head(i);
      if (!q) {
        done_ = true;
        return false;
      }
      target = std::max(target, q->s);
    }
    for (size_t i = 0; i < runs_.size(); ++i) {
      const rdf::QuadIds* q;
      while ((q = head(i)) && q->s < target) ++runs_[i].pos;
      if (!q) {
        done_ = true;
        return false;
      }
      if (q->s != target) return true;  // try again from the larger subject
    }
    // Most subjects have one quad per run (functional properties): when each run's
    // next buffered quad has another subject, bind straight from the buffers.
    bool one = true;
    for (const Run& r : runs_) one = one && r.pos + 1 < r.n && r.buf[r.pos + 1].s != target;
    if (one) {
      rdf::TermId* row = out.append(seed_.data());
      row[slot_] = target;
      bool ok = true;
      for (size_t i = 0; i < runs_.size(); ++i) {
        Run& r = runs_[i];
        const PatternPos& o = pats_[i].o;
        const rdf::TermId v = r.buf[r.pos++].o;
        if (!o.isVar()) continue;
        if (!row[o.slot].isAny() && row[o.slot] != v) ok = false;
        row[o.slot] = v;
      }
      if (!ok) out.ids.resize(out.ids.size() - out.width);
      return true;
    }
    bool single = true;
    for (size_t i = 0; i < runs_.size(); ++i) {
      Run& r = runs_[i];
      r.values.clear();
      const rdf::QuadIds* q;
      while ((q = head(i)) && q->s == target) {
        r.values.push_back(q->o);
        ++r.pos;
      }
      single = single && r.values.size() == 1;
    }
    if (single) {
      rdf::TermId* row = out.append(seed_.data());
      if (!bind(row, target, nullptr)) out.ids.resize(out.ids.size() - out.width);
      return true;
    }
    // Several quads of one subject in some run: every combination.
    pending_.clear();
    pendingPos_ = 0;
    std::vector<size_t> at(runs_.size(), 0);
    std::vector<rdf::TermId> row(seed_.size());
    for (;;) {
      row = seed_;
      if (bind(row.data(), target, at.data())) pending_.insert(pending_.end(), row.begin(), row.end());
      size_t k = 0;
      while (k < runs_.size() && ++at[k] == runs_[k].values.size()) at[k++] = 0;
      if (k == runs_.size()) break;
    }
    ctx_.checkLimits();
    return true;
  }

  /// Binds the subject and each run's object (the `at` one, or the only one).
  /// False when the seed binds one of them to another value.
  bool bind(rdf::TermId* row, rdf::TermId subject, const size_t* at) const {
    row[slot_] = subject;
    for (size_t i = 0; i < runs_.size(); ++i) {
      const PatternPos& o = pats_[i].o;
      if (!o.isVar()) continue;
      rdf::TermId v = runs_[i].values[at ? at[i] : 0];
      if (!row[o.slot].isAny() && row[o.slot] != v) return false;
      row[o.slot] = v;
    }
    return true;
  }

  std::vector<IdPattern> pats_;
  int slot_;
  GraphSpec graph_;
  std::vector<Run> runs_;
  std::vector<rdf::TermId> seed_;
  std::vector<rdf::TermId> pending_;
  size_t pendingPos_ = 0;
  bool done_ = true;
};

}  // namespace

OperatorPtr makeSubjectMerge(ExecContext& ctx, std::vector<IdPattern> patterns, int slot,
                             GraphSpec graph) {
  return std::make_unique<SubjectMergeOp>(ctx, std::move(patterns), slot, std::move(graph));
}

OperatorPtr countOverSubjectMerge(ExecContext& ctx, const Operator& input,
                                  const algebra::Group& group) {
  const auto* merge = dynamic_cast<const SubjectMergeOp*>(&input);
  if (!merge) return nullptr;
  return makeSubjectMergeCount(ctx, merge->patterns(), merge->slot(), merge->graph(), group);
}

}  // namespace bdis::sparql::exec
