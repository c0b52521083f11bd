#include "sparql/expr/numeric.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "sparql/expr/xsd.h"

namespace bdis::sparql::expr {

namespace {

constexpr Int128 kInt128Max = static_cast<Int128>(~static_cast<unsigned __int128>(0) >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

/// The value range of an XSD integer type, by local name.
struct IntegerRange {
  std::string_view name;
  Int128 min;
  Int128 max;
};

constexpr Int128 kU64Max = static_cast<Int128>(std::numeric_limits<uint64_t>::max());
constexpr IntegerRange kIntegerRanges[] = {
    {"integer", kInt128Min, kInt128Max},
    {"nonPositiveInteger", kInt128Min, 0},
    {"negativeInteger", kInt128Min, -1},
    {"long", std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()},
    {"int", std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()},
    {"short", std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()},
    {"byte", std::numeric_limits<int8_t>::min(), std::numeric_limits<int8_t>::max()},
    {"nonNegativeInteger", 0, kInt128Max},
    {"unsignedLong", 0, kU64Max},
    {"unsignedInt", 0, std::numeric_limits<uint32_t>::max()},
    {"unsignedShort", 0, std::numeric_limits<uint16_t>::max()},
    {"unsignedByte", 0, std::numeric_limits<uint8_t>::max()},
    {"positiveInteger", 1, kInt128Max},
};

const IntegerRange* integerRange(std::string_view local) {
  for (const auto& r : kIntegerRanges) {
    if (r.name == local) {
      return &r;
    }
  }
  return nullptr;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// The float/double lexical space without the special values.
bool isRealNumberLexical(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    ++i;
  }
  size_t intDigits = 0, fracDigits = 0;
  while (i < s.size() && isDigit(s[i])) {
    ++i, ++intDigits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i])) {
      ++i, ++fracDigits;
    }
  }
  if (intDigits + fracDigits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      ++i;
    }
    size_t expDigits = 0;
    while (i < s.size() && isDigit(s[i])) {
      ++i, ++expDigits;
    }
    if (expDigits == 0) {
      return false;
    }
  }
  return i == s.size();
}

/// Parses a float/double lexical form; `T` is float or double.
template <typename T>
std::optional<T> parseReal(std::string_view s) {
  if (s == "INF" || s == "+INF") {
    return std::numeric_limits<T>::infinity();
  }
  if (s == "-INF") {
    return -std::numeric_limits<T>::infinity();
  }
  if (s == "NaN") {
    return std::numeric_limits<T>::quiet_NaN();
  }
  if (!isRealNumberLexical(s)) {
    return std::nullopt;
  }
  std::string_view body = s[0] == '+' ? s.substr(1) : s;
  T v{};
  auto res = std::from_chars(body.data(), body.data() + body.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    std::string copy(body);
    double d = std::strtod(copy.c_str(), nullptr);
    return static_cast<T>(d);
  }
  if (res.ec != std::errc() || res.ptr != body.data() + body.size()) {
    return std::nullopt;
  }
  return v;
}

/// Canonical E form from a to_chars scientific spelling ("1.5e+00" -> "1.5E0").
std::string toCanonicalE(std::string_view sci) {
  size_t e = sci.find('e');
  std::string mant(sci.substr(0, e));
  if (mant.find('.') == std::string::npos) {
    mant += ".0";
  }
  int exp = 0;
  std::string_view es = sci.substr(e + 1);
  if (!es.empty() && es[0] == '+') {
    es.remove_prefix(1);
  }
  std::from_chars(es.data(), es.data() + es.size(), exp);
  return mant + "E" + std::to_string(exp);
}

