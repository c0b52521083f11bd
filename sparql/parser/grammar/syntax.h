#pragma once
// The SPARQL 1.1 syntax tree: what the X3 grammar (grammar/*.cpp) builds and the
// lowering pass (lower/) turns into the ast/ types. Plain copyable values that
// follow the productions of the grammar (section 19.8); leaves are tokens as
// written (prefixed names unexpanded, relative IRIs unresolved), each with its
// byte offset so that lowering can name line and column. Internal to the parser.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sparql/ast/pattern.h"
#include "sparql/ast/update.h"
#include "sparql/parser/lexer.h"

namespace bdis::sparql::parser::syntax {

/// A term as written: `token` is an IRI, prefixed name, variable, blank node,
/// NIL, number, string or keyword term (`a`, `true`, `false`, `UNDEF`); a string's
/// `suffix` is its LangTag token or its datatype IRI token (type End when none).
struct Term {
  Token token;
  Token suffix;
};

/// PREFIX or BASE (rules 4-6): `name` is the PNAME_NS token of a PREFIX, End for BASE.
struct PrologueDecl {
  Token name;
  Token iri;
};

/// One row of a VALUES block; `end` is the offset of its last token.
struct DataRow {
  std::vector<Term> values;
  size_t end = 0;
};

/// VALUES data (rules 61-65); `single`: the `?v { ... }` form.
struct DataBlock {
  bool single = false;
  std::vector<Token> vars;
  std::vector<DataRow> rows;
};

struct GroupGraphPattern;

/// Expressions (rules 110-129). Operator chains stay flat as the grammar writes
/// them: Or/And hold all operands; Additive/Multiplicative hold the operands and
/// `ops` (the operator before each operand after the first).
struct Expression {
  enum class Kind : uint8_t {
    Or,
    And,
    Relational,  ///< `name` the operator, two args
    In,          ///< args[0] IN (args[1..]); `negated` for NOT IN
    Additive,
    Multiplicative,
    Unary,      ///< `name` "!", "+" or "-", one arg
    Var,        ///< `term`
    Constant,   ///< `term` (literal or IRI)
    Function,   ///< `term` the IRI, args; `distinct`
    Builtin,    ///< `name` as written, args
    Aggregate,  ///< `name` as written, args (none for COUNT(*)), separator
    Exists,     ///< `pattern[0]`; `negated` for NOT EXISTS
  };
  Kind kind = Kind::Constant;
  size_t offset = 0;  ///< First token.
  std::string name;
  std::vector<std::string> ops;
  Term term;
  std::vector<Expression> args;
  bool negated = false;
  bool distinct = false;
  bool hasSeparator = false;
  bool bracketed = false;  ///< Written inside ( ): closes an operator chain.
  std::string separator;
  std::vector<GroupGraphPattern> pattern;
};

/// One operator and its right operand, while a chain is parsed.
struct Operand {
  std::string op;
  Expression expr;
};

/// Property paths (rules 88-101).
struct Path {
  enum class Kind : uint8_t { Alternative, Sequence, Element, Iri, Negated, Group };
  Kind kind = Kind::Iri;
  size_t offset = 0;
  std::vector<Path> args;     ///< Alternative, Sequence; Element and Group: one.
  bool inverse = false;       ///< Element: `^`.
  std::string modifier;       ///< Element: "", "?", "*" or "+".
  Token iri;                  ///< Iri: an IRI token or the keyword `a`.
  std::vector<Path> negated;  ///< Negated: Element items (inverse, Iri).
};

/// A verb: a variable or, outside paths, an IRI or `a` (`token`); or a path.
struct Verb {
  Token token;
  std::vector<Path> path;  ///< One entry when the verb is a path.
};

struct TriplesNode;

/// GraphNode(Path): a VarOrTerm, or a collection / blank node property list.
struct GraphNode {
  Term term;
  std::vector<TriplesNode> node;  ///< One entry for a triples node.
};

/// One `verb objectList` of a property list.
struct PropertyItem {
  Verb verb;
  std::vector<GraphNode> objects;
};

/// `( items )` or `[ properties ]` (rules 98-104).
struct TriplesNode {
  bool collection = false;
  size_t offset = 0;
  std::vector<GraphNode> items;
  std::vector<PropertyItem> properties;
};

/// TriplesSameSubject(Path) (rules 75, 81).
struct TriplesSameSubject {
  GraphNode subject;
  std::vector<PropertyItem> properties;
};

struct SubSelect;

/// One element of a group (rules 55-68), kinds as in ast::PatternElement.
struct PatternElement {
  ast::PatternElement::Kind kind = ast::PatternElement::Kind::Triples;
  size_t offset = 0;
  std::vector<TriplesSameSubject> triples;
  std::vector<GroupGraphPattern> groups;
  Token name;            ///< GRAPH / SERVICE target.
  bool silent = false;   ///< SERVICE SILENT.
  size_t textBegin = 0;  ///< SERVICE: the group's text range.
  size_t textEnd = 0;
  Expression expr;             ///< FILTER / BIND.
  Token var;                   ///< BIND target.
  DataBlock values;            ///< VALUES.
  std::vector<SubSelect> sub;  ///< SubSelect: one entry.
};

/// `{ ... }` (rule 53).
struct GroupGraphPattern {
  size_t offset = 0;
  std::vector<PatternElement> elements;
};

/// One SELECT item: `?v` or `(expr AS ?v)`.
struct Projection {
  size_t offset = 0;
  Token var;
  std::vector<Expression> expr;  ///< One entry for `(expr AS ?v)`.
};

/// SelectClause (rule 9).
struct SelectClause {
  size_t offset = 0;
  bool distinct = false;
  bool reduced = false;
  bool star = false;
  std::vector<Projection> items;
};

/// GroupCondition (rule 20).
struct GroupCondition {
  size_t offset = 0;
  bool bare = false;  ///< Written without brackets as an iriOrFunction.
  Expression expr;
  Token var;  ///< `AS ?v`, End when none.
};

/// OrderCondition (rule 24).
struct OrderCondition {
  bool descending = false;
  Expression expr;
};

/// SolutionModifier (rules 18-27).
struct Modifiers {
  std::vector<GroupCondition> groupBy;
  std::vector<Expression> having;
  std::vector<OrderCondition> orderBy;
  Token limit;   ///< The INTEGER, End when none.
  Token offset;  ///< The INTEGER, End when none.
};

/// FROM / FROM NAMED, USING / USING NAMED.
struct DatasetClause {
  bool named = false;
  Token iri;
};

/// SubSelect (rule 8).
struct SubSelect {
  SelectClause select;
  GroupGraphPattern where;
  Modifiers modifiers;
  std::vector<DataBlock> values;  ///< One entry for a trailing VALUES.
};

/// QueryUnit (rules 1-2, 7, 10-12).
struct Query {
  std::vector<PrologueDecl> prologue;
  ast::QueryForm form = ast::QueryForm::Select;
  SelectClause select;
  bool hasTemplate = false;                           ///< CONSTRUCT { template }
  std::vector<TriplesSameSubject> constructTemplate;  ///< Template, or the short form's pattern.
  bool describeStar = false;
  std::vector<Token> describe;
  std::vector<DatasetClause> dataset;
  std::vector<GroupGraphPattern> where;  ///< One entry when written.
  Modifiers modifiers;
  std::vector<DataBlock> values;
};

/// Triples of a quad pattern in the default graph (`graph` End) or a GRAPH block.
struct QuadsBlock {
  Token graph;
  std::vector<TriplesSameSubject> triples;
};

/// QuadPattern / QuadData (rules 48-52).
struct Quads {
  size_t offset = 0;
  std::vector<QuadsBlock> blocks;
};

/// GraphRef / GraphRefAll / GraphOrDefault (rules 45-47): `kind`, `iri` for Graph.
struct GraphRef {
  ast::GraphRef::Kind kind = ast::GraphRef::Kind::Default;
  Token iri;
};

/// One update operation (rules 30-44).
struct UpdateOperation {
  ast::UpdateOperation::Kind kind = ast::UpdateOperation::Kind::InsertData;
  bool silent = false;
  Token source, into, with;  ///< LOAD, INTO GRAPH, WITH (End when none).
  GraphRef target, from;
  bool hasDelete = false, hasInsert = false;
  Quads deleteQuads, insertQuads;
  std::vector<DatasetClause> usingClauses;
  std::vector<GroupGraphPattern> where;  ///< Modify: one entry.
};

/// A prologue and the operation after it (none at the end of a request).
struct UpdateStep {
  std::vector<PrologueDecl> prologue;
  std::vector<UpdateOperation> operation;
};

/// UpdateUnit (rules 3, 29).
struct Update {
  std::vector<UpdateStep> steps;
};

}  // namespace bdis::sparql::parser::syntax
