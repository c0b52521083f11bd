#pragma once
// The X3 rules shared between the grammar's translation units, declared here and
// defined (BOOST_SPIRIT_DEFINE) and instantiated (BOOST_SPIRIT_INSTANTIATE) once
// each, in the file of their production family. Internal to grammar/*.cpp.

#include "sparql/parser/grammar/primitives.h"

namespace bdis::sparql::parser::grammar {

// terms.cpp: RDF terms, VALUES data, prologue (rules 4-6, 61-65, 106-109, 129-137).
struct LiteralId;
struct VarOrTermId;
struct DataBlockId;
struct PrologueId;
using LiteralRule = x3::rule<LiteralId, syntax::Term>;
using VarOrTermRule = x3::rule<VarOrTermId, syntax::Term>;
using DataBlockRule = x3::rule<DataBlockId, syntax::DataBlock>;
using PrologueRule = x3::rule<PrologueId, std::vector<syntax::PrologueDecl>>;
BOOST_SPIRIT_DECLARE(LiteralRule, VarOrTermRule, DataBlockRule, PrologueRule)

// expressions.cpp: rules 69-72, 110-129.
struct ExpressionId;
struct ConstraintId;
struct BrackettedId;
struct BuiltinCallId;
struct IriOrFunctionId;
using ExpressionRule = x3::rule<ExpressionId, syntax::Expression>;
using ConstraintRule = x3::rule<ConstraintId, syntax::Expression>;
using BrackettedRule = x3::rule<BrackettedId, syntax::Expression>;
using BuiltinCallRule = x3::rule<BuiltinCallId, syntax::Expression>;
using IriOrFunctionRule = x3::rule<IriOrFunctionId, syntax::Expression>;
BOOST_SPIRIT_DECLARE(ExpressionRule, ConstraintRule, BrackettedRule, BuiltinCallRule,
                     IriOrFunctionRule)

// paths.cpp: property paths (rules 88-96).
struct PathId;
using PathRule = x3::rule<PathId, syntax::Path>;
BOOST_SPIRIT_DECLARE(PathRule)

// triples.cpp: triples with the Turtle abbreviations (rules 73-87, 97-104).
struct TriplesSameSubjectPathId;
struct TriplesTemplateId;
using TriplesSameSubjectPathRule = x3::rule<TriplesSameSubjectPathId, syntax::TriplesSameSubject>;
using TriplesTemplateRule = x3::rule<TriplesTemplateId, std::vector<syntax::TriplesSameSubject>>;
BOOST_SPIRIT_DECLARE(TriplesSameSubjectPathRule, TriplesTemplateRule)

// patterns.cpp: group graph patterns (rules 53-60, 66-68).
struct GroupGraphPatternId;
using GroupGraphPatternRule = x3::rule<GroupGraphPatternId, syntax::GroupGraphPattern>;
BOOST_SPIRIT_DECLARE(GroupGraphPatternRule)

// query.cpp: query forms, dataset, solution modifiers (rules 1-2, 7-27).
struct SubSelectId;
struct QueryUnitId;
using SubSelectRule = x3::rule<SubSelectId, syntax::SubSelect>;
using QueryUnitRule = x3::rule<QueryUnitId, syntax::Query>;
BOOST_SPIRIT_DECLARE(SubSelectRule, QueryUnitRule)

// update.cpp: SPARQL 1.1 Update (rules 3, 29-52).
struct UpdateUnitId;
using UpdateUnitRule = x3::rule<UpdateUnitId, syntax::Update>;
BOOST_SPIRIT_DECLARE(UpdateUnitRule)

// The rule objects.
inline const LiteralRule literal = "literal";
inline const VarOrTermRule varOrTerm = "VarOrTerm";
inline const DataBlockRule dataBlock = "DataBlock";
inline const PrologueRule prologue = "Prologue";
inline const ExpressionRule expression = "Expression";
inline const ConstraintRule constraint = "Constraint";
inline const BrackettedRule bracketted = "BrackettedExpression";
inline const BuiltinCallRule builtinCall = "BuiltInCall";
inline const IriOrFunctionRule iriOrFunction = "iriOrFunction";
inline const PathRule path = "Path";
inline const TriplesSameSubjectPathRule triplesSameSubjectPath = "TriplesSameSubjectPath";
inline const TriplesTemplateRule triplesTemplate = "TriplesTemplate";
inline const GroupGraphPatternRule groupGraphPattern = "GroupGraphPattern";
inline const SubSelectRule subSelect = "SubSelect";
inline const QueryUnitRule queryUnit = "QueryUnit";
inline const UpdateUnitRule updateUnit = "UpdateUnit";

// Expected-what texts shared by several files.
inline constexpr const char* kExpectExpression = "an expression";
inline constexpr const char* kExpectVar = "a variable";
inline constexpr const char* kExpectIri = "an IRI";
inline constexpr const char* kExpectVarOrIri = "a variable or an IRI";
inline constexpr const char* kExpectGroup = "'{'";

}  // namespace bdis::sparql::parser::grammar
