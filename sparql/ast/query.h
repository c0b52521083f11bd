#pragma once
// Queries as written (SPARQL 1.1 Query grammar rules 1-52). Prefixed names and
// relative IRIs are already resolved to full IRIs.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sparql/ast/pattern.h"

namespace bdis::sparql::ast {

/// BASE and PREFIX declarations in effect at the end of the prologue.
struct Prologue {
  std::string base;                             ///< Empty when none.
  std::map<std::string, std::string> prefixes;  ///< prefix (without ':') -> IRI
};

/// The four query forms.
enum class QueryForm : uint8_t { Select, Construct, Ask, Describe };

/// One item of a SELECT clause: `?var` or `(expr AS ?var)`.
struct Projection {
  std::string var;
  std::unique_ptr<Expr> expr;  ///< Null for a plain variable.
  SourcePos pos;               ///< The variable or the '('.
};

/// The SELECT clause.
struct SelectClause {
  bool distinct = false;
  bool reduced = false;
  bool star = false;  ///< SELECT *
  SourcePos pos;      ///< The SELECT keyword.
  std::vector<Projection> items;
};

/// One GROUP BY condition: an expression, optionally `AS ?var`.
struct GroupCondition {
  Expr expr;
  std::string var;  ///< Empty without AS.
  SourcePos pos;    ///< Start of the condition.
};

/// One ORDER BY condition.
struct OrderCondition {
  Expr expr;
  bool descending = false;
};

/// A query (or a subquery: form Select, no prologue or dataset).
struct Query {
  Prologue prologue;
  QueryForm form = QueryForm::Select;
  SelectClause select;                           ///< Select (and subqueries).
  std::vector<TriplePattern> constructTemplate;  ///< Construct; blank nodes stay blank nodes.
  bool constructWhere = false;                   ///< CONSTRUCT WHERE { ... } short form.
  std::vector<VarOrTerm> describe;               ///< Describe targets.
  bool describeStar = false;                     ///< DESCRIBE *
  std::vector<rdf::Term> from;                   ///< FROM
  std::vector<rdf::Term> fromNamed;              ///< FROM NAMED
  std::unique_ptr<GroupGraphPattern> where;      ///< Null only for DESCRIBE without WHERE.
  std::vector<GroupCondition> groupBy;
  std::vector<Expr> having;
  std::vector<OrderCondition> orderBy;
  std::optional<uint64_t> limit;
  std::optional<uint64_t> offset;
  std::optional<ValuesBlock> values;  ///< Trailing VALUES.
};

}  // namespace bdis::sparql::ast
