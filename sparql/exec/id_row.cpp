#include "sparql/exec/id_row.h"

namespace bdis::sparql::exec {

void IdRow::reset(const rdf::TermId* ids, bool newSolution) {
  ids_ = ids;
  for (auto& c : cache_) c.reset();
  if (newSolution) ctx_.eval().solutionId = ctx_.newSolutionId();
}

const rdf::Term* IdRow::get(std::string_view var) const {
  int slot = ctx_.vars().find(var);
  if (slot < 0 || ids_ == nullptr || ids_[slot].isAny()) return nullptr;
  auto& c = cache_[static_cast<size_t>(slot)];
  if (!c) c = ctx_.decode(ids_[slot]);
  return &*c;
}

rdf::TermId evaluateToId(const Expr& e, IdRow& row, const rdf::TermId* ids, ExecContext& ctx,
                         bool sameSolution) {
  row.reset(ids, !sameSolution);
  if (e.kind == Expr::Kind::Var) {
    int slot = ctx.vars().find(e.name);
    return slot < 0 ? rdf::kAny : ids[slot];
  }
  auto v = expr::evaluate(e, row, ctx.eval());
  if (!v) return rdf::kAny;
  return ctx.toId(*v);
}

bool evaluateFilter(const std::vector<const Expr*>& exprs, IdRow& row, const rdf::TermId* ids,
                    ExecContext& ctx) {
  row.reset(ids);
  for (const Expr* e : exprs) {
    auto v = expr::evaluate(*e, row, ctx.eval());
    if (!v) return false;
    auto b = expr::effectiveBooleanValue(*v);
    if (!b || !*b) return false;
  }
  return true;
}

}  // namespace bdis::sparql::exec
