#pragma once
// The planner: turns an algebra tree into a tree of physical operators.
// Rewrites applied while building (each its own step below):
//  - BGPs, paths and joins of them become chains of index joins ordered by
//    bgp_order.h; other joins become hash joins on their certainly-bound
//    shared variables;
//  - filters are pushed to the smallest scope binding their variables
//    (filter_placement.h), never into the right side of OPTIONAL or MINUS;
//  - FILTER(?x = <iri>) on a variable the chain binds becomes a constant in
//    the scans (IRIs only: `=` is sameTerm for IRIs);
//  - a star of patterns on one variable with two constants each becomes a
//    merge join of sorted index scans (when the chain starts with it);
//  - else a star of (?x p ?o) / (?x p o) patterns on one subject becomes a
//    merge join over the PSOG / POSG orders (subject_star.h); a GROUP BY over it
//    with COUNT (or integer SUM / AVG) aggregates only is counted off its runs;
//  - a few rows joined on ?s with a much larger range (?s p ?o) are sorted and
//    paired with p's PSOG range instead of hashed;
//  - a first pattern (?s p ?o) with filters bounding ?o by integer constants scans
//    only those integer ids when every object of p is an inline integer;
//  - OPTIONAL over a chain is evaluated as a correlated index join; nested
//    OPTIONALs of single patterns on one bound subject as one subject scan per row,
//    which also checks a left pattern (?s p o) with constants p and o;
//  - ORDER BY under LIMIT becomes a top-k sort; below OPTIONALs (and BINDs) that bind
//    no sort-key variable, a top-k keeping ties runs on their left side as well.
//
// Lifetime: the operators refer to the algebra's expressions and paths, so
// the algebra must outlive the plan; the ExecContext too.

#include <map>
#include <set>
#include <vector>

#include "sparql/algebra/all.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::planner {

/// See the file comment.
class PlanBuilder {
 public:
  /// `ctx` must already hold every variable of the algebra (collectVars) and the dataset.
  explicit PlanBuilder(exec::ExecContext& ctx) : ctx_(ctx) {}

  /// The plan of a whole algebra tree (also used for EXISTS patterns).
  exec::OperatorPtr build(const algebra::Op& op);
  /// The plan of an EXISTS pattern, in the graph that was active where the
  /// EXISTS expression appeared (GRAPH ... { FILTER EXISTS { ... } }).
  exec::OperatorPtr buildExists(const algebra::Op& op);

 private:
  using Filters = std::vector<const Expr*>;

  exec::OperatorPtr build(const algebra::Op& op, const exec::GraphSpec& g, Filters filters);
  /// Builds a chainable op over `input`; `bound` holds the slots bound so far.
  exec::OperatorPtr chain(const algebra::Op& op, exec::OperatorPtr input, const exec::GraphSpec& g,
                          std::set<int>& bound, Filters& filters);
  exec::OperatorPtr chainBgp(const algebra::Bgp& bgp, exec::OperatorPtr input,
                             const exec::GraphSpec& g, std::set<int>& bound, Filters& filters);
  /// Star of patterns binding one shared variable each (two constants): a merge
  /// join leaf replacing the Seed when the chain starts there; removes them from `pats`.
  exec::OperatorPtr mergeStar(exec::OperatorPtr input, std::vector<exec::IdPattern>& pats,
                              const exec::GraphSpec& g, std::set<int>& bound, Filters& filters);
  /// Star of property ranges on one subject variable (subject_star.h): a merge join
  /// over subject-sorted ranges replacing the Seed when the chain starts there.
  exec::OperatorPtr subjectMerge(exec::OperatorPtr input, std::vector<exec::IdPattern>& pats,
                                 const exec::GraphSpec& g, std::set<int>& bound, Filters& filters);
  /// A first pattern (?s p ?o) whose ?o the filters bound by integer constants, p's
  /// objects all inline integers: a scan of just those ids (integer_range.h).
  exec::OperatorPtr objectRange(exec::OperatorPtr input, std::vector<exec::IdPattern>& pats,
                                const exec::GraphSpec& g, std::set<int>& bound, Filters& filters);
  /// Nested OPTIONAL { ?s p ?o } on one subject the left side binds: a SubjectOptionals
  /// over the left side's plan, with the filters it cannot take left in `filters`;
  /// null when the shape does not fit (plan_optionals.cpp). At least `minOptionals`
  /// OPTIONALs (one below a pushed top-k: the OPTIONAL binding the sort key).
  exec::OperatorPtr subjectOptionals(const algebra::LeftJoin& top, const exec::GraphSpec& g,
                                     Filters& filters, size_t minOptionals = 2);
  /// Wraps the filters whose variables are all in `bound` around `op`, removing them.
  exec::OperatorPtr placeFilters(exec::OperatorPtr op, const std::set<int>& bound,
                                 Filters& filters);
  /// Constant propagation: turns FILTER(?x = <iri>) on chain variables into BindConstant.
  exec::OperatorPtr propagateConstants(const algebra::Op& op, exec::OperatorPtr input,
                                       const std::set<int>& bound, Filters& filters);
  exec::OperatorPtr wrap(exec::OperatorPtr op, Filters filters);
  /// The plan of `op` whose rows feed ORDER BY `keys` LIMIT `n` (k + offset): below
  /// LeftJoins whose right side binds no key variable, and Extends binding none, a
  /// top-n keeping ties sorts and cuts their left side (plan_optionals.cpp).
  exec::OperatorPtr buildForTopK(const algebra::Op& op, const std::vector<algebra::SortKey>& keys,
                                 uint64_t n, const exec::GraphSpec& g);
  /// OPTIONAL `lj` over the already built plan of its left side (no filters above).
  exec::OperatorPtr leftJoinOver(const algebra::LeftJoin& lj, exec::OperatorPtr left,
                                 const exec::GraphSpec& g);
  exec::GraphSpec graphSpecFor(const algebra::Graph& graph, const exec::GraphSpec& outer);
  exec::PatternPos pos(const VarOrTerm& t, bool& impossible, bool allowLocal);
  std::set<int> slotsOf(const std::set<std::string>& names) const;
  std::vector<int> keySlots(const algebra::Op& a, const algebra::Op& b) const;

  /// Records the active graph of every EXISTS pattern inside `e` / `op`'s expressions.
  void noteExists(const Expr& e, const exec::GraphSpec& g);
  void noteOpExists(const algebra::Op& op, const exec::GraphSpec& g);

  exec::ExecContext& ctx_;
  std::map<const algebra::Op*, exec::GraphSpec> existsGraphs_;
};

}  // namespace bdis::sparql::planner
