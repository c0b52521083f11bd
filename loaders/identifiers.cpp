#include "loaders/identifiers.h"

namespace bdis::loaders {

namespace {

bool allDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Luhn sum of `digits` where the rightmost digit has weight 1 when `checkPresent` (validation),
// weight 2 when computing the missing check digit.
unsigned luhnSum(std::string_view digits, bool checkPresent) {
  unsigned sum = 0;
  bool doubleIt = !checkPresent;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    unsigned d = static_cast<unsigned>(*it - '0');
    if (doubleIt) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubleIt = !doubleIt;
  }
  return sum;
}

constexpr std::string_view kLaPosteSiren = "356000000";

}  // namespace

bool luhnValid(std::string_view digits) {
  if (digits.empty() || !allDigits(digits)) return false;
  return luhnSum(digits, true) % 10 == 0;
}

char luhnCheckDigit(std::string_view digits) {
  unsigned sum = luhnSum(digits, false);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool isValidSiren(std::string_view s) { return s.size() == 9 && luhnValid(s); }

bool isValidSiret(std::string_view s) {
  if (s.size() != 14 || !allDigits(s)) return false;
  if (s.substr(0, 9) == kLaPosteSiren) {
    unsigned sum = 0;
    for (char c : s) sum += static_cast<unsigned>(c - '0');
    return sum % 5 == 0;
  }
  return isValidSiren(s.substr(0, 9)) && luhnValid(s);
}

bool isValidRna(std::string_view s) {
  return s.size() == 10 && (s[0] == 'W' || s[0] == 'w') && allDigits(s.substr(1));
}

std::string normalizeIdentifier(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '.' || c == '-' || c == '\t') continue;
    // U+00A0 is C2 A0; U+202F is E2 80 AF.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAF) {
      i += 2;
      continue;
    }
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : static_cast<char>(c));
  }
  return out;
}

}  // namespace bdis::loaders
