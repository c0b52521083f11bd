// SubjectOptionals: OPTIONAL { ?s p1 ?o1 } OPTIONAL { ?s p2 ?o2 } ... on a subject
// every input row binds, answered with one scan of the subject's quads (GSPO)
// instead of one index probe per OPTIONAL: each row is extended with every
// combination of the objects found per predicate, an empty list leaving its variable
// unbound, in the order the nested left joins give (first OPTIONAL outermost).
// A subject with many quads is probed per predicate instead. Required patterns
// (?s p o) with constants p and o, taken from the left side's BGP, are checked in
// the same scan: a row whose subject lacks one of them is dropped.
// A batch of many input rows is split in two: the second half is probed on a
// helper thread with its own read transaction on the same snapshot
// (ReadTxn::sibling), and its rows follow the first half's, as one pass gives.
#include <algorithm>
#include <exception>
#include <system_error>
#include <thread>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

/// Quads of one subject read before falling back to a probe per predicate.
constexpr size_t kSubjectScanLimit = 512;

/// What one thread needs to probe subjects: its transaction and scratch space.
struct Prober {
  Prober(const rdf::ReadTxn& t, size_t props, size_t required)
      : txn(&t), values(props), found(required) {}
  const rdf::ReadTxn* txn;
  std::vector<std::vector<rdf::TermId>> values;  ///< per OPTIONAL: the objects found
  std::vector<char> found;  ///< per required pattern: seen in the current scan
  rdf::QuadIds buf[256];
};

class SubjectOptionalsOp final : public Operator {
 public:
  SubjectOptionalsOp(ExecContext& ctx, OperatorPtr input, int slot,
                     std::vector<std::pair<rdf::TermId, int>> props,
                     std::vector<std::pair<rdf::TermId, rdf::TermId>> required, GraphSpec graph)
      : Operator(ctx, "SubjectOptionals"), input_(std::move(input)), slot_(slot),
        props_(std::move(props)), required_(std::move(required)), graph_(std::move(graph)),
        in_(ctx.vars().width()), main_(ctx.txn(), props_.size(), required_.size()),
        pending_(ctx.vars().width()), helperOut_(ctx.vars().width()) {
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
    pending_.clear();
    pendingPos_ = 0;
    pos_ = 0;
    done_ = false;
  }

  bool doNext(Batch& out) override {
    while (!out.full()) {
      if (pendingPos_ < pending_.size()) {
        while (pendingPos_ < pending_.size() && !out.full()) out.append(pending_.row(pendingPos_++));
        continue;
      }
      if (pos_ >= in_.size()) {
        if (done_ || !input_->next(in_)) {
          done_ = true;
          return !out.empty();
        }
        pos_ = 0;
      }
      const uint64_t minRows = ctx_.planOptions.parallelProbeMinRows;
      if (minRows != 0 && in_.size() - pos_ >= minRows && helper()) {
        probeHalves();
        continue;
      }
      const rdf::TermId* r = in_.row(pos_++);
      if (collect(main_, r)) emit(main_, r, out);
    }
    return true;
  }

  void doClose() override {
    input_->close();
    helper_.reset();
    sibling_.reset();
  }

