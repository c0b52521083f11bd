#include "sparql/engine.h"

#include <algorithm>
#include <atomic>
#include <sstream>
#include <unordered_set>

#include "rdf/error.h"
#include "sparql/algebra/all.h"
#include "sparql/algebra/sse.h"
#include "sparql/ast/scope.h"
#include "sparql/exec/graph_results.h"
#include "sparql/exec/operator.h"
#include "sparql/ext/geof.h"
#include "sparql/ext/search_rewrite.h"
#include "sparql/parser/parser.h"
#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::sparql {

namespace {

using algebra::OpKind;

/// The projected variables of a SELECT algebra: those of its top Project.
std::vector<std::string> projectedVars(const algebra::Op& op) {
  const algebra::Op* cur = &op;
  while (true) {
    switch (cur->kind) {
      case OpKind::Project: return algebra::as<algebra::Project>(*cur).vars;
      case OpKind::Slice: cur = algebra::as<algebra::Slice>(*cur).input.get(); break;
      case OpKind::Distinct: cur = algebra::as<algebra::Distinct>(*cur).input.get(); break;
      case OpKind::Reduced: cur = algebra::as<algebra::Reduced>(*cur).input.get(); break;
      default: return {};
    }
  }
}

/// Resolves the dataset (protocol dataset over FROM / FROM NAMED over the default).
void resolveDataset(exec::ExecContext& ctx, const ast::Query& q,
                    const std::optional<Dataset>& protocol, bool unionDefaultGraph) {
  std::vector<std::string> from, fromNamed;
  bool explicitDataset = false;
  if (protocol && (!protocol->defaultGraphs.empty() || !protocol->namedGraphs.empty())) {
    from = protocol->defaultGraphs;
    fromNamed = protocol->namedGraphs;
    explicitDataset = true;
  } else if (!q.from.empty() || !q.fromNamed.empty()) {
    for (const auto& t : q.from) from.push_back(t.value);
    for (const auto& t : q.fromNamed) fromNamed.push_back(t.value);
    explicitDataset = true;
  }
  auto& ds = ctx.dataset();
  if (!explicitDataset) {
    ds.defaultGraphs = {rdf::kDefaultGraph};
    ds.namedGraphs = ctx.txn().namedGraphs();
    ds.allNamed = true;
    if (unionDefaultGraph) {
      ds.defaultGraphs.insert(ds.defaultGraphs.end(), ds.namedGraphs.begin(), ds.namedGraphs.end());
      ds.defaultIsAll = true;
    }
  } else {
    ds.allNamed = false;
    for (const auto& iri : from) {
      auto id = ctx.storeId(rdf::Term::iri(iri));
      if (id && std::find(ds.defaultGraphs.begin(), ds.defaultGraphs.end(), *id) ==
                    ds.defaultGraphs.end())
        ds.defaultGraphs.push_back(*id);
    }
    for (const auto& iri : fromNamed) {
      auto id = ctx.storeId(rdf::Term::iri(iri));
      if (id) ds.namedGraphs.push_back(*id);
    }
  }
  std::sort(ds.namedGraphs.begin(), ds.namedGraphs.end());
  ds.namedGraphs.erase(std::unique(ds.namedGraphs.begin(), ds.namedGraphs.end()),
                       ds.namedGraphs.end());
}

std::atomic<uint64_t> queryCounter{0};

}  // namespace

