// Dataset isomorphism with blank nodes: exact, including symmetric cases
// where colour refinement alone cannot decide.
#include <gtest/gtest.h>

#include "tests/w3c/isomorphism.h"

namespace bdis::w3c {
namespace {

using rdf::Quad;
using rdf::Term;

Term b(const std::string& l) { return Term::blank(l); }
Term i(const std::string& l) { return Term::iri("http://x/" + l); }

std::vector<Quad> cycle(const std::vector<std::string>& labels, const std::string& prefix) {
  std::vector<Quad> out;
  for (size_t k = 0; k < labels.size(); ++k) {
    out.push_back(
        Quad{b(prefix + labels[k]), i("p"), b(prefix + labels[(k + 1) % labels.size()]), {}});
  }
  return out;
}

TEST(Isomorphism, GroundAndRenamedBlankNodes) {
  const std::vector<Quad> a = {{i("s"), i("p"), b("x"), {}},
                               {b("x"), i("q"), Term::literal("1"), b("g")}};
  const std::vector<Quad> c = {{b("G"), i("q"), Term::literal("1"), {}}};
  const std::vector<Quad> d = {{i("s"), i("p"), b("y"), {}},
                               {b("y"), i("q"), Term::literal("1"), b("h")}};
  EXPECT_TRUE(isomorphic(a, d));
  EXPECT_FALSE(isomorphic(a, c));
  std::string why;
  EXPECT_FALSE(isomorphic({{i("s"), i("p"), i("o"), {}}}, {{i("s"), i("p"), i("o2"), {}}}, &why));
  EXPECT_NE(why.find("o2"), std::string::npos);
}

TEST(Isomorphism, RegularGraphsNeedBacktracking) {
  // One 6-cycle versus two 3-cycles: every node has the same refined colour.
  const auto six = cycle({"a", "b", "c", "d", "e", "f"}, "");
  auto two = cycle({"a", "b", "c"}, "l");
  const auto other = cycle({"a", "b", "c"}, "r");
  two.insert(two.end(), other.begin(), other.end());
  EXPECT_FALSE(isomorphic(six, two));
  EXPECT_TRUE(isomorphic(six, cycle({"f", "e", "d", "c", "b", "a"}, "z")));
  auto relabelled = cycle({"3", "1", "2"}, "m");
  const auto more = cycle({"6", "5", "4"}, "n");
  relabelled.insert(relabelled.end(), more.begin(), more.end());
  EXPECT_TRUE(isomorphic(two, relabelled));
}

TEST(Isomorphism, SetsVersusMultisets) {
  const std::vector<Quad> once = {{b("x"), i("p"), i("o"), {}}};
  const std::vector<Quad> twice = {{b("x"), i("p"), i("o"), {}}, {b("x"), i("p"), i("o"), {}}};
  EXPECT_TRUE(isomorphic(once, twice));
  EXPECT_FALSE(isomorphic(once, twice, nullptr, /*asMultisets=*/true));
  const std::vector<Quad> two = {{b("x"), i("p"), i("o"), {}}, {b("y"), i("p"), i("o"), {}}};
  EXPECT_FALSE(isomorphic(once, two));
}

}  // namespace
}  // namespace bdis::w3c
