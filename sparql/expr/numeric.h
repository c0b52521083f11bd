#pragma once
// Internal: the numeric values of SPARQL (xsd:integer and its derived types,
// xsd:decimal, xsd:float, xsd:double), type promotion and the arithmetic operators
// (https://www.w3.org/TR/sparql11-query/#OperatorMapping, XPath F&O 3.1 section 4).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.h"
#include "sparql/expr/decimal.h"

namespace bdis::sparql::expr {

/// The primitive numeric types in promotion order.
enum class NumType : uint8_t { Integer, Decimal, Float, Double };

/// A numeric value. Which member holds it depends on `type`: `integer` for
/// Integer, `decimal` for Decimal, `real` for Float (rounded to float) and Double.
struct Numeric {
  NumType type = NumType::Integer;
  Int128 integer = 0;
  Decimal decimal;
  double real = 0;

  static Numeric ofInteger(Int128 v) { return Numeric{NumType::Integer, v, {}, 0}; }
  static Numeric ofDecimal(Decimal d) { return Numeric{NumType::Decimal, 0, d, 0}; }
  static Numeric ofFloat(float f) { return Numeric{NumType::Float, 0, {}, f}; }
  static Numeric ofDouble(double d) { return Numeric{NumType::Double, 0, {}, d}; }
};

/// The numeric type of a datatype IRI: xsd:integer and every type derived from it
/// (xsd:int, xsd:long, xsd:nonNegativeInteger, ...) are Integer; nullopt when not numeric.
std::optional<NumType> numericTypeOf(std::string_view datatype);

/// The value of a numeric literal with a valid lexical form for its datatype
/// (including the range of derived integer types); nullopt otherwise.
std::optional<Numeric> numericValue(const rdf::Term& t);

/// Parses `lexical` as a value of `type` (the XSD lexical rules, no surrounding spaces).
std::optional<Numeric> parseNumeric(std::string_view lexical, NumType type);

/// True when `lexical` is valid for the (possibly derived) numeric datatype `datatype`.
bool isValidNumericLexical(std::string_view lexical, std::string_view datatype);

/// The literal for a numeric value, in canonical form, typed xsd:integer, xsd:decimal,
/// xsd:float or xsd:double.
rdf::Term numericTerm(const Numeric& n);

/// The canonical lexical form of a numeric value (XSD 1.1: "2", "2.5", "1.5E0", "INF").
std::string canonicalNumeric(const Numeric& n);

/// The canonical xsd:double lexical form ("1.5E0", "-0.0E0", "INF", "NaN").
std::string formatDouble(double d);
/// The canonical xsd:float lexical form (shortest digits identifying the float).
std::string formatFloat(float f);
/// The XPath 3.1 cast of a float or double to xs:string: plain decimal notation for
/// 1e-6 <= |v| < 1e6 ("1", "1.25"), otherwise the canonical E form.
std::string realToXPathString(double v, bool isFloat);

/// `v` converted to `type` (promotion or the XPath casting rules between numerics);
/// nullopt when the value cannot be represented (NaN or INF to integer/decimal).
std::optional<Numeric> convertNumeric(const Numeric& v, NumType type);

/// The value as a double.
double toDouble(const Numeric& v);

/// The four arithmetic operators.
enum class ArithOp : uint8_t { Add, Subtract, Multiply, Divide };

/// `a op b` after promotion to the common type; integer division gives a decimal.
/// nullopt on integer/decimal overflow and on integer/decimal division by zero.
std::optional<Numeric> arithmetic(ArithOp op, const Numeric& a, const Numeric& b);

/// -v; nullopt on overflow.
std::optional<Numeric> negate(const Numeric& v);

/// The outcome of comparing two numerics (NaN makes it Unordered).
enum class Order : uint8_t { Less, Equal, Greater, Unordered };

/// Compares two numerics after promotion.
Order compareNumeric(const Numeric& a, const Numeric& b);

/// fn:abs, fn:ceiling, fn:floor, fn:round (type kept; round is half toward +INF).
std::optional<Numeric> numericAbs(const Numeric& v);
std::optional<Numeric> numericCeil(const Numeric& v);
std::optional<Numeric> numericFloor(const Numeric& v);
std::optional<Numeric> numericRound(const Numeric& v);

}  // namespace bdis::sparql::expr
