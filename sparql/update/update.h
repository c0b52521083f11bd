#pragma once
// SPARQL 1.1 Update execution (https://www.w3.org/TR/sparql11-update/): every
// operation of a request applied in order inside one write transaction, which
// the caller commits (all of the request or nothing).
//
// Graphs are implicit in the quad store: a graph exists while it holds a quad.
// CREATE of a graph holding quads fails (unless SILENT); CREATE of an empty one
// and DROP are otherwise CLEAR-like. LOAD reads `file:` IRIs (and plain paths)
// with the RDF reader, choosing the syntax from the extension; other schemes
// fail (unless SILENT): bdis does not fetch remote documents.

#include <cstdint>
#include <string>

#include "rdf/store.h"
#include "sparql/engine.h"

namespace bdis::sparql {

/// One update request.
struct UpdateRequest {
  std::string text;     ///< The SPARQL 1.1 Update request.
  std::string baseIri;  ///< Resolves relative IRIs before any BASE; may be empty.
  QueryLimits limits;   ///< Applied to each WHERE evaluation.
};

/// What a request changed.
struct UpdateStats {
  uint64_t operations = 0;
  uint64_t inserted = 0;  ///< Quads added (not counting those already present).
  uint64_t deleted = 0;   ///< Quads removed.
  double seconds = 0;
};

/// Parses and applies an update request through `txn` (not committed here).
/// Throws SyntaxError / SemanticError for a bad request, ExecutionError when an
/// operation fails without SILENT (LOAD of an unreadable document, CREATE of an
/// existing graph, limits in a WHERE clause).
UpdateStats executeUpdate(rdf::WriteTxn& txn, const UpdateRequest& request);

}  // namespace bdis::sparql
