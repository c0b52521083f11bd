// PatternJoin: index nested-loop join of its input with one triple pattern.
// For each input row the bound positions (constants and variables the row
// binds) form the scan's key; the store picks the index (ReadTxn::chooseIndex).
#include <algorithm>
#include <optional>
#include <vector>

#include "rdf/term.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class PatternJoinOp final : public Operator {
 public:
  PatternJoinOp(ExecContext& ctx, OperatorPtr input, IdPattern pattern, GraphSpec graph)
      : Operator(ctx, "IndexScan"),
        input_(std::move(input)),
        pat_(pattern),
        graph_(std::move(graph)),
        in_(ctx.vars().width()) {}

  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    input_->open(seed);
    in_.clear();
    inPos_ = 0;
    cur_ = 0;
    cursor_.reset();
    graphs_.clear();
    graphPos_ = 0;
    pending_.clear();
    pendingPos_ = 0;
    inputDone_ = pat_.impossible;
  }

  bool doNext(Batch& out) override {
    const size_t w = out.width;
    while (!out.full()) {
      if (pendingPos_ < pending_.size()) {
        out.append(pending_.data() + pendingPos_);
        pendingPos_ += w;
        continue;
      }
      if (cursor_) {
        size_t n = cursor_->nextBatch(buf_);
        if (n == 0) {
          cursor_.reset();
          continue;
        }
        if (++scanned_ % 64 == 0) ctx_.checkLimits();  // scans that filter most quads
        // Room for all n rows at once (one resize, not an insert per row), then
        // cut back to the rows that bound.
        const rdf::TermId* r = in_.row(cur_);
        size_t used = out.ids.size();
        out.ids.resize(used + n * w);
        for (size_t i = 0; i < n; ++i) {
          const rdf::QuadIds& q = buf_[i];
          if (filterNamed_ && !ctx_.dataset().isNamed(q.g)) continue;
          rdf::TermId* o = out.ids.data() + used;
          std::copy(r, r + w, o);
          if (bindAll(o, q)) used += w;
        }
        out.ids.resize(used);
        continue;
      }
      if (graphPos_ < graphs_.size()) {
        startScan();
        continue;
      }
      if (inPos_ >= in_.size()) {
        if (inputDone_) return !out.empty();
        if (!input_->next(in_)) {
          inputDone_ = true;
          return !out.empty();
        }
        inPos_ = 0;
      }
      cur_ = inPos_++;
      graphs_.clear();
      graphPos_ = 0;
      forEachGraph(ctx_, graph_, in_.row(cur_), [&](rdf::TermId g) { graphs_.push_back(g); });
    }
    return true;
  }

  void doClose() override {
    cursor_.reset();
    input_->close();
  }

 private:
  static rdf::TermId valueOf(const PatternPos& p, const rdf::TermId* row) {
    return p.isVar() ? row[p.slot] : p.id;
  }
  static bool bindSlot(rdf::TermId* row, int slot, rdf::TermId v) {
    if (row[slot].isAny()) {
      row[slot] = v;
      return true;
    }
    return row[slot] == v;
  }
  static bool bindPos(rdf::TermId* row, const PatternPos& p, rdf::TermId v) {
    return !p.isVar() || bindSlot(row, p.slot, v);
  }
  bool bindAll(rdf::TermId* o, const rdf::QuadIds& q) const {
    return bindPos(o, pat_.s, q.s) && bindPos(o, pat_.p, q.p) && bindPos(o, pat_.o, q.o) &&
           (graph_.kind != GraphSpec::Kind::Slot || bindSlot(o, graph_.slot, q.g));
  }

  void startScan() {
    const rdf::TermId* r = in_.row(cur_);
    rdf::TermId s = valueOf(pat_.s, r), p = valueOf(pat_.p, r), o = valueOf(pat_.o, r);
    if (isLocal(s) || isLocal(p) || isLocal(o)) {
      graphPos_ = graphs_.size();
      return;
    }
    if (graph_.kind == GraphSpec::Kind::Default && graphs_.size() > 1) {
      mergeDefaultGraphs(s, p, o);
      return;
    }
    rdf::TermId g = graphs_[graphPos_++];
    if (isLocal(g)) return;
    filterNamed_ = g == rdf::kAnyNamedGraph && !ctx_.dataset().allNamed;
    cursor_.emplace(ctx_.txn().scan(rdf::QuadPattern{s, p, o, g}));
  }

  /// Several FROM graphs: the default graph is their RDF merge, so a triple
  /// in several of them counts once. Scans them all and dedups into pending_:
  /// the merge of every graph (--union-default-graph) in one scan whose order puts
  /// a triple's copies side by side, other merges one scan per graph and a sort.
  void mergeDefaultGraphs(rdf::TermId s, rdf::TermId p, rdf::TermId o) {
    std::vector<rdf::QuadIds> all;
    auto collect = [&](rdf::QuadCursor c) {
      while (size_t n = c.nextBatch(buf_)) {
        for (size_t i = 0; i < n; ++i) {
          rdf::QuadIds q = buf_[i];
          q.g = rdf::kDefaultGraph;
          all.push_back(q);
        }
      }
    };
    const rdf::QuadPattern triple{s, p, o, rdf::kAny};
    if (auto order = allGraphsOrder(ctx_, triple)) {
      collect(ctx_.txn().scan(triple, *order));
    } else {
      for (rdf::TermId g : graphs_) collect(ctx_.txn().scan(rdf::QuadPattern{s, p, o, g}));
      std::sort(all.begin(), all.end());
    }
    graphPos_ = graphs_.size();
    all.erase(std::unique(all.begin(), all.end()), all.end());
    const size_t w = in_.width;
    pending_.clear();
    pendingPos_ = 0;
    std::vector<rdf::TermId> row(w);
    for (const auto& q : all) {
      const rdf::TermId* r = in_.row(cur_);
      row.assign(r, r + w);
      if (bindAll(row.data(), q)) pending_.insert(pending_.end(), row.begin(), row.end());
    }
  }

  OperatorPtr input_;
  IdPattern pat_;
  GraphSpec graph_;
  Batch in_;
  size_t inPos_ = 0;
  size_t cur_ = 0;
  bool inputDone_ = false;
  std::vector<rdf::TermId> graphs_;
  size_t graphPos_ = 0;
  std::optional<rdf::QuadCursor> cursor_;
  bool filterNamed_ = false;
  rdf::QuadIds buf_[256];
  std::vector<rdf::TermId> pending_;
  size_t pendingPos_ = 0;
  uint64_t scanned_ = 0;
};

}  // namespace

OperatorPtr makePatternJoin(ExecContext& ctx, OperatorPtr input, IdPattern pattern,
                            GraphSpec graph) {
  return std::make_unique<PatternJoinOp>(ctx, std::move(input), pattern, std::move(graph));
}

}  // namespace bdis::sparql::exec
