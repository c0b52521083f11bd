#include "loaders/identifiers.h"

#include <gtest/gtest.h>

#include "loaders/text.h"
#include "loaders/value_checks.h"

namespace bdis::loaders {
namespace {

TEST(Identifiers, Luhn) {
  EXPECT_TRUE(luhnValid("79927398713"));
  EXPECT_FALSE(luhnValid("79927398710"));
  EXPECT_FALSE(luhnValid(""));
  EXPECT_FALSE(luhnValid("12a4"));
  EXPECT_EQ(luhnCheckDigit("7992739871"), '3');
}

TEST(Identifiers, Siren) {
  EXPECT_TRUE(isValidSiren("732829320"));   // passes Luhn
  EXPECT_FALSE(isValidSiren("732829321"));  // wrong key
  EXPECT_FALSE(isValidSiren("73282932"));   // 8 digits
  EXPECT_FALSE(isValidSiren("7328293200"));
  EXPECT_FALSE(isValidSiren("73282932A"));
}

TEST(Identifiers, Siret) {
  EXPECT_TRUE(isValidSiret("73282932000074"));
  EXPECT_FALSE(isValidSiret("73282932000075"));
  EXPECT_FALSE(isValidSiret("7328293200007"));
  // The SIREN part must be valid too, even when the 14 digits pass Luhn.
  std::string badSiren = "732829321";
  std::string partial = badSiren + "0001";
  std::string siret = partial + luhnCheckDigit(partial);
  EXPECT_TRUE(luhnValid(siret));
  EXPECT_FALSE(isValidSiret(siret));
}

TEST(Identifiers, SiretLaPosteException) {
  // La Poste (SIREN 356000000): the digit sum is a multiple of 5, Luhn does not apply.
  EXPECT_TRUE(isValidSiren("356000000"));
  EXPECT_TRUE(isValidSiret("35600000000010"));   // 3+5+6+1 = 15
  EXPECT_TRUE(isValidSiret("35600000049837"));   // 3+5+6+4+9+8+3+7 = 45
  EXPECT_FALSE(isValidSiret("35600000049838"));  // 46
}

TEST(Identifiers, Rna) {
  EXPECT_TRUE(isValidRna("W751234567"));
  EXPECT_TRUE(isValidRna("w751234567"));
  EXPECT_FALSE(isValidRna("W75123456"));
  EXPECT_FALSE(isValidRna("X751234567"));
  EXPECT_FALSE(isValidRna("W7512345A7"));
}

TEST(Identifiers, Normalize) {
  EXPECT_EQ(normalizeIdentifier("732 829 320 00074"), "73282932000074");
  EXPECT_EQ(normalizeIdentifier("732.829.320-00074"), "73282932000074");
  EXPECT_EQ(normalizeIdentifier("732\xC2\xA0"
                                "829\xE2\x80\xAF"
                                "320"),
            "732829320");
  EXPECT_EQ(normalizeIdentifier("w751234567"), "W751234567");
}

TEST(ValueChecks, NormaliseAndReject) {
  std::string out, reason;
  Problem p;
  EXPECT_TRUE(checkValue(ValueCheck::Siret, "732 829 320 00074", out, p, reason));
  EXPECT_EQ(out, "73282932000074");
  EXPECT_FALSE(checkValue(ValueCheck::Siret, "73282932000075", out, p, reason));
  EXPECT_EQ(p, Problem::InvalidIdentifier);
  EXPECT_EQ(reason, "SIRET '73282932000075' fails the Luhn check");
  EXPECT_TRUE(checkValue(ValueCheck::Date, "04/12/2026", out, p, reason));
  EXPECT_EQ(out, "2026-12-04");
  EXPECT_TRUE(checkValue(ValueCheck::Date, "2026-12-04T10:00:00+01:00", out, p, reason));
  EXPECT_EQ(out, "2026-12-04");
  EXPECT_FALSE(checkValue(ValueCheck::Date, "2026-02-30", out, p, reason));
  EXPECT_EQ(p, Problem::BadValue);
  EXPECT_TRUE(checkValue(ValueCheck::PostalCode, "1400", out, p, reason));
  EXPECT_EQ(out, "01400");
  EXPECT_TRUE(checkValue(ValueCheck::Boolean, "Oui", out, p, reason));
  EXPECT_EQ(out, "true");
  EXPECT_TRUE(checkValue(ValueCheck::Decimal, "45,5", out, p, reason));
  EXPECT_EQ(out, "45.5");
  EXPECT_TRUE(checkValue(ValueCheck::Url, "www.amap.fr", out, p, reason));
  EXPECT_EQ(out, "http://www.amap.fr");
  EXPECT_FALSE(checkValue(ValueCheck::Email, "contact.amap.fr", out, p, reason));
  EXPECT_TRUE(checkValue(ValueCheck::Integer, "1 200", out, p, reason));
  EXPECT_EQ(out, "1200");
}

TEST(ValueChecks, Coordinates) {
  double v;
  std::string lex;
  EXPECT_TRUE(parseCoordinate("45,76", 90, v, lex));
  EXPECT_EQ(lex, "45.76");
  EXPECT_DOUBLE_EQ(v, 45.76);
  EXPECT_TRUE(parseCoordinate("-.5", 180, v, lex));
  EXPECT_EQ(lex, "-0.5");
  EXPECT_FALSE(parseCoordinate("95.2", 90, v, lex));
  EXPECT_FALSE(parseCoordinate("quarante", 90, v, lex));
  EXPECT_FALSE(parseCoordinate("", 90, v, lex));
}

TEST(Text, SlugAndUtf8) {
  EXPECT_EQ(slugify("Épicerie Solidaire « L'Épi »"), "epicerie-solidaire-l-epi");
  EXPECT_EQ(slugify("ÉPICERIE SOLIDAIRE L'ÉPI"), "epicerie-solidaire-l-epi");
  EXPECT_EQ(slugify("  Cœur de Ville  "), "coeur-de-ville");
  EXPECT_TRUE(isValidUtf8("Café associatif"));
  EXPECT_FALSE(isValidUtf8("Caf\xE9"));
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));      // overlong
  bool changed;
  EXPECT_EQ(sanitizeUtf8("Caf\xE9!", changed), "Caf\xEF\xBF\xBD!");
  EXPECT_TRUE(changed);
  std::string seg;
  appendIriSegment(seg, "a b/c?d#%");
  EXPECT_EQ(seg, "a%20b%2Fc%3Fd%23%25");
}

}  // namespace
}  // namespace bdis::loaders
