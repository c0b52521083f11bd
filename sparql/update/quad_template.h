#pragma once
// Instantiation of update quad templates (INSERT / DELETE clauses, DATA blocks)
// against materialised solutions (internal to sparql/update).

#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"
#include "sparql/ast/term.h"
#include "sparql/update/where_rows.h"

namespace bdis::sparql::update {

/// How the template is instantiated.
struct TemplateOptions {
  /// The graph of template triples written without GRAPH (WITH); None: the default graph.
  rdf::Term defaultGraph;
  /// Prefix of the labels of template blank nodes. The solution number is
  /// added after it when `freshPerSolution` (INSERT ... WHERE), not otherwise
  /// (INSERT DATA: one node per label for the whole request).
  std::string blankPrefix;
  bool freshPerSolution = false;
};

/// Appends to `out` the quads of `tmpl` for every row of `solutions`. A quad
/// with an unbound variable or an ill-placed term (literal or unbound subject,
/// non-IRI predicate, non-IRI graph) is skipped, as SPARQL 1.1 Update says.
void instantiate(const std::vector<QuadPattern>& tmpl, const Solutions& solutions,
                 const TemplateOptions& options, std::vector<rdf::Quad>& out);

/// Adds `quads` to the store; returns how many were new.
uint64_t insertQuads(rdf::WriteTxn& txn, const std::vector<rdf::Quad>& quads);

/// Removes `quads` from the store (terms the store does not know cannot be in
/// it, so they are never interned); returns how many were there.
uint64_t eraseQuads(rdf::WriteTxn& txn, const std::vector<rdf::Quad>& quads);

}  // namespace bdis::sparql::update
