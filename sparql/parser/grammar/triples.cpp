// X3 rules for triples with the Turtle abbreviations (grammar rules 73-87,
// 97-104): the path forms of WHERE clauses and the plain forms of templates.

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::GraphNode;
using syntax::PropertyItem;
using syntax::TriplesNode;
using syntax::TriplesSameSubject;
using syntax::Verb;
using Items = std::vector<PropertyItem>;
using Nodes = std::vector<GraphNode>;

constexpr const char* kExpectNode = "a variable, an IRI, a literal or a blank node";
constexpr const char* kExpectVerbPath = "a predicate or a property path";
constexpr const char* kExpectVerb = "a predicate";
constexpr const char* kCloseBlank = "']' or ';'";
constexpr const char* kCloseCollection = "')' or a collection member";

// --- With property paths (WHERE clauses) ---
struct VerbPathId;
struct ItemPathId;
struct PropertyListPathId;
struct ObjectListPathId;
struct GraphNodePathId;
struct TriplesNodePathId;
x3::rule<VerbPathId, Verb> const verbPath = "VerbPath";
x3::rule<ItemPathId, PropertyItem> const itemPath = "verb and objects";
x3::rule<PropertyListPathId, Items> const propertyListPath = "PropertyListPathNotEmpty";
x3::rule<ObjectListPathId, Nodes> const objectListPath = "ObjectListPath";
x3::rule<GraphNodePathId, GraphNode> const graphNodePath = "GraphNodePath";
x3::rule<TriplesNodePathId, TriplesNode> const triplesNodePath = "TriplesNodePath";

auto const verbPath_def = varTok[set<&Verb::token>] | path[push<&Verb::path>];
auto const itemPath_def =
    verbPath[set<&PropertyItem::verb>] >> objectListPath[set<&PropertyItem::objects>];
auto const propertyListPath_def = must(kExpectVerbPath)[itemPath][pushBack] >>
                                  *(punct(";") >> -itemPath[pushBack]);
auto const objectListPath_def = must(kExpectNode)[graphNodePath][pushBack] >>
                                *(punct(",") >> must(kExpectNode)[graphNodePath][pushBack]);
auto const graphNodePath_def =
    triplesNodePath[push<&GraphNode::node>] | varOrTerm[set<&GraphNode::term>];
auto const triplesNodePath_def =
    nest[here[set<&TriplesNode::offset>] >>
         (punct("[") >> propertyListPath[set<&TriplesNode::properties>] >>
              must(kCloseBlank)[punct("]")] |
          punct("(")[put<&TriplesNode::collection, true>] >>
              must(kExpectNode)[graphNodePath][push<&TriplesNode::items>] >>
              *graphNodePath[push<&TriplesNode::items>] >> must(kCloseCollection)[punct(")")])];

// --- Without paths (CONSTRUCT and update templates) ---
struct VerbId;
struct ItemId;
struct PropertyListId;
struct ObjectListId;
struct GraphNodeId;
struct TriplesNodeId;
struct TriplesSameSubjectId;
x3::rule<VerbId, Verb> const verb = "Verb";
x3::rule<ItemId, PropertyItem> const item = "verb and objects";
x3::rule<PropertyListId, Items> const propertyList = "PropertyListNotEmpty";
x3::rule<ObjectListId, Nodes> const objectList = "ObjectList";
x3::rule<GraphNodeId, GraphNode> const graphNode = "GraphNode";
x3::rule<TriplesNodeId, TriplesNode> const triplesNode = "TriplesNode";
x3::rule<TriplesSameSubjectId, TriplesSameSubject> const triplesSameSubject = "TriplesSameSubject";

auto const verb_def = verbTok[set<&Verb::token>];
auto const item_def = verb[set<&PropertyItem::verb>] >> objectList[set<&PropertyItem::objects>];
auto const propertyList_def = must(kExpectVerb)[item][pushBack] >> *(punct(";") >> -item[pushBack]);
auto const objectList_def = must(kExpectNode)[graphNode][pushBack] >>
                            *(punct(",") >> must(kExpectNode)[graphNode][pushBack]);
auto const graphNode_def = triplesNode[push<&GraphNode::node>] | varOrTerm[set<&GraphNode::term>];
auto const triplesNode_def =
    nest[here[set<&TriplesNode::offset>] >>
         (punct("[") >> propertyList[set<&TriplesNode::properties>] >>
              must(kCloseBlank)[punct("]")] |
          punct("(")[put<&TriplesNode::collection, true>] >>
              must(kExpectNode)[graphNode][push<&TriplesNode::items>] >>
              *graphNode[push<&TriplesNode::items>] >> must(kCloseCollection)[punct(")")])];
constexpr auto subjectNode = [](auto& ctx) {
  x3::_val(ctx).subject.node.push_back(std::move(x3::_attr(ctx)));
};
constexpr auto subjectTerm = [](auto& ctx) {
  x3::_val(ctx).subject.term = std::move(x3::_attr(ctx));
};

auto const triplesSameSubject_def =
    triplesNode[subjectNode] >> -(item[push<&TriplesSameSubject::properties>] >>
                                  *(punct(";") >> -item[push<&TriplesSameSubject::properties>])) |
    varOrTerm[subjectTerm] >> must(kExpectVerb)[propertyList][set<&TriplesSameSubject::properties>];

BOOST_SPIRIT_DEFINE(verbPath, itemPath, propertyListPath, objectListPath, graphNodePath,
                    triplesNodePath)
BOOST_SPIRIT_DEFINE(verb, item, propertyList, objectList, graphNode, triplesNode,
                    triplesSameSubject)

}  // namespace

// TriplesSameSubjectPath (rule 81).
auto const triplesSameSubjectPath_def =
    triplesNodePath[subjectNode] >>
        -(itemPath[push<&TriplesSameSubject::properties>] >>
          *(punct(";") >> -itemPath[push<&TriplesSameSubject::properties>])) |
    varOrTerm[subjectTerm] >>
        must(kExpectVerbPath)[propertyListPath][set<&TriplesSameSubject::properties>];

// TriplesTemplate (rule 52 / ConstructTriples, rule 74).
auto const triplesTemplate_def =
    -(triplesSameSubject[pushBack] >> *(punct(".") >> triplesSameSubject[pushBack]) >> -punct("."));

BOOST_SPIRIT_DEFINE(triplesSameSubjectPath, triplesTemplate)
BOOST_SPIRIT_INSTANTIATE(TriplesSameSubjectPathRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(TriplesTemplateRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
