#pragma once
// MergeCounter: the counting pass of SubjectMergeCount over subject-sorted runs,
// on one transaction and, optionally, one part of the subjects, so that two
// counters on sibling transactions (ReadTxn::sibling) can count the two halves of
// a large merge at once. Internal to the executor.
//
// The merge's rows of one subject are every combination of its runs' objects, so a
// group keyed on run k's object gains, for each object v of run k, the product of
// the other runs' quad counts (keyed on the subject: the product of all). SUM(?o)
// of run j's objects gains their sum times the rows each of them is in (the
// product without runs k and j); it is planned only for predicates whose objects
// are all inline integers, so the sum is exact.

#include <optional>
#include <utility>
#include <vector>

#include "sparql/exec/operators.h"
#include "sparql/exec/subject_merge_detail.h"
#include "sparql/expr/numeric.h"

namespace bdis::sparql::exec {

/// One aggregate of the group: what it computes, its output slot, its run (SUM, AVG).
struct MergeAgg {
  enum class Kind : uint8_t { Count, Sum, Avg };
  Kind kind = Kind::Count;
  int out = -1;
  int run = -1;
};

/// What the counters share: the runs' patterns, the graph, the key and the aggregates.
struct MergeCountSpec {
  std::vector<IdPattern> patterns;
  rdf::TermId graph;  ///< the graph every run is read in (graphForOrderedScan)
  int keyRun = -1;    ///< the run whose object is the key, or -1 for the subject
  std::vector<MergeAgg> aggs;
  std::vector<char> summed;  ///< per run: some SUM or AVG reads its objects
};

class MergeCounter {
 public:
  /// Counts on `txn`; with `subjects`, only subjects in [first, second] (raw order).
  /// Memory is accounted on `ctx` (thread-safe), which also gives the limits.
  MergeCounter(ExecContext& ctx, const rdf::ReadTxn& txn, const MergeCountSpec& spec,
               std::optional<std::pair<rdf::TermId, rdf::TermId>> subjects = {});
  ~MergeCounter();
  MergeCounter(const MergeCounter&) = delete;
  MergeCounter& operator=(const MergeCounter&) = delete;

  /// One pass over the runs.
  void count();
  /// Adds another counter's groups (of later subjects) after this one's.
  void merge(const MergeCounter& later);

  std::vector<rdf::TermId> keys;  ///< group keys, first-seen order
  std::vector<int64_t> counts;
  std::vector<expr::Int128> sums;  ///< per group, per aggregate: the SUM / AVG sum

 private:
  using Run = SubjectRun;
  struct Slot {
    uint64_t key = 0;
    size_t pos = 0;  ///< 1 + the group's position; 0: empty
  };

  const rdf::QuadIds* head(size_t i);
  void add(rdf::TermId key, int64_t n, const std::vector<int64_t>& sizes);
  size_t group(rdf::TermId key);
  void rehash(size_t size);

  ExecContext& ctx_;
  const MergeCountSpec& spec_;
  std::vector<Run> runs_;
  std::vector<expr::Int128> runSums_;  ///< per run: the current subject's object sum
  std::vector<Slot> table_ = std::vector<Slot>(64);
  uint64_t accounted_ = 0;
};

}  // namespace bdis::sparql::exec
