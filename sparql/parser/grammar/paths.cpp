// X3 rules for property paths (grammar rules 88-96).

#include "sparql/parser/grammar/rules.h"

namespace bdis::sparql::parser::grammar {
namespace {

using syntax::Path;
using PK = Path::Kind;

struct SequenceId;
struct EltId;
struct PrimaryId;
struct NegatedId;
struct NegatedItemId;
x3::rule<SequenceId, Path> const sequence = "PathSequence";
x3::rule<EltId, Path> const elt = "PathEltOrInverse";
x3::rule<PrimaryId, Path> const primary = "PathPrimary";
x3::rule<NegatedId, Path> const negated = "PathNegatedPropertySet";
x3::rule<NegatedItemId, Path> const negatedItem = "PathOneInPropertySet";

constexpr const char* kExpectPath = "a property path (IRI, 'a', '^', '!' or '(')";
constexpr const char* kExpectItem = "an IRI, 'a' or '^'";

auto const iriOrA = iriOrATok;

auto const sequence_def = x3::eps[put<&Path::kind, PK::Sequence>] >> elt[push<&Path::args>] >>
                          *(punct("/") >> must(kExpectPath)[elt][push<&Path::args>]);

auto const elt_def = x3::eps[put<&Path::kind, PK::Element>] >>
                     (punct("^")[put<&Path::inverse, true>] >>
                          must(kExpectPath)[primary][push<&Path::args>] |
                      primary[push<&Path::args>]) >>
                     -punctIn("? * +")[set<&Path::modifier>];

auto const primary_def =
    iriOrA[set<&Path::iri>] | punct("!") >> must(kExpectItem)[negated][assign] |
    nest[punct("(") >> must(kExpectPath)[path][assign] >> must("')', '|' or '/'")[punct(")")]];

auto const negated_def = x3::eps[put<&Path::kind, PK::Negated>] >>
                         (nilTok |
                          punct("(") >> must(kExpectItem)[negatedItem][push<&Path::negated>] >>
                              *(punct("|") >>
                                must(kExpectItem)[negatedItem][push<&Path::negated>]) >>
                              must("')' or '|'")[punct(")")] |
                          negatedItem[push<&Path::negated>]);

auto const negatedItem_def = punct("^")[put<&Path::inverse, true>] >>
                                 must(kExpectIri)[iriOrA][set<&Path::iri>] |
                             iriOrA[set<&Path::iri>];

BOOST_SPIRIT_DEFINE(sequence, elt, primary, negated, negatedItem)

}  // namespace

// Path (rule 88): PathAlternative.
auto const path_def = x3::eps[put<&Path::kind, PK::Alternative>] >> here[set<&Path::offset>] >>
                      sequence[push<&Path::args>] >>
                      *(punct("|") >> must(kExpectPath)[sequence][push<&Path::args>]);

BOOST_SPIRIT_DEFINE(path)
BOOST_SPIRIT_INSTANTIATE(PathRule, TokIt, Context)

}  // namespace bdis::sparql::parser::grammar
