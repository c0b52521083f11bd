// Format names, extensions and MIME types.
#include <gtest/gtest.h>

#include "rdf/rdf_format.h"

namespace bdis::rdf {
namespace {

TEST(RdfFormat, Names) {
  EXPECT_EQ(formatFromName("NT"), RdfFormat::NTriples);
  EXPECT_EQ(formatFromName("n-triples"), RdfFormat::NTriples);
  EXPECT_EQ(formatFromName("nquads"), RdfFormat::NQuads);
  EXPECT_EQ(formatFromName("Turtle"), RdfFormat::Turtle);
  EXPECT_EQ(formatFromName("trig"), RdfFormat::TriG);
  EXPECT_FALSE(formatFromName("rdfxml"));
}

TEST(RdfFormat, PathsLookThroughCompression) {
  EXPECT_EQ(formatFromPath("/x/data.nt.gz"), RdfFormat::NTriples);
  EXPECT_EQ(formatFromPath("data.NQ.zst"), RdfFormat::NQuads);
  EXPECT_EQ(formatFromPath("a.b/data.ttl"), RdfFormat::Turtle);
  EXPECT_EQ(formatFromPath("data.trig"), RdfFormat::TriG);
  EXPECT_FALSE(formatFromPath("a.ttl/data"));
  EXPECT_FALSE(formatFromPath("data.gz"));
  EXPECT_FALSE(formatFromPath("-"));
}

TEST(RdfFormat, MimeTypesBothWays) {
  for (RdfFormat f : {RdfFormat::NTriples, RdfFormat::NQuads, RdfFormat::Turtle, RdfFormat::TriG}) {
    EXPECT_EQ(formatFromMimeType(mimeType(f)), f);
  }
  EXPECT_EQ(formatFromMimeType("Text/Turtle; charset=utf-8"), RdfFormat::Turtle);
  EXPECT_FALSE(formatFromMimeType("application/ld+json"));
}

}  // namespace
}  // namespace bdis::rdf
