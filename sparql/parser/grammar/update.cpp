// X3 rules for SPARQL 1.1 Update (grammar rules 3, 29-52): graph management,
// data blocks, DELETE WHERE and DELETE/INSERT ... WHERE.

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::DatasetClause;
using syntax::GraphRef;
using syntax::Quads;
using syntax::QuadsBlock;
using syntax::Update;
using syntax::UpdateOperation;
using syntax::UpdateStep;
using OK = ast::UpdateOperation::Kind;
using GK = ast::GraphRef::Kind;
using Op = UpdateOperation;

constexpr const char* kExpectQuads = "'{'";
constexpr const char* kExpectGraphOrDefault = "DEFAULT, GRAPH or an IRI";

template <OK Kind>
constexpr auto opKind = put<&Op::kind, Kind>;

constexpr auto graphTarget = [](auto& ctx) {
  x3::_val(ctx).target.kind = GK::Graph;
  x3::_val(ctx).target.iri = std::move(x3::_attr(ctx));
};

struct GraphRefAllId;
struct GraphOrDefaultId;
struct DefaultBlockId;
struct GraphBlockId;
struct QuadsId;
struct UsingId;
struct LoadId;
struct ManageId;
struct DataId;
struct ModifyId;
struct OperationId;
struct StepId;
x3::rule<GraphRefAllId, GraphRef> const graphRefAll = "GraphRefAll";
x3::rule<GraphOrDefaultId, GraphRef> const graphOrDefault = "GraphOrDefault";
x3::rule<DefaultBlockId, QuadsBlock> const defaultBlock = "TriplesTemplate";
x3::rule<GraphBlockId, QuadsBlock> const graphBlock = "QuadsNotTriples";
x3::rule<QuadsId, Quads> const quads = "QuadPattern";
x3::rule<UsingId, DatasetClause> const usingClause = "USING";
x3::rule<LoadId, Op> const load = "Load";
x3::rule<ManageId, Op> const manage = "graph management";
x3::rule<DataId, Op> const data = "InsertData, DeleteData or DeleteWhere";
x3::rule<ModifyId, Op> const modify = "Modify";
x3::rule<OperationId, Op> const operation = "Update1";
x3::rule<StepId, UpdateStep> const step = "Update";

auto const graphRefAll_def = kw("DEFAULT")[put<&GraphRef::kind, GK::Default>] |
                             kw("NAMED")[put<&GraphRef::kind, GK::Named>] |
                             kw("ALL")[put<&GraphRef::kind, GK::All>] |
                             kw("GRAPH")[put<&GraphRef::kind, GK::Graph>] >>
                                 must(kExpectIri)[iriTok][set<&GraphRef::iri>];

auto const graphOrDefault_def = kw("DEFAULT")[put<&GraphRef::kind, GK::Default>] |
                                (kw("GRAPH") >> must(kExpectIri)[iriTok][set<&GraphRef::iri>] |
                                 iriTok[set<&GraphRef::iri>])[put<&GraphRef::kind, GK::Graph>];

auto const defaultBlock_def = triplesTemplate[set<&QuadsBlock::triples>];

auto const graphBlock_def = kw("GRAPH") >>
                            must(kExpectVarOrIri)[varOrIriTok][set<&QuadsBlock::graph>] >>
                            must("'{'")[punct("{")] >> triplesTemplate[set<&QuadsBlock::triples>] >>
                            must("'}' or a triple")[punct("}")];

// QuadPattern / QuadData (rules 48-51).
auto const quads_def = here[set<&Quads::offset>] >>
                       punct("{") >> defaultBlock[push<&Quads::blocks>] >>
                       *(graphBlock[push<&Quads::blocks>] >> -punct(".") >>
                         defaultBlock[push<&Quads::blocks>]) >>
                       must("'}', a triple or GRAPH")[punct("}")];

auto const usingClause_def = kw("USING") >> -kw("NAMED")[put<&DatasetClause::named, true>] >>
                             must(kExpectIri)[iriTok][set<&DatasetClause::iri>];

auto const silent = -kw("SILENT")[put<&Op::silent, true>];

auto const load_def = kw("LOAD")[opKind<OK::Load>] >> silent >>
                      must(kExpectIri)[iriTok][set<&Op::source>] >>
                      -(kw("INTO") >> must("GRAPH")[kw("GRAPH")] >>
                        must(kExpectIri)[iriTok][set<&Op::into>]);

auto const manage_def = (kw("CLEAR")[opKind<OK::Clear>] | kw("DROP")[opKind<OK::Drop>]) >> silent >>
                            must("GRAPH, DEFAULT, NAMED or ALL")[graphRefAll][set<&Op::target>] |
                        kw("CREATE")[opKind<OK::Create>] >> silent >> must("GRAPH")[kw("GRAPH")] >>
                            must(kExpectIri)[iriTok][graphTarget] |
                        (kw("ADD")[opKind<OK::Add>] | kw("MOVE")[opKind<OK::Move>] |
                         kw("COPY")[opKind<OK::Copy>]) >>
                            silent >> must(kExpectGraphOrDefault)[graphOrDefault][set<&Op::from>] >>
                            must("TO")[kw("TO")] >>
                            must(kExpectGraphOrDefault)[graphOrDefault][set<&Op::target>];

auto const data_def = kw("INSERT") >> kw("DATA")[opKind<OK::InsertData>] >>
                          must(kExpectQuads)[quads][set<&Op::insertQuads>] |
                      kw("DELETE") >> kw("DATA")[opKind<OK::DeleteData>] >>
                          must(kExpectQuads)[quads][set<&Op::deleteQuads>] |
                      kw("DELETE") >> kw("WHERE")[opKind<OK::DeleteWhere>] >>
                          must(kExpectQuads)[quads][set<&Op::deleteQuads>];

auto const modifyClauses = kw("DELETE")[put<&Op::hasDelete, true>] >>
                               must(kExpectQuads)[quads][set<&Op::deleteQuads>] >>
                               -(kw("INSERT")[put<&Op::hasInsert, true>] >>
                                 must(kExpectQuads)[quads][set<&Op::insertQuads>]) |
                           kw("INSERT")[put<&Op::hasInsert, true>] >>
                               must(kExpectQuads)[quads][set<&Op::insertQuads>];

// Modify (rule 41).
auto const modify_def = x3::eps[opKind<OK::Modify>] >>
                        (kw("WITH") >> must(kExpectIri)[iriTok][set<&Op::with>] >>
                             must("DELETE or INSERT")[modifyClauses] |
                         modifyClauses) >>
                        *usingClause[push<&Op::usingClauses>] >> must("WHERE")[kw("WHERE")] >>
                        must(kExpectQuads)[groupGraphPattern][push<&Op::where>];

auto const operation_def = load[assign] | manage[assign] | data[assign] | modify[assign];

auto const step_def =
    prologue[set<&UpdateStep::prologue>] >>
    (&endTok | must("an update operation (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, "
                    "COPY, WITH)")[operation][push<&UpdateStep::operation>]);

BOOST_SPIRIT_DEFINE(graphRefAll, graphOrDefault, defaultBlock, graphBlock, quads, usingClause, load,
                    manage, data, modify, operation, step)

}  // namespace

// UpdateUnit (rules 3, 29): operations separated by ';'.
auto const updateUnit_def = step[push<&Update::steps>] >>
                            *(punct(";") >> step[push<&Update::steps>]) >>
                            must("';' or end of update")[endTok];

BOOST_SPIRIT_DEFINE(updateUnit)
BOOST_SPIRIT_INSTANTIATE(UpdateUnitRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
