// executeUpdate (sparql/update.h): one request, operations in order.

#include <chrono>

#include "loaders/bulk/bulk_loader.h"
#include "rdf/error.h"
#include "sparql/parser/parser.h"
#include "sparql/update.h"
#include "sparql/update/graph_ops.h"
#include "sparql/update/load.h"
#include "sparql/update/quad_template.h"
#include "sparql/update/where_rows.h"

namespace bdis::sparql {

namespace {

using Kind = ast::UpdateOperation::Kind;

bool hasGraphs(const std::optional<Dataset>& d) {
  return d && (!d->defaultGraphs.empty() || !d->namedGraphs.empty());
}

/// The protocol dataset may not be combined with USING, USING NAMED or WITH
/// (SPARQL 1.1 Protocol, 2.2.3).
void checkProtocolDataset(const ast::Update& u, const UpdateRequest& request) {
  if (!hasGraphs(request.dataset)) {
    return;
  }
  for (const auto& op : u.operations) {
    if (op.kind == Kind::Modify && (!op.with.empty() || !op.usingClauses.empty())) {
      throw SemanticError(
          "using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED "
          "or WITH in the update");
    }
  }
}

/// Applies the operations of one request; owns its blank-node scope.
class Updater {
 public:
  Updater(rdf::WriteTxn& txn, const UpdateRequest& request)
      : txn_(txn), request_(request), scope_(loaders::newBlankScope()) {}

  void apply(const ast::UpdateOperation& op, const algebra::Op* where, size_t index) {
    ++stats_.operations;
    const std::string opScope = scope_ + "o" + std::to_string(index) + "_";
    switch (op.kind) {
      case Kind::InsertData: {
        update::TemplateOptions t;
        t.blankPrefix = scope_ + "d_";
        add(op.insertQuads, oneEmptySolution(), t);
        return;
      }
      case Kind::DeleteData:
        remove(op.deleteQuads, oneEmptySolution(), {});
        return;
      case Kind::DeleteWhere: {
        const auto solutions = evaluate(*where, protocolOr({}), opScope);
        remove(op.deleteQuads, solutions, {});
        return;
      }
      case Kind::Modify:
        modify(op, *where, opScope);
        return;
      case Kind::Load:
        load(op);
        return;
      case Kind::Clear:
      case Kind::Drop:
        count(update::clearGraphs(txn_, op.target));
        return;
      case Kind::Create:
        update::createGraph(txn_, op.target, op.silent);
        return;
      case Kind::Add:
      case Kind::Move:
      case Kind::Copy:
        count(update::transferGraph(txn_, op));
        return;
    }
    throw InternalError("unknown update operation");
  }

  UpdateStats& stats() { return stats_; }

 private:
  static const update::Solutions& oneEmptySolution() {
    static const update::Solutions one{{}, {std::vector<rdf::Term>{}}};
    return one;
  }

  /// The protocol dataset when given, else `fallback`.
  update::WhereDataset protocolOr(update::WhereDataset fallback) const {
    if (!hasGraphs(request_.dataset)) {
      return fallback;
    }
    return update::WhereDataset{request_.dataset->defaultGraphs, request_.dataset->namedGraphs};
  }

  update::Solutions evaluate(const algebra::Op& where, const update::WhereDataset& dataset,
                             const std::string& opScope) {
    return update::evaluate(txn_, where, dataset, request_.limits, request_.baseIri, opScope + "w");
  }

  void modify(const ast::UpdateOperation& op, const algebra::Op& where,
              const std::string& opScope) {
    update::WhereDataset dataset;
    if (!op.usingClauses.empty()) {
      dataset.defaultGraphs.emplace();
      dataset.namedGraphs.emplace();
      for (const auto& u : op.usingClauses) {
        (u.named ? *dataset.namedGraphs : *dataset.defaultGraphs).push_back(u.iri);
      }
    } else if (!op.with.empty()) {
      dataset.defaultGraphs = std::vector<std::string>{op.with};
    }
    const auto solutions = evaluate(where, protocolOr(std::move(dataset)), opScope);
    update::TemplateOptions t;
    if (!op.with.empty()) {
      t.defaultGraph = rdf::Term::iri(op.with);
    }
    if (op.hasDeleteClause) {
      remove(op.deleteQuads, solutions, t);
    }
    if (op.hasInsertClause) {
      t.blankPrefix = opScope + "s";
      t.freshPerSolution = true;
      add(op.insertQuads, solutions, t);
    }
  }

  void load(const ast::UpdateOperation& op) {
    update::LoadRequest l;
    l.source = op.source;
    l.into = op.into;
    l.allowHttp = request_.allowHttpLoad;
    l.allowFile = request_.allowFileLoad;
    l.timeoutSeconds = static_cast<long>(
        std::chrono::duration_cast<std::chrono::seconds>(request_.limits.timeout).count());
    try {
      stats_.inserted += update::loadDocument(txn_, l);
    } catch (const ExecutionError&) {
      if (!op.silent) {
        throw;
      }
    }
  }

  void add(const std::vector<QuadPattern>& tmpl, const update::Solutions& solutions,
           const update::TemplateOptions& t) {
    std::vector<rdf::Quad> quads;
    update::instantiate(tmpl, solutions, t, quads);
    stats_.inserted += update::insertQuads(txn_, quads);
  }

  void remove(const std::vector<QuadPattern>& tmpl, const update::Solutions& solutions,
              const update::TemplateOptions& t) {
    std::vector<rdf::Quad> quads;
    update::instantiate(tmpl, solutions, t, quads);
    stats_.deleted += update::eraseQuads(txn_, quads);
  }

  void count(const update::GraphChange& c) {
    stats_.inserted += c.inserted;
    stats_.deleted += c.deleted;
  }

  rdf::WriteTxn& txn_;
  const UpdateRequest& request_;
  const std::string scope_;
  UpdateStats stats_;
};

}  // namespace

UpdateStats executeUpdate(rdf::WriteTxn& txn, const UpdateRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  const ParsedUpdate parsed = parseUpdate(request.text, request.baseIri);
  checkProtocolDataset(parsed.ast, request);
  Updater updater(txn, request);
  const auto& ops = parsed.ast.operations;
  for (size_t i = 0; i < ops.size(); ++i) {
    const algebra::Op* where = i < parsed.where.size() ? parsed.where[i].get() : nullptr;
    if ((ops[i].kind == Kind::Modify || ops[i].kind == Kind::DeleteWhere) && !where) {
      throw InternalError("update operation without the algebra of its WHERE clause");
    }
    updater.apply(ops[i], where, i);
  }
  UpdateStats stats = updater.stats();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace bdis::sparql
