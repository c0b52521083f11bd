#pragma once
// The public entry point of SPARQL 1.1 Update (https://www.w3.org/TR/sparql11-update/):
// every operation of a request applied in order inside one write transaction,
// which the caller commits (or aborts: a request is all-or-nothing).
//
// Semantics, and where bdis differs from a store with explicit graphs:
//  - Graphs are implicit in the quad store: a named graph exists while it holds
//    at least one quad. CREATE GRAPH <g> of a graph holding no quad succeeds
//    and changes nothing (the graph is not remembered as empty); CREATE of a
//    graph holding quads is an ExecutionError unless SILENT. DROP is therefore
//    CLEAR; DROP / CLEAR of a graph holding nothing succeed (also without
//    SILENT: an empty graph and a missing one cannot be told apart).
//  - DELETE/INSERT ... WHERE evaluates the WHERE clause fully before changing
//    anything, then deletes, then inserts. Template triples with an unbound
//    variable or an ill-placed term (a literal subject, a non-IRI predicate or
//    graph) are skipped. Blank nodes of an INSERT template are fresh per
//    solution; those of INSERT DATA fresh per request.
//  - USING / USING NAMED (or the protocol dataset) set the dataset of the
//    WHERE clause (USING NAMED alone: an empty default graph); WITH <g> is then
//    ignored for the WHERE clause but still the graph of template triples
//    written without GRAPH. As the SPARQL 1.1 Protocol (2.2.3) requires, a
//    protocol dataset together with USING, USING NAMED or WITH is an error.
//  - LOAD reads `file:` IRIs (and absolute paths) with the RDF reader, the
//    syntax chosen by extension (.nt .nq .ttl .trig, optionally .gz / .zst).
//    http(s) IRIs are refused unless UpdateRequest::allowHttpLoad, local files
//    when UpdateRequest::allowFileLoad is false. SILENT makes
//    any failure of LOAD, CREATE, ADD, MOVE, COPY, DROP or CLEAR a no-op.
//  - ADD / MOVE / COPY with the same source and destination do nothing; a
//    source graph holding no quad is treated as empty (not an error).

#include <cstdint>
#include <optional>
#include <string>

#include "rdf/store.h"
#include "sparql/engine.h"

namespace bdis::sparql {

/// One update request.
struct UpdateRequest {
  std::string text;     ///< The SPARQL 1.1 Update request.
  std::string baseIri;  ///< Resolves relative IRIs before any BASE; may be empty.
  /// The protocol dataset (using-graph-uri / using-named-graph-uri): when
  /// present with at least one graph, it is the dataset of the WHERE clause of
  /// every DELETE/INSERT and DELETE WHERE operation. A request that also has
  /// USING, USING NAMED or WITH is refused with a SemanticError (Protocol 2.2.3).
  std::optional<Dataset> dataset;
  QueryLimits limits;  ///< Applied to each WHERE evaluation.
  /// LOAD of http:// and https:// IRIs (fetched with libcurl). Refused with an
  /// ExecutionError when false.
  bool allowHttpLoad = false;
  /// LOAD of file: IRIs and absolute paths, read with the rights of the
  /// process. Refused with an ExecutionError when false (a server may want
  /// writers to reach its files only through the Graph Store Protocol).
  bool allowFileLoad = true;
};

/// What a request changed.
struct UpdateStats {
  uint64_t operations = 0;  ///< Operations run.
  uint64_t inserted = 0;    ///< Quads added (not counting those already present).
  uint64_t deleted = 0;     ///< Quads removed (not counting those absent).
  double seconds = 0;       ///< Wall-clock time of parse and run.
};

/// Parses `request.text` and runs every operation in order inside `txn`; later
/// operations see the changes of earlier ones. Does not commit: the caller
/// commits, or aborts on any exception so that a request is all-or-nothing.
/// Throws SyntaxError / SemanticError for a bad request, ExecutionError for an
/// operation failing without SILENT (LOAD of an unreadable document, CREATE of
/// an existing graph, limits of a WHERE clause), StorageError from the store.
UpdateStats executeUpdate(rdf::WriteTxn& txn, const UpdateRequest& request);

}  // namespace bdis::sparql