template <typename T>
std::string formatReal(T v) {
  if (std::isnan(v)) {
    return "NaN";
  }
  if (std::isinf(v)) {
    return v > 0 ? "INF" : "-INF";
  }
  if (v == 0) {
    return std::signbit(v) ? "-0.0E0" : "0.0E0";
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  return toCanonicalE(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

std::optional<Decimal> floatToDecimal(float f) {
  if (!std::isfinite(f)) {
    return std::nullopt;
  }
  char buf[128];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::fixed);
  if (res.ec != std::errc()) {
    return std::nullopt;
  }
  return Decimal::parse(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

float decimalToFloat(const Decimal& d) {
  std::string s = d.toString();
  float f = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), f);
  if (res.ec == std::errc::result_out_of_range) {
    return static_cast<float>(d.toDouble());
  }
  return f;
}

std::optional<Int128> realToInteger(double d) {
  if (!std::isfinite(d)) {
    return std::nullopt;
  }
  double t = std::trunc(d);
  if (std::fabs(t) >= 1.7e38) {
    return std::nullopt;
  }
  return static_cast<Int128>(t);
}

double roundHalfUp(double x) {
  if (!std::isfinite(x)) {
    return x;
  }
  double f = std::floor(x);
  double r = (x - f >= 0.5) ? f + 1 : f;
  return r == 0 ? std::copysign(0.0, x) : r;
}

}  // namespace

std::optional<NumType> numericTypeOf(std::string_view datatype) {
  // The primitive types first: one length check and compare each.
  if (datatype == kXsdInteger) {
    return NumType::Integer;
  }
  if (datatype == kXsdDecimal) {
    return NumType::Decimal;
  }
  if (datatype == kXsdDouble) {
    return NumType::Double;
  }
  if (datatype == kXsdFloat) {
    return NumType::Float;
  }
  std::string_view local = xsdLocalName(datatype);
  if (!local.empty() && integerRange(local)) {
    return NumType::Integer;
  }
  return std::nullopt;
}

std::optional<Numeric> parseNumeric(std::string_view s, NumType type) {
  switch (type) {
    case NumType::Integer:
      if (auto v = parseInteger(s)) {
        return Numeric::ofInteger(*v);
      }
      return std::nullopt;
    case NumType::Decimal:
      if (auto v = Decimal::parse(s)) {
        return Numeric::ofDecimal(*v);
      }
      return std::nullopt;
    case NumType::Float:
      if (auto v = parseReal<float>(s)) {
        return Numeric::ofFloat(*v);
      }
      return std::nullopt;
    case NumType::Double:
      if (auto v = parseReal<double>(s)) {
        return Numeric::ofDouble(*v);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Numeric> numericValue(const rdf::Term& t) {
  if (t.kind != rdf::TermKind::Literal || !t.lang.empty() || t.datatype.empty()) {
    return std::nullopt;
  }
  auto type = numericTypeOf(t.datatype);
  if (!type) {
    return std::nullopt;
  }
  auto v = parseNumeric(t.value, *type);
  if (!v || *type != NumType::Integer || t.datatype == kXsdInteger) {
    return v;
  }
  const IntegerRange* r = integerRange(xsdLocalName(t.datatype));
  if (r && (v->integer < r->min || v->integer > r->max)) {
    return std::nullopt;
  }
  return v;
}

bool isValidNumericLexical(std::string_view lexical, std::string_view datatype) {
  rdf::Term t = rdf::Term::literal(std::string(lexical), std::string(datatype));
  return numericValue(t).has_value();
}

std::string formatDouble(double d) { return formatReal(d); }
std::string formatFloat(float f) { return formatReal(f); }

std::string realToXPathString(double v, bool isFloat) {
  if (std::isnan(v)) {
    return "NaN";
  }
  if (std::isinf(v)) {
    return v > 0 ? "INF" : "-INF";
  }
  if (v == 0) {
    return std::signbit(v) ? "-0" : "0";
  }
  double a = std::fabs(v);
  if (a >= 1e-6 && a < 1e6) {
    char buf[128];
    auto res = isFloat ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v),
                                       std::chars_format::fixed)
                       : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return std::string(buf, res.ptr);
  }
  return isFloat ? formatFloat(static_cast<float>(v)) : formatDouble(v);
}

std::string canonicalNumeric(const Numeric& n) {
  switch (n.type) {
    case NumType::Integer:
      return integerToString(n.integer);
    case NumType::Decimal:
      return n.decimal.toString();
    case NumType::Float:
      return formatFloat(static_cast<float>(n.real));
    case NumType::Double:
      return formatDouble(n.real);
  }
  return {};
}

rdf::Term numericTerm(const Numeric& n) {
  std::string_view dt = kXsdInteger;
  switch (n.type) {
    case NumType::Integer:
      dt = kXsdInteger;
      break;
    case NumType::Decimal:
      dt = kXsdDecimal;
      break;
    case NumType::Float:
      dt = kXsdFloat;
      break;
    case NumType::Double:
      dt = kXsdDouble;
      break;
  }
  return typedLiteral(canonicalNumeric(n), dt);
}

double toDouble(const Numeric& v) {
  switch (v.type) {
    case NumType::Integer:
      return static_cast<double>(v.integer);
    case NumType::Decimal:
      return v.decimal.toDouble();
    case NumType::Float:
    case NumType::Double:
      return v.real;
  }
  return 0;
}

std::optional<Numeric> convertNumeric(const Numeric& v, NumType type) {
  if (v.type == type) {
    return v;
  }
  switch (type) {
    case NumType::Integer:
      if (v.type == NumType::Decimal) {
        return Numeric::ofInteger(v.decimal.truncated());
      }
      if (auto i = realToInteger(v.real)) {
        return Numeric::ofInteger(*i);
      }
      return std::nullopt;
    case NumType::Decimal:
      if (v.type == NumType::Integer) {
        return Numeric::ofDecimal(Decimal::fromInteger(v.integer));
      }
      if (v.type == NumType::Float) {
        if (auto d = floatToDecimal(static_cast<float>(v.real))) {
          return Numeric::ofDecimal(*d);
        }
        return std::nullopt;
      }
      if (auto d = Decimal::fromDouble(v.real)) {
        return Numeric::ofDecimal(*d);
      }
      return std::nullopt;
    case NumType::Float:
      if (v.type == NumType::Integer) {
        return Numeric::ofFloat(static_cast<float>(v.integer));
      }
      if (v.type == NumType::Decimal) {
        return Numeric::ofFloat(decimalToFloat(v.decimal));
      }
      return Numeric::ofFloat(static_cast<float>(v.real));
    case NumType::Double:
      return Numeric::ofDouble(toDouble(v));
  }
  return std::nullopt;
}


namespace {

/// IEEE arithmetic in the precision of T (float or double): division by zero
/// gives an infinity or NaN, as XPath specifies for xsd:float and xsd:double.
template <typename T>
T applyFloating(ArithOp op, T p, T q) {
  switch (op) {
    case ArithOp::Add: return p + q;
    case ArithOp::Subtract: return p - q;
    case ArithOp::Multiply: return p * q;
    case ArithOp::Divide: return p / q;
  }
  return T{};
}

}  // namespace

std::optional<Numeric> arithmetic(ArithOp op, const Numeric& a, const Numeric& b) {
  NumType t = std::max(a.type, b.type);
  if (t == NumType::Integer && op == ArithOp::Divide) {
    t = NumType::Decimal;
  }
  auto x = convertNumeric(a, t), y = convertNumeric(b, t);
  if (!x || !y) {
    return std::nullopt;
  }
  switch (t) {
    case NumType::Integer: {
      Int128 r = 0;
      bool overflow = false;
      switch (op) {
        case ArithOp::Add:
          overflow = __builtin_add_overflow(x->integer, y->integer, &r);
          break;
        case ArithOp::Subtract:
          overflow = __builtin_sub_overflow(x->integer, y->integer, &r);
          break;
        case ArithOp::Multiply:
          overflow = __builtin_mul_overflow(x->integer, y->integer, &r);
          break;
        case ArithOp::Divide:
          return std::nullopt;
      }
      if (overflow) {
        return std::nullopt;
      }
      return Numeric::ofInteger(r);
    }
    case NumType::Decimal: {
      std::optional<Decimal> r;
      switch (op) {
        case ArithOp::Add:
          r = decimalAdd(x->decimal, y->decimal);
          break;
        case ArithOp::Subtract:
          r = decimalSubtract(x->decimal, y->decimal);
          break;
        case ArithOp::Multiply:
          r = decimalMultiply(x->decimal, y->decimal);
          break;
        case ArithOp::Divide:
          r = decimalDivide(x->decimal, y->decimal);
          break;
      }
      if (!r) {
        return std::nullopt;
      }
      return Numeric::ofDecimal(*r);
    }
    case NumType::Float:
      return Numeric::ofFloat(
          applyFloating(op, static_cast<float>(x->real), static_cast<float>(y->real)));
    case NumType::Double:
      return Numeric::ofDouble(applyFloating(op, x->real, y->real));
  }
  return std::nullopt;
}

std::optional<Numeric> negate(const Numeric& v) {
  switch (v.type) {
    case NumType::Integer:
      if (v.integer == kInt128Min) {
        return std::nullopt;
      }
      return Numeric::ofInteger(-v.integer);
    case NumType::Decimal:
      return Numeric::ofDecimal(decimalNegate(v.decimal));
    case NumType::Float:
      return Numeric::ofFloat(-static_cast<float>(v.real));
    case NumType::Double:
      return Numeric::ofDouble(-v.real);
  }
  return std::nullopt;
}

Order compareNumeric(const Numeric& a, const Numeric& b) {
  NumType t = std::max(a.type, b.type);
  auto x = convertNumeric(a, t), y = convertNumeric(b, t);
  if (!x || !y) {
    return Order::Unordered;
  }
  auto order = [](auto p, auto q) {
    return p < q ? Order::Less : (q < p ? Order::Greater : Order::Equal);
  };
  switch (t) {
    case NumType::Integer:
      return order(x->integer, y->integer);
    case NumType::Decimal: {
      int c = decimalCompare(x->decimal, y->decimal);
      return c < 0 ? Order::Less : (c > 0 ? Order::Greater : Order::Equal);
    }
    case NumType::Float:
    case NumType::Double:
      if (std::isnan(x->real) || std::isnan(y->real)) {
        return Order::Unordered;
      }
      return order(x->real, y->real);
  }
  return Order::Unordered;
}

std::optional<Numeric> numericAbs(const Numeric& v) {
  switch (v.type) {
    case NumType::Integer:
      return v.integer < 0 ? negate(v) : std::optional<Numeric>(v);
    case NumType::Decimal:
      return v.decimal.mantissa < 0 ? negate(v) : std::optional<Numeric>(v);
    case NumType::Float:
      return Numeric::ofFloat(std::fabs(static_cast<float>(v.real)));
    case NumType::Double:
      return Numeric::ofDouble(std::fabs(v.real));
  }
  return std::nullopt;
}

namespace {

template <typename DecimalFn, typename RealFn>
std::optional<Numeric> rounding(const Numeric& v, DecimalFn decimalFn, RealFn realFn) {
  switch (v.type) {
    case NumType::Integer:
      return v;
    case NumType::Decimal:
      if (auto d = decimalFn(v.decimal)) {
        return Numeric::ofDecimal(*d);
      }
      return std::nullopt;
    case NumType::Float:
      return Numeric::ofFloat(static_cast<float>(realFn(v.real)));
    case NumType::Double:
      return Numeric::ofDouble(realFn(v.real));
  }
  return std::nullopt;
}

}  // namespace

std::optional<Numeric> numericCeil(const Numeric& v) {
  return rounding(v, decimalCeil, [](double d) { return std::ceil(d); });
}
std::optional<Numeric> numericFloor(const Numeric& v) {
  return rounding(v, decimalFloor, [](double d) { return std::floor(d); });
}
std::optional<Numeric> numericRound(const Numeric& v) {
  return rounding(v, decimalRound, roundHalfUp);
}

}  // namespace bdis::sparql::expr
