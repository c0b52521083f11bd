// SubjectOptionals: OPTIONAL { ?s p1 ?o1 } OPTIONAL { ?s p2 ?o2 } ... on a subject
// every input row binds, answered with one scan of the subject's quads (GSPO)
// instead of one index probe per OPTIONAL: each row is extended with every
// combination of the objects found per predicate, an empty list leaving its variable
// unbound, in the order the nested left joins give (first OPTIONAL outermost).
// A subject with many quads is probed per predicate instead. Required patterns
// (?s p o) with constants p and o, taken from the left side's BGP, are checked in
// the same scan: a row whose subject lacks one of them is dropped.
#include <algorithm>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

/// Quads of one subject read before falling back to a probe per predicate.
constexpr size_t kSubjectScanLimit = 512;

class SubjectOptionalsOp final : public Operator {
 public:
  SubjectOptionalsOp(ExecContext& ctx, OperatorPtr input, int slot,
                     std::vector<std::pair<rdf::TermId, int>> props,
                     std::vector<std::pair<rdf::TermId, rdf::TermId>> required, GraphSpec graph)
      : Operator(ctx, "SubjectOptionals"), input_(std::move(input)), slot_(slot),
        props_(std::move(props)), required_(std::move(required)), graph_(std::move(graph)),
        in_(ctx.vars().width()), values_(props_.size()), found_(required_.size()) {
    detail = "on ?" + ctx.vars().name(slot);
    for (const auto& [p, o] : required_)
      detail +=
          " with (" + rdf::toNTriples(ctx.decode(p)) + " " + rdf::toNTriples(ctx.decode(o)) + ")";
    detail += ":";
    for (const auto& [p, o] : props_)
      detail += " (" + rdf::toNTriples(ctx.decode(p)) + " ?" + ctx.vars().name(o) + ")";
  }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    input_->open(seed);
    in_.clear();
    pos_ = 0;
    done_ = false;
  }

  bool doNext(Batch& out) override {
    while (!out.full()) {
      if (pos_ >= in_.size()) {
        if (done_ || !input_->next(in_)) {
          done_ = true;
          return !out.empty();
        }
        pos_ = 0;
      }
      const rdf::TermId* r = in_.row(pos_++);
      if (collect(r)) emit(r, out);
    }
    return true;
  }

  void doClose() override { input_->close(); }

 private:
  /// Fills values_ with the objects of each predicate for the row's subject; false
  /// when the subject lacks a required pattern (the row is dropped).
  bool collect(const rdf::TermId* r) {
    for (auto& v : values_) v.clear();
    std::fill(found_.begin(), found_.end(), 0);
    const rdf::TermId s = r[slot_];
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, r, [&](rdf::TermId g) { graphs.push_back(g); });
    if (s.isAny() || isLocal(s) || graphs.size() != 1 || isLocal(graphs[0]))
      return required_.empty();
    const rdf::TermId g = graphs[0];
    rdf::QuadCursor c = ctx_.txn().scan(rdf::QuadPattern{s, rdf::kAny, rdf::kAny, g});
    size_t seen = 0;
    while (size_t n = c.nextBatch(buf_)) {
      seen += n;
      if (seen > kSubjectScanLimit) return probeEach(r, s, g);
      for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < props_.size(); ++k)
          if (buf_[i].p == props_[k].first) values_[k].push_back(buf_[i].o);
        for (size_t k = 0; k < required_.size(); ++k)
          if (buf_[i].p == required_[k].first && buf_[i].o == required_[k].second) found_[k] = 1;
      }
    }
    keepBound(r);
    return std::find(found_.begin(), found_.end(), 0) == found_.end();
  }

  /// An object variable the row already binds (a correlated seed) keeps its value:
  /// one row whether or not the store has that object, as the left join gives.
  void keepBound(const rdf::TermId* r) {
    for (size_t k = 0; k < props_.size(); ++k)
      if (!r[props_[k].second].isAny()) values_[k].clear();
  }

  /// The objects of each predicate by one probe each (a subject with many quads),
  /// and one probe per required pattern; false when one of those is missing.
  bool probeEach(const rdf::TermId* r, rdf::TermId s, rdf::TermId g) {
    ctx_.checkLimits();
    for (const auto& [p, o] : required_) {
      rdf::QuadCursor c = ctx_.txn().scan(rdf::QuadPattern{s, p, o, g});
      if (c.nextBatch(buf_) == 0) return false;
    }
    for (size_t k = 0; k < props_.size(); ++k) {
      values_[k].clear();
      if (props_[k].first.isAny()) continue;  // a predicate the store does not know
      rdf::QuadCursor c = ctx_.txn().scan(rdf::QuadPattern{s, props_[k].first, rdf::kAny, g});
      while (size_t n = c.nextBatch(buf_))
        for (size_t i = 0; i < n; ++i) values_[k].push_back(buf_[i].o);
    }
    keepBound(r);
    return true;
  }

  /// Appends the row extended with every combination: the first predicate varies
  /// slowest, as the outer of nested left joins does.
  void emit(const rdf::TermId* r, Batch& out) {
    std::vector<size_t> at(props_.size(), 0);
    for (;;) {
      rdf::TermId* o = out.append(r);
      for (size_t k = 0; k < props_.size(); ++k)
        if (!values_[k].empty()) o[props_[k].second] = values_[k][at[k]];
      size_t k = props_.size();
      for (;;) {
        if (k == 0) return;  // every combination written
        --k;
        if (++at[k] < std::max<size_t>(values_[k].size(), 1)) break;
        at[k] = 0;
      }
    }
  }

  OperatorPtr input_;
  int slot_;
  std::vector<std::pair<rdf::TermId, int>> props_;
  std::vector<std::pair<rdf::TermId, rdf::TermId>> required_;  ///< (p, o) the subject must have
  GraphSpec graph_;
  Batch in_;
  size_t pos_ = 0;
  bool done_ = false;
  std::vector<std::vector<rdf::TermId>> values_;
  std::vector<char> found_;  ///< per required pattern: seen in the current scan
  rdf::QuadIds buf_[256];
};

}  // namespace

OperatorPtr makeSubjectOptionals(ExecContext& ctx, OperatorPtr input, int slot,
                                 std::vector<std::pair<rdf::TermId, int>> props,
                                 std::vector<std::pair<rdf::TermId, rdf::TermId>> required,
                                 GraphSpec graph) {
  return std::make_unique<SubjectOptionalsOp>(ctx, std::move(input), slot, std::move(props),
                                              std::move(required), std::move(graph));
}

}  // namespace bdis::sparql::exec
