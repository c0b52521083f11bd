#include "sparql/update/where_rows.h"

#include <algorithm>

#include "sparql/exec/operator.h"
#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql::update {

int Solutions::column(const std::string& var) const {
  auto it = std::find(vars.begin(), vars.end(), var);
  return it == vars.end() ? -1 : static_cast<int>(it - vars.begin());
}

Solutions evaluateWhere(const rdf::ReadTxn& txn, const algebra::Op& op, const WhereDataset& ds,
                        const QueryLimits& limits) {
  exec::ExecContext ctx(txn, limits);
  planner::collectVars(op, ctx.vars());
  auto& d = ctx.dataset();
  if (ds.defaultGraphs.empty()) {
    d.defaultGraphs = {rdf::kDefaultGraph};
  } else {
    for (const auto& iri : ds.defaultGraphs)
      if (auto id = ctx.storeId(rdf::Term::iri(iri))) d.defaultGraphs.push_back(*id);
  }
  if (ds.restrictNamed) {
    d.allNamed = false;
    for (const auto& iri : ds.namedGraphs)
      if (auto id = ctx.storeId(rdf::Term::iri(iri))) d.namedGraphs.push_back(*id);
    std::sort(d.namedGraphs.begin(), d.namedGraphs.end());
  } else {
    d.namedGraphs = txn.namedGraphs();
  }
  ctx.eval().now = std::chrono::system_clock::now();
  planner::PlanBuilder builder(ctx);
  ctx.buildExists = [&builder](const algebra::Op& e) { return builder.buildExists(e); };
  auto plan = builder.build(op);

  Solutions out;
  const size_t w = ctx.vars().width();
  for (size_t s = 1; s < w; ++s) out.vars.push_back(ctx.vars().name(static_cast<int>(s)));
  exec::Batch batch(w);
  plan->open(nullptr);
  while (plan->next(batch)) {
    for (size_t i = 0; i < batch.size(); ++i) {
      std::vector<rdf::Term> row;
      row.reserve(w - 1);
      for (size_t s = 1; s < w; ++s) row.push_back(ctx.decode(batch.row(i)[s]));
      out.rows.push_back(std::move(row));
    }
  }
  plan->close();
  return out;
}

}  // namespace bdis::sparql::update
