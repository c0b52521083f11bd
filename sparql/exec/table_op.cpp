// Table (VALUES, 18.2.2.6): constant rows; undefined cells stay unbound. Rows
// incompatible with the seed are dropped, the others merged with it.
#include "rdf/error.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {
namespace {

class TableOp final : public Operator {
 public:
  TableOp(ExecContext& ctx, const algebra::Table& t) : Operator(ctx, "Values") {
    const size_t w = ctx.vars().width();
    std::vector<int> slots;
    for (const auto& v : t.vars) slots.push_back(ctx.vars().add(v));
    BDIS_ASSERT(ctx.vars().width() == w);
    for (size_t k = 0; k < t.rows.size(); ++k) {
      const auto& r = t.rows[k];
      const std::vector<rdf::TermId>* known = k < t.ids.size() ? &t.ids[k] : nullptr;
      std::vector<rdf::TermId> row(w);
      for (size_t i = 0; i < r.size() && i < slots.size(); ++i)
        row[slots[i]] = known && i < known->size() && !(*known)[i].isAny() ? (*known)[i]
                                                                           : ctx.toId(r[i]);
      rows_.insert(rows_.end(), row.begin(), row.end());
    }
    estimatedRows = static_cast<double>(t.rows.size());
    detail = std::to_string(t.rows.size()) + " rows";
  }

 protected:
  void doOpen(const rdf::TermId* seed) override {
    seed_.clear();
    if (seed) seed_.assign(seed, seed + ctx_.vars().width());
    done_ = false;
  }
  bool doNext(Batch& out) override {
    if (done_) return false;
    done_ = true;
    const size_t w = out.width;
    for (size_t i = 0; i < rows_.size(); i += w) {
      const rdf::TermId* r = rows_.data() + i;
      if (seed_.empty()) {
        out.append(r);
      } else if (compatible(r, seed_.data(), w)) {
        mergeInto(out.appendEmpty(), r, seed_.data(), w);
      }
    }
    return true;
  }

 private:
  std::vector<rdf::TermId> rows_;
  std::vector<rdf::TermId> seed_;
  bool done_ = true;
};

}  // namespace

OperatorPtr makeTable(ExecContext& ctx, const algebra::Table& table) {
  return std::make_unique<TableOp>(ctx, table);
}

}  // namespace bdis::sparql::exec
