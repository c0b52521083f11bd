#include "loaders/value_checks.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "loaders/identifiers.h"
#include "loaders/text.h"

namespace bdis::loaders {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!isDigit(c)) return false;
  }
  return true;
}

bool fail(Problem p, std::string msg, Problem& problem, std::string& reason) {
  problem = p;
  reason = std::move(msg);
  return false;
}

bool validDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool decimalLexical(std::string_view text, std::string& out) {
  out.clear();
  for (char c : text) out.push_back(c == ',' ? '.' : c);
  if (!out.empty() && out[0] == '+') out.erase(0, 1);
  std::string_view v = out;
  if (!v.empty() && v[0] == '-') v.remove_prefix(1);
  size_t dot = v.find('.');
  std::string_view ip = v.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? std::string_view{} : v.substr(dot + 1);
  if (ip.empty() && fp.empty()) return false;
  if (!ip.empty() && !allDigits(ip)) return false;
  if (dot != std::string_view::npos && !fp.empty() && !allDigits(fp)) return false;
  if (dot != std::string_view::npos && fp.empty()) out.pop_back();
  if (ip.empty()) out.insert(out[0] == '-' ? 1 : 0, "0");
  return true;
}

}  // namespace

bool parseCoordinate(std::string_view text, double limit, double& value, std::string& lexical) {
  if (!decimalLexical(text, lexical)) return false;
  auto r = std::from_chars(lexical.data(), lexical.data() + lexical.size(), value);
  if (r.ec != std::errc() || r.ptr != lexical.data() + lexical.size()) return false;
  return std::isfinite(value) && std::fabs(value) <= limit;
}

bool checkValue(ValueCheck check, std::string_view value, std::string& out, Problem& problem,
                std::string& reason) {
  switch (check) {
    case ValueCheck::None:
      out.assign(value);
      return true;
    case ValueCheck::Siren:
    case ValueCheck::Siret:
    case ValueCheck::Rna: {
      out = normalizeIdentifier(value);
      if (check == ValueCheck::Siren) {
        if (out.size() != 9 || !allDigits(out)) {
          return fail(Problem::InvalidIdentifier,
                      "SIREN '" + std::string(value) + "' is not 9 digits", problem, reason);
        }
        if (!isValidSiren(out)) {
          return fail(Problem::InvalidIdentifier, "SIREN '" + out + "' fails the Luhn check",
                      problem, reason);
        }
      } else if (check == ValueCheck::Siret) {
        if (out.size() != 14 || !allDigits(out)) {
          return fail(Problem::InvalidIdentifier,
                      "SIRET '" + std::string(value) + "' is not 14 digits", problem, reason);
        }
        if (!isValidSiret(out)) {
          return fail(Problem::InvalidIdentifier, "SIRET '" + out + "' fails the Luhn check",
                      problem, reason);
        }
      } else if (!isValidRna(out)) {
        return fail(Problem::InvalidIdentifier,
                    "RNA number '" + std::string(value) + "' is not W followed by 9 digits",
                    problem, reason);
      }
      return true;
    }
    case ValueCheck::Integer: {
      out.clear();
      for (char c : value) {
        if (c != ' ') out.push_back(c);
      }
      std::string_view v = out;
      if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
      if (!allDigits(v))
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not an integer", problem,
                    reason);
      if (out[0] == '+') out.erase(0, 1);
      return true;
    }
    case ValueCheck::Decimal:
      if (!decimalLexical(value, out)) {
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not a decimal number",
                    problem, reason);
      }
      return true;
    case ValueCheck::Date: {
      int y = 0, m = 0, d = 0;
      // An xsd:dateTime ("2026-12-04T10:00:00+01:00") gives its date.
      if (value.size() > 10 && value[10] == 'T') value = value.substr(0, 10);
      if (value.size() == 10 && value[4] == '-' && value[7] == '-' &&
          allDigits(value.substr(0, 4)) && allDigits(value.substr(5, 2)) &&
          allDigits(value.substr(8, 2))) {
        y = num(value.substr(0, 4)), m = num(value.substr(5, 2)), d = num(value.substr(8, 2));
      } else if (value.size() == 10 && value[2] == '/' && value[5] == '/' &&
                 allDigits(value.substr(0, 2)) && allDigits(value.substr(3, 2)) &&
                 allDigits(value.substr(6, 4))) {
        d = num(value.substr(0, 2)), m = num(value.substr(3, 2)), y = num(value.substr(6, 4));
      } else {
        return fail(Problem::BadValue,
                    "'" + std::string(value) + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                    problem, reason);
      }
      if (!validDate(y, m, d))
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not a valid date", problem,
                    reason);
      out.assign(10, '-');
      auto put = [&](size_t at, int v, int width) {
        for (int k = width - 1; k >= 0; --k, v /= 10)
          out[at + static_cast<size_t>(k)] = static_cast<char>('0' + v % 10);
      };
      put(0, y, 4);
      put(5, m, 2);
      put(8, d, 2);
      return true;
    }
    case ValueCheck::Boolean: {
      std::string lower;
      for (char c : value)
        lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      if (lower == "true" || lower == "1" || lower == "oui" || lower == "yes" || lower == "vrai")
        out = "true";
      else if (lower == "false" || lower == "0" || lower == "non" || lower == "no" ||
               lower == "faux")
        out = "false";
      else
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not a boolean", problem,
                    reason);
      return true;
    }
    case ValueCheck::Email: {
      size_t at = value.find('@');
      bool ok = at != std::string_view::npos && at > 0 &&
                value.find('@', at + 1) == std::string_view::npos &&
                value.find('.', at) != std::string_view::npos && value.back() != '.' &&
                value.find(' ') == std::string_view::npos;
      if (!ok)
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not an e-mail address",
                    problem, reason);
      out.assign(value);
      return true;
    }
    case ValueCheck::PostalCode: {
      std::string v;
      for (char c : value) {
        if (c != ' ') v.push_back(c);
      }
      if (v.size() == 4 && allDigits(v)) v.insert(0, "0");
      if (v.size() != 5 || !allDigits(v)) {
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not a 5-digit postal code",
                    problem, reason);
      }
      out = std::move(v);
      return true;
    }
    case ValueCheck::Url: {
      std::string v(value);
      if (v.rfind("www.", 0) == 0) v.insert(0, "http://");
      bool ok = (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0) && v.size() > 8 &&
                isAbsoluteIri(v);
      if (!ok)
        return fail(Problem::BadValue, "'" + std::string(value) + "' is not an http(s) URL",
                    problem, reason);
      out = std::move(v);
      return true;
    }
  }
  return fail(Problem::BadValue, "unknown check", problem, reason);
}

}  // namespace bdis::loaders
