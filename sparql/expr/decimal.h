#pragma once
// Internal: exact xsd:decimal arithmetic on a 128-bit mantissa
// (https://www.w3.org/TR/xpath-functions-31/#op.numeric).

#include <optional>
#include <string>
#include <string_view>

namespace bdis::sparql::expr {

/// A signed 128-bit integer, the representation of xsd:integer values.
using Int128 = __int128;

/// The largest number of fraction digits a Decimal keeps.
inline constexpr int kDecimalMaxScale = 36;
/// Fraction digits kept by a division whose quotient does not terminate earlier.
inline constexpr int kDecimalDivisionScale = 20;

/// An exact decimal number `mantissa × 10^-scale` with 0 <= scale <= kDecimalMaxScale,
/// kept normalised: no trailing zero digit in the mantissa while scale > 0, so that
/// equal values have equal representations.
struct Decimal {
  Int128 mantissa = 0;
  int scale = 0;

  /// An integer as a Decimal.
  static Decimal fromInteger(Int128 v) { return Decimal{v, 0}; }
  /// Parses the xsd:decimal lexical space `[+-]?(digits(.digits?)?|.digits)`;
  /// nullopt when malformed or beyond the representable range.
  static std::optional<Decimal> parse(std::string_view lexical);
  /// The decimal closest to `d` with the fewest digits (the shortest round-trip
  /// representation); nullopt for NaN, infinities and values out of range.
  static std::optional<Decimal> fromDouble(double d);

  /// The canonical lexical form (XSD 1.1): no leading zeros, no trailing fraction zeros,
  /// no decimal point for integral values ("2", "-0.5", "2.25").
  std::string toString() const;
  /// The nearest double.
  double toDouble() const;
  /// True when the value has no fraction digits.
  bool isIntegral() const { return scale == 0; }
  /// The integer part (truncated toward zero).
  Int128 truncated() const;

  friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// Sum, difference, product and quotient; nullopt on overflow or division by zero.
/// Products with more than kDecimalMaxScale fraction digits are truncated; quotients
/// keep up to kDecimalDivisionScale fraction digits (truncated).
std::optional<Decimal> decimalAdd(const Decimal& a, const Decimal& b);
std::optional<Decimal> decimalSubtract(const Decimal& a, const Decimal& b);
std::optional<Decimal> decimalMultiply(const Decimal& a, const Decimal& b);
std::optional<Decimal> decimalDivide(const Decimal& a, const Decimal& b);
/// -a.
Decimal decimalNegate(const Decimal& a);
/// <0, 0, >0 as a is less than, equal to or greater than b.
int decimalCompare(const Decimal& a, const Decimal& b);
/// fn:floor, fn:ceiling, fn:round (half toward positive infinity); nullopt on overflow.
std::optional<Decimal> decimalFloor(const Decimal& a);
std::optional<Decimal> decimalCeil(const Decimal& a);
std::optional<Decimal> decimalRound(const Decimal& a);

/// Parses `[+-]?digits` into an Int128; nullopt when malformed or out of range.
std::optional<Int128> parseInteger(std::string_view lexical);
/// The canonical decimal spelling of an Int128.
std::string integerToString(Int128 v);

}  // namespace bdis::sparql::expr
