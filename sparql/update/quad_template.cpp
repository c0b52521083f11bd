#include "sparql/update/quad_template.h"

namespace bdis::sparql::update {

namespace {

/// The term at one template position for `row`; None when unbound.
rdf::Term termAt(const VarOrTerm& x, const std::vector<int>& columns, size_t varIndex,
                 const std::vector<rdf::Term>& row, const std::string& blankPrefix) {
  if (x.isVar()) {
    const int c = columns[varIndex];
    return c < 0 ? rdf::Term() : row[static_cast<size_t>(c)];
  }
  if (x.term.isBlank()) {
    return rdf::Term::blank(blankPrefix + x.term.value);
  }
  return x.term;
}

bool wellPlaced(const rdf::Quad& q) {
  return (q.s.isIri() || q.s.isBlank()) && q.p.isIri() && !q.o.isNone() &&
         (q.g.isNone() || q.g.isIri());
}

}  // namespace

void instantiate(const std::vector<QuadPattern>& tmpl, const Solutions& solutions,
                 const TemplateOptions& options, std::vector<rdf::Quad>& out) {
  // Columns of every variable of the template, looked up once.
  std::vector<int> columns;
  for (const auto& q : tmpl) {
    for (const VarOrTerm* x : {&q.s, &q.p, &q.o, &q.g}) {
      columns.push_back(x->isVar() ? solutions.column(x->var) : -1);
    }
  }

  uint64_t number = 0;
  for (const auto& row : solutions.rows) {
    const std::string prefix = options.freshPerSolution
                                   ? options.blankPrefix + std::to_string(number++) + "_"
                                   : options.blankPrefix;
    size_t k = 0;
    for (const auto& q : tmpl) {
      rdf::Quad quad{termAt(q.s, columns, k, row, prefix), termAt(q.p, columns, k + 1, row, prefix),
                     termAt(q.o, columns, k + 2, row, prefix),
                     termAt(q.g, columns, k + 3, row, prefix)};
      k += 4;
      const bool graphWritten = q.g.isVar() || !q.g.term.isNone();
      if (!graphWritten) {
        quad.g = options.defaultGraph;
      }
      if (wellPlaced(quad)) {
        out.push_back(std::move(quad));
      }
    }
  }
}

uint64_t insertQuads(rdf::WriteTxn& txn, const std::vector<rdf::Quad>& quads) {
  std::vector<rdf::QuadIds> ids;
  ids.reserve(quads.size());
  for (const auto& q : quads) {
    ids.push_back({txn.intern(q.s.view()), txn.intern(q.p.view()), txn.intern(q.o.view()),
                   q.g.isNone() ? rdf::kDefaultGraph : txn.intern(q.g.view())});
  }
  return ids.empty() ? 0 : txn.insertBatch(ids);
}

uint64_t eraseQuads(rdf::WriteTxn& txn, const std::vector<rdf::Quad>& quads) {
  std::vector<rdf::QuadIds> ids;
  ids.reserve(quads.size());
  for (const auto& q : quads) {
    auto s = txn.lookup(q.s.view());
    auto p = txn.lookup(q.p.view());
    auto o = txn.lookup(q.o.view());
    auto g = q.g.isNone() ? std::optional<rdf::TermId>(rdf::kDefaultGraph) : txn.lookup(q.g.view());
    if (s && p && o && g) {
      ids.push_back({*s, *p, *o, *g});
    }
  }
  return ids.empty() ? 0 : txn.eraseBatch(ids);
}

}  // namespace bdis::sparql::update
