// Group + Aggregation + AggregateJoin (18.2.4.1, 18.5): groups input rows by
// the key expressions' values (ids; an error is an unbound key) and feeds
// each aggregate's argument values to its accumulator. Without keys there is
// exactly one group, even over no rows. Output rows hold the key variables and
// the aggregate variables only.
//
// COUNT(*), COUNT(?v), SUM(?v) and AVG(?v) without DISTINCT accumulate on ids:
// a counter, and an exact 128-bit sum of the inline xsd:integer values. Only
// values that are not inline integers are decoded and given to the generic
// accumulator (SUM for both SUM and AVG), which receives the integer partial
// sum at the end; integer addition is exact, so the result is the same term.
#include <map>
#include <unordered_map>

#include "rdf/term_codec.h"
#include "sparql/exec/id_row.h"
#include "sparql/exec/operators.h"
#include "sparql/exec/row_store.h"
#include "sparql/expr/aggregate.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::exec {
namespace {

struct KeyHash {
  size_t operator()(const std::vector<rdf::TermId>& k) const { return hashIds(k.data(), k.size()); }
};

class GroupOp final : public Operator {
 public:
  GroupOp(ExecContext& ctx, OperatorPtr input, const algebra::Group& g)
      : Operator(ctx, "Group"), input_(std::move(input)), g_(g), in_(ctx.vars().width()),
        row_(ctx) {
    for (const auto& k : g.keys) {
      keySlots_.push_back(k.var.empty() ? -1 : ctx.vars().find(k.var));
      keyVarSlots_.push_back(k.expr.kind == Expr::Kind::Var ? ctx.vars().find(k.expr.name) : -1);
      if (!k.var.empty()) detail += (detail.empty() ? "by ?" : " ?") + k.var;
    }
    sumExpr_.kind = Expr::Kind::Aggregate;
    sumExpr_.name = "SUM";
    for (const auto& a : g.aggregates) {
      aggSlots_.push_back(ctx.vars().find(a.var));
      const Expr& e = a.aggregate;
      Fast f = Fast::None;
      int slot = -1;
      if (!e.distinct) {
        if (e.name == "COUNT" && e.args.empty()) {
          f = Fast::CountAll;
        } else if (e.args.size() == 1 && e.args[0].kind == Expr::Kind::Var) {
          slot = ctx.vars().find(e.args[0].name);
          if (e.name == "COUNT") f = Fast::CountVar;
          if (e.name == "SUM") f = Fast::Sum;
          if (e.name == "AVG") f = Fast::Avg;
        }
      }
      fast_.push_back(f);
      allFast_ = allFast_ && f != Fast::None;
      fastSlots_.push_back(slot);
      // The generic part of an AVG is a SUM; the count is kept here.
      genericExprs_.push_back(f == Fast::Avg ? &sumExpr_ : &e);
    }
  }
  ~GroupOp() override { ctx_.release(accounted_); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    groups_.clear();
    order_.clear();
    firstKeys_.clear();
    seed_.clear();
    if (seed) seed_.assign(seed, seed + in_.width);
    input_->open(nullptr);
    const size_t w = in_.width;
    std::vector<rdf::TermId> key(g_.keys.size());
    State* only = nullptr;  // without keys: the one group, found once
    while (input_->next(in_)) {
      if (g_.keys.empty() && !only) only = &group(key);
      for (size_t i = 0; i < in_.size(); ++i) {
        const rdf::TermId* r = in_.row(i);
        for (size_t k = 0; k < g_.keys.size(); ++k)
          key[k] = keyVarSlots_[k] >= 0 ? r[keyVarSlots_[k]]
                                        : evaluateToId(g_.keys[k].expr, row_, r, ctx_);
        State& st = only ? *only : group(key);
        if (!allFast_) row_.reset(r);
        for (size_t a = 0; a < g_.aggregates.size(); ++a) {
          if (fast_[a] == Fast::None) {
            feed(*st.aggs[a], g_.aggregates[a].aggregate, r, w);
          } else {
            feedFast(a, st, r);
          }
        }
      }
    }
    input_->close();
    if (g_.keys.empty() && groups_.empty()) {
      auto it = groups_.emplace(std::vector<rdf::TermId>{}, newGroup()).first;
      order_.push_back(&*it);
      firstKeys_.push_back(rdf::kAny);
    }
    pos_ = 0;
  }

