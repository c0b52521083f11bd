#include "sparql/update/where_rows.h"

#include <algorithm>
#include <chrono>

#include "sparql/exec/exec_context.h"
#include "sparql/exec/operator.h"
#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql::update {

namespace {

/// The store ids of the graphs named by `iris` that the store knows, sorted and unique.
std::vector<rdf::TermId> graphIds(const exec::ExecContext& ctx,
                                  const std::vector<std::string>& iris) {
  std::vector<rdf::TermId> out;
  for (const auto& iri : iris) {
    if (auto id = ctx.storeId(rdf::Term::iri(iri))) {
      out.push_back(*id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

int Solutions::column(const std::string& var) const {
  auto it = std::find(vars.begin(), vars.end(), var);
  return it == vars.end() ? -1 : static_cast<int>(it - vars.begin());
}

Solutions evaluate(const rdf::ReadTxn& txn, const algebra::Op& op, const WhereDataset& dataset,
                   const QueryLimits& limits, const std::string& baseIri,
                   const std::string& bnodeScope) {
  exec::ExecContext ctx(txn, limits);
  planner::collectVars(op, ctx.vars());
  auto& ds = ctx.dataset();
  if (dataset.defaultGraphs) {
    ds.defaultGraphs = graphIds(ctx, *dataset.defaultGraphs);
  } else {
    ds.defaultGraphs = {rdf::kDefaultGraph};
  }
  if (dataset.namedGraphs) {
    ds.namedGraphs = graphIds(ctx, *dataset.namedGraphs);
    ds.allNamed = false;
  } else {
    ds.namedGraphs = txn.namedGraphs();
    ds.allNamed = true;
  }
  ctx.eval().now = std::chrono::system_clock::now();
  ctx.eval().baseIri = baseIri;
  ctx.eval().bnodeScope = bnodeScope;

  planner::PlanBuilder builder(ctx);
  ctx.buildExists = [&builder](const algebra::Op& e) { return builder.buildExists(e); };
  exec::OperatorPtr plan = builder.build(op);

  Solutions out;
  const size_t width = ctx.vars().width();
  for (size_t s = 0; s < width; ++s) {
    out.vars.push_back(ctx.vars().name(static_cast<int>(s)));
  }
  exec::Batch batch(width);
  plan->open(nullptr);
  while (plan->next(batch)) {
    for (size_t i = 0; i < batch.size(); ++i) {
      const rdf::TermId* r = batch.row(i);
      std::vector<rdf::Term> row;
      row.reserve(width);
      uint64_t bytes = sizeof(std::vector<rdf::Term>) + width * sizeof(rdf::Term);
      for (size_t s = 0; s < width; ++s) {
        row.push_back(ctx.decode(r[s]));
        bytes += row.back().value.size() + row.back().datatype.size() + row.back().lang.size();
      }
      ctx.reserve(bytes);  // the materialised solutions count against the memory budget
      out.rows.push_back(std::move(row));
    }
  }
  plan->close();
  return out;
}

}  // namespace bdis::sparql::update
