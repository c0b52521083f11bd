#pragma once
// CONSTRUCT template instantiation (16.2) and DESCRIBE as a concise bounded
// description (16.4): triples go to a ResultSink, each distinct triple once.

#include <string>
#include <unordered_set>
#include <vector>

#include "sparql/ast/term.h"
#include "sparql/engine.h"
#include "sparql/exec/exec_context.h"

namespace bdis::sparql::exec {

/// Writes distinct triples to a sink, accounting their memory on the context.
class TripleEmitter {
 public:
  TripleEmitter(ExecContext& ctx, ResultSink& sink) : ctx_(ctx), sink_(sink) {}
  ~TripleEmitter() { ctx_.release(accounted_); }
  /// Emits the triple unless ill-formed (literal or blank predicate, literal
  /// subject, unbound position) or already emitted; returns true when emitted.
  bool emit(const rdf::TermView& s, const rdf::TermView& p, const rdf::TermView& o);
  uint64_t count() const { return count_; }

 private:
  ExecContext& ctx_;
  ResultSink& sink_;
  std::unordered_set<std::string> seen_;
  uint64_t count_ = 0;
  uint64_t accounted_ = 0;
};

/// Instantiates `tmpl` for one solution (ids of the query's width). Blank nodes
/// of the template become fresh nodes for each solution (`solution` numbers
/// them); with `blanksAreVars` (CONSTRUCT WHERE) they are the hidden variables
/// `?label` of the pattern instead.
void instantiateTemplate(ExecContext& ctx, const std::vector<TriplePattern>& tmpl,
                         const rdf::TermId* row, uint64_t solution, bool blanksAreVars,
                         TripleEmitter& out);

/// Emits the concise bounded description of `resource` in the default graph:
/// its triples as subject, following blank-node objects recursively.
void describeResource(ExecContext& ctx, rdf::TermId resource, TripleEmitter& out,
                      std::unordered_set<rdf::TermId>& visited);

}  // namespace bdis::sparql::exec
