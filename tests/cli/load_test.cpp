// `bdis load`, `dump`, `stats`, `check`: behaviour as users and scripts see it.

#include <unistd.h>

#include <fstream>

#include "tests/cli/cli_fixture.h"

namespace bdis::test {
namespace {

const char* kSample = R"(@prefix ess: <https://w3id.org/bdis/ess#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/i/1> a ess:Initiative ;
  schema:name "AMAP des Lilas"@fr , "Lilas CSA"@en ;
  schema:description "Épicerie \"solidaire\" — café associatif\nà Marseille" ;
  ess:members 42 , "042"^^xsd:integer , -7 ;
  ess:capital 12.50 , 3.5 ;
  ess:active true ;
  ess:founded "2011-05-03"^^xsd:date ;
  ess:short "abc" ;
  ess:siret "44306184100047"^^xsd:string ;
  ess:score 1.5e3 .
)";

TEST_F(CliTest, LoadThenDumpRoundTripsExactly) {
  auto ttl = file("sample.ttl", kSample);
  auto r = bdis({"load", "--store", store(), ttl});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("loaded 14 triples in "), std::string::npos) << r.out;
  EXPECT_EQ(tripleCount(), 14u);
  auto first = dumpLines();
  ASSERT_EQ(first.size(), 14u);
  // Lexical forms are kept exactly, including non-canonical ones.
  auto has = [&](const std::string& s) {
    return std::any_of(first.begin(), first.end(),
                       [&](const std::string& l) { return l.find(s) != std::string::npos; });
  };
  EXPECT_TRUE(has("\"042\"^^<http://www.w3.org/2001/XMLSchema#integer>"));
  EXPECT_TRUE(has("\"12.50\"^^<http://www.w3.org/2001/XMLSchema#decimal>"));
  EXPECT_TRUE(has("\"1.5e3\"^^<http://www.w3.org/2001/XMLSchema#double>"));
  EXPECT_TRUE(has("\"AMAP des Lilas\"@fr"));
  EXPECT_TRUE(has("\"2011-05-03\"^^<http://www.w3.org/2001/XMLSchema#date>"));

  // dump | load into a fresh store | dump gives the same lines.
  auto nq = file("dump.nq", "");
  {
    std::ofstream out(nq);
    for (const auto& l : first) out << l << "\n";
  }
  auto other = (dir() / "other").string();
  r = bdis({"load", "--store", other, nq});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(dumpLines(other), first);
  EXPECT_EQ(bdis({"check", "--store", other}).exitCode, 0);
}

TEST_F(CliTest, NamedGraphsAndDumpFormats) {
  auto a = file("a.nt", "<http://a/s> <http://a/p> \"x\" .\n");
  auto b = file("b.nq", "<http://b/s> <http://b/p> <http://b/o> <http://g/2> .\n"
                        "<http://b/s> <http://b/p> \"d\" .\n");
  ASSERT_EQ(bdis({"load", "--store", store(), "--graph", "http://g/1", a}).exitCode, 0);
  ASSERT_EQ(bdis({"load", "--store", store(), b}).exitCode, 0);
  auto lines = dumpLines();
  std::vector<std::string> expected = {
      "<http://a/s> <http://a/p> \"x\" <http://g/1> .",
      "<http://b/s> <http://b/p> \"d\" .",
      "<http://b/s> <http://b/p> <http://b/o> <http://g/2> .",
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(lines, expected);

  auto one = bdis({"dump", "--store", store(), "--format", "nt", "--graph", "http://g/1"});
  ASSERT_EQ(one.exitCode, 0) << one.err;
  EXPECT_EQ(one.out, "<http://a/s> <http://a/p> \"x\" .\n");
  auto def = bdis({"dump", "--store", store(), "--format", "nt", "--graph", "default"});
  EXPECT_EQ(def.out, "<http://b/s> <http://b/p> \"d\" .\n");
  // A triple format cannot hold named graphs without --graph: a usage error.
  auto bad = bdis({"dump", "--store", store(), "--format", "nt"});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("named graphs"), std::string::npos) << bad.err;
  auto trig = bdis({"dump", "--store", store(), "--format", "trig"});
  EXPECT_EQ(trig.exitCode, 0);
  EXPECT_NE(trig.out.find("<http://g/2>"), std::string::npos);
}

