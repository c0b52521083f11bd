#pragma once
// Choice of a subject star for a merge join (exec makeSubjectMerge): patterns
// (?x p ?o) / (?x p o) with a constant predicate on one subject variable, whose
// ranges the PSOG and POSG orders give sorted by subject.

#include <cstddef>
#include <vector>

#include "sparql/exec/operators.h"

namespace bdis::sparql::planner {

/// A star found in a BGP: the subject's slot, the patterns joined (indexes into
/// the BGP) and the smallest of their ranges (the estimated rows out).
struct SubjectStar {
  int slot = -1;
  std::vector<size_t> members;
  double estimate = 0;
};

/// The star with the most patterns among `pats` (in graph `countGraph`, a concrete
/// graph or kAnyNamedGraph), keeping only ranges within a factor of its smallest one
/// (a much larger range costs less as one probe per merged row). None (slot -1) when
/// no star has two patterns, or when a pattern outside it has a range much smaller
/// than the star's (starting there and probing is cheaper than reading the ranges).
SubjectStar findSubjectStar(exec::ExecContext& ctx, const std::vector<exec::IdPattern>& pats,
                            rdf::TermId countGraph);

}  // namespace bdis::sparql::planner
