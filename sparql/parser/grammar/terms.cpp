// X3 rules for RDF terms, VALUES data blocks and the prologue
// (grammar rules 4-6, 61-65, 106-109, 129-137 over the lexer's tokens).

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::DataBlock;
using syntax::DataRow;
using syntax::PrologueDecl;
using syntax::Term;

struct DataValueId;
struct DataRowId;
struct SingleRowId;
struct PrologueDeclId;
x3::rule<DataValueId, Term> const dataValue = "DataBlockValue";
x3::rule<DataRowId, DataRow> const dataRow = "a row of values";
x3::rule<SingleRowId, DataRow> const singleRow = "a value";
x3::rule<PrologueDeclId, PrologueDecl> const prologueDecl = "BaseDecl or PrefixDecl";

// RDFLiteral | NumericLiteral | BooleanLiteral (rules 129-134).
auto const literal_def = stringTok[set<&Term::token>] >>
                             -(langTagTok[set<&Term::suffix>] |
                               (punct("^^") >> must(kExpectIri)[iriTok][set<&Term::suffix>])) |
                         numberTok[set<&Term::token>] | booleanTok[set<&Term::token>];

// VarOrTerm (rule 106) with NIL and blank nodes, as in triples positions.
auto const varOrTerm_def = varTok[set<&Term::token>] | iriTok[set<&Term::token>] |
                           blankTok[set<&Term::token>] | nilTok[set<&Term::token>] |
                           literal[assign];

auto const dataValue_def =
    kwTok("UNDEF")[set<&Term::token>] | iriTok[set<&Term::token>] | literal[assign];

auto const singleRow_def = dataValue[push<&DataRow::values>] >> previous[set<&DataRow::end>];

auto const dataRow_def = (nilTok | punct("(") >> *dataValue[push<&DataRow::values>] >>
                                       must("')', an IRI, a literal or UNDEF")[punct(")")]) >>
                         previous[set<&DataRow::end>];

// DataBlock (rules 62-64): InlineDataOneVar | InlineDataFull.
auto const dataBlock_def = varTok[push<&DataBlock::vars>][put<&DataBlock::single, true>] >>
                               must("'{'")[punct("{")] >> *singleRow[push<&DataBlock::rows>] >>
                               must("'}', an IRI, a literal or UNDEF")[punct("}")] |
                           (nilTok | punct("(") >> *varTok[push<&DataBlock::vars>] >>
                                         must("')' or a variable")[punct(")")]) >>
                               must("'{'")[punct("{")] >> *dataRow[push<&DataBlock::rows>] >>
                               must("'(' or '}'")[punct("}")];

auto const prologueDecl_def =
    kw("BASE") >> must("an IRI after BASE")[iriRefTok][set<&PrologueDecl::iri>] |
    kw("PREFIX") >>
        must("a prefix name such as 'ex:' after PREFIX")[pnameNsTok][set<&PrologueDecl::name>] >>
        must("an IRI after PREFIX %p")[iriRefTok][set<&PrologueDecl::iri>];

auto const prologue_def = *prologueDecl[pushBack];

BOOST_SPIRIT_DEFINE(dataValue, singleRow, dataRow, prologueDecl)

}  // namespace

BOOST_SPIRIT_DEFINE(literal, varOrTerm, dataBlock, prologue)

BOOST_SPIRIT_INSTANTIATE(LiteralRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(VarOrTermRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(DataBlockRule, TokIt, Context)
BOOST_SPIRIT_INSTANTIATE(PrologueRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
