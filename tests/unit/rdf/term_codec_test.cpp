#include "rdf/term_codec.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "rdf/error.h"

namespace bdis::rdf {
namespace {

TermView typed(std::string_view value, std::string_view datatype) {
  return TermView{TermKind::Literal, value, datatype, {}};
}

/// Encodes, expects an inline id with `tag`, decodes and expects the same term back.
void expectRoundTrip(const TermView& t, IdTag tag) {
  auto id = encodeInline(t);
  ASSERT_TRUE(id.has_value()) << t.value;
  EXPECT_EQ(id->tag(), tag) << t.value;
  EXPECT_TRUE(id->isInline());
  std::string scratch;
  TermView back = decodeInline(*id, scratch);
  EXPECT_EQ(back.kind, TermKind::Literal);
  EXPECT_EQ(back.value, t.value);
  EXPECT_EQ(back.lang, "");
  EXPECT_EQ(back.effectiveDatatype(), t.effectiveDatatype());
}

void expectDictionary(const TermView& t) {
  EXPECT_FALSE(encodeInline(t).has_value()) << "'" << t.value << "' ^^ " << t.datatype;
}

TEST(TermCodec, IntegersCanonicalAreInline) {
  for (const char* v :
       {"0", "1", "-1", "-12", "42", "1000000", "576460752303423487", "-576460752303423488"}) {
    expectRoundTrip(typed(v, kXsdInteger), IdTag::Integer);
  }
  auto a = encodeInline(typed("-12", kXsdInteger));
  EXPECT_EQ(unzigzag(a->payload()), -12);
}

TEST(TermCodec, IntegersNonCanonicalOrTooLargeGoToDictionary) {
  for (const char* v :
       {"+1", "01", "00", "-0", "", "-", "1a", " 1", "1 ", "1.0", "576460752303423488",
        "-576460752303423489", "99999999999999999999", "18446744073709551616"}) {
    expectDictionary(typed(v, kXsdInteger));
  }
}

TEST(TermCodec, Booleans) {
  expectRoundTrip(typed("true", kXsdBoolean), IdTag::Boolean);
  expectRoundTrip(typed("false", kXsdBoolean), IdTag::Boolean);
  for (const char* v : {"1", "0", "TRUE", "True", " true", ""}) {
    expectDictionary(typed(v, kXsdBoolean));
  }
}

TEST(TermCodec, DatesCanonicalAreInline) {
  for (const char* v : {"1970-01-01", "2024-02-29", "2000-02-29", "1969-12-31", "0000-01-01",
                        "0001-01-01", "9999-12-31", "1582-10-10", "2026-12-04"}) {
    expectRoundTrip(typed(v, kXsdDate), IdTag::Date);
  }
  EXPECT_EQ(encodeInline(typed("1970-01-01", kXsdDate))->payload(), zigzag(0));
  EXPECT_EQ(unzigzag(encodeInline(typed("1970-01-02", kXsdDate))->payload()), 1);
  EXPECT_EQ(unzigzag(encodeInline(typed("1969-12-31", kXsdDate))->payload()), -1);
  EXPECT_EQ(unzigzag(encodeInline(typed("2000-01-01", kXsdDate))->payload()), 10957);
}

TEST(TermCodec, DatesInvalidOrWithTimezoneGoToDictionary) {
  for (const char* v : {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
                        "2024-04-31", "2024-1-01", "24-01-01", "2024-01-01Z", "2024-01-01+02:00",
                        "-0001-01-01", "10000-01-01", "2024/01/01", ""}) {
    expectDictionary(typed(v, kXsdDate));
  }
}

TEST(TermCodec, EveryDayOverFourCenturiesRoundTrips) {
  std::string scratch;
  for (int64_t day = -200000; day <= 200000; ++day) {
    TermId id = TermId::make(IdTag::Date, zigzag(day));
    TermView v = decodeInline(id, scratch);
    auto again = encodeInline(v);
    ASSERT_TRUE(again.has_value()) << v.value;
    ASSERT_EQ(*again, id) << v.value;
  }
}

TEST(TermCodec, DecimalsCanonicalAreInline) {
  for (const char* v : {"12.5", "0.5", "-0.5", "1.0", "0.0", "-1.25", "3.141592653",
                        "-100.000000001", "36028797018963.9", "123.45"}) {
    expectRoundTrip(typed(v, kXsdDecimal), IdTag::Decimal);
  }
  auto id = encodeInline(typed("12.5", kXsdDecimal));
  EXPECT_EQ(id->payload() & 0xF, 1u);
  EXPECT_EQ(unzigzag(id->payload() >> 4), 125);
}

TEST(TermCodec, DecimalsNonCanonicalGoToDictionary) {
  for (const char* v :
       {"1.50", "1.", ".5", "-0.0", "+1.5", "01.5", "00.5", "1", "1.1234567891", "1.00", "1e3",
        "1.5.5", "-", "", "360287970189639.68", "99999999999999999999.5"}) {
    expectDictionary(typed(v, kXsdDecimal));
  }
}

TEST(TermCodec, ShortSimpleLiterals) {
  for (const char* v : {"", "a", "abc", "1234567", "été", "\xF0\x9F\x98\x80"}) {
    expectRoundTrip(typed(v, ""), IdTag::ShortString);
  }
  // xsd:string is the same term as a simple literal: inline, decoded without datatype.
  auto id = encodeInline(typed("abc", kXsdString));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, *encodeInline(typed("abc", "")));
  std::string scratch;
  EXPECT_TRUE(decodeInline(*id, scratch).datatype.empty());
  expectDictionary(typed("12345678", ""));
  expectDictionary(typed(std::string_view("a\0b", 3), ""));
  expectDictionary(TermView{TermKind::Literal, "chat", "", "fr"});
}

TEST(TermCodec, ShortStringsKeepByteOrder) {
  auto a = encodeInline(typed("ab", ""));
  auto b = encodeInline(typed("abc", ""));
  auto c = encodeInline(typed("b", ""));
  EXPECT_LT(*a, *b);
  EXPECT_LT(*b, *c);
}

TEST(TermCodec, NonLiteralsAndOtherDatatypesAreNotInline) {
  expectDictionary(TermView{TermKind::Iri, "http://x/a", {}, {}});
  expectDictionary(TermView{TermKind::Blank, "b0", {}, {}});
  expectDictionary(typed("12", "http://www.w3.org/2001/XMLSchema#int"));
  expectDictionary(typed("1.5", "http://www.w3.org/2001/XMLSchema#double"));
}

TEST(TermCodec, MalformedInlineIdsThrow) {
  std::string scratch;
  EXPECT_THROW(decodeInline(TermId::make(IdTag::Boolean, 2), scratch), StorageError);
  EXPECT_THROW(decodeInline(TermId::make(IdTag::Decimal, 0), scratch), StorageError);
  EXPECT_THROW(decodeInline(TermId::make(IdTag::Decimal, 10), scratch), StorageError);
  EXPECT_THROW(decodeInline(TermId::make(IdTag::ShortString, 8), scratch), StorageError);
  EXPECT_THROW(decodeInline(TermId::make(IdTag::Iri, 5), scratch), StorageError);
}

TEST(TermCodec, RandomIntegersAndDecimalsRoundTrip) {
  std::mt19937_64 rng(7);
  std::string scratch;
  for (int i = 0; i < 20000; ++i) {
    int64_t v = static_cast<int64_t>(rng()) >> (4 + rng() % 60);
    std::string s = std::to_string(v);
    expectRoundTrip(typed(s, kXsdInteger), IdTag::Integer);
    int scale = 1 + static_cast<int>(rng() % 9);
    int64_t unscaled = static_cast<int64_t>(rng()) >> (9 + rng() % 55);
    TermId id =
        TermId::make(IdTag::Decimal, (zigzag(unscaled) << 4) | static_cast<uint64_t>(scale));
    TermView d = decodeInline(id, scratch);
    std::string text(d.value);
    auto again = encodeInline(typed(text, kXsdDecimal));
    // Only canonical decodings (no trailing zero, except "N.0") come back inline.
    bool trailing = text.back() == '0' && text[text.size() - 2] != '.';
    if (trailing || (unscaled == 0 && scale > 1)) {
      EXPECT_FALSE(again.has_value()) << text;
    } else {
      ASSERT_TRUE(again.has_value()) << text;
      EXPECT_EQ(*again, id) << text;
    }
  }
}

TEST(TermCodec, SerializationRoundTrips) {
  const TermView terms[] = {
      TermView{TermKind::Iri, "http://example.org/a", {}, {}},
      TermView{TermKind::Blank, "b12", {}, {}},
      TermView{TermKind::Literal, "a longer simple literal", {}, {}},
      TermView{TermKind::Literal, "chat", {}, "fr"},
      TermView{TermKind::Literal, "0012", kXsdInteger, {}},
      TermView{TermKind::Literal, "", "http://example.org/dt", {}},
      TermView{TermKind::Literal, std::string_view("nul\0inside", 10), {}, {}},
  };
  const IdTag tags[] = {IdTag::Iri,   IdTag::Blank, IdTag::String, IdTag::LangString,
                        IdTag::Typed, IdTag::Typed, IdTag::String};
  for (size_t i = 0; i < std::size(terms); ++i) {
    std::string bytes;
    serializeTerm(terms[i], bytes);
    EXPECT_EQ(dictionaryTag(terms[i]), tags[i]);
    EXPECT_EQ(static_cast<IdTag>(bytes[0]), tags[i]);
    TermView back = deserializeTerm(bytes);
    EXPECT_EQ(back, terms[i]);
  }
  EXPECT_THROW(deserializeTerm(""), StorageError);
  EXPECT_THROW(deserializeTerm("\x09x"), StorageError);
  EXPECT_THROW(deserializeTerm(std::string_view("\x04\x05"
                                                "ab",
                                                4)),
               StorageError);
}

TEST(TermCodec, TermHashIsStableAndSpreads) {
  // Part of the on-disk format: this value must never change.
  EXPECT_EQ(termHash("\x01http://example.org/a"), 0x21666e783ec7cdbbull);
  EXPECT_EQ(termHash(""), termHash(std::string_view()));
  std::set<uint64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    seen.insert(termHash("\x01http://e/" + std::to_string(i)));
  }
  EXPECT_EQ(seen.size(), 10000u);
  EXPECT_NE(termHash(std::string(600, 'a')), termHash(std::string(600, 'a') + "b"));
}

}  // namespace
}  // namespace bdis::rdf
