#pragma once
// What SubjectMerge and SubjectMergeCount share: a run's reader and the EXPLAIN
// text. Internal.

#include <optional>
#include <string>
#include <vector>

#include "sparql/exec/operators.h"

namespace bdis::sparql::exec {

/// One pattern's range sorted by subject: its cursor and the current batch of quads.
struct SubjectRun {
  std::optional<rdf::QuadCursor> cursor;
  rdf::QuadIds buf[256];
  size_t n = 0;
  size_t pos = 0;

  /// The current quad (the next batch read when this one is spent), or null at
  /// the end. Checks the query's limits per batch: long runs may advance
  /// without producing rows.
  const rdf::QuadIds* head(const ExecContext& ctx) {
    if (pos == n) {
      ctx.checkLimits();
      n = cursor->nextBatch(buf);
      pos = 0;
      if (n == 0) return nullptr;
    }
    return &buf[pos];
  }
};

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
