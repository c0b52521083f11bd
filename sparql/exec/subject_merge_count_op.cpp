// SubjectMergeCount: Group by one variable with only COUNT(*) / COUNT(?v) and
// SUM / AVG of integer objects over a SubjectMerge, counted straight off the
// subject-sorted runs. The merge's rows of one subject are every combination of its
// runs' objects, so a group keyed on run k's object gains, for each object v of run
// k, the product of the other runs' quad counts (keyed on the subject: the product
// of all); every variable of the merge is bound in every row, so COUNT(?v) counts
// rows as COUNT(*) does. SUM(?o) of run j's objects gains their sum times the rows
// each of them is in (the product without runs k and j); it is taken only for a
// predicate whose objects are all inline integers (store statistics), so the sum is
// exact and AVG is that sum divided by the count, as Group computes them.
// No row is built and no run but the key's keeps objects.
#include <algorithm>
#include <optional>

#include "rdf/error.h"
#include "sparql/exec/operators.h"
#include "sparql/exec/subject_merge_detail.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::exec {
namespace {

/// One aggregate of the group: what it computes, its output slot, its run (SUM, AVG).
struct MergeAgg {
  enum class Kind : uint8_t { Count, Sum, Avg };
  Kind kind = Kind::Count;
  int out = -1;
  int run = -1;
};

class SubjectMergeCountOp final : public Operator {
 public:
  SubjectMergeCountOp(ExecContext& ctx, std::vector<IdPattern> patterns, int slot, GraphSpec graph,
                      int keyRun, int keyOut, std::vector<MergeAgg> aggs)
      : Operator(ctx, "SubjectMergeCount"),
        pats_(std::move(patterns)),
        slot_(slot),
        graph_(std::move(graph)),
        keyRun_(keyRun),
        keyOut_(keyOut),
        aggs_(std::move(aggs)),
        runs_(pats_.size()),
        runSums_(pats_.size()) {
    summed_.assign(pats_.size(), 0);
    for (const auto& g : aggs_)
      if (g.run >= 0) summed_[g.run] = 1;
    detail = "by " + (keyRun_ < 0 ? "?" + ctx.vars().name(slot_)
                                  : "?" + ctx.vars().name(pats_[keyRun_].o.slot));
    detail += ", on ?" + ctx.vars().name(slot_) + " over";
    detail += subjectRunsDetail(ctx, pats_);
  }
  ~SubjectMergeCountOp() override { ctx_.release(accounted_); }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.clear();
    if (seed) seed_.assign(seed, seed + ctx_.vars().width());
    clear();
    if (openRuns()) count();
    for (auto& r : runs_) r.cursor.reset();
    pos_ = 0;
  }

  bool doNext(Batch& out) override {
    if (pos_ >= keys_.size()) return false;
    const size_t w = out.width;
    std::vector<rdf::TermId> r(w);
    while (pos_ < keys_.size() && !out.full()) {
      std::fill(r.begin(), r.end(), rdf::kAny);
      if (keyOut_ >= 0) r[keyOut_] = keys_[pos_];
      using expr::Numeric;
      const Numeric count = Numeric::ofInteger(counts_[pos_]);
      for (size_t a = 0; a < aggs_.size(); ++a) {
        if (aggs_[a].out < 0) continue;
        const Numeric sum = Numeric::ofInteger(sums_[pos_ * aggs_.size() + a]);
        std::optional<Numeric> v = count;
        if (aggs_[a].kind == MergeAgg::Kind::Sum) v = sum;
        if (aggs_[a].kind == MergeAgg::Kind::Avg)
          v = expr::arithmetic(expr::ArithOp::Divide, sum, count);
        if (v) r[aggs_[a].out] = ctx_.toId(expr::numericTerm(*v));
      }
      ++pos_;
      appendSeeded(out, r.data(), seed_);
    }
    return true;
  }

  void doClose() override {
    for (auto& r : runs_) r.cursor.reset();
    clear();
  }

 private:
  struct Run {
    std::optional<rdf::QuadCursor> cursor;
    rdf::QuadIds buf[256];
    size_t n = 0;
    size_t pos = 0;
  };

  void clear() {
    keys_.clear();
    counts_.clear();
    sums_.clear();
    table_.assign(64, Slot{});
    ctx_.release(accounted_);
    accounted_ = 0;
  }

