// Expressions (grammar rules 110-129): operators, built-in calls, aggregates,
// function calls by IRI.

#include <algorithm>
#include <cctype>

#include "sparql/ast/pattern.h"
#include "sparql/parser/parser_impl.h"

namespace bdis::sparql::parser {
namespace {

using K = Expr::Kind;

/// Built-in calls: name, minimum and maximum argument count (-1: any).
struct BuiltinSpec {
  std::string_view name;
  int minArgs, maxArgs;
};

constexpr BuiltinSpec kBuiltins[] = {
    {"STR", 1, 1},      {"LANG", 1, 1},      {"LANGMATCHES", 2, 2}, {"DATATYPE", 1, 1},
    {"BOUND", 1, 1},    {"IRI", 1, 1},       {"URI", 1, 1},         {"BNODE", 0, 1},
    {"RAND", 0, 0},     {"ABS", 1, 1},       {"CEIL", 1, 1},        {"FLOOR", 1, 1},
    {"ROUND", 1, 1},    {"CONCAT", 0, -1},   {"SUBSTR", 2, 3},      {"STRLEN", 1, 1},
    {"REPLACE", 3, 4},  {"UCASE", 1, 1},     {"LCASE", 1, 1},       {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2}, {"STRSTARTS", 2, 2}, {"STRENDS", 2, 2},     {"STRBEFORE", 2, 2},
    {"STRAFTER", 2, 2}, {"YEAR", 1, 1},      {"MONTH", 1, 1},       {"DAY", 1, 1},
    {"HOURS", 1, 1},    {"MINUTES", 1, 1},   {"SECONDS", 1, 1},     {"TIMEZONE", 1, 1},
    {"TZ", 1, 1},       {"NOW", 0, 0},       {"UUID", 0, 0},        {"STRUUID", 0, 0},
    {"MD5", 1, 1},      {"SHA1", 1, 1},      {"SHA256", 1, 1},      {"SHA384", 1, 1},
    {"SHA512", 1, 1},   {"COALESCE", 0, -1}, {"IF", 3, 3},          {"STRLANG", 2, 2},
    {"STRDT", 2, 2},    {"SAMETERM", 2, 2},  {"ISIRI", 1, 1},       {"ISURI", 1, 1},
    {"ISBLANK", 1, 1},  {"ISLITERAL", 1, 1}, {"ISNUMERIC", 1, 1},   {"REGEX", 2, 3},
};

constexpr std::string_view kAggregates[] = {"COUNT", "SUM",    "MIN",         "MAX",
                                            "AVG",   "SAMPLE", "GROUP_CONCAT"};

std::string upper(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

const BuiltinSpec* findBuiltin(const std::string& word) {
  std::string u = upper(word);
  for (const auto& b : kBuiltins) {
    if (b.name == u) {
      return &b;
    }
  }
  return nullptr;
}

}  // namespace

bool Parser::atBuiltin() const {
  const Token& t = peek();
  if (t.type != Tok::Word) {
    return false;
  }
  if (isWord("EXISTS") || (isWord("NOT") && isWord("EXISTS", 1))) {
    return true;
  }
  return findBuiltin(t.text) != nullptr;
}

bool Parser::atAggregate() const {
  const Token& t = peek();
  if (t.type != Tok::Word) {
    return false;
  }
  std::string u = upper(t.text);
  return std::find(std::begin(kAggregates), std::end(kAggregates), u) != std::end(kAggregates);
}

Expr Parser::parseExpression() {
  DepthGuard guard(*this);
  Expr e = parseAnd();
  while (acceptPunct("||")) {
    deeper();
    e = Expr::call(K::Or, "||", exprList(std::move(e), parseAnd()));
  }
  return e;
}

Expr Parser::parseAnd() {
  DepthGuard guard(*this);
  Expr e = parseRelational();
  while (acceptPunct("&&")) {
    deeper();
    e = Expr::call(K::And, "&&", exprList(std::move(e), parseRelational()));
  }
  return e;
}

Expr Parser::parseRelational() {
  Expr e = parseAdditive();
  static const std::pair<std::string_view, K> ops[] = {{"=", K::Equal},   {"!=", K::NotEqual},
                                                       {"<", K::Less},    {">", K::Greater},
                                                       {"<=", K::LessEq}, {">=", K::GreaterEq}};
  for (const auto& [p, k] : ops) {
    if (acceptPunct(p)) {
      return Expr::call(k, std::string(p), exprList(std::move(e), parseAdditive()));
    }
  }
  bool notIn = isWord("NOT") && isWord("IN", 1);
  if (notIn || isWord("IN")) {
    pos_ += notIn ? 2 : 1;
    std::vector<Expr> args = exprList(std::move(e));
    for (auto& a : parseExpressionList()) {
      args.push_back(std::move(a));
    }
    return Expr::call(notIn ? K::NotIn : K::In, notIn ? "notin" : "in", std::move(args));
  }
  return e;
}

Expr Parser::parseAdditive() {
  DepthGuard guard(*this);
  Expr e = parseMultiplicative();
  while (true) {
    deeper();
    if (isPunct("+") || isPunct("-")) {
      bool plus = advance().text == "+";
      e = Expr::call(plus ? K::Add : K::Subtract, plus ? "+" : "-",
                     exprList(std::move(e), parseMultiplicative()));
      continue;
    }
    // A signed number right after an operand: `?a -1` is `?a - 1` (rule 116).
    Tok t = peek().type;
    if ((t == Tok::Integer || t == Tok::Decimal || t == Tok::Double) &&
        (peek().text[0] == '+' || peek().text[0] == '-')) {
      bool plus = peek().text[0] == '+';
      rdf::Term n = parseLiteral();
      n.value.erase(0, 1);
      Expr rhs = Expr::constant(std::move(n));
      while (isPunct("*") || isPunct("/")) {
        deeper();
        bool mul = advance().text == "*";
        rhs = Expr::call(mul ? K::Multiply : K::Divide, mul ? "*" : "/",
                         exprList(std::move(rhs), parseUnary()));
      }
      e = Expr::call(plus ? K::Add : K::Subtract, plus ? "+" : "-",
                     exprList(std::move(e), std::move(rhs)));
      continue;
    }
    return e;
  }
}

Expr Parser::parseMultiplicative() {
  DepthGuard guard(*this);
  Expr e = parseUnary();
  while (isPunct("*") || isPunct("/")) {
    deeper();
    bool mul = advance().text == "*";
    e = Expr::call(mul ? K::Multiply : K::Divide, mul ? "*" : "/",
                   exprList(std::move(e), parseUnary()));
  }
  return e;
}

Expr Parser::parseUnary() {
  if (acceptPunct("!")) {
    return Expr::call(K::Not, "!", exprList(parsePrimary()));
  }
  if (acceptPunct("+")) {
    return Expr::call(K::UnaryPlus, "+", exprList(parsePrimary()));
  }
  if (acceptPunct("-")) {
    return Expr::call(K::UnaryMinus, "-", exprList(parsePrimary()));
  }
  return parsePrimary();
}

Expr Parser::parsePrimary() {
  if (isPunct("(")) {
    return parseBracketted();
  }
  if (atVar()) {
    return Expr::var(parseVar());
  }
  if (atIri()) {
    return parseIriOrFunction();
  }
  if (atAggregate()) {
    return parseAggregate();
  }
  if (atBuiltin()) {
    return parseBuiltin();
  }
  if (atLiteral()) {
    return Expr::constant(parseLiteral());
  }
  fail("an expression");
}

Expr Parser::parseBracketted() {
  expectPunct("(");
  Expr e = parseExpression();
  expectPunct(")", "an operator");
  return e;
}

Expr Parser::parseConstraint() {
  if (isPunct("(")) {
    return parseBracketted();
  }
  if (atIri()) {
    const Token& start = peek();
    Expr e = parseIriOrFunction();
    if (e.kind != K::Function) {
      failAt(start, "expected a function call or '(' after FILTER");
    }
    return e;
  }
  if (atAggregate()) {
    return parseAggregate();
  }
  if (atBuiltin()) {
    return parseBuiltin();
  }
  fail("'(' or a function call");
}

std::vector<Expr> Parser::parseExpressionList() {
  std::vector<Expr> out;
  if (peek().type == Tok::Nil) {
    advance();
    return out;
  }
  expectPunct("(");
  out.push_back(parseExpression());
  while (acceptPunct(",")) {
    out.push_back(parseExpression());
  }
  expectPunct(")", "','");
  return out;
}

Expr Parser::parseIriOrFunction() {
  rdf::Term iri = parseIri();
  if (peek().type == Tok::Nil) {
    advance();
    return Expr::call(K::Function, iri.value, {});
  }
  if (!isPunct("(")) {
    return Expr::constant(std::move(iri));
  }
  advance();
  bool distinct = acceptWord("DISTINCT");
  std::vector<Expr> args;
  args.push_back(parseExpression());
  while (acceptPunct(",")) {
    args.push_back(parseExpression());
  }
  expectPunct(")", "','");
  Expr e = Expr::call(K::Function, iri.value, std::move(args));
  e.distinct = distinct;
  return e;
}

Expr Parser::parseAggregate() {
  const Token& start = peek();
  if (!aggregatesAllowed_) {
    failAt(start, "aggregate " + upper(start.text) + " is not allowed here");
  }
  if (aggregateDepth_ > 0) {
    failAt(start, "aggregates cannot be nested");
  }
  std::string name = upper(advance().text);
  ++aggregateDepth_;
  expectPunct("(");
  Expr e = Expr::call(K::Aggregate, name, {});
  e.distinct = acceptWord("DISTINCT");
  if (name == "COUNT" && acceptPunct("*")) {
    // COUNT(*): no argument.
  } else {
    e.args.push_back(parseExpression());
  }
  if (name == "GROUP_CONCAT" && acceptPunct(";")) {
    expectWord("SEPARATOR");
    expectPunct("=");
    if (peek().type != Tok::String) {
      fail("a string after SEPARATOR =");
    }
    e.hasSeparator = true;
    e.separator = advance().text;
  }
  expectPunct(")");
  --aggregateDepth_;
  return e;
}

Expr Parser::parseBuiltin() {
  if (isWord("NOT") || isWord("EXISTS")) {
    bool negated = acceptWord("NOT");
    expectWord("EXISTS");
    Expr e = Expr::call(negated ? K::NotExists : K::Exists, negated ? "notexists" : "exists", {});
    bool saved = aggregatesAllowed_;
    aggregatesAllowed_ = false;
    int savedDepth = aggregateDepth_;
    aggregateDepth_ = 0;
    e.pattern = std::make_unique<ast::GroupGraphPattern>(parseGroupGraphPattern());
    aggregatesAllowed_ = saved;
    aggregateDepth_ = savedDepth;
    return e;
  }
  const Token& start = advance();
  const BuiltinSpec* spec = findBuiltin(start.text);
  std::string name(spec->name);
  std::vector<Expr> args;
  if (name == "BOUND") {
    expectPunct("(");
    args.push_back(Expr::var(parseVar()));
    expectPunct(")");
  } else if (peek().type == Tok::Nil) {
    advance();
  } else {
    expectPunct("(");
    if (!isPunct(")")) {
      args.push_back(parseExpression());
      while (acceptPunct(",")) {
        args.push_back(parseExpression());
      }
    }
    expectPunct(")", "','");
  }
  int n = static_cast<int>(args.size());
  if (n < spec->minArgs || (spec->maxArgs >= 0 && n > spec->maxArgs)) {
    failAt(start, name + " takes " +
                      (spec->minArgs == spec->maxArgs
                           ? std::to_string(spec->minArgs)
                           : std::to_string(spec->minArgs) + " to " +
                                 (spec->maxArgs < 0 ? std::string("any")
                                                    : std::to_string(spec->maxArgs))) +
                      " argument(s), not " + std::to_string(n));
  }
  if (name == "URI") {
    name = "IRI";
  }
  if (name == "ISURI") {
    name = "ISIRI";
  }
  return Expr::call(K::Builtin, name, std::move(args));
}

}  // namespace bdis::sparql::parser