QueryStats executeQuery(const rdf::ReadTxn& txn, const QueryRequest& request, ResultSink& sink) {
  auto start = std::chrono::steady_clock::now();
  ParsedQuery pq = parseQuery(request.text, request.baseIri);
  const ast::Query& q = pq.ast;

  exec::ExecContext ctx(txn, request.limits);
  ctx.planOptions = request.plan;
  ctx.timeOperators = request.explain;
  resolveDataset(ctx, q, request.dataset, request.unionDefaultGraph);
  // Full-text and spatial patterns become joins with index hits (sparql/ext); the
  // nearest-k rewrite needs the dataset to count only the geometries in scope.
  std::vector<std::string> rewrites = ext::rewriteSearch(pq.algebra, txn, &ctx.dataset());
  const algebra::Op& root = *pq.algebra;
  planner::collectVars(root, ctx.vars());
  for (const auto& t : q.constructTemplate)
    for (const VarOrTerm* x : {&t.s, &t.p, &t.o})
      if (x->isVar()) ctx.vars().add(x->var);
  for (const auto& d : q.describe)
    if (d.isVar()) ctx.vars().add(d.var);
  ctx.eval().baseIri = q.prologue.base.empty() ? request.baseIri : q.prologue.base;
  ctx.eval().bnodeScope = "q" + std::to_string(queryCounter.fetch_add(1)) + "_";
  ctx.eval().extension = [](std::string_view iri, const std::vector<rdf::Term>& args) {
    return ext::callExtension(iri, args);  // GeoSPARQL functions
  };

  planner::PlanBuilder builder(ctx);
  ctx.buildExists = [&builder](const algebra::Op& op) { return builder.buildExists(op); };
  exec::OperatorPtr plan = builder.build(root);

  QueryStats stats;
  const size_t w = ctx.vars().width();
  exec::Batch batch(w);
  plan->open(nullptr);
  switch (q.form) {
    case ast::QueryForm::Select: {
      std::vector<std::string> vars = projectedVars(root);
      std::vector<int> slots;
      for (const auto& v : vars) slots.push_back(ctx.vars().find(v));
      sink.begin(QueryForm::Select, vars);
      std::vector<rdf::TermView> views(vars.size());
      std::vector<std::string> scratch(vars.size());
      while (plan->next(batch)) {
        for (size_t i = 0; i < batch.size(); ++i) {
          const rdf::TermId* r = batch.row(i);
          for (size_t c = 0; c < slots.size(); ++c)
            views[c] = slots[c] < 0 ? rdf::TermView() : ctx.decodeView(r[slots[c]], scratch[c]);
          sink.row(views);
          ++stats.rows;
        }
      }
      break;
    }
    case ast::QueryForm::Ask: {
      sink.begin(QueryForm::Ask, {});
      bool any = plan->next(batch);
      sink.boolean(any);
      stats.rows = 1;
      break;
    }
    case ast::QueryForm::Construct: {
      sink.begin(QueryForm::Construct, {});
      exec::TripleEmitter emitter(ctx, sink);
      uint64_t solution = 0;
      while (plan->next(batch))
        for (size_t i = 0; i < batch.size(); ++i)
          exec::instantiateTemplate(ctx, q.constructTemplate, batch.row(i), solution++,
                                    q.constructWhere, emitter);
      stats.rows = emitter.count();
      break;
    }
    case ast::QueryForm::Describe: {
      sink.begin(QueryForm::Describe, {});
      std::vector<rdf::TermId> resources;
      std::vector<int> slots;
      if (q.describeStar) {
        for (const auto& v : ast::visibleVariables(q)) slots.push_back(ctx.vars().find(v));
      }
      for (const auto& d : q.describe) {
        if (d.isVar()) {
          slots.push_back(ctx.vars().find(d.var));
        } else if (auto id = ctx.storeId(d.term)) {
          resources.push_back(*id);
        }
      }
      if (!slots.empty() && q.where) {
        while (plan->next(batch))
          for (size_t i = 0; i < batch.size(); ++i)
            for (int s : slots)
              if (s >= 0 && !batch.row(i)[s].isAny()) resources.push_back(batch.row(i)[s]);
      }
      exec::TripleEmitter emitter(ctx, sink);
      std::unordered_set<rdf::TermId> visited;
      for (rdf::TermId r : resources) exec::describeResource(ctx, r, emitter, visited);
      stats.rows = emitter.count();
      break;
    }
  }
  plan->close();
  sink.end();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (request.explain) {
    for (const auto& r : rewrites) stats.explain += "rewrite: " + r + "\n";
    stats.explain += exec::explainPlan(*plan);
    // EXISTS sub-plans, as run (their actual rows summed over every row they were opened for).
    for (const auto& [op, sub] : ctx.existsPlans()) {
      std::string pattern = algebra::toSse(*op);
      if (pattern.size() > 200) pattern = pattern.substr(0, 197) + "...";
      stats.explain += "EXISTS " + pattern + "\n";
      std::istringstream lines(exec::explainPlan(*sub));
      for (std::string line; std::getline(lines, line);) stats.explain += "  " + line + "\n";
    }
  }
  (void)w;
  return stats;
}

}  // namespace bdis::sparql
