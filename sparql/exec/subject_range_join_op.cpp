// SubjectRangeJoin: the join of input rows that bind ?s with the whole range of
// a pattern (?s p ?o) (constant p, ?o not bound by the input), for an input much
// smaller than the range. The input is materialised and sorted on ?s; the PSOG
// order gives p's range sorted on the subject, so one pass over both pairs them:
// no hash table is built or probed (the hash join built on the left does both).
#include <algorithm>
#include <numeric>
#include <optional>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class SubjectRangeJoinOp final : public Operator {
 public:
  SubjectRangeJoinOp(ExecContext& ctx, OperatorPtr input, IdPattern pattern, GraphSpec graph)
      : Operator(ctx, "SubjectRangeJoin"),
        input_(std::move(input)),
        pat_(pattern),
        graph_(std::move(graph)),
        in_(ctx.vars().width()) {
    detail = "on ?" + ctx.vars().name(pat_.s.slot) + " with (PSOG " +
             rdf::toNTriples(ctx.decode(pat_.p.id)) + " ?" + ctx.vars().name(pat_.o.slot) + ")";
  }
  ~SubjectRangeJoinOp() override { ctx_.release(accounted_); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    clear();
    const size_t w = in_.width;
    const int key = pat_.s.slot;
    input_->open(seed);
    while (input_->next(in_)) {
      rows_.insert(rows_.end(), in_.ids.begin(), in_.ids.end());
      const uint64_t bytes = in_.size() * (w * 8 + 8);
      accounted_ += bytes;
      ctx_.reserve(bytes);
    }
    input_->close();
    const size_t n = rows_.size() / w;
    for (size_t i = 0; i < n; ++i) (rows_[i * w + key].isAny() ? unkeyed_ : sorted_).push_back(i);
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [&](size_t a, size_t b) { return rows_[a * w + key] < rows_[b * w + key]; });
    if (sorted_.empty() && unkeyed_.empty()) return;
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, seed, [&](rdf::TermId g) { graphs.push_back(g); });
    if (graphs.size() != 1 || isLocal(graphs[0]) || pat_.impossible) return;
    const rdf::TermId g = graphForOrderedScan(ctx_, graphs[0]);
    cursor_.emplace(ctx_.txn().scan(rdf::QuadPattern{rdf::kAny, pat_.p.id, rdf::kAny, g},
                                    rdf::IndexOrder::PSOG));
  }

  bool doNext(Batch& out) override {
    if (!cursor_) return false;
    const size_t w = in_.width;
    const int key = pat_.s.slot;
    const int o = pat_.o.slot;
    while (!out.full()) {
      if (qpos_ == qn_) {
        // Nothing left to pair: every sorted row is behind the range.
        if (lpos_ == sorted_.size() && unkeyed_.empty()) break;
        ctx_.checkLimits();
        qn_ = cursor_->nextBatch(quads_);
        qpos_ = 0;
        match_ = 0;
        if (qn_ == 0) break;
      }
      const rdf::QuadIds& q = quads_[qpos_];
      if (match_ == 0) {
        while (lpos_ < sorted_.size() && rows_[sorted_[lpos_] * w + key] < q.s) ++lpos_;
        same_ = sameCount(q.s);
      }
      // Rows of this subject (sorted_[lpos_ ...]), then the rows without a key.
      const size_t same = same_;
      if (match_ < same + unkeyed_.size()) {
        const size_t i = match_ < same ? sorted_[lpos_ + match_] : unkeyed_[match_ - same];
        ++match_;
        const rdf::TermId* l = rows_.data() + i * w;
        if (!l[o].isAny() && l[o] != q.o) continue;
        rdf::TermId* r = out.append(l);
        r[key] = q.s;
        r[o] = q.o;
        continue;
      }
      ++qpos_;
      match_ = 0;
    }
    if (out.empty()) cursor_.reset();
    return !out.empty();
  }

  void doClose() override { clear(); }

 private:
  /// How many sorted rows from lpos_ on have subject `s`.
  size_t sameCount(rdf::TermId s) const {
    const size_t w = in_.width;
    size_t k = lpos_;
    while (k < sorted_.size() && rows_[sorted_[k] * w + pat_.s.slot] == s) ++k;
    return k - lpos_;
  }

  void clear() {
    cursor_.reset();
    rows_.clear();
    sorted_.clear();
    unkeyed_.clear();
    qn_ = qpos_ = lpos_ = match_ = 0;
    ctx_.release(accounted_);
    accounted_ = 0;
  }

  OperatorPtr input_;
  IdPattern pat_;
  GraphSpec graph_;
  Batch in_;
  std::vector<rdf::TermId> rows_;  ///< the input rows, flat
  std::vector<size_t> sorted_;     ///< rows binding ?s, by ?s
  std::vector<size_t> unkeyed_;    ///< rows leaving ?s unbound (joined with every quad)
  std::optional<rdf::QuadCursor> cursor_;
  rdf::QuadIds quads_[256];
  size_t qn_ = 0, qpos_ = 0;
  size_t lpos_ = 0;   ///< first sorted row whose subject is not below the current quad's
  size_t match_ = 0;  ///< rows of the current quad already considered
  size_t same_ = 0;   ///< sorted rows with the current quad's subject
  uint64_t accounted_ = 0;
};

}  // namespace

OperatorPtr makeSubjectRangeJoin(ExecContext& ctx, OperatorPtr input, IdPattern pattern,
                                 GraphSpec graph) {
  return std::make_unique<SubjectRangeJoinOp>(ctx, std::move(input), pattern, std::move(graph));
}

}  // namespace bdis::sparql::exec