 private:
  /// Fills pr.values with the objects of each predicate for the row's subject; false
  /// when the subject lacks a required pattern (the row is dropped).
  bool collect(Prober& pr, const rdf::TermId* r) const {
    for (auto& v : pr.values) v.clear();
    std::fill(pr.found.begin(), pr.found.end(), 0);
    const rdf::TermId s = r[slot_];
    std::vector<rdf::TermId> graphs;
    forEachGraph(ctx_, graph_, r, [&](rdf::TermId g) { graphs.push_back(g); });
    if (s.isAny() || isLocal(s) || graphs.size() != 1 || isLocal(graphs[0]))
      return required_.empty();
    const rdf::TermId g = graphs[0];
    rdf::QuadCursor c = pr.txn->scan(rdf::QuadPattern{s, rdf::kAny, rdf::kAny, g});
    size_t seen = 0;
    while (size_t n = c.nextBatch(pr.buf)) {
      seen += n;
      if (seen > kSubjectScanLimit) return probeEach(pr, r, s, g);
      for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < props_.size(); ++k)
          if (pr.buf[i].p == props_[k].first) pr.values[k].push_back(pr.buf[i].o);
        for (size_t k = 0; k < required_.size(); ++k)
          if (pr.buf[i].p == required_[k].first && pr.buf[i].o == required_[k].second)
            pr.found[k] = 1;
      }
    }
    keepBound(pr, r);
    return std::find(pr.found.begin(), pr.found.end(), 0) == pr.found.end();
  }

  /// An object variable the row already binds (a correlated seed) keeps its value:
  /// one row whether or not the store has that object, as the left join gives.
  void keepBound(Prober& pr, const rdf::TermId* r) const {
    for (size_t k = 0; k < props_.size(); ++k)
      if (!r[props_[k].second].isAny()) pr.values[k].clear();
  }

  /// The objects of each predicate by one probe each (a subject with many quads),
  /// and one probe per required pattern; false when one of those is missing.
  bool probeEach(Prober& pr, const rdf::TermId* r, rdf::TermId s, rdf::TermId g) const {
    ctx_.checkLimits();
    for (const auto& [p, o] : required_) {
      rdf::QuadCursor c = pr.txn->scan(rdf::QuadPattern{s, p, o, g});
      if (c.nextBatch(pr.buf) == 0) return false;
    }
    for (size_t k = 0; k < props_.size(); ++k) {
      pr.values[k].clear();
      if (props_[k].first.isAny()) continue;  // a predicate the store does not know
      rdf::QuadCursor c = pr.txn->scan(rdf::QuadPattern{s, props_[k].first, rdf::kAny, g});
      while (size_t n = c.nextBatch(pr.buf))
        for (size_t i = 0; i < n; ++i) pr.values[k].push_back(pr.buf[i].o);
    }
    keepBound(pr, r);
    return true;
  }

  /// Appends the row extended with every combination: the first predicate varies
  /// slowest, as the outer of nested left joins does.
  void emit(const Prober& pr, const rdf::TermId* r, Batch& out) const {
    std::vector<size_t> at(props_.size(), 0);
    for (;;) {
      rdf::TermId* o = out.append(r);
      for (size_t k = 0; k < props_.size(); ++k)
        if (!pr.values[k].empty()) o[props_[k].second] = pr.values[k][at[k]];
      size_t k = props_.size();
      for (;;) {
        if (k == 0) return;  // every combination written
        --k;
        if (++at[k] < std::max<size_t>(pr.values[k].size(), 1)) break;
        at[k] = 0;
      }
    }
  }

  /// The helper thread's prober on a sibling transaction, made once per open; null
  /// when the snapshot cannot be shared (a write transaction, or a commit since).
  Prober* helper() {
    if (!helper_ && !noSibling_) {
      sibling_ = ctx_.txn().sibling();
      noSibling_ = sibling_ == nullptr;
      if (sibling_) helper_ = std::make_unique<Prober>(*sibling_, props_.size(), required_.size());
    }
    return helper_.get();
  }

  /// Probes the rest of the input batch into pending_: its first half here, its
  /// second half on a helper thread, whose rows are then appended.
  void probeHalves() {
    const size_t end = in_.size(), half = pos_ + (end - pos_) / 2;
    pending_.clear();
    pendingPos_ = 0;
    helperOut_.clear();
    std::exception_ptr failed;
    std::thread t;
    size_t mine = half;
    try {
      t = std::thread([&] {
        try {
          for (size_t i = half; i < end; ++i)
            if (collect(*helper_, in_.row(i))) emit(*helper_, in_.row(i), helperOut_);
        } catch (...) {
          failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      mine = end;  // no thread to be had: every row probed here
    }
    try {
      for (size_t i = pos_; i < mine; ++i)
        if (collect(main_, in_.row(i))) emit(main_, in_.row(i), pending_);
    } catch (...) {
      if (t.joinable()) t.join();
      throw;
    }
    if (t.joinable()) t.join();
    if (failed) std::rethrow_exception(failed);
    pending_.ids.insert(pending_.ids.end(), helperOut_.ids.begin(), helperOut_.ids.end());
    pos_ = end;
  }

  OperatorPtr input_;
  int slot_;
  std::vector<std::pair<rdf::TermId, int>> props_;
  std::vector<std::pair<rdf::TermId, rdf::TermId>> required_;  ///< (p, o) the subject must have
  GraphSpec graph_;
  Batch in_;
  size_t pos_ = 0;
  bool done_ = false;
  Prober main_;
  std::unique_ptr<rdf::ReadTxn> sibling_;  ///< the helper's transaction (same snapshot)
  std::unique_ptr<Prober> helper_;
  bool noSibling_ = false;  ///< no sibling could be had: every row probed here
  Batch pending_;           ///< rows of a split batch not yet handed out
  size_t pendingPos_ = 0;
  Batch helperOut_;  ///< the helper's rows of a split batch
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
