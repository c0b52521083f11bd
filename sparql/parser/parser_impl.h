#pragma once
// The recursive-descent SPARQL 1.1 parser over the X3 tokens (internal).
// Each parse function follows one production of the grammar (section 19.8);
// failures throw SyntaxError at the current token naming what was expected.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/ast/query.h"
#include "sparql/ast/update.h"
#include "sparql/parser/lexer.h"

namespace bdis::sparql::parser {

/// Parser state for one query or update request.
class Parser {
 public:
  /// Tokenizes `src` (which must outlive the parser); `base` resolves relative IRIs.
  Parser(const Source& src, std::string base);

  /// QueryUnit (rule 1).
  ast::Query parseQueryUnit();
  /// UpdateUnit (rule 3).
  ast::Update parseUpdateUnit();

 private:
  // --- tokens (parser.cpp) ---
  const Token& peek(size_t k = 0) const;
  bool isWord(std::string_view kw, size_t k = 0) const;
  bool isPunct(std::string_view p, size_t k = 0) const;
  bool acceptWord(std::string_view kw);
  bool acceptPunct(std::string_view p);
  void expectWord(std::string_view kw);
  void expectPunct(std::string_view p, std::string_view what = {});
  const Token& advance();
  /// Line and column of the current token.
  SourcePos here() const;
  [[noreturn]] void fail(const std::string& expected) const;
  [[noreturn]] void failAt(const Token& t, const std::string& message) const;

  // --- prologue and terms (parse_terms.cpp) ---
  void parsePrologue(ast::Prologue& p);
  std::string resolve(std::string_view iri) const;
  bool atIri() const;
  rdf::Term parseIri();
  bool atLiteral() const;
  rdf::Term parseLiteral();
  bool atVar() const { return peek().type == Tok::Var; }
  std::string parseVar();
  bool atBlank() const;
  /// BlankNode: a labelled one is recorded for the reuse check.
  rdf::Term parseBlank();
  rdf::Term freshBlank();
  /// VarOrTerm in a triples position (not a collection or [ ... ]).
  VarOrTerm parseVarOrTerm();
  /// DataBlockValue, UNDEF as a None term.
  rdf::Term parseDataValue();
  ast::ValuesBlock parseDataBlock();

  // --- expressions (parse_expr.cpp) ---
  Expr parseExpression();
  Expr parseAnd();
  Expr parseRelational();
  Expr parseAdditive();
  Expr parseMultiplicative();
  Expr parseUnary();
  Expr parsePrimary();
  Expr parseBracketted();
  Expr parseBuiltin();
  Expr parseAggregate();
  Expr parseIriOrFunction();
  std::vector<Expr> parseExpressionList();
  /// Constraint of FILTER / HAVING: bracketted, built-in or function call.
  Expr parseConstraint();
  bool atBuiltin() const;
  bool atAggregate() const;

  // --- patterns and triples (parse_pattern.cpp) ---
  ast::GroupGraphPattern parseGroupGraphPattern();
  void parseGroupBody(ast::GroupGraphPattern& g);
  bool atTriplesStart() const;
  void parseTriplesSameSubject(std::vector<ast::TriplePath>& out, bool paths);
  void parsePropertyList(const VarOrTerm& subject, std::vector<ast::TriplePath>& out, bool paths);
  void parseObjectList(const VarOrTerm& s, const VarOrTerm& p, const Path* path,
                       std::vector<ast::TriplePath>& out, bool paths);
  VarOrTerm parseGraphNode(std::vector<ast::TriplePath>& out, bool paths);
  VarOrTerm parseTriplesNode(std::vector<ast::TriplePath>& out, bool paths);
  Path parsePath();
  Path parsePathSequence();
  Path parsePathEltOrInverse();
  Path parsePathPrimary();
  void parseNegatedItem(Path& set);
  std::vector<TriplePattern> parseTriplesTemplate(bool allowBody);

  // --- query (parse_query.cpp) ---
  void parseSelectClause(ast::SelectClause& sel);
  void parseDatasetClauses(ast::Query& q);
  void parseWhere(ast::Query& q, bool optionalWhereKeyword);
  void parseSolutionModifiers(ast::Query& q);
  std::shared_ptr<ast::Query> parseSubSelect();

  // --- update (parse_update.cpp) ---
  void parseUpdateOperation(ast::UpdateOperation& op);
  std::vector<QuadPattern> parseQuadPattern(bool data);
  ast::GraphRef parseGraphRefAll();
  ast::GraphRef parseGraphOrDefault();

  const Source& src_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  std::string initialBase_;
  ast::Prologue* prologue_ = nullptr;
  ast::Prologue updatePrologue_;

  int blankCounter_ = 0;
  /// Blank-node labels of patterns -> the basic graph pattern (or update
  /// operation) that first used them.
  std::map<std::string, int> labelScope_;
  int currentScope_ = 0;
  int nextScope_ = 1;
  bool inTemplate_ = false;           ///< Parsing a template (CONSTRUCT, update quads).
  bool checkTemplateLabels_ = false;  ///< Update: labels must not cross operations.
  bool noBlanks_ = false;             ///< DELETE templates and DELETE DATA.
  bool noVars_ = false;               ///< INSERT DATA / DELETE DATA.
  bool aggregatesAllowed_ = false;
  int aggregateDepth_ = 0;

  /// Nesting of groups, brackets, paths and operator chains, bounded so that a
  /// hostile query cannot exhaust the stack here or in the recursive passes
  /// (translation, printing, destruction) that follow.
  int depth_ = 0;
  static constexpr int kMaxDepth = 2000;
  /// Adds `n` levels of nesting; throws SyntaxError past kMaxDepth.
  void deeper(int n = 1);
  /// Counts one level of nesting for the lifetime of the guard.
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : parser(p), saved(p.depth_) { p.deeper(); }
    ~DepthGuard() { parser.depth_ = saved; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Parser& parser;
    int saved;
  };
};

}  // namespace bdis::sparql::parser