TEST_F(CliTest, SyntaxErrorNamesPositionAndLeavesStoreUnchanged) {
  auto good = file("good.nt", "<http://s> <http://p> <http://o> .\n");
  ASSERT_EQ(bdis({"load", "--store", store(), good}).exitCode, 0);
  auto before = dumpLines();
  auto more = file("more.nt", "<http://s2> <http://p> <http://o> .\n");
  auto bad = file("bad.ttl", "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n");
  auto r = bdis({"load", "--store", store(), more, bad});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("bad.ttl:3:"), std::string::npos) << r.err;
  // All or nothing: the good file of the same load is not there either.
  EXPECT_EQ(dumpLines(), before);
  EXPECT_EQ(bdis({"check", "--store", store()}).exitCode, 0);
}

TEST_F(CliTest, SkipInvalidReportsEachBadLineAndCounts) {
  std::string text;
  for (int i = 0; i < 10; ++i) {
    if (i == 3) text += "<http://s3> <http://p> .\n";
    else if (i == 7) text += "<http://s7> \"lit\" <http://o> .\n";
    else text += "<http://s" + std::to_string(i) + "> <http://p> <http://o> .\n";
  }
  auto f = file("mixed.nt", text);
  auto strict = bdis({"load", "--store", store(), f});
  EXPECT_EQ(strict.exitCode, 1);
  EXPECT_NE(strict.err.find("mixed.nt:4:"), std::string::npos) << strict.err;
  auto r = bdis({"load", "--store", store(), "--skip-invalid", f});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("mixed.nt:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.nt:8:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("2 skipped"), std::string::npos) << r.out;
  EXPECT_EQ(tripleCount(), 8u);
}

TEST_F(CliTest, ReplaceSwapsOneGraph) {
  auto v1 = file("v1.nt", "<http://s> <http://p> \"1\" .\n<http://s> <http://p> \"2\" .\n");
  auto v2 = file("v2.nt", "<http://s> <http://p> \"3\" .\n");
  auto other = file("other.nt", "<http://t> <http://p> \"kept\" .\n");
  ASSERT_EQ(bdis({"load", "--store", store(), "--graph", "http://g", v1}).exitCode, 0);
  ASSERT_EQ(bdis({"load", "--store", store(), "--graph", "http://h", other}).exitCode, 0);
  auto r = bdis({"load", "--store", store(), "--graph", "http://g", "--replace", v2});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::vector<std::string> expected = {"<http://s> <http://p> \"3\" <http://g> .",
                                       "<http://t> <http://p> \"kept\" <http://h> ."};
  EXPECT_EQ(dumpLines(), expected);
  // A failed replacement keeps the old graph.
  auto bad = file("bad.nt", "<http://s> <http://p> \n");
  EXPECT_EQ(bdis({"load", "--store", store(), "--graph", "http://g", "--replace", bad}).exitCode, 1);
  EXPECT_EQ(dumpLines(), expected);
}

TEST_F(CliTest, CompressedAndStdinInputs) {
  std::string nt;
  for (int i = 0; i < 1000; ++i) {
    nt += "<http://s/" + std::to_string(i) + "> <http://p> \"v" + std::to_string(i) + "\" .\n";
  }
  auto plain = file("data.nt", nt);
  ASSERT_EQ(run({"/bin/sh", "-c", "gzip -k " + plain + " && zstd -q -k " + plain}).exitCode, 0);
  auto a = (dir() / "a").string(), b = (dir() / "b").string(), c = (dir() / "c").string();
  ASSERT_EQ(bdis({"load", "--store", a, plain + ".gz"}).exitCode, 0);
  ASSERT_EQ(bdis({"load", "--store", b, plain + ".zst"}).exitCode, 0);
  auto r = bdis({"load", "--store", c, "--format", "nt", "-"}, nt);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(tripleCount(a), 1000u);
  EXPECT_EQ(dumpLines(a), dumpLines(b));
  EXPECT_EQ(dumpLines(a), dumpLines(c));
  // A corrupt compressed file is an error, not a partial load.
  auto broken = file("broken.nt.gz", "this is not gzip data at all");
  auto bad = bdis({"load", "--store", a, broken});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_EQ(tripleCount(a), 1000u);
}

TEST_F(CliTest, BlankNodesAreScopedPerFile) {
  auto f1 = file("one.ttl", "_:x <http://p> \"1\" .\n");
  auto f2 = file("two.ttl", "_:x <http://p> \"2\" .\n");
  ASSERT_EQ(bdis({"load", "--store", store(), f1, f2}).exitCode, 0);
  auto lines = dumpLines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].substr(0, lines[0].find(' ')), lines[1].substr(0, lines[1].find(' ')));
  // Loading the same file twice gives two distinct nodes too.
  ASSERT_EQ(bdis({"load", "--store", store(), f1}).exitCode, 0);
  EXPECT_EQ(tripleCount(), 3u);
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  auto f = file("x.dat", "<http://s> <http://p> <http://o> .\n");
  EXPECT_EQ(bdis({"load", "--store", store(), "--format", "xml", f}).exitCode, 2);
  EXPECT_EQ(bdis({"load", "--store", store(), "--memory-limit", "lots", f}).exitCode, 2);
  EXPECT_EQ(bdis({"frobnicate"}).exitCode, 2);
  auto r = bdis({"load", "--store", store(), f});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingStoreIsAClearError) {
  auto r = bdis({"stats", "--store", (dir() / "nowhere").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
}

TEST_F(CliTest, ReadOnlyFolderIsAClearError) {
  if (geteuid() == 0) {
    GTEST_SKIP() << "running as root: file permissions do not stop root, so a read-only "
                    "folder cannot be simulated";
  }
  std::filesystem::create_directories(store());
  std::filesystem::permissions(store(), std::filesystem::perms::owner_read |
                                            std::filesystem::perms::owner_exec);
  auto f = file("x.nt", "<http://s> <http://p> <http://o> .\n");
  auto r = bdis({"load", "--store", store(), f});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
}

TEST_F(CliTest, SmallMemoryLimitStillLoadsEverything) {
  std::string nt;
  for (int i = 0; i < 200000; ++i) {
    nt += "<http://s/" + std::to_string(i % 5000) + "> <http://p/" + std::to_string(i % 7) +
          "> \"" + std::to_string(i) + "\" .\n";
  }
  auto f = file("big.nt", nt);
  auto r = bdis({"load", "--store", store(), "--memory-limit", "1M", f});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(tripleCount(), 200000u);
  EXPECT_EQ(bdis({"check", "--store", store()}).exitCode, 0);
}

}  // namespace
}  // namespace bdis::test

