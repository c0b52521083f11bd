#pragma once
// Factories of the physical operators, one operator per source file
// (sparql/exec/<name>_op.cpp). Every operator keeps references to the
// ExecContext and to the algebra expressions it was given: both must outlive it.

#include <cstdint>
#include <optional>
#include <vector>

#include "sparql/algebra/all.h"
#include "sparql/exec/graph_spec.h"
#include "sparql/exec/operator.h"

namespace bdis::sparql::exec {

/// One position of a triple pattern: a constant id or a variable slot.
struct PatternPos {
  rdf::TermId id;  ///< The constant (kAny when a variable).
  int slot = -1;   ///< The variable's slot, or -1.
  bool isVar() const { return slot >= 0; }
};

/// A triple pattern over ids. `impossible` when a constant is unknown to the store.
struct IdPattern {
  PatternPos s, p, o;
  bool impossible = false;
};

/// Emits the seed row (or one all-unbound row) once: the leaf under scans.
OperatorPtr makeSeed(ExecContext& ctx);
/// Index nested-loop join of `input` with one triple pattern: for each input
/// row, scans the store with the row's bindings substituted.
OperatorPtr makePatternJoin(ExecContext& ctx, OperatorPtr input, IdPattern pattern, GraphSpec graph);
/// Extends each input row with the pairs of a property path (sparql/exec/path_eval.h).
OperatorPtr makePathJoin(ExecContext& ctx, OperatorPtr input, PatternPos s, const Path& path,
                         PatternPos o, GraphSpec graph);
/// Hash join: builds on `right` (materialised), probes with `left`, keyed on
/// `keySlots` (variables bound in every row of both sides; may be empty: nested loop).
/// With `buildLeft` the roles swap (for a left side much smaller than the right);
/// rows then come in the right side's order.
OperatorPtr makeHashJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         std::vector<int> keySlots, bool buildLeft = false);
/// Merge join of index scans that each bind only `slot` (two constants per
/// pattern), so that each comes sorted on it: a leaf yielding the seed extended
/// with every value all patterns share (set semantics: one graph, no duplicates).
/// Used for a single concrete graph only (the default graph or a GRAPH <iri>).
OperatorPtr makeMergeJoin(ExecContext& ctx, std::vector<IdPattern> patterns, int slot,
                          GraphSpec graph);
/// Merge join on the subject variable `slot` of patterns (?x p ?o) / (?x p o) with
/// constant predicates and distinct object variables, over ranges sorted by subject
/// (PSOG / POSG): a leaf yielding the seed extended with the subject and the objects
/// of every combination. One concrete graph only, as makeMergeJoin.
OperatorPtr makeSubjectMerge(ExecContext& ctx, std::vector<IdPattern> patterns, int slot,
                             GraphSpec graph);
/// Group by one variable of a SubjectMerge over `patterns` (as makeSubjectMerge) whose
/// aggregates are all COUNT(*) / COUNT(?v) without DISTINCT, ?v a variable of the
/// merge, or SUM / AVG of an object variable (not the key) whose predicate has only
/// inline integer objects: the groups counted off the runs without building rows.
/// Null when the group has another shape (subject_merge_count_op.cpp).
OperatorPtr makeSubjectMergeCount(ExecContext& ctx, const std::vector<IdPattern>& patterns,
                                  int slot, const GraphSpec& graph, const algebra::Group& group);
/// makeSubjectMergeCount over the patterns of `input` when it is a SubjectMerge; null
/// otherwise or when the group does not fit.
OperatorPtr countOverSubjectMerge(ExecContext& ctx, const Operator& input,
                                  const algebra::Group& group);
/// Join of `input` (materialised, sorted on the subject slot of `pattern`) with the
/// whole range of `pattern` = (?s p ?o), constant p, ?o not bound by the input, read
/// in PSOG order: rows merged with every quad of their subject. One concrete graph.
OperatorPtr makeSubjectRangeJoin(ExecContext& ctx, OperatorPtr input, IdPattern pattern,
                                 GraphSpec graph);
/// Leaf scan of (?s p ?o) (distinct variables, constant p) with ?o's id in [lo, hi]
/// on the POSG order, in one concrete graph; rows compatible with the seed.
OperatorPtr makeObjectRange(ExecContext& ctx, IdPattern pattern, rdf::TermId lo, rdf::TermId hi,
                            GraphSpec graph);
