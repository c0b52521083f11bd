#pragma once
// Set functions of SPARQL 1.1 aggregates
// (https://www.w3.org/TR/sparql11-query/#aggregateAlgebra, 18.5).

#include <memory>
#include <optional>

#include "rdf/term.h"
#include "sparql/ast/expr.h"

namespace bdis::sparql::expr {

/// Accumulates the values of one aggregate over one group.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  /// Adds the value of the aggregate's argument for one row; nullopt when the
  /// argument failed to evaluate (an error). For COUNT(*) the caller passes any
  /// bound value for each row.
  virtual void add(const std::optional<rdf::Term>& v) = 0;
  /// The aggregate's value for the rows added so far; nullopt when it is an
  /// error (18.5: e.g. SUM over a non-numeric, MIN/MAX over an error).
  virtual std::optional<rdf::Term> result() const = 0;
};

/// A fresh accumulator for `aggregate` (Kind::Aggregate; name COUNT, SUM, MIN,
/// MAX, AVG, SAMPLE or GROUP_CONCAT; `distinct` and `separator` honoured).
/// Throws SemanticError for an unknown aggregate name.
std::unique_ptr<Aggregator> makeAggregator(const Expr& aggregate);

}  // namespace bdis::sparql::expr
