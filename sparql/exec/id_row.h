#pragma once
// A row of term ids seen by the expression evaluator as an expr::Row: values
// are decoded on first access and kept until the row changes.

#include <optional>
#include <vector>

#include "sparql/exec/exec_context.h"
#include "sparql/expr/evaluator.h"

namespace bdis::sparql::exec {

/// Gives the ids behind a row to the EXISTS callback.
class IdRowAccess {
 public:
  virtual ~IdRowAccess() = default;
  /// The current row (the query's width); valid until reset.
  virtual const rdf::TermId* ids() const = 0;
};

/// See the file comment. Lifetime: the ids passed to reset() must stay valid
/// while the row is used; returned Term pointers live until the next reset().
class IdRow final : public expr::Row, public IdRowAccess {
 public:
  explicit IdRow(ExecContext& ctx) : ctx_(ctx), cache_(ctx.vars().width()) {}
  /// Points the row at `ids` and forgets decoded values. With `newSolution`,
  /// also moves EvalContext::solutionId on (BNODE(str) scope: one solution).
  void reset(const rdf::TermId* ids, bool newSolution = true);
  const rdf::Term* get(std::string_view var) const override;
  const rdf::TermId* ids() const override { return ids_; }

 private:
  ExecContext& ctx_;
  const rdf::TermId* ids_ = nullptr;
  mutable std::vector<std::optional<rdf::Term>> cache_;
};

/// Evaluates `e` on a row of ids: the value's id (store or query-local), or
/// kAny on an error. `row` is reset to `ids` (a new solution unless `sameSolution`).
rdf::TermId evaluateToId(const Expr& e, IdRow& row, const rdf::TermId* ids, ExecContext& ctx,
                         bool sameSolution = false);

/// True when every expression of a conjunction has effective boolean value true.
bool evaluateFilter(const std::vector<const Expr*>& exprs, IdRow& row, const rdf::TermId* ids,
                    ExecContext& ctx);

}  // namespace bdis::sparql::exec