/// Nested OPTIONAL { ?s p ?o } (no filter) on a subject `slot` that every input row
/// binds, with object variables no input row binds: each row extended with every
/// combination of the objects of each (p, object slot), unbound where there is none;
/// one scan of the subject's quads per row. One concrete graph only. A row whose
/// subject lacks one of the `required` (p, o) pairs is dropped (patterns (?s p o)
/// of the left side checked in the same scan).
OperatorPtr makeSubjectOptionals(ExecContext& ctx, OperatorPtr input, int slot,
                                 std::vector<std::pair<rdf::TermId, int>> props,
                                 std::vector<std::pair<rdf::TermId, rdf::TermId>> required,
                                 GraphSpec graph);
/// LeftJoin with filter (OPTIONAL). `correlated`: the right side is reopened per
/// left row with the row as seed (right built over a Seed leaf); otherwise it
/// is materialised once and matched by `keySlots` and compatibility.
OperatorPtr makeLeftJoin(ExecContext& ctx, OperatorPtr left, OperatorPtr right,
                         std::vector<const Expr*> exprs, bool correlated, std::vector<int> keySlots);
/// Union: all rows of left, then all rows of right.
OperatorPtr makeUnion(ExecContext& ctx, OperatorPtr left, OperatorPtr right);
/// Minus (18.5): left rows without a compatible right row sharing a variable.
OperatorPtr makeMinus(ExecContext& ctx, OperatorPtr left, OperatorPtr right);
/// Filter on a conjunction of expressions.
OperatorPtr makeFilter(ExecContext& ctx, OperatorPtr input, std::vector<const Expr*> exprs);
/// Extend (BIND): binds `slot` to the value of `e` (left unbound on error).
OperatorPtr makeExtend(ExecContext& ctx, OperatorPtr input, int slot, const Expr& e);
/// Binds `slot` to a constant, or drops rows binding it to another value
/// (constant propagation of FILTER(?x = <iri>)).
OperatorPtr makeBindConstant(ExecContext& ctx, OperatorPtr input, int slot, rdf::TermId value);
/// Group + aggregates (materialising).
OperatorPtr makeGroup(ExecContext& ctx, OperatorPtr input, const algebra::Group& group);
/// VALUES / a table of constants; rows compatible with the seed, merged with it.
OperatorPtr makeTable(ExecContext& ctx, const algebra::Table& table);
/// Keeps only `slots` (others become unbound); the seed passed down is restricted likewise.
OperatorPtr makeProject(ExecContext& ctx, OperatorPtr input, std::vector<int> slots);
/// Removes duplicate rows (ids: equal ids are the same term).
OperatorPtr makeDistinct(ExecContext& ctx, OperatorPtr input);
/// REDUCED: returns `input` itself (eliminating duplicates is permitted, not required).
OperatorPtr makeReduced(ExecContext& ctx, OperatorPtr input);
/// Sorts by the keys; with `topK`, keeps only the first topK rows (ORDER BY + LIMIT),
/// and with `withTies` also every row whose keys equal the topK-th row's.
OperatorPtr makeOrderBy(ExecContext& ctx, OperatorPtr input,
                        const std::vector<algebra::SortKey>& keys, std::optional<uint64_t> topK,
                        bool withTies = false);
/// OFFSET / LIMIT; stops pulling its input once the limit is reached.
OperatorPtr makeSlice(ExecContext& ctx, OperatorPtr input, uint64_t offset,
                      std::optional<uint64_t> limit);
/// GRAPH over a general pattern: for each named graph (or the one given), sets
/// `cell`, reopens `input` (built with a Cell spec on that cell) and binds `slot` (if >= 0).
OperatorPtr makeGraph(ExecContext& ctx, OperatorPtr input, std::shared_ptr<rdf::TermId> cell,
                      int slot, std::optional<rdf::TermId> constant);
/// SERVICE: ExecutionError("SERVICE is not supported"), or one seed row when SILENT.
OperatorPtr makeService(ExecContext& ctx, bool silent, std::string endpoint);

}  // namespace bdis::sparql::exec
