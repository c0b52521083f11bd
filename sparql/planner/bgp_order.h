#pragma once
// Join ordering of a basic graph pattern from store statistics: the exact
// count of each pattern's constant positions (ReadTxn::count), discounted for
// positions that earlier patterns bind, with patterns connected to what is
// already bound preferred over cross products (greedy, smallest first).

#include <set>
#include <vector>

#include "sparql/exec/graph_spec.h"
#include "sparql/exec/operators.h"

namespace bdis::sparql::planner {

/// One step of an ordered BGP.
struct OrderedPattern {
  exec::IdPattern pattern;
  double estimate = 0;  ///< Estimated rows out of this step per input row.
  double rangeCount = 0;  ///< Exact count of the pattern with only its constants bound.
};

/// Orders `patterns` given the slots already bound by the input; adds the
/// slots each step binds to `bound`.
std::vector<OrderedPattern> orderBgp(exec::ExecContext& ctx,
                                     const std::vector<exec::IdPattern>& patterns,
                                     const exec::GraphSpec& graph, std::set<int>& bound);

}  // namespace bdis::sparql::planner
