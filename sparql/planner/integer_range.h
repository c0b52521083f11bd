#pragma once
// Bounds that filters put on a variable, as a range of inline-integer ids: the
// comparisons of the variable with xsd:integer constants found in the conjunctions
// of a scope's filters. Every filter stays in the plan: the range only narrows what
// a scan reads, and is used only where every candidate object is an inline integer
// (ReadTxn::nonIntegerObjectCount is 0), so no row that could pass is left out.

#include <optional>
#include <vector>

#include "sparql/exec/exec_context.h"

namespace bdis::sparql::planner {

/// Raw ids [lo, hi] of IdTag::Integer; every integer the bounds allow has its id in
/// it (zigzag payloads: some other integers fall inside too, the filter drops them).
struct IntegerIdRange {
  rdf::TermId lo, hi;
};

/// The id range of the values of variable `var` allowed by the conjunctions in
/// `filters`, or nothing when they bound it on neither side or give no useful range.
std::optional<IntegerIdRange> integerIdRange(const std::vector<const Expr*>& filters,
                                             const std::string& var);

}  // namespace bdis::sparql::planner
