#pragma once
// Internal: the built-in functions of SPARQL 1.1 (section 17.4) that take their
// arguments already evaluated, grouped by family, and the lookup by name.
//
// Every function receives its arguments as non-null term pointers valid for the
// call and returns nullopt for an error. Argument counts are checked by the parser;
// the functions check them again and fail with an error when they are wrong.

#include <optional>
#include <span>
#include <string_view>

#include "rdf/term.h"
#include "sparql/expr/evaluator.h"

namespace bdis::sparql::expr {

/// Evaluated arguments of a built-in call.
using Args = std::span<const rdf::Term* const>;

/// A built-in function over evaluated arguments.
using BuiltinFn = std::optional<rdf::Term> (*)(Args args, EvalContext& ctx);

/// The function implementing the built-in `name` (upper case, as the parser spells
/// it), or nullptr for the built-ins the evaluator handles itself (BOUND, IF,
/// COALESCE, EXISTS) and unknown names.
BuiltinFn findBuiltin(std::string_view name);

// --- terms (term_functions.cpp) ---
std::optional<rdf::Term> fnStr(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnLang(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnDatatype(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnIri(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnBnode(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrdt(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrlang(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSameTerm(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnIsIri(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnIsBlank(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnIsLiteral(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnIsNumeric(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnUuid(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStruuid(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnRand(Args a, EvalContext& ctx);

// --- numerics (numeric_functions.cpp) ---
std::optional<rdf::Term> fnAbs(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnCeil(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnFloor(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnRound(Args a, EvalContext& ctx);

// --- strings (string_functions.cpp) ---
std::optional<rdf::Term> fnStrlen(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSubstr(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnUcase(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnLcase(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnEncodeForUri(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnContains(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrStarts(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrEnds(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrBefore(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnStrAfter(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnConcat(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnLangMatches(Args a, EvalContext& ctx);

// --- regular expressions (regex.cpp) ---
std::optional<rdf::Term> fnRegex(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnReplace(Args a, EvalContext& ctx);

// --- dates and times (datetime_functions.cpp) ---
std::optional<rdf::Term> fnYear(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnMonth(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnDay(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnHours(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnMinutes(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSeconds(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnTimezone(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnTz(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnNow(Args a, EvalContext& ctx);

// --- hashes (hash.cpp) ---
std::optional<rdf::Term> fnMd5(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSha1(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSha256(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSha384(Args a, EvalContext& ctx);
std::optional<rdf::Term> fnSha512(Args a, EvalContext& ctx);

// --- casts (casts.cpp) ---

/// True when `iri` names an XSD cast function (xsd:string, xsd:integer and its
/// derived types, xsd:decimal, xsd:float, xsd:double, xsd:boolean, xsd:dateTime,
/// xsd:date, xsd:time).
bool isCastFunction(std::string_view iri);

/// The XPath cast of `v` to the datatype `iri` (17.5 and XPath F&O 3.1 section 19);
/// nullopt when the cast is not allowed or the value is invalid for the target type.
std::optional<rdf::Term> castTo(std::string_view iri, const rdf::Term& v);

// --- comparisons (compare.cpp) ---

/// The relational operators.
enum class CompareOp : uint8_t { Less, Greater, LessEq, GreaterEq };

/// `a op b` for numerics, strings, booleans, date/times and durations (17.3);
/// nullopt for a type error or an indeterminate comparison.
std::optional<bool> compareTerms(CompareOp op, const rdf::Term& a, const rdf::Term& b);

}  // namespace bdis::sparql::expr
