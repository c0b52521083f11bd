#include "rdf/term_codec.h"

#include <sodium.h>

#include <array>
#include <charconv>

#include "rdf/error.h"
#include "rdf/varint.h"

namespace bdis::rdf {

namespace {

constexpr int64_t kIntegerMin = -(int64_t{1} << 59);
constexpr int64_t kIntegerMax = (int64_t{1} << 59) - 1;
constexpr uint64_t kDecimalLimit = uint64_t{1} << 55;
constexpr int kMaxScale = 9;
constexpr size_t kMaxShortString = 7;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isSimpleLiteral(const TermView& t) {
  return t.isLiteral() && t.lang.empty() && (t.datatype.empty() || t.datatype == kXsdString);
}

/// Parses an unsigned run of digits (no sign) without leading zeros; false on overflow.
bool parseDigits(std::string_view s, uint64_t& out) {
  if (s.empty() || s.size() > 19) {
    return false;
  }
  if (s.size() > 1 && s[0] == '0') {
    return false;
  }
  out = 0;
  for (char c : s) {
    if (!isDigit(c)) {
      return false;
    }
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

std::optional<TermId> encodeInteger(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) {
    s.remove_prefix(1);
  }
  uint64_t magnitude = 0;
  if (!parseDigits(s, magnitude)) {
    return std::nullopt;
  }
  if (negative && magnitude == 0) {
    return std::nullopt;
  }
  if (negative ? magnitude > static_cast<uint64_t>(-kIntegerMin)
               : magnitude > static_cast<uint64_t>(kIntegerMax)) {
    return std::nullopt;
  }
  int64_t v = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
  return TermId::make(IdTag::Integer, zigzag(v));
}

std::optional<TermId> encodeDecimal(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) {
    s.remove_prefix(1);
  }
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view intPart = s.substr(0, dot);
  std::string_view frac = s.substr(dot + 1);
  if (frac.empty() || frac.size() > static_cast<size_t>(kMaxScale)) {
    return std::nullopt;
  }
  for (char c : frac) {
    if (!isDigit(c)) {
      return std::nullopt;
    }
  }
  if (frac.back() == '0' && frac != "0") {
    return std::nullopt;
  }
  uint64_t intValue = 0;
  if (!parseDigits(intPart, intValue)) {
    return std::nullopt;
  }
  uint64_t fracValue = 0;
  for (char c : frac) {
    fracValue = fracValue * 10 + static_cast<uint64_t>(c - '0');
  }
  uint64_t scaleFactor = 1;
  for (size_t i = 0; i < frac.size(); ++i) {
    scaleFactor *= 10;
  }
  if (intValue >= kDecimalLimit / scaleFactor + 1) {
    return std::nullopt;
  }
  uint64_t unscaled = intValue * scaleFactor + fracValue;
  if (unscaled >= kDecimalLimit) {
    return std::nullopt;
  }
  if (negative && unscaled == 0) {
    return std::nullopt;
  }
  int64_t v = negative ? -static_cast<int64_t>(unscaled) : static_cast<int64_t>(unscaled);
  return TermId::make(IdTag::Decimal, (zigzag(v) << 4) | frac.size());
}

bool isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic on 400-year cycles).
int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yearOfEra = y - era * 400;
  int64_t dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t dayOfEra = z - era * 146097;
  int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  int64_t mp = (5 * dayOfYear + 2) / 153;
  d = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
}

std::optional<TermId> encodeDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return std::nullopt;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!isDigit(s[i])) {
      return std::nullopt;
    }
  }
  auto num = [&](size_t from, size_t len) {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) {
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int64_t y = num(0, 4);
  int m = num(5, 2);
  int d = num(8, 2);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return std::nullopt;
  }
  return TermId::make(IdTag::Date, zigzag(daysFromCivil(y, m, d)));
}

