#pragma once
// The EXPLAIN text shared by SubjectMerge and SubjectMergeCount. Internal.

#include <string>
#include <vector>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {

/// " (PSOG <p> ?o)" or " (POSG <p> o)" for each pattern: the index run it reads.
inline std::string subjectRunsDetail(const ExecContext& ctx, const std::vector<IdPattern>& pats) {
  std::string detail;
  for (const auto& p : pats) {
    detail += " (";
    detail += p.o.isVar()
                  ? "PSOG " + rdf::toNTriples(ctx.decode(p.p.id)) + " ?" + ctx.vars().name(p.o.slot)
                  : "POSG " + rdf::toNTriples(ctx.decode(p.p.id)) + " " +
                        rdf::toNTriples(ctx.decode(p.o.id));
    detail += ")";
  }
  return detail;
}

}  // namespace bdis::sparql::exec
