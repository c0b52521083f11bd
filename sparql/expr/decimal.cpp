#include "sparql/expr/decimal.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

namespace bdis::sparql::expr {

namespace {

using UInt128 = unsigned __int128;

constexpr Int128 kInt128Max = static_cast<Int128>(~UInt128{0} >> 1);
constexpr UInt128 kUInt128Max = ~UInt128{0};

/// 10^0 .. 10^38 (10^38 < 2^127).
constexpr std::array<UInt128, 39> makePowers() {
  std::array<UInt128, 39> p{};
  p[0] = 1;
  for (size_t i = 1; i < p.size(); ++i) {
    p[i] = p[i - 1] * 10;
  }
  return p;
}
constexpr std::array<UInt128, 39> kPow10 = makePowers();

Int128 pow10(int n) { return static_cast<Int128>(kPow10[static_cast<size_t>(n)]); }

UInt128 magnitude(Int128 v) {
  return v < 0 ? UInt128{0} - static_cast<UInt128>(v) : static_cast<UInt128>(v);
}

/// Drops trailing zero fraction digits and truncates beyond kDecimalMaxScale.
Decimal normalise(Int128 m, int scale) {
  if (scale > kDecimalMaxScale) {
    m /= pow10(scale - kDecimalMaxScale);
    scale = kDecimalMaxScale;
  }
  while (scale > 0 && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  if (m == 0) {
    scale = 0;
  }
  return Decimal{m, scale};
}

/// m × 10^n, nullopt on overflow.
std::optional<Int128> scaleUp(Int128 m, int n) {
  if (n == 0) {
    return m;
  }
  if (n > 38) {
    return m == 0 ? std::optional<Int128>(0) : std::nullopt;
  }
  Int128 r = 0;
  if (__builtin_mul_overflow(m, pow10(n), &r)) {
    return std::nullopt;
  }
  return r;
}

std::string digitsOf(UInt128 v) {
  char buf[48];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  return std::string(p, buf + sizeof buf);
}

}  // namespace

std::optional<Int128> parseInteger(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return std::nullopt;
  }
  if (s.size() <= 18) {
    // Fits in 64 bits: the common case, without 128-bit multiplications.
    uint64_t small = 0;
    for (char c : s) {
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      small = small * 10 + static_cast<unsigned>(c - '0');
    }
    auto v = static_cast<Int128>(small);
    return neg ? -v : v;
  }
  UInt128 v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    if (v > (kUInt128Max - 9) / 10) {
      return std::nullopt;
    }
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > static_cast<UInt128>(kInt128Max) + (neg ? 1 : 0)) {
    return std::nullopt;
  }
  return neg ? static_cast<Int128>(UInt128{0} - v) : static_cast<Int128>(v);
}

std::string integerToString(Int128 v) {
  std::string digits = digitsOf(magnitude(v));
  return v < 0 ? "-" + digits : digits;
}

std::optional<Decimal> Decimal::parse(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (whole.empty() && frac.empty()) {
    return std::nullopt;
  }
  auto allDigits = [](std::string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!allDigits(whole) || !allDigits(frac)) {
    return std::nullopt;
  }
  while (!frac.empty() && frac.back() == '0') {
    frac.remove_suffix(1);
  }
  if (frac.size() > static_cast<size_t>(kDecimalMaxScale)) {
    frac = frac.substr(0, kDecimalMaxScale);
  }
  UInt128 v = 0;
  for (std::string_view part : {whole, frac}) {
    for (char c : part) {
      if (v > (kUInt128Max - 9) / 10) {
        return std::nullopt;
      }
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
  }
  if (v > static_cast<UInt128>(kInt128Max)) {
    return std::nullopt;
  }
  Int128 m = static_cast<Int128>(v);
  return normalise(neg ? -m : m, static_cast<int>(frac.size()));
}

std::optional<Decimal> Decimal::fromDouble(double d) {
  if (d != d || d == std::numeric_limits<double>::infinity() ||
      d == -std::numeric_limits<double>::infinity()) {
    return std::nullopt;
  }
  char buf[400];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  if (res.ec != std::errc()) {
    return std::nullopt;
  }
  return parse(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

std::string Decimal::toString() const {
  std::string digits = digitsOf(magnitude(mantissa));
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale)) {
      digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), 1, '.');
  }
  return mantissa < 0 ? "-" + digits : digits;
}