std::optional<TermId> encodeShortString(std::string_view s) {
  if (s.size() > kMaxShortString || s.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  uint64_t packed = 0;
  for (size_t i = 0; i < kMaxShortString; ++i) {
    packed = (packed << 8) | (i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
  }
  return TermId::make(IdTag::ShortString, (packed << 4) | s.size());
}

[[noreturn]] void badInline(TermId id) {
  throw StorageError("malformed inline term id " + std::to_string(id.raw));
}

void appendPadded(std::string& out, uint64_t v, int width) {
  std::array<char, 24> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  auto len = static_cast<int>(end - buf.data());
  for (int i = len; i < width; ++i) {
    out.push_back('0');
  }
  out.append(buf.data(), end);
}

}  // namespace

std::optional<TermId> encodeInline(const TermView& term) {
  if (!term.isLiteral() || !term.lang.empty()) {
    return std::nullopt;
  }
  if (isSimpleLiteral(term)) {
    return encodeShortString(term.value);
  }
  if (term.datatype == kXsdInteger) {
    return encodeInteger(term.value);
  }
  if (term.datatype == kXsdBoolean) {
    if (term.value == "true") {
      return TermId::make(IdTag::Boolean, 1);
    }
    if (term.value == "false") {
      return TermId::make(IdTag::Boolean, 0);
    }
    return std::nullopt;
  }
  if (term.datatype == kXsdDate) {
    return encodeDate(term.value);
  }
  if (term.datatype == kXsdDecimal) {
    return encodeDecimal(term.value);
  }
  return std::nullopt;
}

TermView decodeInline(TermId id, std::string& scratch) {
  TermView v;
  v.kind = TermKind::Literal;
  uint64_t payload = id.payload();
  scratch.clear();
  switch (id.tag()) {
    case IdTag::Integer: {
      if (payload >= (uint64_t{1} << 60)) {
        badInline(id);
      }
      int64_t n = unzigzag(payload);
      if (n < 0) {
        scratch.push_back('-');
      }
      appendPadded(scratch, n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n), 1);
      v.value = scratch;
      v.datatype = kXsdInteger;
      return v;
    }
    case IdTag::Boolean:
      if (payload > 1) {
        badInline(id);
      }
      v.value = payload == 1 ? "true" : "false";
      v.datatype = kXsdBoolean;
      return v;
    case IdTag::ShortString: {
      size_t len = payload & 0xF;
      if (len > kMaxShortString) {
        badInline(id);
      }
      uint64_t packed = payload >> 4;
      for (size_t i = 0; i < len; ++i) {
        auto c = static_cast<char>((packed >> (8 * (kMaxShortString - 1 - i))) & 0xFF);
        if (c == '\0') {
          badInline(id);
        }
        scratch.push_back(c);
      }
      v.value = scratch;
      return v;
    }
    case IdTag::Date: {
      int64_t y = 0;
      int m = 0;
      int d = 0;
      civilFromDays(unzigzag(payload), y, m, d);
      if (y < 0 || y > 9999) {
        badInline(id);
      }
      appendPadded(scratch, static_cast<uint64_t>(y), 4);
      scratch.push_back('-');
      appendPadded(scratch, static_cast<uint64_t>(m), 2);
      scratch.push_back('-');
      appendPadded(scratch, static_cast<uint64_t>(d), 2);
      v.value = scratch;
      v.datatype = kXsdDate;
      return v;
    }
    case IdTag::Decimal: {
      auto scale = static_cast<int>(payload & 0xF);
      if (scale < 1 || scale > kMaxScale) {
        badInline(id);
      }
      int64_t unscaled = unzigzag(payload >> 4);
      if (unscaled < 0) {
        scratch.push_back('-');
      }
      uint64_t magnitude =
          unscaled < 0 ? 0 - static_cast<uint64_t>(unscaled) : static_cast<uint64_t>(unscaled);
      appendPadded(scratch, magnitude, scale + 1);
      scratch.insert(scratch.end() - scale, '.');
      v.value = scratch;
      v.datatype = kXsdDecimal;
      return v;
    }
    default:
      badInline(id);
  }
}

IdTag dictionaryTag(const TermView& term) {
  switch (term.kind) {
    case TermKind::Iri:
      return IdTag::Iri;
    case TermKind::Blank:
      return IdTag::Blank;
    case TermKind::Literal:
      if (!term.lang.empty()) {
        return IdTag::LangString;
      }
      if (term.datatype.empty() || term.datatype == kXsdString) {
        return IdTag::String;
      }
      return IdTag::Typed;
    case TermKind::None:
      break;
  }
  throw InternalError("a term of kind None has no dictionary entry");
}

void serializeTerm(const TermView& term, std::string& out) {
  IdTag tag = dictionaryTag(term);
  out.push_back(static_cast<char>(tag));
  if (tag == IdTag::LangString) {
    putVarint(out, term.lang.size());
    out.append(term.lang);
  } else if (tag == IdTag::Typed) {
    putVarint(out, term.datatype.size());
    out.append(term.datatype);
  }
  out.append(term.value);
}

TermView deserializeTerm(std::string_view bytes) {
  if (bytes.empty()) {
    throw StorageError("malformed dictionary entry: empty");
  }
  auto tag = static_cast<IdTag>(static_cast<uint8_t>(bytes[0]));
  size_t pos = 1;
  TermView v;
  auto prefixed = [&](std::string_view& field) {
    uint64_t len = 0;
    if (!getVarint(bytes, pos, len) || len > bytes.size() - pos) {
      throw StorageError("malformed dictionary entry: bad field length");
    }
    field = bytes.substr(pos, len);
    pos += len;
  };
  switch (tag) {
    case IdTag::Iri:
      v.kind = TermKind::Iri;
      break;
    case IdTag::Blank:
      v.kind = TermKind::Blank;
      break;
    case IdTag::String:
      v.kind = TermKind::Literal;
      break;
    case IdTag::LangString:
      v.kind = TermKind::Literal;
      prefixed(v.lang);
      if (v.lang.empty()) {
        throw StorageError("malformed dictionary entry: empty language tag");
      }
      break;
    case IdTag::Typed:
      v.kind = TermKind::Literal;
      prefixed(v.datatype);
      if (v.datatype.empty()) {
        throw StorageError("malformed dictionary entry: empty datatype");
      }
      break;
    default:
      throw StorageError("malformed dictionary entry: unknown kind " +
                         std::to_string(static_cast<int>(tag)));
  }
  v.value = bytes.substr(pos);
  return v;
}

uint64_t termHash(std::string_view serialized) {
  static const int sodiumReady = sodium_init();
  if (sodiumReady < 0) {
    throw StorageError("libsodium failed to initialise");
  }
  // A fixed key: the hash is part of the on-disk format, not a defence against
  // chosen collisions (those are resolved by comparing the terms).
  static const unsigned char key[crypto_shorthash_KEYBYTES] = {
      'b', 'd', 'i', 's', ' ', 't', 'e', 'r', 'm', ' ', 'h', 'a', 's', 'h', ' ', '1'};
  unsigned char out[crypto_shorthash_BYTES];
  static_assert(crypto_shorthash_BYTES == 8);
  crypto_shorthash(out, reinterpret_cast<const unsigned char*>(serialized.data()),
                   serialized.size(), key);
  uint64_t h = 0;
  for (int i = 7; i >= 0; --i) {
    h = (h << 8) | out[i];
  }
  return h;
}

}  // namespace bdis::rdf
