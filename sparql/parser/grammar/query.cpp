// X3 rules for the query forms, dataset clauses, solution modifiers and
// subqueries (grammar rules 1-2, 7-27).

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::DatasetClause;
using syntax::Expression;
using syntax::GroupCondition;
using syntax::GroupGraphPattern;
using syntax::Modifiers;
using syntax::OrderCondition;
using syntax::Projection;
using syntax::Query;
using syntax::SelectClause;
using syntax::SubSelect;
using QF = ast::QueryForm;

/// A variable as an expression, into _val.expr.
constexpr auto varExpr = [](auto& ctx) {
  Expression& e = x3::_val(ctx).expr;
  e.kind = Expression::Kind::Var;
  e.term.token = std::move(x3::_attr(ctx));
  e.offset = e.term.token.offset;
};

struct SelectClauseId;
struct ProjectionId;
struct DatasetClauseId;
struct WhereClauseId;
struct GroupConditionId;
struct OrderConditionId;
struct ModifiersId;
x3::rule<SelectClauseId, SelectClause> const selectClause = "SelectClause";
x3::rule<ProjectionId, Projection> const projection = "a projection";
x3::rule<DatasetClauseId, DatasetClause> const datasetClause = "DatasetClause";
x3::rule<WhereClauseId, GroupGraphPattern> const whereClause = "WhereClause";
x3::rule<GroupConditionId, GroupCondition> const groupCondition = "GroupCondition";
x3::rule<OrderConditionId, OrderCondition> const orderCondition = "OrderCondition";
x3::rule<ModifiersId, Modifiers> const modifiers = "SolutionModifier";

constexpr const char* kExpectWhere = "'{' (the WHERE clause)";

auto const selectClause_def =
    here[set<&SelectClause::offset>] >> kw("SELECT") >>
    -(kw("DISTINCT")[put<&SelectClause::distinct, true>] |
      kw("REDUCED")[put<&SelectClause::reduced, true>]) >>
    must("'*', a variable or '(expression AS ?var)' after SELECT")
        [punct("*")[put<&SelectClause::star, true>] | +projection[push<&SelectClause::items>]];

auto const projection_def = here[set<&Projection::offset>] >>
                            (varTok[set<&Projection::var>] |
                             punct("(") >>
                                 must(kExpectExpression)[expression][push<&Projection::expr>] >>
                                 must("AS")[kw("AS")] >>
                                 must(kExpectVar)[varTok][set<&Projection::var>] >>
                                 must("')'")[punct(")")]);

auto const datasetClause_def = kw("FROM") >> -kw("NAMED")[put<&DatasetClause::named, true>] >>
                               must(kExpectIri)[iriTok][set<&DatasetClause::iri>];

auto const whereClause_def = -kw("WHERE") >> must(kExpectWhere)[groupGraphPattern][assign];

auto const groupCondition_def =
    here[set<&GroupCondition::offset>] >>
    (varTok[varExpr] |
     punct("(") >> must(kExpectExpression)[expression][set<&GroupCondition::expr>] >>
         -(kw("AS") >> must(kExpectVar)[varTok][set<&GroupCondition::var>]) >>
         must("')' or AS")[punct(")")] |
     iriOrFunction[set<&GroupCondition::expr>][put<&GroupCondition::bare, true>] |
     builtinCall[set<&GroupCondition::expr>]);

auto const orderCondition_def =
    (kw("ASC") | kw("DESC")[put<&OrderCondition::descending, true>]) >>
        must("'(' after ASC/DESC")[bracketted][set<&OrderCondition::expr>] |
    varTok[varExpr] | constraint[set<&OrderCondition::expr>];

auto const limitClause = kw("LIMIT") >>
                         must("an integer after LIMIT")[unsignedIntegerTok][set<&Modifiers::limit>];
auto const offsetClause =
    kw("OFFSET") >> must("an integer after OFFSET")[unsignedIntegerTok][set<&Modifiers::offset>];

auto const modifiers_def =
    -(kw("GROUP") >> must("BY")[kw("BY")] >>
      must("a variable, '(' or a call after GROUP BY")[groupCondition][push<&Modifiers::groupBy>] >>
      *groupCondition[push<&Modifiers::groupBy>]) >>
    -(kw("HAVING") >> must("'(' or a function call")[constraint][push<&Modifiers::having>] >>
      *constraint[push<&Modifiers::having>]) >>
    -(kw("ORDER") >> must("BY")[kw("BY")] >>
      must("a variable, ASC, DESC, '(' or a function call after ORDER BY")
          [orderCondition][push<&Modifiers::orderBy>] >>
      *orderCondition[push<&Modifiers::orderBy>]) >>
    -(limitClause >> -offsetClause | offsetClause >> -limitClause);

auto const valuesClause = kw("VALUES") >> must("a variable or '(' after VALUES")[dataBlock];

BOOST_SPIRIT_DEFINE(selectClause, projection, datasetClause, whereClause, groupCondition,
                    orderCondition, modifiers)

auto const selectQuery = selectClause[set<&Query::select>] >>
                         *datasetClause[push<&Query::dataset>] >> whereClause[push<&Query::where>];

auto const constructQuery = kw("CONSTRUCT")[put<&Query::form, QF::Construct>] >>
                            (punct("{")[put<&Query::hasTemplate, true>] >>
                                 triplesTemplate[set<&Query::constructTemplate>] >>
                                 must("'}' or a triple pattern")[punct("}")] >>
                                 *datasetClause[push<&Query::dataset>] >>
                                 whereClause[push<&Query::where>] |
                             *datasetClause[push<&Query::dataset>] >> must("WHERE")[kw("WHERE")] >>
                                 must("'{' after CONSTRUCT WHERE")[punct("{")] >>
                                 triplesTemplate[set<&Query::constructTemplate>] >>
                                 must("'}' or a triple pattern")[punct("}")]);

auto const describeQuery =
    kw("DESCRIBE")[put<&Query::form, QF::Describe>] >>
    must("'*', a variable or an IRI after DESCRIBE")[punct("*")[put<&Query::describeStar, true>] |
                                                     +varOrIriTok[push<&Query::describe>]] >>
    *datasetClause[push<&Query::dataset>] >>
    -(kw("WHERE") >> must(kExpectWhere)[groupGraphPattern][push<&Query::where>] |
      groupGraphPattern[push<&Query::where>]);

auto const askQuery = kw("ASK")[put<&Query::form, QF::Ask>] >>
                      *datasetClause[push<&Query::dataset>] >> whereClause[push<&Query::where>];

}  // namespace

// SubSelect (rule 8).
auto const subSelect_def =
    selectClause[set<&SubSelect::select>] >> whereClause[set<&SubSelect::where>] >>
    modifiers[set<&SubSelect::modifiers>] >> -valuesClause[push<&SubSelect::values>];

// QueryUnit (rules 1-2, 7).
auto const queryUnit_def = prologue[set<&Query::prologue>] >>
                           must("SELECT, CONSTRUCT, DESCRIBE or ASK")[selectQuery | constructQuery |
                                                                      describeQuery | askQuery] >>
                           modifiers[set<&Query::modifiers>] >>
                           -valuesClause[push<&Query::values>] >> must("end of query")[endTok];

BOOST_SPIRIT_DEFINE(subSelect, queryUnit)
BOOST_SPIRIT_INSTANTIATE(SubSelectRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(QueryUnitRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