  bool doNext(Batch& out) override {
    if (pos_ >= order_.size()) return false;
    const size_t w = out.width;
    while (pos_ < order_.size() && !out.full()) {
      const auto& [key, aggs] = *order_[pos_++];
      std::vector<rdf::TermId> r(w);
      for (size_t k = 0; k < key.size(); ++k)
        if (keySlots_[k] >= 0) r[keySlots_[k]] = key[k];
      for (size_t a = 0; a < aggs.aggs.size(); ++a) {
        auto v = fast_[a] == Fast::None ? aggs.aggs[a]->result() : fastResult(a, aggs);
        if (v && aggSlots_[a] >= 0) r[aggSlots_[a]] = ctx_.toId(*v);
      }
      appendSeeded(out, r.data(), seed_);
    }
    return true;
  }

  void doClose() override {
    groups_.clear();
    order_.clear();
    firstKeys_.clear();
    ctx_.release(accounted_);
    accounted_ = 0;
  }

 private:
  enum class Fast : uint8_t { None, CountAll, CountVar, Sum, Avg };
  /// Id-level state of a Fast aggregate: rows counted, inline integers summed,
  /// values passed to the generic accumulator.
  struct FastAcc {
    expr::Int128 sum = 0;
    int64_t count = 0;
    int64_t generic = 0;
  };
  struct State {
    std::vector<std::unique_ptr<expr::Aggregator>> aggs;
    std::vector<FastAcc> fast;
  };
  using Aggs = State;

  /// The group of `key`, created if new. A few groups are found by a linear
  /// scan of their keys (cheaper than hashing a key vector per row).
  State& group(const std::vector<rdf::TermId>& key) {
    if (order_.size() <= kLinearGroups) {
      if (key.size() == 1) {
        for (size_t i = 0; i < order_.size(); ++i)
          if (firstKeys_[i] == key[0]) return order_[i]->second;
      } else {
        for (auto* entry : order_)
          if (entry->first == key) return entry->second;
      }
    }
    auto it = order_.size() <= kLinearGroups ? groups_.end() : groups_.find(key);
    if (it == groups_.end()) {
      it = groups_.emplace(key, newGroup()).first;
      order_.push_back(&*it);
      firstKeys_.push_back(key.empty() ? rdf::kAny : key[0]);
      uint64_t bytes = 64 + key.size() * 8 + g_.aggregates.size() * 128;
      accounted_ += bytes;
      ctx_.reserve(bytes);
    }
    return it->second;
  }

  State newGroup() {
    State st;
    for (const Expr* e : genericExprs_) st.aggs.push_back(expr::makeAggregator(*e));
    st.fast.resize(genericExprs_.size());
    return st;
  }

  void feedFast(size_t a, State& st, const rdf::TermId* r) {
    FastAcc& acc = st.fast[a];
    switch (fast_[a]) {
      case Fast::CountAll: ++acc.count; return;
      case Fast::CountVar:
        if (fastSlots_[a] >= 0 && !r[fastSlots_[a]].isAny()) ++acc.count;
        return;
      case Fast::Sum:
      case Fast::Avg: {
        const rdf::TermId id = fastSlots_[a] >= 0 ? r[fastSlots_[a]] : rdf::kAny;
        if (id.tag() == rdf::IdTag::Integer) {
          acc.sum += rdf::unzigzag(id.payload());
          ++acc.count;
          return;
        }
        ++acc.generic;
        st.aggs[a]->add(id.isAny() ? std::nullopt : std::optional<rdf::Term>(ctx_.decode(id)));
        return;
      }
      case Fast::None: return;
    }
  }

