// The guard against Serd's _:b1 -> _:B1 renaming, across piece boundaries.
#include <gtest/gtest.h>

#include "rdf/blank_label_guard.h"

namespace bdis::rdf::detail {
namespace {

TEST(BlankLabelGuard, FindsBothSpellingsWhereverPiecesSplit) {
  const std::string text = "x _:b1 y\nzz \"_:c1\" _:B2 .\n";
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    for (size_t cut2 = cut; cut2 <= text.size(); ++cut2) {
      BlankLabelGuard g;
      const std::string_view t(text);
      const bool hit =
          g.scan(t.substr(0, cut)) || g.scan(t.substr(cut, cut2 - cut)) || g.scan(t.substr(cut2));
      ASSERT_TRUE(hit) << cut << " " << cut2;
      EXPECT_EQ(g.line(), 2u) << cut << " " << cut2;
      EXPECT_EQ(g.column(), 11u) << cut << " " << cut2;
    }
  }
}

TEST(BlankLabelGuard, OneSpellingIsFine) {
  BlankLabelGuard g;
  EXPECT_FALSE(g.scan("_:b1 _:b2 _:Bx _:B _:c1 a_:b"));
  EXPECT_FALSE(g.scan("_:b10"));
}

}  // namespace
}  // namespace bdis::rdf::detail
