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

#include "rdf/sort_key_cache.h"
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
    varSlots_.clear();  // per key: the slot of a plain-variable key, or -1
    for (const auto& k : keys_)
      varSlots_.push_back(k.expr.kind == Expr::Kind::Var ? ctx_.vars().find(k.expr.name) : -1);
    allVars_ = std::find(varSlots_.begin(), varSlots_.end(), -1) == varSlots_.end();
    // A top-k sorted first on a variable reads its input in chunks and decodes the
    // chunk's first keys in id order: the dictionary is then read forward, page
    // after page, instead of at random (3x fewer cycles per term at 10 M triples),
    // and a term shared by several rows is decoded once.
    const bool chunked = topK_ && !varSlots_.empty() && varSlots_[0] >= 0;
    const size_t w = in_.width;
    if (chunked) {
      const uint64_t chunkBytes = kChunkRows * (w * 8 + 4);
      accounted_ += chunkBytes;
      ctx_.reserve(chunkBytes);
    }
    while (input_->next(in_)) {
      if (!chunked) {
        for (size_t i = 0; i < in_.size(); ++i) add(in_.row(i), seq_++, nullptr);
        continue;
      }
      chunk_.insert(chunk_.end(), in_.ids.begin(), in_.ids.end());
      if (chunk_.size() >= kChunkRows * w) addChunk();
    }
    if (chunked) addChunk();
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
  static constexpr size_t kChunkRows = 65536;

  /// Adds the rows of chunk_ (input order = seq order) visiting them by first key id.
  /// With a cutoff, a term whose cached sort key (sort_key_cache.h) is already past
  /// it is dropped without reading the dictionary; terms read are remembered there.
  void addChunk() {
    const size_t w = in_.width;
    const size_t n = chunk_.size() / w;
    if (n == 0) return;
    const int slot = varSlots_[0];
    order_.resize(n);
    for (size_t i = 0; i < n; ++i) order_[i] = {chunk_[i * w + slot].raw, static_cast<uint32_t>(i)};
    std::sort(order_.begin(), order_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    rdf::SortKeyCache* cache = ctx_.txn().sortKeyCache();
    std::string scratch;
    rdf::TermView view;
    rdf::TermId viewed = rdf::kAny;
    bool haveView = false, dropped = false;
    for (const auto& [raw, i] : order_) {
      const rdf::TermId* r = chunk_.data() + size_t{i} * w;
      const rdf::TermId id(raw);
      if (id.isAny()) {
        add(r, seq_ + i, nullptr);
        continue;
      }
      if (!haveView || id != viewed) {
        viewed = id;
        haveView = true;
        dropped = cache && !isLocal(id) && pastCutoff(cache->get(id));
        if (!dropped) {
          view = ctx_.decodeView(id, scratch);
          if (cache && !isLocal(id)) cache->put(id, rdf::SortKeyCache::keyOf(view));
        }
      }
      if (!dropped) add(r, seq_ + i, &view);
    }
    seq_ += n;
    chunk_.clear();
    ctx_.checkLimits();
  }

  /// Whether a term of sort key `key` (0: unknown) sorts past the cutoff on the
  /// first key, as decided by the keys alone.
  bool pastCutoff(uint64_t key) const {
    if (key == 0 || !topK_ || !hasCutoff_) return false;
    const auto& cut = entries_[*topK_ - 1].keys[0];
    if (!cut) return false;
    const int kind = rdf::SortKeyCache::kindOf(key);
    const uint64_t cutKey = rdf::SortKeyCache::keyOf(cut->view());
    if (kind == 3 || kind != rdf::SortKeyCache::kindOf(cutKey) || key == cutKey) return false;
    return keys_[0].descending ? key < cutKey : key > cutKey;
  }

  /// Adds one input row with sequence number `seq` (its input position); `first`
  /// is the decoded first key when the caller has it.
  void add(const rdf::TermId* r, uint64_t seq, const rdf::TermView* first) {
    const size_t w = in_.width;
    const bool firstVar = varSlots_[0] >= 0;
    std::string scratch;
    // Past the cutoff on the first key alone: dropped on a view of the term,
    // before any copy (path_members: most of 121 k names at 10 M triples).
    if (topK_ && hasCutoff_ && firstVar && !r[varSlots_[0]].isAny()) {
      const auto& cut = entries_[*topK_ - 1].keys[0];
      if (cut) {
        rdf::TermView v = first ? *first : ctx_.decodeView(r[varSlots_[0]], scratch);
        auto c = fastCompare(v.kind, v.value, v.datatype, v.lang, *cut);
        if (c && (keys_[0].descending ? *c < 0 : *c > 0)) return;
      }
    }
    if (!allVars_) row_.reset(r);
    Entry e;
    uint64_t bytes = w * 8 + 64;
    for (size_t k = 0; k < keys_.size(); ++k) {
      if (varSlots_[k] >= 0) {
        rdf::TermId id = r[varSlots_[k]];
        if (id.isAny())
          e.keys.push_back(std::nullopt);
        else if (k == 0 && first)
          e.keys.push_back(rdf::Term(*first));
        else
          e.keys.push_back(ctx_.decode(id));
      } else {
        e.keys.push_back(expr::evaluate(keys_[k].expr, row_, ctx_.eval()));
      }
      if (e.keys.back()) bytes += e.keys.back()->value.size() + 96;
    }
    e.seq = seq;
    // Later rows lose ties (stable order), so not sorting before the cutoff drops it;
    // with ties, only sorting after it on the keys does.
    if (topK_ && hasCutoff_ &&
        (withTies_ ? compareKeys(e, entries_[*topK_ - 1]) > 0
                   : !Less{this}(e, entries_[*topK_ - 1])))
      return;
    e.row.assign(r, r + w);
    e.bytes = bytes;
    accounted_ += bytes;
    ctx_.reserve(bytes);
    entries_.push_back(std::move(e));
    if (topK_ && entries_.size() >= trimAt_) trim(*topK_);
  }

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
    chunk_.clear();
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
  std::vector<int> varSlots_;       ///< per key: the slot of a plain-variable key, or -1
  bool allVars_ = false;            ///< every key is a plain variable
  std::vector<rdf::TermId> chunk_;  ///< input rows not yet added (chunked top-k), flat
  std::vector<std::pair<uint64_t, uint32_t>> order_;  ///< chunk_'s (first key id, row)
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