  std::optional<rdf::Term> fastResult(size_t a, const State& st) const {
    const FastAcc& acc = st.fast[a];
    using expr::Numeric;
    switch (fast_[a]) {
      case Fast::CountAll:
      case Fast::CountVar: return expr::numericTerm(Numeric::ofInteger(acc.count));
      case Fast::Sum:
      case Fast::Avg: {
        std::optional<Numeric> sum = Numeric::ofInteger(acc.sum);
        if (acc.generic > 0) {
          if (acc.count > 0) st.aggs[a]->add(expr::numericTerm(*sum));
          auto t = st.aggs[a]->result();
          sum = t ? expr::numericValue(*t) : std::nullopt;
          if (!sum) return std::nullopt;
        }
        if (fast_[a] == Fast::Sum) return expr::numericTerm(*sum);
        const int64_t n = acc.count + acc.generic;
        if (n == 0) return expr::numericTerm(Numeric::ofInteger(0));
        auto avg = expr::arithmetic(expr::ArithOp::Divide, *sum, Numeric::ofInteger(n));
        if (!avg) return std::nullopt;
        return expr::numericTerm(*avg);
      }
      case Fast::None: break;
    }
    return std::nullopt;
  }

  void feed(expr::Aggregator& agg, const Expr& e, const rdf::TermId* r, size_t w) {
    if (e.args.empty()) {
      // COUNT(*): any bound value per row; with DISTINCT the row itself is the value.
      if (e.distinct) {
        std::string k;
        for (size_t i = 1; i < w; ++i) k += std::to_string(r[i].raw) + ",";
        agg.add(rdf::Term::literal(std::move(k)));
      } else {
        agg.add(rdf::Term::literal("*"));
      }
      return;
    }
    if (e.name == "COUNT" && e.args[0].kind == Expr::Kind::Var) {
      // COUNT needs bound-ness only, and DISTINCT compares ids (equal ids are
      // equal terms): no decoding.
      int slot = ctx_.vars().find(e.args[0].name);
      if (slot < 0 || r[slot].isAny()) {
        agg.add(std::nullopt);
      } else {
        agg.add(rdf::Term::literal(std::to_string(r[slot].raw)));
      }
      return;
    }
    agg.add(expr::evaluate(e.args[0], row_, ctx_.eval()));
  }

  OperatorPtr input_;
  const algebra::Group& g_;
  Batch in_;
  IdRow row_;
  static constexpr size_t kLinearGroups = 16;
  std::vector<rdf::TermId> firstKeys_;  ///< per group in order_: its first key (linear scan)
  std::vector<int> keySlots_, aggSlots_;
  std::vector<int> keyVarSlots_;  ///< per key: the slot when the key is a plain variable, or -1
  bool allFast_ = true;           ///< every aggregate accumulates on ids (no IdRow needed)
  std::vector<Fast> fast_;        ///< per aggregate
  std::vector<int> fastSlots_;    ///< per aggregate: its variable's slot, or -1
  Expr sumExpr_;                  ///< SUM without DISTINCT, the generic part of a Fast AVG
  std::vector<const Expr*> genericExprs_;  ///< per aggregate: what the generic accumulator computes
  std::unordered_map<std::vector<rdf::TermId>, Aggs, KeyHash> groups_;
  std::vector<std::pair<const std::vector<rdf::TermId>, Aggs>*> order_;
  std::vector<rdf::TermId> seed_;
  size_t pos_ = 0;
  uint64_t accounted_ = 0;
};

}  // namespace

OperatorPtr makeGroup(ExecContext& ctx, OperatorPtr input, const algebra::Group& group) {
  return std::make_unique<GroupOp>(ctx, std::move(input), group);
}

}  // namespace bdis::sparql::exec