namespace bdis::test {
namespace {

TEST_F(CliTest, QueryAndUpdateCommands) {
  auto f = file("d.nt", "<http://s> <http://p> \"1\" .\n");
  ASSERT_EQ(bdis({"load", "--store", store(), f}).exitCode, 0);
  auto u = bdis({"update", "--store", store(), "INSERT DATA { <http://s> <http://p> \"2\" }"});
  ASSERT_EQ(u.exitCode, 0) << u.err;
  auto q = bdis({"query", "--store", store(), "--format", "csv",
                 "SELECT ?o WHERE { <http://s> <http://p> ?o } ORDER BY ?o"});
  ASSERT_EQ(q.exitCode, 0) << q.err;
  EXPECT_EQ(q.out, "o\r\n1\r\n2\r\n");
  // JSON by default when stdout is not a terminal.
  auto j = bdis({"query", "--store", store(), "ASK { <http://s> ?p ?o }"});
  EXPECT_NE(j.out.find("\"boolean\":true"), std::string::npos) << j.out;
  // A bad query: exit 1 with line and column.
  auto bad = bdis({"query", "--store", store(), "SELECT ?x WHERE {\n ?x ?y }}"});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.err.find("2:"), std::string::npos) << bad.err;
  // A failed update changes nothing.
  auto failed = bdis({"update", "--store", store(),
                      "INSERT DATA { <http://s> <http://p> \"3\" } ; LOAD <file:///no/such.ttl>"});
  EXPECT_EQ(failed.exitCode, 1);
  EXPECT_EQ(tripleCount(), 2u);
  auto explain = bdis({"query", "--store", store(), "--explain", "--format", "csv",
                       "SELECT * WHERE { ?s ?p ?o }"});
  EXPECT_EQ(explain.exitCode, 0);
  EXPECT_FALSE(explain.err.empty());
}

}  // namespace
}  // namespace bdis::test
