// OrderBy (18.2.5.1): materialises its input with the sort keys' values and
// sorts by expr::orderCompare (stable). With a top-k bound (ORDER BY ... LIMIT),
// keeps at most 2k rows at any time, trimming to the best k; once trimmed, the
// k-th row is a cutoff and a row that does not sort before it is dropped
// without being stored. With ties (a top-k pushed below an OPTIONAL by the
// planner), every row whose keys equal the k-th row's is kept as well, so more
// than k rows may come out. Two simple literals compare by their lexical forms,
// which is what orderCompare decides for them, without classifying either.
#include <algorithm>
#include <numeric>

#include "sparql/algebra/sse.h"
#include "sparql/exec/id_row.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class OrderByOp final : public Operator {
 public:
  OrderByOp(ExecContext& ctx, OperatorPtr input, const std::vector<algebra::SortKey>& keys,
            std::optional<uint64_t> topK, bool withTies)
      : Operator(ctx, topK ? (withTies ? "TopKWithTies" : "TopK") : "OrderBy"),
        input_(std::move(input)), keys_(keys), topK_(topK), withTies_(withTies && topK),
        in_(ctx.vars().width()), row_(ctx) {
    for (const auto& k : keys_)
      detail += std::string(detail.empty() ? "" : " ") + (k.descending ? "desc " : "") +
                algebra::toSse(k.expr);
    if (topK) detail += " limit " + std::to_string(*topK);
  }
  ~OrderByOp() override { ctx_.release(accounted_); }
  std::vector<const Operator*> children() const override { return {input_.get()}; }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    clear();
    input_->open(seed);
    const size_t w = in_.width;
    std::vector<int> varSlots;  // per key: the slot of a plain-variable key, or -1
    for (const auto& k : keys_)
      varSlots.push_back(k.expr.kind == Expr::Kind::Var ? ctx_.vars().find(k.expr.name) : -1);
    const bool allVars = std::find(varSlots.begin(), varSlots.end(), -1) == varSlots.end();
    const bool firstVar = !varSlots.empty() && varSlots[0] >= 0;
    std::string scratch;
    Entry e;
    while (input_->next(in_)) {
      for (size_t i = 0; i < in_.size(); ++i) {
        const rdf::TermId* r = in_.row(i);
        // Past the cutoff on the first key alone: dropped on a view of the term,
        // before any copy (path_members: most of 12 k names).
        if (topK_ && hasCutoff_ && firstVar && !r[varSlots[0]].isAny()) {
          const auto& cut = entries_[*topK_ - 1].keys[0];
          if (cut) {
            rdf::TermView v = ctx_.decodeView(r[varSlots[0]], scratch);
            auto c = fastCompare(v.kind, v.value, v.datatype, v.lang, *cut);
            if (c && (keys_[0].descending ? *c < 0 : *c > 0)) continue;
          }
        }
        if (!allVars) row_.reset(r);
        e.keys.clear();
        uint64_t bytes = w * 8 + 64;
        for (size_t k = 0; k < keys_.size(); ++k) {
          if (varSlots[k] >= 0) {
            rdf::TermId id = r[varSlots[k]];
            e.keys.push_back(id.isAny() ? std::nullopt : std::optional<rdf::Term>(ctx_.decode(id)));
          } else {
            e.keys.push_back(expr::evaluate(keys_[k].expr, row_, ctx_.eval()));
          }
          if (e.keys.back()) bytes += e.keys.back()->value.size() + 96;
        }
        e.seq = seq_++;
        // Later rows lose ties (stable order), so not sorting before the cutoff drops it;
        // with ties, only sorting after it on the keys does.
        if (topK_ && hasCutoff_ &&
            (withTies_ ? compareKeys(e, entries_[*topK_ - 1]) > 0
                       : !Less{this}(e, entries_[*topK_ - 1])))
          continue;
        e.row.assign(r, r + w);
        e.bytes = bytes;
        accounted_ += bytes;
        ctx_.reserve(bytes);
        entries_.push_back(std::move(e));
        e = Entry();
        if (topK_ && entries_.size() >= trimAt_) trim(*topK_);
      }
    }
    input_->close();
    if (topK_) {
      trim(*topK_);
    } else {
      std::stable_sort(entries_.begin(), entries_.end(), Less{this});
    }
    pos_ = 0;
  }

  bool doNext(Batch& out) override {
    if (pos_ >= entries_.size()) return false;
    while (pos_ < entries_.size() && !out.full()) out.append(entries_[pos_++].row.data());
    return true;
  }

  void doClose() override { clear(); }

 private:
  struct Entry {
    std::vector<rdf::TermId> row;
    std::vector<std::optional<rdf::Term>> keys;
    uint64_t seq = 0;
    uint64_t bytes = 0;
  };
  /// The keys' order of `a` against `b` (descending keys reversed), ignoring `seq`.
  int compareKeys(const Entry& a, const Entry& b) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      const rdf::Term* x = a.keys[i] ? &*a.keys[i] : nullptr;
      const rdf::Term* y = b.keys[i] ? &*b.keys[i] : nullptr;
      std::optional<int> fast;
      if (x && y) fast = fastCompare(x->kind, x->value, x->datatype, x->lang, *y);
      int c = fast ? *fast : expr::orderCompare(x, y);
      if (c != 0) return keys_[i].descending ? -c : c;
    }
    return 0;
  }
  struct Less {
    const OrderByOp* self;
    bool operator()(const Entry& a, const Entry& b) const {
      const int c = self->compareKeys(a, b);
      return c != 0 ? c < 0 : a.seq < b.seq;
    }
  };

  /// 1 for a literal without language tag whose datatype is xsd:string (or none),
  /// 2 for a language-tagged literal, 0 for anything else.
  static int literalClass(rdf::TermKind kind, std::string_view datatype, std::string_view lang) {
    if (kind != rdf::TermKind::Literal) return 0;
    if (!lang.empty()) return 2;
    return datatype.empty() || datatype == rdf::kXsdString ? 1 : 0;
  }
  /// orderCompare's sign for two simple literals (lexical forms) or two language-tagged
  /// literals (lexical forms, then tags), without classifying them; nothing otherwise.
  static std::optional<int> fastCompare(rdf::TermKind kind, std::string_view value,
                                        std::string_view datatype, std::string_view lang,
                                        const rdf::Term& b) {
    const int ca = literalClass(kind, datatype, lang);
    if (ca == 0 || ca != literalClass(b.kind, b.datatype, b.lang)) return std::nullopt;
    int c = value.compare(b.value);
    if (c == 0 && ca == 2) c = lang.compare(b.lang);
    return c;
  }

  void trim(uint64_t k) {
    std::sort(entries_.begin(), entries_.end(), Less{this});
    hasCutoff_ = k > 0 && entries_.size() >= k;
    size_t keep = k;
    // With ties: also every row tied with the k-th on the keys (they follow it).
    if (withTies_ && hasCutoff_)
      while (keep < entries_.size() && compareKeys(entries_[keep], entries_[k - 1]) == 0) ++keep;
    // Many ties kept: trim again only after as many new rows (no trim per row).
    trimAt_ = 2 * keep + 1024;
    if (entries_.size() > keep) {
      for (size_t i = keep; i < entries_.size(); ++i) {
        ctx_.release(entries_[i].bytes);
        accounted_ -= std::min(accounted_, entries_[i].bytes);
      }
      entries_.resize(keep);
    }
  }
  void clear() {
    entries_.clear();
    hasCutoff_ = false;
    trimAt_ = topK_ ? 2 * *topK_ + 1024 : 0;
    ctx_.release(accounted_);
    accounted_ = 0;
    pos_ = 0;
  }

  OperatorPtr input_;
  const std::vector<algebra::SortKey>& keys_;
  std::optional<uint64_t> topK_;
  bool withTies_ = false;  ///< keep the rows tied with the k-th too
  size_t trimAt_ = 0;      ///< trim once this many rows are held
  Batch in_;
  IdRow row_;
  std::vector<Entry> entries_;
  size_t pos_ = 0;
  uint64_t seq_ = 0;
  uint64_t accounted_ = 0;
  bool hasCutoff_ = false;  ///< entries_ holds k sorted rows: entries_[k-1] is the cutoff
};

}  // namespace

OperatorPtr makeOrderBy(ExecContext& ctx, OperatorPtr input,
                        const std::vector<algebra::SortKey>& keys, std::optional<uint64_t> topK,
                        bool withTies) {
  return std::make_unique<OrderByOp>(ctx, std::move(input), keys, topK, withTies);
}

}  // namespace bdis::sparql::exec
