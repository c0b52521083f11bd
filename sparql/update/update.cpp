#include "sparql/update/update.h"

#include <atomic>
#include <chrono>
#include <map>

#include "rdf/error.h"
#include "rdf/rdf_reader.h"
#include "sparql/parser/parser.h"
#include "sparql/update/where_rows.h"

namespace bdis::sparql {

namespace {

using Kind = ast::UpdateOperation::Kind;

std::atomic<uint64_t> requestCounter{0};

/// Applies one request; keeps the counters and the fresh blank-node scope.
class Updater {
 public:
  Updater(rdf::WriteTxn& txn, const UpdateRequest& req) : txn_(txn), req_(req) {
    scope_ = "u" + std::to_string(requestCounter.fetch_add(1)) + "_";
  }

  void apply(const ast::UpdateOperation& op, const algebra::Op* where) {
    ++stats.operations;
    ++opIndex_;
    switch (op.kind) {
      case Kind::InsertData: {
        update::Solutions none;
        none.rows.emplace_back();
        instantiate(op.insertQuads, none, "", true);
        return;
      }
      case Kind::DeleteData: {
        update::Solutions none;
        none.rows.emplace_back();
        instantiate(op.deleteQuads, none, "", false);
        return;
      }
      case Kind::DeleteWhere: {
        auto sols = update::evaluateWhere(txn_, *where, {}, req_.limits);
        instantiate(op.deleteQuads, sols, "", false);
        return;
      }
      case Kind::Modify: {
        update::WhereDataset ds;
        if (!op.usingClauses.empty()) {
          ds.restrictNamed = true;
          for (const auto& u : op.usingClauses)
            (u.named ? ds.namedGraphs : ds.defaultGraphs).push_back(u.iri);
          if (ds.defaultGraphs.empty()) ds.defaultGraphs.push_back("urn:bdis:no-default-graph");
        } else if (!op.with.empty()) {
          ds.defaultGraphs.push_back(op.with);
        }
        auto sols = update::evaluateWhere(txn_, *where, ds, req_.limits);
        if (op.hasDeleteClause) instantiate(op.deleteQuads, sols, op.with, false);
        if (op.hasInsertClause) instantiate(op.insertQuads, sols, op.with, true);
        return;
      }
      case Kind::Load: load(op); return;
      case Kind::Clear:
      case Kind::Drop: clear(op.target); return;
      case Kind::Create: {
        auto g = graphId(op.target.iri);
        if (g && txn_.count(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, *g}) > 0 && !op.silent)
          throw ExecutionError("CREATE GRAPH <" + op.target.iri + ">: the graph already exists");
        return;
      }
      case Kind::Add:
      case Kind::Move:
      case Kind::Copy: transfer(op); return;
    }
  }

  UpdateStats stats;

 private:
  std::optional<rdf::TermId> graphId(const std::string& iri) {
    return txn_.lookup(rdf::Term::iri(iri).view());
  }

  rdf::TermId graphOf(const ast::GraphRef& ref) {
    if (ref.kind == ast::GraphRef::Kind::Default) return rdf::kDefaultGraph;
    auto id = graphId(ref.iri);
    return id ? *id : rdf::kAny;
  }

  void clear(const ast::GraphRef& target) {
    using GK = ast::GraphRef::Kind;
    std::vector<rdf::TermId> graphs;
    if (target.kind == GK::Default || target.kind == GK::All) graphs.push_back(rdf::kDefaultGraph);
    if (target.kind == GK::Named || target.kind == GK::All) {
      auto named = txn_.namedGraphs();
      graphs.insert(graphs.end(), named.begin(), named.end());
    }
    if (target.kind == GK::Graph) {
      if (auto id = graphId(target.iri)) graphs.push_back(*id);
    }
    for (rdf::TermId g : graphs) stats.deleted += txn_.clearGraph(g);
  }

