#pragma once
// The lowering pass: the syntax tree of the X3 grammar (grammar/syntax.h) ->
// the ast/ types. Here live the rules that need state: prefixes and BASE,
// blank-node label scopes per basic graph pattern and update operation, where
// aggregates may appear, built-in arities, VALUES row sizes, the restrictions of
// data blocks and DELETE templates, and a bound on nesting. Internal to the parser.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/ast/query.h"
#include "sparql/ast/update.h"
#include "sparql/parser/grammar/syntax.h"
#include "sparql/parser/lexer.h"

namespace bdis::sparql::parser {

/// Lowers one query or update request (one object per request).
class Lowering {
 public:
  /// `src` (which must outlive this object) gives positions and SERVICE text;
  /// `base` resolves relative IRIs before any BASE.
  Lowering(const Source& src, std::string base);

  /// The AST of a QueryUnit. Throws SyntaxError (line and column) for the rules
  /// above, as the grammar does for the syntax.
  ast::Query query(const syntax::Query& q);
  /// The AST of an UpdateUnit; errors as query().
  ast::Update update(const syntax::Update& u);

 private:
  // --- terms (lower_terms.cpp) ---
  [[noreturn]] void failAt(size_t offset, const std::string& message) const;
  SourcePos position(size_t offset) const;
  void prologue(const std::vector<syntax::PrologueDecl>& decls, ast::Prologue& p);
  std::string resolve(std::string_view iri) const;
  rdf::Term iri(const Token& t);
  rdf::Term literal(const syntax::Term& t);
  std::string var(const Token& t);
  rdf::Term blank(const Token& t);
  rdf::Term freshBlank(size_t offset);
  VarOrTerm varOrTerm(const syntax::Term& t);
  VarOrTerm varOrIri(const Token& t);
  rdf::Term dataValue(const syntax::Term& t);
  ast::ValuesBlock dataBlock(const syntax::DataBlock& d);
  std::vector<rdf::Term> dataset(const std::vector<syntax::DatasetClause>& clauses, bool named);

  // --- expressions (lower_expr.cpp) ---
  Expr expression(const syntax::Expression& e);
  Expr chain(const syntax::Expression& e);
  Expr builtin(const syntax::Expression& e);
  Expr aggregate(const syntax::Expression& e);
  /// FILTER / HAVING / ORDER BY: a bare IRI is not a constraint.
  Expr constraint(const syntax::Expression& e);

  // --- patterns and triples (lower_pattern.cpp) ---
  ast::GroupGraphPattern group(const syntax::GroupGraphPattern& g);
  void element(const syntax::PatternElement& se, ast::PatternElement& e);
  void triples(const syntax::TriplesSameSubject& t, std::vector<ast::TriplePath>& out, bool paths);
  void properties(const VarOrTerm& s, const std::vector<syntax::PropertyItem>& items,
                  std::vector<ast::TriplePath>& out, bool paths);
  VarOrTerm graphNode(const syntax::GraphNode& n, std::vector<ast::TriplePath>& out, bool paths);
  VarOrTerm triplesNode(const syntax::TriplesNode& n, std::vector<ast::TriplePath>& out,
                        bool paths);
  Path path(const syntax::Path& p);
  std::vector<TriplePattern> triplesTemplate(const std::vector<syntax::TriplesSameSubject>& ts);

  // --- query (lower_query.cpp) ---
  void selectClause(const syntax::SelectClause& s, ast::SelectClause& sel);
  void modifiers(const syntax::Modifiers& m, ast::Query& q);
  std::shared_ptr<ast::Query> subSelect(const syntax::SubSelect& s);

  // --- update (lower_update.cpp) ---
  void operation(const syntax::UpdateOperation& so, ast::UpdateOperation& op);
  std::vector<QuadPattern> quads(const syntax::Quads& q, bool data);
  ast::GraphRef graphRef(const syntax::GraphRef& r);

  const Source& src_;
  std::string initialBase_;
  ast::Prologue* prologue_ = nullptr;

  int blankCounter_ = 0;
  /// Blank-node labels of patterns -> the basic graph pattern (or update
  /// operation) that first used them; labels of data blocks start with \x01.
  std::map<std::string, int> labelScope_;
  int currentScope_ = 0;
  int nextScope_ = 1;
  bool inTemplate_ = false;           ///< Lowering a template (CONSTRUCT, update quads).
  bool checkTemplateLabels_ = false;  ///< Update data: labels must not cross operations.
  bool noBlanks_ = false;             ///< DELETE templates and DELETE DATA.
  bool noVars_ = false;               ///< INSERT DATA / DELETE DATA.
  bool aggregatesAllowed_ = false;
  int aggregateDepth_ = 0;

  /// Nesting of groups, operator chains, paths and pattern elements, bounded so
  /// that the recursive passes after parsing (translation, printing,
  /// destruction) cannot exhaust the stack.
  int depth_ = 0;
  static constexpr int kMaxDepth = 2000;
  /// Adds `n` levels of nesting; throws SyntaxError at `offset` past kMaxDepth.
  void deeper(size_t offset, int n = 1);
  /// Counts one level of nesting for the lifetime of the guard.
  struct DepthGuard {
    DepthGuard(Lowering& l, size_t offset) : lowering(l), saved(l.depth_) { l.deeper(offset); }
    ~DepthGuard() { lowering.depth_ = saved; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Lowering& lowering;
    int saved;
  };
};

}  // namespace bdis::sparql::parser
