// ObjectRange: the leaf scan of a pattern (?s p ?o) over a range of object ids on
// the POSG order (ReadTxn::scanObjectRange), for a range that filters on ?o allow
// (planner/integer_range.h); the filters themselves stay above it.
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class ObjectRangeOp final : public Operator {
 public:
  ObjectRangeOp(ExecContext& ctx, IdPattern pattern, rdf::TermId lo, rdf::TermId hi,
                GraphSpec graph)
      : Operator(ctx, "ObjectRange"), pat_(pattern), lo_(lo), hi_(hi), graph_(std::move(graph)) {}

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.assign(ctx_.vars().width(), rdf::kAny);
    if (seed) seed_.assign(seed, seed + seed_.size());
    cursor_.reset();
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, seed, [&](rdf::TermId g) { graphs.push_back(g); });
    if (pat_.impossible || graphs.size() != 1 || isLocal(graphs[0])) return;
    cursor_.emplace(
        ctx_.txn().scanObjectRange(pat_.p.id, lo_, hi_, graphForOrderedScan(ctx_, graphs[0])));
  }

  bool doNext(Batch& out) override {
    if (!cursor_) return false;
    const size_t w = out.width;
    while (!out.full()) {
      ctx_.checkLimits();
      size_t n = cursor_->nextBatch(buf_);
      if (n == 0) {
        cursor_.reset();
        break;
      }
      size_t used = out.ids.size();
      out.ids.resize(used + n * w);
      for (size_t i = 0; i < n; ++i) {
        rdf::TermId* o = out.ids.data() + used;
        std::copy(seed_.begin(), seed_.end(), o);
        if (bind(o, pat_.s.slot, buf_[i].s) && bind(o, pat_.o.slot, buf_[i].o)) used += w;
      }
      out.ids.resize(used);
    }
    return !out.empty();
  }

  void doClose() override { cursor_.reset(); }

 private:
  static bool bind(rdf::TermId* row, int slot, rdf::TermId v) {
    if (row[slot].isAny()) {
      row[slot] = v;
      return true;
    }
    return row[slot] == v;
  }

  IdPattern pat_;
  rdf::TermId lo_, hi_;
  GraphSpec graph_;
  std::vector<rdf::TermId> seed_;
  std::optional<rdf::QuadCursor> cursor_;
  rdf::QuadIds buf_[256];
};

}  // namespace

OperatorPtr makeObjectRange(ExecContext& ctx, IdPattern pattern, rdf::TermId lo, rdf::TermId hi,
                            GraphSpec graph) {
  return std::make_unique<ObjectRangeOp>(ctx, pattern, lo, hi, std::move(graph));
}

}  // namespace bdis::sparql::exec
