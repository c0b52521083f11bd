// X3 rules for expressions (grammar rules 69-72, 110-129): operator chains,
// built-in calls, aggregates and function calls.

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::Expression;
using syntax::Operand;
using K = Expression::Kind;

/// Adds `operand` (after operator `op`) to the chain of `kind` that `v` is, or
/// makes `v` the first operand of a new chain. A bracketed chain stays closed.
void extend(Expression& v, K kind, Expression&& operand, std::string op) {
  if (v.kind != kind || v.bracketed) {
    Expression chain;
    chain.kind = kind;
    chain.offset = v.offset;
    chain.args.push_back(std::move(v));
    v = std::move(chain);
  }
  if (kind == K::Additive || kind == K::Multiplicative) {
    v.ops.push_back(std::move(op));
  }
  v.args.push_back(std::move(operand));
}

template <K Kind>
constexpr auto chain =
    [](auto& ctx) { extend(x3::_val(ctx), Kind, std::move(x3::_attr(ctx)), {}); };

template <K Kind>
constexpr auto chainOperand = [](auto& ctx) {
  Operand& o = x3::_attr(ctx);
  extend(x3::_val(ctx), Kind, std::move(o.expr), std::move(o.op));
};

/// Inside a signed term (rule 116): the multiplicative chain after the number.
constexpr auto chainSigned = [](auto& ctx) {
  Operand& o = x3::_attr(ctx);
  extend(x3::_val(ctx).expr, K::Multiplicative, std::move(o.expr), std::move(o.op));
};

/// `?a -1`: the sign of the number is the additive operator (rule 116).
constexpr auto signedNumber = [](auto& ctx) {
  Token t = x3::_attr(ctx);
  Operand& o = x3::_val(ctx);
  o.op = t.text.substr(0, 1);
  t.text.erase(0, 1);
  o.expr.kind = K::Constant;
  o.expr.offset = t.offset;
  o.expr.term.token = std::move(t);
};

constexpr auto relate = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  Operand& o = x3::_attr(ctx);
  Expression r;
  r.kind = K::Relational;
  r.offset = v.offset;
  r.name = std::move(o.op);
  r.args.push_back(std::move(v));
  r.args.push_back(std::move(o.expr));
  v = std::move(r);
};

constexpr auto relateIn = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  Expression r = std::move(x3::_attr(ctx));
  r.offset = v.offset;
  r.args.insert(r.args.begin(), std::move(v));
  v = std::move(r);
};

constexpr auto asConstant = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  v.kind = K::Constant;
  v.term = std::move(x3::_attr(ctx));
  v.offset = v.term.token.offset;
};

constexpr auto asVar = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  v.kind = K::Var;
  v.term.token = std::move(x3::_attr(ctx));
  v.offset = v.term.token.offset;
};

constexpr auto asIri = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  v.kind = K::Constant;
  v.term.token = std::move(x3::_attr(ctx));
  v.offset = v.term.token.offset;
};

constexpr auto varArg = [](auto& ctx) {
  Expression a;
  a.kind = K::Var;
  a.term.token = std::move(x3::_attr(ctx));
  a.offset = a.term.token.offset;
  x3::_val(ctx).args.push_back(std::move(a));
};

/// A call by name (built-in or aggregate): the token's text as written.
template <K Kind>
constexpr auto named = [](auto& ctx) {
  Expression& v = x3::_val(ctx);
  v.kind = Kind;
  v.name = x3::_attr(ctx).text;
  v.offset = x3::_attr(ctx).offset;
};

constexpr auto separator = [](auto& ctx) {
  x3::_val(ctx).hasSeparator = true;
  x3::_val(ctx).separator = x3::_attr(ctx).text;
};

struct AndId;
struct RelationalId;
struct InTailId;
struct RelOperandId;
struct AdditiveId;
struct AddOperandId;
struct SignedTermId;
struct MultiplicativeId;
struct MulOperandId;
struct UnaryId;
struct PrimaryId;
struct ExpressionListId;
struct AggregateId;
x3::rule<AndId, Expression> const andExpr = "ConditionalAndExpression";
x3::rule<RelationalId, Expression> const relational = "RelationalExpression";
x3::rule<InTailId, Expression> const inTail = "IN list";
x3::rule<RelOperandId, Operand> const relOperand = "comparison";
x3::rule<AdditiveId, Expression> const additive = "AdditiveExpression";
x3::rule<AddOperandId, Operand> const addOperand = "additive operand";
x3::rule<SignedTermId, Operand> const signedTerm = "signed number";
x3::rule<MultiplicativeId, Expression> const multiplicative = "MultiplicativeExpression";
x3::rule<MulOperandId, Operand> const mulOperand = "multiplicative operand";
x3::rule<UnaryId, Expression> const unary = "UnaryExpression";
x3::rule<PrimaryId, Expression> const primary = "PrimaryExpression";
x3::rule<ExpressionListId, std::vector<Expression>> const expressionList = "ExpressionList";
x3::rule<AggregateId, Expression> const aggregate = "Aggregate";

constexpr const char* kCloseList = "')' or ','";

auto const andExpr_def = relational[assign] >>
                         *(punct("&&") >> must(kExpectExpression)[relational][chain<K::And>]);

auto const relOperand_def = punctIn("= != < > <= >=")[set<&Operand::op>] >>
                            must(kExpectExpression)[additive][set<&Operand::expr>];