double Decimal::toDouble() const {
  std::string s = toString();
  double d = 0;
  std::from_chars(s.data(), s.data() + s.size(), d);
  return d;
}

Int128 Decimal::truncated() const { return mantissa / pow10(scale); }

std::optional<Decimal> decimalAdd(const Decimal& a, const Decimal& b) {
  int s = std::max(a.scale, b.scale);
  auto x = scaleUp(a.mantissa, s - a.scale);
  auto y = scaleUp(b.mantissa, s - b.scale);
  if (!x || !y) {
    return std::nullopt;
  }
  Int128 r = 0;
  if (__builtin_add_overflow(*x, *y, &r)) {
    return std::nullopt;
  }
  return normalise(r, s);
}

std::optional<Decimal> decimalSubtract(const Decimal& a, const Decimal& b) {
  return decimalAdd(a, decimalNegate(b));
}

std::optional<Decimal> decimalMultiply(const Decimal& a, const Decimal& b) {
  Decimal x = a, y = b;
  for (;;) {
    Int128 r = 0;
    if (!__builtin_mul_overflow(x.mantissa, y.mantissa, &r)) {
      return normalise(r, x.scale + y.scale);
    }
    // Too many digits: give up the least significant fraction digit of the finer operand.
    Decimal& finer = x.scale >= y.scale ? x : y;
    if (finer.scale == 0) {
      return std::nullopt;
    }
    finer.mantissa /= 10;
    --finer.scale;
  }
}

std::optional<Decimal> decimalDivide(const Decimal& a, const Decimal& b) {
  if (b.mantissa == 0) {
    return std::nullopt;
  }
  bool neg = (a.mantissa < 0) != (b.mantissa < 0);
  UInt128 num = magnitude(a.mantissa), den = magnitude(b.mantissa);
  UInt128 q = num / den, r = num % den;
  int scale = a.scale - b.scale;  // value = (num / den) × 10^-scale
  while (r != 0 && scale < kDecimalDivisionScale) {
    if (q > (kUInt128Max - 9) / 10 || r > kUInt128Max / 10) {
      break;
    }
    r *= 10;
    q = q * 10 + r / den;
    r %= den;
    ++scale;
  }
  if (scale < 0) {
    if (-scale > 38 || q > kUInt128Max / kPow10[static_cast<size_t>(-scale)]) {
      return std::nullopt;
    }
    q *= kPow10[static_cast<size_t>(-scale)];
    scale = 0;
  }
  if (q > static_cast<UInt128>(kInt128Max)) {
    return std::nullopt;
  }
  Int128 m = static_cast<Int128>(q);
  return normalise(neg ? -m : m, scale);
}

Decimal decimalNegate(const Decimal& a) { return Decimal{-a.mantissa, a.scale}; }

int decimalCompare(const Decimal& a, const Decimal& b) {
  Int128 ia = a.mantissa / pow10(a.scale), ib = b.mantissa / pow10(b.scale);
  if (ia != ib) {
    return ia < ib ? -1 : 1;
  }
  int s = std::max(a.scale, b.scale);
  Int128 fa = (a.mantissa % pow10(a.scale)) * pow10(s - a.scale);
  Int128 fb = (b.mantissa % pow10(b.scale)) * pow10(s - b.scale);
  return fa < fb ? -1 : (fa > fb ? 1 : 0);
}

std::optional<Decimal> decimalFloor(const Decimal& a) {
  if (a.scale == 0) {
    return a;
  }
  Int128 q = a.truncated();
  if (a.mantissa < 0) {
    --q;
  }
  return Decimal{q, 0};
}

std::optional<Decimal> decimalCeil(const Decimal& a) {
  if (a.scale == 0) {
    return a;
  }
  Int128 q = a.truncated();
  if (a.mantissa > 0) {
    ++q;
  }
  return Decimal{q, 0};
}

std::optional<Decimal> decimalRound(const Decimal& a) {
  if (a.scale == 0) {
    return a;
  }
  auto shifted = decimalAdd(a, Decimal{5, 1});
  if (!shifted) {
    return std::nullopt;
  }
  return decimalFloor(*shifted);
}

}  // namespace bdis::sparql::expr