  void transfer(const ast::UpdateOperation& op) {
    rdf::TermId from = graphOf(op.from);
    bool sameGraph = op.from.kind == op.target.kind &&
                     (op.from.kind == ast::GraphRef::Kind::Default || op.from.iri == op.target.iri);
    if (sameGraph) return;
    if (from.isAny() && !op.silent && op.from.kind != ast::GraphRef::Kind::Default) {
      throw ExecutionError("<" + op.from.iri + ">: no such graph");
    }
    std::vector<rdf::QuadIds> quads;
    if (!from.isAny()) {
      auto c = txn_.scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, from});
      rdf::QuadIds q;
      while (c.next(q)) quads.push_back(q);
    }
    rdf::TermId to = op.target.kind == ast::GraphRef::Kind::Default
                         ? rdf::kDefaultGraph
                         : txn_.intern(rdf::Term::iri(op.target.iri).view());
    if (op.kind != Kind::Add) stats.deleted += txn_.clearGraph(to);
    for (auto& q : quads) q.g = to;
    stats.inserted += txn_.insertBatch(quads);
    if (op.kind == Kind::Move && !from.isAny()) stats.deleted += txn_.clearGraph(from);
  }

  void load(const ast::UpdateOperation& op) {
    try {
      std::string path = op.source;
      if (path.rfind("file://", 0) == 0) {
        path = path.substr(7);
      } else if (path.rfind("file:", 0) == 0) {
        path = path.substr(5);
      } else if (path.find("://") != std::string::npos) {
        throw ExecutionError("LOAD <" + op.source + ">: only file: IRIs can be loaded");
      }
      std::string decoded;
      for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size()) {
          decoded += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else {
          decoded += path[i];
        }
      }
      auto fmt = rdf::formatFromPath(decoded);
      if (!fmt) throw ExecutionError("LOAD <" + op.source + ">: unknown RDF syntax");
      rdf::ReadOptions o;
      o.format = *fmt;
      o.baseIri = op.source;
      o.blankPrefix = scope_ + "l" + std::to_string(opIndex_) + "_";
      rdf::Term graph = op.into.empty() ? rdf::Term() : rdf::Term::iri(op.into);
      o.defaultGraph = graph.view();
      struct Sink : rdf::QuadSink {
        rdf::WriteTxn& txn;
        std::vector<rdf::QuadIds> quads;
        explicit Sink(rdf::WriteTxn& t) : txn(t) {}
        void quad(const rdf::QuadView& q) override {
          quads.push_back({txn.intern(q.s), txn.intern(q.p), txn.intern(q.o),
                           q.g.isNone() ? rdf::kDefaultGraph : txn.intern(q.g)});
        }
      } sink(txn_);
      rdf::readFile(decoded, o, sink);
      stats.inserted += txn_.insertBatch(sink.quads);
    } catch (const Error& e) {
      if (op.silent) return;
      throw ExecutionError(std::string("LOAD failed: ") + e.what());
    }
  }

  /// Instantiates quad templates for each solution; inserts or deletes them.
  void instantiate(const std::vector<QuadPattern>& tmpl, const update::Solutions& sols,
                   const std::string& withGraph, bool insert) {
    std::vector<rdf::QuadIds> batch;
    uint64_t solution = 0;
    for (const auto& row : sols.rows) {
      ++solution;
      for (const auto& q : tmpl) {
        rdf::Term t[4];
        const VarOrTerm* pos[4] = {&q.s, &q.p, &q.o, &q.g};
        bool ok = true;
        for (int i = 0; i < 4 && ok; ++i) {
          const VarOrTerm& x = *pos[i];
          if (x.isVar()) {
            int c = sols.column(x.var);
            if (c < 0 || row[c].isNone()) ok = false;
            else t[i] = row[c];
          } else if (x.term.isBlank()) {
            t[i] = rdf::Term::blank(scope_ + std::to_string(opIndex_) + "_" +
                                    std::to_string(solution) + "_" + x.term.value);
          } else {
            t[i] = x.term;
          }
        }
        if (!ok) continue;
        if (t[3].isNone() && !withGraph.empty()) t[3] = rdf::Term::iri(withGraph);
        if (t[0].isLiteral() || !t[1].isIri() || !(t[3].isNone() || t[3].isIri())) continue;
        if (insert) {
          batch.push_back({txn_.intern(t[0].view()), txn_.intern(t[1].view()),
                           txn_.intern(t[2].view()),
                           t[3].isNone() ? rdf::kDefaultGraph : txn_.intern(t[3].view())});
        } else {
          auto s = txn_.lookup(t[0].view()), p = txn_.lookup(t[1].view()),
               o = txn_.lookup(t[2].view());
          std::optional<rdf::TermId> g =
              t[3].isNone() ? std::optional<rdf::TermId>(rdf::kDefaultGraph) : txn_.lookup(t[3].view());
          if (s && p && o && g) batch.push_back({*s, *p, *o, *g});
        }
      }
    }
    if (insert) {
      stats.inserted += txn_.insertBatch(batch);
    } else {
      stats.deleted += txn_.eraseBatch(batch);
    }
  }

  rdf::WriteTxn& txn_;
  const UpdateRequest& req_;
  std::string scope_;
  uint64_t opIndex_ = 0;
};

}  // namespace

UpdateStats executeUpdate(rdf::WriteTxn& txn, const UpdateRequest& request) {
  auto start = std::chrono::steady_clock::now();
  ParsedUpdate pu = parseUpdate(request.text, request.baseIri);
  Updater u(txn, request);
  for (size_t i = 0; i < pu.ast.operations.size(); ++i)
    u.apply(pu.ast.operations[i], i < pu.where.size() ? pu.where[i].get() : nullptr);
  u.stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return u.stats;
}

}  // namespace bdis::sparql
