#pragma once
// The public entry point of the SPARQL 1.1 query engine: text in, results out
// through a ResultSink. The engine parses, translates to the algebra, applies
// the search rewrite (text:query, bif:contains, GeoSPARQL filters: sparql/ext/),
// plans (sparql/planner/) and runs the plan over term ids (sparql/exec/),
// decoding terms only for expressions and at output. GeoSPARQL functions are
// available to expressions.
//
// Dataset: without FROM / FROM NAMED and without a protocol Dataset, the
// default graph is the store's default graph and the named graphs are all the
// named graphs of the store. FROM <g>... makes the default graph the RDF merge
// of those graphs; FROM NAMED <g>... restricts the named graphs to those.
// A protocol Dataset (default-graph-uri / named-graph-uri) replaces the query's
// FROM / FROM NAMED entirely.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"

namespace bdis::sparql {

/// The four query forms, as seen by a ResultSink.
enum class QueryForm { Select, Ask, Construct, Describe };

/// Per-query limits; zero / null means no limit.
struct QueryLimits {
  /// Wall-clock budget from the start of executeQuery; exceeding it throws
  /// ExecutionError("query timed out after N ms").
  std::chrono::milliseconds timeout{0};
  /// Estimated bytes held by materialising operators (hash tables, sort buffers,
  /// group tables, distinct sets); exceeding it throws
  /// ExecutionError("query exceeded its memory budget of N MB").
  uint64_t memoryBytes = 0;
  /// Polled once per batch; when it becomes true the query stops with
  /// ExecutionError("query cancelled"). Must outlive executeQuery.
  const std::atomic<bool>* cancel = nullptr;
};

/// A protocol dataset (default-graph-uri / named-graph-uri): graph IRIs.
/// When present it overrides the query's FROM / FROM NAMED.
struct Dataset {
  std::vector<std::string> defaultGraphs;
  std::vector<std::string> namedGraphs;
};

/// Planner switches, for tests that compare plans: answers never depend on them.
struct PlanOptions {
  /// Subject stars of property ranges become merge joins over the PSOG/POSG orders
  /// (sparql/exec/subject_merge_op.cpp); off: hash and index joins.
  bool subjectMerge = true;
  /// A pattern (?s p ?o) whose ?o filters bound by integer constants scans only the
  /// matching integer ids when p's objects are all inline integers; off: the whole range.
  bool integerRanges = true;
  /// Nested OPTIONAL { ?s p ?o } on one bound subject read with one scan of the
  /// subject per row; off: one index probe per OPTIONAL.
  bool subjectOptionals = true;
  /// With subjectOptionals, a pattern (?s p o) of the left BGP (constant p and o, a
  /// range no smaller than another pattern's on ?s) is checked in the same subject
  /// scan instead of one probe per row; off: probed in the left side's plan.
  bool subjectChecks = true;
  /// GROUP BY one variable with only COUNT aggregates over a SubjectMerge counts the
  /// groups off the merge's runs without rows; off: Group over the merge's rows.
  bool groupCount = true;
  /// A few rows joined on ?s with a much larger range (?s p ?o) are sorted and paired
  /// with the range in PSOG order; off: a hash join built on the rows.
  bool subjectRangeJoin = true;
  /// ORDER BY ... LIMIT k [OFFSET o] over OPTIONALs whose right sides bind no sort-key
  /// variable: a top-(k+o) keeping ties with the last row runs below those OPTIONALs
  /// too (they never drop a left row nor change its keys); off: only the final top-k.
  bool topKBelowOptional = true;
  /// A group count (groupCount) keyed on an object, over runs of at least this many
  /// quads each, counts the two halves of the subjects at once on two threads (two
  /// read transactions on one snapshot); 0: never.
  uint64_t parallelCountMinQuads = 50000;
  /// SubjectOptionals probes an input batch of at least this many rows in two halves
  /// on two threads (two read transactions on one snapshot); 0: never.
  uint64_t parallelProbeMinRows = 256;
};

/// One query to run.
struct QueryRequest {
  std::string text;      ///< The SPARQL 1.1 query.
  std::string baseIri;   ///< Resolves relative IRIs before any BASE; may be empty.
  std::optional<Dataset> dataset;
  /// Without FROM / FROM NAMED or a protocol dataset, the default graph is the merge
  /// of the store's default graph and every named graph (a triple held in several
  /// graphs counts once), as Virtuoso does; named graphs stay as they are. Off (the
  /// SPARQL default): the store's default graph alone.
  bool unionDefaultGraph = false;
  QueryLimits limits;
  PlanOptions plan;
  /// Fill QueryStats::explain with the plan (one line per operator, indented,
  /// with estimated and actual row counts after the run).
  bool explain = false;
};

/// Receives the results of one query, in this order: begin, then rows (Select),
/// one boolean (Ask) or triples (Construct, Describe), then end.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  /// Called once first. `vars` are the projected variables (Select; empty otherwise),
  /// valid during the call.
  virtual void begin(QueryForm form, const std::vector<std::string>& vars) = 0;
  /// One solution: one value per variable of begin(), kind None for unbound.
  /// The views are valid only during the call.
  virtual void row(std::span<const rdf::TermView> values) = 0;
  /// The answer of an ASK query.
  virtual void boolean(bool value) = 0;
  /// One triple of a CONSTRUCT / DESCRIBE result (g is None). Valid during the call.
  virtual void triple(const rdf::QuadView& quad) = 0;
  /// Called once last, after a successful run (not after an exception).
  virtual void end() = 0;
};

/// What a run did.
struct QueryStats {
  uint64_t rows = 0;     ///< Solutions (Select), triples (Construct/Describe), 1 for Ask.
  double seconds = 0;    ///< Wall-clock time of parse + plan + run.
  std::string explain;   ///< The annotated plan when QueryRequest::explain is set.
};

/// Parses, plans and runs a query against one read snapshot, streaming results
/// to `sink`. Throws SyntaxError / SemanticError for a bad query and
/// ExecutionError for a failed run (SERVICE without SILENT, limits, cancellation).
/// The sink may have received begin() and some rows when an exception is thrown.
QueryStats executeQuery(const rdf::ReadTxn& txn, const QueryRequest& request, ResultSink& sink);

}  // namespace bdis::sparql
