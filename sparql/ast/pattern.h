#pragma once
// Group graph patterns as written (SPARQL 1.1 Query grammar rules 53-68).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sparql/ast/expr.h"
#include "sparql/ast/path.h"
#include "sparql/ast/term.h"

namespace bdis::sparql::ast {

struct Query;

/// One triple of a triples block. `path` is set when the predicate is a
/// property path other than a single IRI or variable; `p` is used otherwise.
/// Blank nodes stay blank-node terms here: written labels as written, anonymous
/// ones (`[]`, `[ ... ]`, collection cells) labelled `.b0`, `.b1`, ... (a form no
/// query can write, so they never clash with written labels).
struct TriplePath {
  VarOrTerm s;
  VarOrTerm p;
  std::unique_ptr<Path> path;
  VarOrTerm o;
};

/// A VALUES block (inline or trailing). An undefined cell (UNDEF) is a Term of
/// kind None.
struct ValuesBlock {
  std::vector<std::string> vars;
  std::vector<std::vector<rdf::Term>> rows;
};

struct GroupGraphPattern;

/// One element of a group, in the order written.
struct PatternElement {
  enum class Kind : uint8_t {
    Triples,    ///< `triples` (one TriplesBlock)
    Group,      ///< a nested `{ ... }`: groups[0]
    Union,      ///< groups[0] UNION groups[1] UNION ...
    Optional,   ///< OPTIONAL groups[0]
    Minus,      ///< MINUS groups[0]
    Graph,      ///< GRAPH name groups[0]
    Service,    ///< SERVICE [SILENT] name groups[0]
    Filter,     ///< FILTER expr
    Bind,       ///< BIND(expr AS ?var)
    Values,     ///< inline VALUES
    SubSelect,  ///< { SELECT ... }: subquery
  };
  Kind kind = Kind::Triples;
  SourcePos pos;  ///< The first token of the element.
  std::vector<TriplePath> triples;
  std::vector<GroupGraphPattern> groups;
  VarOrTerm name;       ///< GRAPH / SERVICE target.
  bool silent = false;  ///< SERVICE SILENT.
  /// SERVICE: a complete query to send to the endpoint: the prologue in effect
  /// (BASE, PREFIX) and `SELECT * WHERE` followed by the group as written.
  std::string serviceQuery;
  Expr expr;                        ///< FILTER / BIND.
  std::string var;                  ///< BIND target.
  ValuesBlock values;               ///< VALUES.
  std::shared_ptr<Query> subquery;  ///< SubSelect (shared: the AST is immutable once parsed).
};

/// `{ ... }`: a sequence of elements.
struct GroupGraphPattern {
  std::vector<PatternElement> elements;
};

}  // namespace bdis::sparql::ast
