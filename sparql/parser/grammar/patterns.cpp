// X3 rules for group graph patterns (grammar rules 53-60, 66-68): triples
// blocks, nested groups, UNION, OPTIONAL, MINUS, GRAPH, SERVICE, FILTER, BIND,
// inline VALUES and subqueries.

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::GroupGraphPattern;
using syntax::PatternElement;
using EK = ast::PatternElement::Kind;

constexpr const char* kExpectConstraint = "'(' or a function call";

struct TriplesBlockId;
struct GroupOrUnionId;
struct KeywordElementId;
struct ElementId;
struct SubSelectElementId;
x3::rule<TriplesBlockId, PatternElement> const triplesBlock = "TriplesBlock";
x3::rule<GroupOrUnionId, PatternElement> const groupOrUnion = "GroupOrUnionGraphPattern";
x3::rule<KeywordElementId, PatternElement> const keywordElement = "GraphPatternNotTriples";
x3::rule<ElementId, PatternElement> const element = "a pattern element";
x3::rule<SubSelectElementId, PatternElement> const subSelectElement = "SubSelect";

template <EK Kind>
constexpr auto elementKind = put<&PatternElement::kind, Kind>;

// TriplesBlock (rule 55); a missing '.' before another triple is an error.
auto const triplesBlock_def = here[set<&PatternElement::offset>] >>
                              triplesSameSubjectPath[push<&PatternElement::triples>] >>
                              *(punct(".") >>
                                triplesSameSubjectPath[push<&PatternElement::triples>]) >>
                              (punct(".") | must("'.' between triple patterns")[!triplesStartTok]);

auto const groupOrUnion_def =
    here[set<&PatternElement::offset>] >>
    groupGraphPattern[push<&PatternElement::groups>][elementKind<EK::Group>] >>
    *(kw("UNION")[elementKind<EK::Union>] >>
      must(kExpectGroup)[groupGraphPattern][push<&PatternElement::groups>]);

auto const varOrIri = varOrIriTok;

auto const keywordElement_def =
    here[set<&PatternElement::offset>] >>
    (kw("OPTIONAL")[elementKind<EK::Optional>] >>
         must(kExpectGroup)[groupGraphPattern][push<&PatternElement::groups>] |
     kw("MINUS")[elementKind<EK::Minus>] >>
         must(kExpectGroup)[groupGraphPattern][push<&PatternElement::groups>] |
     kw("GRAPH")[elementKind<EK::Graph>] >>
         must(kExpectVarOrIri)[varOrIri][set<&PatternElement::name>] >>
         must(kExpectGroup)[groupGraphPattern][push<&PatternElement::groups>] |
     kw("SERVICE")[elementKind<EK::Service>] >> -kw("SILENT")[put<&PatternElement::silent, true>] >>
         must(kExpectVarOrIri)[varOrIri][set<&PatternElement::name>] >>
         here[set<&PatternElement::textBegin>] >>
         must(kExpectGroup)[groupGraphPattern][push<&PatternElement::groups>] >>
         after[set<&PatternElement::textEnd>] |
     kw("FILTER")[elementKind<EK::Filter>] >>
         must(kExpectConstraint)[constraint][set<&PatternElement::expr>] |
     kw("BIND")[elementKind<EK::Bind>] >> must("'('")[punct("(")] >>
         must(kExpectExpression)[expression][set<&PatternElement::expr>] >> must("AS")[kw("AS")] >>
         must(kExpectVar)[varTok][set<&PatternElement::var>] >> must("')'")[punct(")")] |
     kw("VALUES")[elementKind<EK::Values>] >>
         must("a variable or '(' after VALUES")[dataBlock][set<&PatternElement::values>]);

auto const element_def = triplesBlock[assign] |
                         (groupOrUnion[assign] | keywordElement[assign]) >> -punct(".");

auto const subSelectElement_def = here[set<&PatternElement::offset>] >>
                                  subSelect[push<&PatternElement::sub>][elementKind<EK::SubSelect>];

BOOST_SPIRIT_DEFINE(triplesBlock, groupOrUnion, keywordElement, element, subSelectElement)

}  // namespace

// GroupGraphPattern (rule 53): a subquery or a GroupGraphPatternSub.
auto const groupGraphPattern_def =
    nest[here[set<&GroupGraphPattern::offset>] >> punct("{") >>
         (subSelectElement[push<&GroupGraphPattern::elements>] >> must("'}'")[punct("}")] |
          *element[push<&GroupGraphPattern::elements>] >>
              must("'}' or a triple pattern")[punct("}")])];

BOOST_SPIRIT_DEFINE(groupGraphPattern)
BOOST_SPIRIT_INSTANTIATE(GroupGraphPatternRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