  /// Opens a cursor per run as SubjectMerge does (no seed: Group opens its input
  /// without one); false when the merge is empty.
  bool openRuns() {
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, nullptr, [&](rdf::TermId g) { graphs.push_back(g); });
    if (graphs.size() != 1 || isLocal(graphs[0])) return false;
    const rdf::TermId g = graphForOrderedScan(ctx_, graphs[0]);
    for (size_t i = 0; i < pats_.size(); ++i) {
      const IdPattern& p = pats_[i];
      const rdf::TermId o = p.o.isVar() ? rdf::kAny : p.o.id;
      if (p.impossible || isLocal(o)) return false;
      const rdf::IndexOrder order = o.isAny() ? rdf::IndexOrder::PSOG : rdf::IndexOrder::POSG;
      Run& r = runs_[i];
      r.cursor.emplace(ctx_.txn().scan(rdf::QuadPattern{rdf::kAny, p.p.id, o, g}, order));
      r.n = r.pos = 0;
    }
    return true;
  }

  /// The current quad of run i (refilled from its cursor), or null at its end.
  const rdf::QuadIds* head(size_t i) {
    Run& r = runs_[i];
    if (r.pos == r.n) {
      ctx_.checkLimits();
      r.n = r.cursor->nextBatch(r.buf);
      r.pos = 0;
      if (r.n == 0) return nullptr;
    }
    return &r.buf[r.pos];
  }

  /// One pass over the runs, adding each shared subject's rows to the groups.
  void count() {
    const size_t k = runs_.size();
    std::vector<int64_t> sizes(k);
    std::fill(runSums_.begin(), runSums_.end(), 0);
    const bool sums = std::find(summed_.begin(), summed_.end(), 1) != summed_.end();
    std::vector<rdf::TermId> keyValues;
    for (;;) {
      rdf::TermId target;
      for (size_t i = 0; i < k; ++i) {
        const rdf::QuadIds* q = head(i);
        if (!q) return;
        target = std::max(target, q->s);
      }
      bool shared = true;
      for (size_t i = 0; i < k && shared; ++i) {
        const rdf::QuadIds* q;
        while ((q = head(i)) && q->s < target) ++runs_[i].pos;
        if (!q) return;
        shared = q->s == target;
      }
      if (!shared) continue;  // try again from the larger subject
      // Most subjects have one quad per run: counted straight from the buffers.
      bool one = true;
      for (const Run& r : runs_) one = one && r.pos + 1 < r.n && r.buf[r.pos + 1].s != target;
      if (one) {
        const size_t g = group(keyRun_ < 0 ? target : runs_[keyRun_].buf[runs_[keyRun_].pos].o);
        counts_[g] += 1;
        if (sums)
          for (size_t a = 0; a < aggs_.size(); ++a)
            if (aggs_[a].run >= 0) {
              const Run& r = runs_[aggs_[a].run];
              sums_[g * aggs_.size() + a] += integer(r.buf[r.pos].o);
            }
        for (Run& r : runs_) ++r.pos;
        continue;
      }
      keyValues.clear();
      for (size_t i = 0; i < k; ++i) {
        int64_t n = 0;
        const rdf::QuadIds* q;
        runSums_[i] = 0;
        while ((q = head(i)) && q->s == target) {
          if (static_cast<int>(i) == keyRun_) keyValues.push_back(q->o);
          if (summed_[i]) runSums_[i] += integer(q->o);
          ++n;
          ++runs_[i].pos;
        }
        sizes[i] = n;
      }
      int64_t others = 1;
      for (size_t i = 0; i < k; ++i)
        if (static_cast<int>(i) != keyRun_) others *= sizes[i];
      if (keyRun_ < 0) {
        add(target, others, sizes);
      } else {
        for (rdf::TermId v : keyValues) add(v, others, sizes);
      }
    }
  }

  /// The value of an inline integer object (SUM and AVG are planned only over
  /// predicates whose objects all are).
  static expr::Int128 integer(rdf::TermId id) {
    BDIS_ASSERT(id.tag() == rdf::IdTag::Integer);
    return rdf::unzigzag(id.payload());
  }

  /// Adds `n` rows of the current subject to the group of `key`: each summed run's
  /// objects are in n / (its quad count) of them.
  void add(rdf::TermId key, int64_t n, const std::vector<int64_t>& sizes) {
    const size_t g = group(key);
    counts_[g] += n;
    for (size_t a = 0; a < aggs_.size(); ++a) {
      const int j = aggs_[a].run;
      if (j >= 0) sums_[g * aggs_.size() + a] += runSums_[j] * (n / sizes[j]);
    }
  }

  /// The position of the group of `key`, created if new (first-seen order, as
  /// Group). An open-addressing table of positions: a hit is one probe.
  size_t group(rdf::TermId key) {
    size_t mask = table_.size() - 1;
    size_t h = (key.raw * 0x9E3779B97F4A7C15ull) >> 40;
    for (;; ++h) {
      const Slot& slot = table_[h & mask];
      if (slot.key == key.raw && slot.pos != 0) return slot.pos - 1;
      if (slot.pos == 0) break;
    }
    keys_.push_back(key);
    counts_.push_back(0);
    sums_.resize(sums_.size() + aggs_.size(), 0);
    table_[h & mask] = Slot{key.raw, keys_.size()};
    if (keys_.size() * 2 > table_.size()) rehash(table_.size() * 2);
    const uint64_t bytes = 64 + 32 * aggs_.size();
    accounted_ += bytes;
    ctx_.reserve(bytes);
    return keys_.size() - 1;
  }

  void rehash(size_t size) {
    table_.assign(size, Slot{});
    const size_t mask = size - 1;
    for (size_t i = 0; i < keys_.size(); ++i) {
      size_t h = (keys_[i].raw * 0x9E3779B97F4A7C15ull) >> 40;
      while (table_[h & mask].pos != 0) ++h;
      table_[h & mask] = Slot{keys_[i].raw, i + 1};
    }
  }

  struct Slot {
    uint64_t key = 0;
    size_t pos = 0;  ///< 1 + the group's position; 0: empty
  };

  std::vector<IdPattern> pats_;
  int slot_;
  GraphSpec graph_;
  int keyRun_;  ///< the run whose object is the key, or -1 for the subject
  int keyOut_;  ///< the output slot of the key, or -1
  std::vector<MergeAgg> aggs_;
  std::vector<Run> runs_;
  std::vector<expr::Int128> runSums_;  ///< per run: the current subject's object sum
  std::vector<char> summed_;           ///< per run: some SUM or AVG reads its objects
  std::vector<rdf::TermId> seed_;
  std::vector<rdf::TermId> keys_;  ///< group keys, first-seen order
  std::vector<int64_t> counts_;
  std::vector<expr::Int128> sums_;  ///< per group, per aggregate: the SUM / AVG sum
  std::vector<Slot> table_ = std::vector<Slot>(64);  ///< key -> position
  size_t pos_ = 0;
  uint64_t accounted_ = 0;
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