auto const inTail_def =
    (kw("IN") | kw("NOT") >> kw("IN")[put<&Expression::negated, true>]) >>
    must("'(' after IN")[expressionList][set<&Expression::args>][put<&Expression::kind, K::In>];

auto const relational_def = additive[assign] >> -(relOperand[relate] | inTail[relateIn]);

auto const additive_def = multiplicative[assign] >> *addOperand[chainOperand<K::Additive>];

auto const addOperand_def = punctIn("+ -")[set<&Operand::op>] >>
                                must(kExpectExpression)[multiplicative][set<&Operand::expr>] |
                            signedTerm[assign];

auto const signedTerm_def = signedNumberTok[signedNumber] >> *mulOperand[chainSigned];

auto const multiplicative_def = unary[assign] >> *mulOperand[chainOperand<K::Multiplicative>];

auto const mulOperand_def = punctIn("* /")[set<&Operand::op>] >>
                            must(kExpectExpression)[unary][set<&Operand::expr>];

// A unary operator counts as a level of nesting: `!(!(...))` recurses deeper per
// level than brackets alone.
auto const unary_def =
    nest[here[set<&Expression::offset>] >> punctIn("! + -")[set<&Expression::name>] >>
         must(kExpectExpression)[primary][push<&Expression::args>]
                                [put<&Expression::kind, K::Unary>]] |
    primary[assign];

auto const primary_def = bracketted[assign] | builtinCall[assign] | iriOrFunction[assign] |
                         aggregate[assign] | literal[asConstant] | varTok[asVar];

auto const expressionList_def = nilTok | punct("(") >>
                                             must(kExpectExpression)[expression][pushBack] >>
                                             *(punct(",") >>
                                               must(kExpectExpression)[expression][pushBack]) >>
                                             must(kCloseList)[punct(")")];

auto const argList = must(kExpectExpression)[expression][push<&Expression::args>] >>
                     *(punct(",") >> must(kExpectExpression)[expression][push<&Expression::args>]);

auto const aggregate_def =
    ((kwTok("COUNT")[named<K::Aggregate>] >> must("'('")[punct("(")] >>
      -kw("DISTINCT")[put<&Expression::distinct, true>] >>
      (punct("*") | must(kExpectExpression)[expression][push<&Expression::args>])) |
     (kwTok("GROUP_CONCAT")[named<K::Aggregate>] >> must("'('")[punct("(")] >>
      -kw("DISTINCT")[put<&Expression::distinct, true>] >>
      must(kExpectExpression)[expression][push<&Expression::args>] >>
      -(punct(";") >> must("SEPARATOR")[kw("SEPARATOR")] >> must("'='")[punct("=")] >>
        must("a string after SEPARATOR =")[stringTok][separator])) |
     (aggregateTok[named<K::Aggregate>] >> must("'('")[punct("(")] >>
      -kw("DISTINCT")[put<&Expression::distinct, true>] >>
      must(kExpectExpression)[expression][push<&Expression::args>])) >>
    must("')'")[punct(")")];

BOOST_SPIRIT_DEFINE(andExpr, relational, inTail, relOperand, additive, addOperand, signedTerm,
                    multiplicative, mulOperand, unary, primary, expressionList, aggregate)

}  // namespace

// Expression (rule 110): ConditionalOrExpression.
auto const expression_def = andExpr[assign] >>
                            *(punct("||") >> must(kExpectExpression)[andExpr][chain<K::Or>]);

// BrackettedExpression (rule 120), a closed chain.
auto const bracketted_def =
    nest[punct("(") >> must(kExpectExpression)[expression][assign] >>
         must("')' or an operator")[punct(")")]][put<&Expression::bracketed, true>];

// BuiltInCall (rule 121): arities are checked by the lowering.
auto const builtinCall_def =
    kwTok("BOUND")[named<K::Builtin>] >> must("'('")[punct("(")] >>
        must(kExpectVar)[varTok][varArg] >> must("')'")[punct(")")] |
    here[set<&Expression::offset>] >> kw("EXISTS")[put<&Expression::kind, K::Exists>] >>
        must(kExpectGroup)[groupGraphPattern][push<&Expression::pattern>] |
    here[set<&Expression::offset>] >> kw("NOT") >>
        kw("EXISTS")[put<&Expression::kind, K::Exists>][put<&Expression::negated, true>] >>
        must(kExpectGroup)[groupGraphPattern][push<&Expression::pattern>] |
    builtinTok[named<K::Builtin>] >>
        (nilTok | must("'('")[punct("(")] >> argList >> must(kCloseList)[punct(")")]);

// iriOrFunction (rule 128): a constant IRI or a call with ArgList (rule 71).
auto const iriOrFunction_def = iriTok[asIri] >>
                               -(nilTok[put<&Expression::kind, K::Function>] |
                                 punct("(")[put<&Expression::kind, K::Function>] >>
                                     -kw("DISTINCT")[put<&Expression::distinct, true>] >> argList >>
                                     must(kCloseList)[punct(")")]);

// Constraint (rule 69); an aggregate too, for HAVING and ORDER BY.
auto const constraint_def =
    bracketted[assign] | builtinCall[assign] | iriOrFunction[assign] | aggregate[assign];

BOOST_SPIRIT_DEFINE(expression, bracketted, builtinCall, iriOrFunction, constraint)

BOOST_SPIRIT_INSTANTIATE(ExpressionRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(ConstraintRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(BrackettedRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(BuiltinCallRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(IriOrFunctionRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
