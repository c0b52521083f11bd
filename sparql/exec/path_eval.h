#pragma once
// Property path evaluation over term ids (SPARQL 1.1 Query 18.4, 9.3):
// fixed-length paths (links, inverses, sequences, alternatives, negated sets)
// keep duplicates (counting semantics); `*`, `+` and `?` have set semantics
// and terminate on cycles (each node is visited once per start node).

#include <cstdint>
#include <utility>
#include <vector>

#include "sparql/ast/path.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::exec {

/// (subject, object) pairs of a path.
using PathPairs = std::vector<std::pair<rdf::TermId, rdf::TermId>>;

/// Evaluates a path in a fixed list of graphs (their merge when several).
/// Lifetime: holds references to `ctx` and `path` during its calls only.
class PathEvaluator {
 public:
  /// `constants`: the path's ends written as constants in the query; a
  /// zero-length path matches those even when they are not in the graph,
  /// while a value bound by a variable must be a node of the graph.
  PathEvaluator(ExecContext& ctx, std::vector<rdf::TermId> graphs,
                std::vector<rdf::TermId> constants = {})
      : ctx_(ctx), graphs_(std::move(graphs)), constants_(std::move(constants)) {}
  ~PathEvaluator() { ctx_.release(accounted_); }
  PathEvaluator(const PathEvaluator&) = delete;
  PathEvaluator& operator=(const PathEvaluator&) = delete;

  /// Every (x, y) with x path y, x = s unless s is kAny, y = o unless o is kAny.
  /// Constants unknown to the store are query-local ids: they only match by a
  /// zero-length path.
  void eval(const Path& path, rdf::TermId s, rdf::TermId o, PathPairs& out);

  /// Every subject and object of the graphs (the nodes a zero-length path
  /// with two variables ranges over), sorted, without duplicates.
  const std::vector<rdf::TermId>& nodes();

  /// Whether `t` is a subject or object in the graphs.
  bool isNode(rdf::TermId t);

 private:
  void link(rdf::TermId s, rdf::TermId p, rdf::TermId o, PathPairs& out);
  void negated(const Path& path, rdf::TermId s, rdf::TermId o, PathPairs& out);
  void closure(const Path& path, rdf::TermId s, rdf::TermId o, bool zero, bool many,
               PathPairs& out);
  /// Nodes reachable from `start` (forward) or reaching it (backward), set semantics.
  void reach(const Path& step, rdf::TermId start, bool forward, bool zero, bool many,
             std::vector<rdf::TermId>& out);

  ExecContext& ctx_;
  std::vector<rdf::TermId> graphs_;
  std::vector<rdf::TermId> constants_;
  std::vector<rdf::TermId> nodes_;
  bool nodesDone_ = false;
  uint64_t accounted_ = 0;
};

}  // namespace bdis::sparql::exec
