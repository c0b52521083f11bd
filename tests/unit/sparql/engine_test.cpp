// The query engine end to end on small stores built from inline Turtle/TriG:
// joins, OPTIONAL/UNION/MINUS, aggregates, property paths, datasets, graph
// results, limits (deadline, memory budget, cancellation) and EXPLAIN.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>

#include "rdf/error.h"
#include "rdf/intern_sink.h"
#include "rdf/rdf_reader.h"
#include "rdf/sort_key_cache.h"
#include "rdf/store.h"
#include "sparql/engine.h"
#include "tests/support/shared_path.h"

namespace bdis::sparql {
namespace {

/// Collects results as text: one "?v=term ..." line per row, sorted unless ordered.
struct Rows : ResultSink {
  std::vector<std::string> vars, rows, triples;
  std::optional<bool> answer;
  void begin(QueryForm, const std::vector<std::string>& v) override { vars = v; }
  void row(std::span<const rdf::TermView> values) override {
    std::string line;
    for (size_t i = 0; i < values.size(); ++i)
      if (!values[i].isNone()) line += (line.empty() ? "" : " ") + vars[i] + "=" + rdf::toNTriples(values[i]);
    rows.push_back(line);
  }
  void boolean(bool b) override { answer = b; }
  void triple(const rdf::QuadView& q) override {
    triples.push_back(rdf::toNTriples(q.s) + " " + rdf::toNTriples(q.p) + " " + rdf::toNTriples(q.o));
  }
  void end() override {}
};

/// The sorted rows of a query on `store`, over the union default graph when asked.
std::vector<std::string> rowsOf(rdf::Store& store, const std::string& q, bool unionDefault) {
  auto r = store.beginRead();
  QueryRequest req;
  req.text = "PREFIX : <http://example.org/>\n" + q;
  req.unionDefaultGraph = unionDefault;
  Rows rows;
  executeQuery(*r, req, rows);
  std::sort(rows.rows.begin(), rows.rows.end());
  return rows.rows;
}

class Engine : public ::testing::Test {
 protected:
  void load(std::string_view trig) {
    store_ = rdf::Store::open(dir_.path());
    auto txn = store_->beginWrite();
    rdf::ReadOptions o;
    o.format = rdf::RdfFormat::TriG;
    o.baseIri = "http://example.org/";
    rdf::InternSink l(*txn);
    rdf::readBuffer(std::string("@prefix : <http://example.org/> .\n") + std::string(trig), o, l);
    txn->insertBatch(l.quads);
    txn->commit();
  }
  Rows run(const std::string& q, QueryLimits limits = {}, QueryStats* stats = nullptr,
           bool sorted = true, PlanOptions plan = {}) {
    auto r = store_->beginRead();
    QueryRequest req;
    req.text = "PREFIX : <http://example.org/>\n" + q;
    req.limits = limits;
    req.plan = plan;
    req.explain = stats != nullptr;
    Rows rows;
    QueryStats st = executeQuery(*r, req, rows);
    if (stats) *stats = st;
    if (sorted) {
      std::sort(rows.rows.begin(), rows.rows.end());
      std::sort(rows.triples.begin(), rows.triples.end());
    }
    return rows;
  }
  std::vector<std::string> select(const std::string& q) { return run(q).rows; }
  /// Expects each query to give the same rows under plans `a` and `b` (in the same
  /// order unless `sorted`).
  void expectSameRows(const std::vector<std::string>& queries, const PlanOptions& a,
                      const PlanOptions& b, bool sorted = true) {
    for (const auto& q : queries) {
      QueryStats st;
      auto rows = run(q, {}, &st, sorted, a);
      EXPECT_EQ(rows.rows, run(q, {}, nullptr, sorted, b).rows) << q << "\n" << st.explain;
    }
  }

  test::TempDir dir_;
  std::unique_ptr<rdf::Store> store_;
};

using Strings = std::vector<std::string>;

TEST_F(Engine, StarJoinAndHashJoin) {
  load(":a :name \"A\" ; :age 30 . :b :name \"B\" ; :age 40 . :c :name \"C\" .");
  EXPECT_EQ(select("SELECT ?s ?n WHERE { ?s :name ?n ; :age ?a FILTER(?a > 35) }"),
            (Strings{"s=<http://example.org/b> n=\"B\""}));
  // Both sides of the join are unions (not index-joinable): a hash join on ?s.
  EXPECT_EQ(select("SELECT ?s WHERE { { ?s :name \"A\" } UNION { ?s :name \"B\" } "
                   "{ ?s :age 30 } UNION { ?s :age 31 } }"),
            (Strings{"s=<http://example.org/a>"}));
}

TEST_F(Engine, OptionalUnionMinus) {
  load(":a :p 1 . :b :p 2 . :a :q \"x\" . :c :r 3 .");
  EXPECT_EQ(select("SELECT ?s ?o WHERE { ?s :p ?v OPTIONAL { ?s :q ?o } }"),
            (Strings{"s=<http://example.org/a> o=\"x\"", "s=<http://example.org/b>"}));
  EXPECT_EQ(select("SELECT ?s WHERE { { ?s :p 1 } UNION { ?s :r 3 } }"),
            (Strings{"s=<http://example.org/a>", "s=<http://example.org/c>"}));
  EXPECT_EQ(select("SELECT ?s WHERE { ?s :p ?v MINUS { ?s :q ?o } }"),
            (Strings{"s=<http://example.org/b>"}));
  // MINUS with no shared variable removes nothing.
  EXPECT_EQ(select("SELECT ?s WHERE { ?s :p ?v MINUS { ?x :q ?o } }").size(), 2u);
  // OPTIONAL with a filter that mentions both sides.
  EXPECT_EQ(select("SELECT ?s ?o WHERE { ?s :p ?v OPTIONAL { ?s :q ?o FILTER(?v > 1) } }"),
            (Strings{"s=<http://example.org/a>", "s=<http://example.org/b>"}));
}

TEST_F(Engine, AggregatesOrderAndSlice) {
  load(":a :v 3 . :b :v 1 . :c :v 2 . :a :t :x . :b :t :x . :c :t :y .");
  EXPECT_EQ(select("SELECT ?t (COUNT(*) AS ?n) (SUM(?v) AS ?s) WHERE { ?x :t ?t ; :v ?v } GROUP BY ?t"),
            (Strings{"t=<http://example.org/x> n=\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> "
                     "s=\"4\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                     "t=<http://example.org/y> n=\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> "
                     "s=\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
  auto top = run("SELECT ?x WHERE { ?x :v ?v } ORDER BY DESC(?v) LIMIT 2", {}, nullptr, false);
  EXPECT_EQ(top.rows, (Strings{"x=<http://example.org/a>", "x=<http://example.org/c>"}));
  EXPECT_EQ(select("SELECT (COUNT(*) AS ?n) WHERE { ?x :nothing ?v }"),
            (Strings{"n=\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
  EXPECT_EQ(select("SELECT DISTINCT ?t WHERE { ?x :t ?t }").size(), 2u);
}

TEST_F(Engine, IdLevelAggregatesAndIntegerFilters) {
  // Inline integers mixed with a decimal, a double, a string and an unbound value.
  load(":a :g :x ; :v 1 . :b :g :x ; :v 2 . :c :g :x ; :v 2.5 . "
       ":d :g :y ; :v 4 . :e :g :y ; :v 1.0e1 . :f :g :z ; :v \"s\" . :h :g :w .");
  const std::string xsd = "^^<http://www.w3.org/2001/XMLSchema#";
  EXPECT_EQ(select("SELECT ?g (SUM(?v) AS ?s) (AVG(?v) AS ?m) (COUNT(?v) AS ?n) (COUNT(*) AS ?all) "
                   "WHERE { ?x :g ?g OPTIONAL { ?x :v ?v } } GROUP BY ?g"),
            (Strings{"g=<http://example.org/w> n=\"0\"" + xsd + "integer> all=\"1\"" + xsd + "integer>",
                     "g=<http://example.org/x> s=\"5.5\"" + xsd + "decimal> m=\"1.83333333333333333333\"" +
                         xsd + "decimal> n=\"3\"" + xsd + "integer> all=\"3\"" + xsd + "integer>",
                     "g=<http://example.org/y> s=\"1.4E1\"" + xsd + "double> m=\"7.0E0\"" + xsd +
                         "double> n=\"2\"" + xsd + "integer> all=\"2\"" + xsd + "integer>",
                     "g=<http://example.org/z> n=\"1\"" + xsd + "integer> all=\"1\"" + xsd + "integer>"}));
  // Integers only: SUM stays an integer, AVG is a decimal.
  EXPECT_EQ(select("SELECT (SUM(?v) AS ?s) (AVG(?v) AS ?m) WHERE { VALUES ?x { :a :b :d } ?x :v ?v }"),
            (Strings{"s=\"7\"" + xsd + "integer> m=\"2.33333333333333333333\"" + xsd + "decimal>"}));
  // Integer comparisons on ids, and the same filter over non-integer values.
  EXPECT_EQ(select("SELECT ?x WHERE { ?x :v ?v FILTER(?v >= 2 && 4 > ?v) }"),
            (Strings{"x=<http://example.org/b>", "x=<http://example.org/c>"}));
  // The string goes through the evaluator (a simple literal and a number are
  // known to be different values).
  EXPECT_EQ(select("SELECT ?x WHERE { ?x :v ?v FILTER(?v != 2) }"),
            (Strings{"x=<http://example.org/a>", "x=<http://example.org/c>",
                     "x=<http://example.org/d>", "x=<http://example.org/e>",
                     "x=<http://example.org/f>"}));
}

TEST_F(Engine, PropertyPaths) {
  load(":a :p :b . :b :p :c . :c :p :a . :a :q :d . :d :r :e .");
  EXPECT_EQ(select("SELECT ?x WHERE { :a :p+ ?x }"),
            (Strings{"x=<http://example.org/a>", "x=<http://example.org/b>", "x=<http://example.org/c>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :d :p* ?x }"), (Strings{"x=<http://example.org/d>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :a :q/:r ?x }"), (Strings{"x=<http://example.org/e>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :b ^:p ?x }"), (Strings{"x=<http://example.org/a>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :a !:p ?x }"), (Strings{"x=<http://example.org/d>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :a (:p|:q) ?x }"),
            (Strings{"x=<http://example.org/b>", "x=<http://example.org/d>"}));
  EXPECT_EQ(select("SELECT ?x WHERE { :a :q? ?x }"),
            (Strings{"x=<http://example.org/a>", "x=<http://example.org/d>"}));
  // Zero-length with two variables ranges over every node of the graph.
  EXPECT_EQ(select("SELECT ?x WHERE { ?x :nothing* ?x }").size(), 5u);
  // A constant not in the graph still matches itself by a zero-length path.
  EXPECT_EQ(select("SELECT ?x WHERE { :zz :p* ?x }"), (Strings{"x=<http://example.org/zz>"}));
}

TEST_F(Engine, DatasetsAndGraphs) {
  load(":s :p 1 . :g1 { :s :p 2 . :t :p 3 . :s :p 3 } :g2 { :s :p 3 }");
  EXPECT_EQ(select("SELECT ?o WHERE { :s :p ?o }"),
            (Strings{"o=\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
  EXPECT_EQ(select("SELECT DISTINCT ?g WHERE { GRAPH ?g { :s :p ?o } }"),
            (Strings{"g=<http://example.org/g1>", "g=<http://example.org/g2>"}));
  // FROM merges the graphs into the default graph.
  EXPECT_EQ(select("SELECT ?o FROM :g1 FROM :g2 WHERE { ?x :p ?o }").size(), 3u);
  // The merge counts a triple present in both graphs once.
  EXPECT_EQ(select("SELECT ?x FROM :g1 FROM :g2 WHERE { ?x :p 3 }").size(), 2u);
  EXPECT_EQ(select("SELECT ?g FROM NAMED :g2 WHERE { GRAPH ?g { ?x :p ?o } }"),
            (Strings{"g=<http://example.org/g2>"}));
  EXPECT_TRUE(select("SELECT * WHERE { GRAPH :nope { ?x ?p ?o } }").empty());
}

TEST_F(Engine, UnionDefaultGraph) {
  load(":s :p 1 . :g1 { :s :p 2 . :t :p 3 . :s :p 3 } :g2 { :s :p 3 }");
  auto unionRows = [&](const std::string& q) { return rowsOf(*store_, q, true); };
  const std::string i = "^^<http://www.w3.org/2001/XMLSchema#integer>";
  // The store's default graph and every named graph, a triple in two graphs once.
  EXPECT_EQ(unionRows("SELECT ?o WHERE { :s :p ?o }"),
            (Strings{"o=\"1\"" + i, "o=\"2\"" + i, "o=\"3\"" + i}));
  EXPECT_EQ(select("SELECT ?o WHERE { :s :p ?o }"), (Strings{"o=\"1\"" + i}));
  // Named graphs and explicit datasets are unchanged.
  EXPECT_EQ(unionRows("SELECT DISTINCT ?g WHERE { GRAPH ?g { :s :p 3 } }"),
            (Strings{"g=<http://example.org/g1>", "g=<http://example.org/g2>"}));
  EXPECT_EQ(unionRows("SELECT ?o FROM :g2 WHERE { :s :p ?o }"), (Strings{"o=\"3\"" + i}));
}

TEST_F(Engine, UnionDefaultGraphEqualsOneMergedGraph) {
  // Triples spread over the default graph and three named graphs, many in several of
  // them: every query over the union default graph answers as over one store holding
  // their merge in its default graph (patterns, joins, paths, negated sets, counts).
  std::mt19937 rng(5);
  std::string trig, flat;
  const std::vector<std::string> graphs = {"", ":g1", ":g2", ":g3"};
  for (const auto& g : graphs) {
    std::string body;
    for (int i = 0; i < 150; ++i) {
      const std::string t = ":n" + std::to_string(rng() % 30) + (rng() % 3 ? " :p " : " :q ") +
                            ":n" + std::to_string(rng() % 30) + " .\n";
      body += t;
      flat += t;
    }
    trig += g.empty() ? body : g + " { " + body + "}\n";
  }
  load(trig);
  test::TempDir flatDir;
  auto flatStore = rdf::Store::open(flatDir.path());
  {
    auto txn = flatStore->beginWrite();
    rdf::ReadOptions o;
    o.format = rdf::RdfFormat::TriG;
    rdf::InternSink l(*txn);
    rdf::readBuffer("@prefix : <http://example.org/> .\n" + flat, o, l);
    txn->insertBatch(l.quads);
    txn->commit();
  }
  for (const std::string q : {
           "SELECT ?s ?o WHERE { ?s :p ?o }",
           "SELECT * WHERE { ?s ?x ?o }",
           "SELECT ?s ?o ?z WHERE { ?s :p ?o . ?o :q ?z }",
           "SELECT ?z WHERE { :n3 :p ?o . ?o ?x ?z }",
           "SELECT ?o WHERE { :n1 :p+ ?o }",
           "SELECT ?s ?o WHERE { ?s :p/:q ?o }",
           "SELECT ?o WHERE { :n2 (:p|:q)* ?o }",
           "SELECT ?s ?o WHERE { ?s (:p|^:q) ?o }",
           "SELECT ?o WHERE { :n4 :p? ?o }",
           "SELECT ?s ?o WHERE { ?s !:p ?o }",
           "SELECT (COUNT(*) AS ?c) WHERE { ?s :p ?o }",
       }) {
    auto merged = rowsOf(*store_, q, true);
    EXPECT_EQ(merged, rowsOf(*flatStore, q, false)) << q;
    EXPECT_FALSE(merged.empty()) << q;
  }
}

TEST_F(Engine, AskConstructDescribe) {
  load(":a :p :b . :a :q [ :r 1 ] . :b :p :c .");
  EXPECT_EQ(run("ASK { :a :p :b }").answer, true);
  EXPECT_EQ(run("ASK { :a :p :c }").answer, false);
  auto c = run("CONSTRUCT { ?x :linked ?y . ?x :linked ?y } WHERE { ?x :p ?y }");
  EXPECT_EQ(c.triples.size(), 2u);
  auto d = run("DESCRIBE :a");
  EXPECT_EQ(d.triples.size(), 3u);  // two triples of :a and the blank node's one
}

TEST_F(Engine, ServiceAndErrors) {
  load(":a :p 1 .");
  EXPECT_THROW(run("SELECT * WHERE { SERVICE <http://remote/> { ?s ?p ?o } }"), ExecutionError);
  EXPECT_EQ(run("SELECT * WHERE { SERVICE SILENT <http://remote/> { ?s ?p ?o } }").rows.size(), 1u);
  EXPECT_THROW(run("SELECT WHERE {"), SyntaxError);
}

TEST_F(Engine, TimeoutStopsCrossProduct) {
  std::string data;
  for (int i = 0; i < 300; ++i) data += ":s" + std::to_string(i) + " :p " + std::to_string(i) + " .\n";
  load(data);
  QueryLimits limits;
  limits.timeout = std::chrono::milliseconds(200);
  try {
    run("SELECT (COUNT(*) AS ?n) WHERE { ?a :p ?x . ?b :p ?y . ?c :p ?z }", limits);
    FAIL() << "expected a timeout";
  } catch (const ExecutionError& e) {
    EXPECT_NE(std::string(e.what()).find("timed out after 200 ms"), std::string::npos) << e.what();
  }
}

TEST_F(Engine, MemoryBudgetAndCancel) {
  std::string data;
  for (int i = 0; i < 200; ++i) data += ":s" + std::to_string(i) + " :p " + std::to_string(i) + " .\n";
  load(data);
  QueryLimits limits;
  limits.memoryBytes = 1 << 20;
  try {
    run("SELECT ?x ?y WHERE { ?a :p ?x . ?b :p ?y } ORDER BY ?x ?y", limits);
    FAIL() << "expected the memory budget to be exceeded";
  } catch (const ExecutionError& e) {
    EXPECT_NE(std::string(e.what()).find("memory budget of 1 MB"), std::string::npos) << e.what();
  }
  std::atomic<bool> cancel{true};
  QueryLimits c;
  c.cancel = &cancel;
  EXPECT_THROW(run("SELECT * WHERE { ?a :p ?x }", c), ExecutionError);
}

TEST_F(Engine, MergeJoinStarMatchesIndexJoin) {
  std::string data;
  for (int i = 0; i < 500; ++i)
    data += ":s" + std::to_string(i) + " :type :" + (i % 3 == 0 ? "Org" : "Person") + " ; :region :r" +
            std::to_string(i % 7) + " ; :name \"n" + std::to_string(i) + "\" .\n";
  load(data);
  QueryStats st;
  auto merged = run("SELECT ?s ?n WHERE { ?s :type :Org . ?s :region :r1 . ?s :name ?n }", {}, &st);
  EXPECT_NE(st.explain.find("MergeJoin"), std::string::npos) << st.explain;
  // The same join written so that no merge applies (the name pattern first binds ?s).
  auto nested = run("SELECT ?s ?n WHERE { ?s :name ?n . ?s :type ?t . ?s :region ?r "
                    "FILTER(?t = :Org && ?r = :r1) }");
  EXPECT_EQ(merged.rows, nested.rows);
  size_t expected = 0;
  for (int i = 0; i < 500; ++i) expected += (i % 3 == 0 && i % 7 == 1) ? 1 : 0;
  EXPECT_EQ(merged.rows.size(), expected);
}

TEST_F(Engine, SubjectMergeMatchesHashAndIndexJoins) {
  // Multi-valued and missing properties, shared objects, a named graph with the same
  // subjects, and values of several kinds: every answer must be the same with the
  // PSOG/POSG merge join and without it.
  std::string data;
  for (int i = 0; i < 400; ++i) {
    std::string s = ":s" + std::to_string(i);
    if (i % 5 != 0) data += s + " :org :n" + std::to_string(i % 4) + " .\n";
    if (i % 7 != 0) data += s + " :member :m" + std::to_string(i % 9) + " .\n";
    if (i % 11 == 0) data += s + " :member :extra , :m" + std::to_string(i % 9 + 1) + " .\n";
    if (i % 3 == 0) data += s + " :age " + std::to_string(i) + " .\n";
    if (i % 13 == 0) data += s + " :age \"x\" .\n";
    data += s + " :type :" + (i % 2 ? "A" : "B") + " .\n";
  }
  data += "GRAPH :g { :s1 :org :n9 ; :member :m9 . :s2 :org :n8 . }\n";
  load(data);
  PlanOptions off;
  off.subjectMerge = false;
  const std::vector<std::string> queries = {
      "SELECT ?s ?n ?m WHERE { ?s :org ?n ; :member ?m }",
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?s ?m ?a WHERE { ?s :type :A ; :member ?m ; :age ?a }",
      "SELECT ?s ?a WHERE { ?s :org ?n ; :age ?a FILTER(?a >= 30 && ?a < 200) }",
      "SELECT ?s ?m ?x WHERE { ?s :org :n1 ; :member ?m . ?m ?p ?x }",
      "SELECT ?s ?n WHERE { ?s :org ?n ; :member ?n }",
      "SELECT ?s ?n WHERE { GRAPH :g { ?s :org ?n ; :member ?m } }",
      "SELECT ?g ?s WHERE { GRAPH ?g { ?s :org ?n ; :member ?m } }",
      "SELECT ?s WHERE { ?s :type :B FILTER EXISTS { ?s :org ?n ; :member ?m } }",
      "SELECT ?s ?n WHERE { ?s :type :A OPTIONAL { ?s :org ?n ; :member ?m } }",
      "SELECT ?s ?m WHERE { VALUES ?m { :m1 :extra } { SELECT ?s ?m WHERE { ?s :org ?n ; :member ?m } } }",
      "SELECT ?s ?m WHERE { ?s :member ?m { ?s :org ?n ; :age ?a } }",
  };
  expectSameRows(queries, {}, off);
  QueryStats st;
  auto rows = run(queries[0], {}, &st);
  EXPECT_NE(st.explain.find("SubjectMerge on ?s"), std::string::npos) << st.explain;
  size_t expected = 0;
  for (int i = 0; i < 400; ++i)
    if (i % 5 != 0) expected += (i % 7 != 0 ? 1 : 0) + (i % 11 == 0 ? 2 : 0);
  EXPECT_EQ(rows.rows.size(), expected);
}

TEST_F(Engine, SubjectMergeCountMatchesGroup) {
  // Groups counted off the merge's runs: keyed on the subject, on a single-valued or
  // multi-valued run, with repeated and missing values, in a named graph, under
  // HAVING, in a subquery joined with outer rows; the same answers as Group over rows.
  std::string data;
  for (int i = 0; i < 300; ++i) {
    std::string s = ":s" + std::to_string(i);
    if (i % 5 != 0) data += s + " :org :n" + std::to_string(i % 4) + " .\n";
    if (i % 17 == 0) data += s + " :org :n7 .\n";
    if (i % 7 != 0) data += s + " :member :m" + std::to_string(i % 9) + " .\n";
    if (i % 11 == 0) data += s + " :member :extra , :m" + std::to_string(i % 9 + 1) + " .\n";
    data += s + " :type :" + (i % 2 ? "A" : "B") + " .\n";
    if (i % 3 == 0) data += s + " :age " + std::to_string(i * 37 - 4000) + " .\n";
    if (i % 19 == 0) data += s + " :age " + std::to_string(i + 1) + " .\n";
    if (i % 4 == 0) data += s + " :mixed " + (i % 8 ? std::to_string(i) : "2.5") + " .\n";
  }
  data += "GRAPH :g { :s1 :org :n9 ; :member :m9 , :m8 . :s2 :org :n8 . }\n";
  load(data);
  PlanOptions off;
  off.groupCount = false;
  const std::vector<std::string> queries = {
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?n (COUNT(*) AS ?c) (COUNT(?s) AS ?d) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?m (COUNT(*) AS ?c) WHERE { ?s :org ?n ; :member ?m ; :type :A } GROUP BY ?m",
      "SELECT ?s (COUNT(*) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?s",
      "SELECT (COUNT(*) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n "
      "HAVING(COUNT(?m) > 40) ORDER BY DESC(?c)",
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { GRAPH :g { ?s :org ?n ; :member ?m } } GROUP BY ?n",
      "SELECT ?n ?c WHERE { ?x :org ?n { SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; "
      ":member ?m } GROUP BY ?n } }",
      "SELECT ?n (COUNT(DISTINCT ?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?n (SAMPLE(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?n } GROUP BY ?n",
      "SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m ; :nothing ?z } GROUP BY ?n",
      "SELECT ?n (COUNT(*) AS ?c) (SUM(?a) AS ?t) (AVG(?a) AS ?v) WHERE { ?s :org ?n ; :age ?a } "
      "GROUP BY ?n",
      "SELECT ?m (AVG(?a) AS ?v) (SUM(?a) AS ?t) WHERE { ?s :org ?n ; :member ?m ; :age ?a } "
      "GROUP BY ?m",
      "SELECT ?s (SUM(?a) AS ?t) WHERE { ?s :member ?m ; :age ?a } GROUP BY ?s",
      "SELECT ?n (SUM(?x) AS ?t) (AVG(?x) AS ?v) WHERE { ?s :org ?n ; :mixed ?x } GROUP BY ?n",
      "SELECT ?a (SUM(?a) AS ?t) WHERE { ?s :org ?n ; :age ?a } GROUP BY ?a",
  };
  // Split: the subjects counted in two halves on two threads whatever the runs' sizes;
  // the same groups in the same (first-seen) order as one pass.
  PlanOptions split, single;
  split.parallelCountMinQuads = 1;
  single.parallelCountMinQuads = 0;
  expectSameRows(queries, {}, off);
  expectSameRows(queries, split, single, false);
  QueryStats st;
  run(queries[0], {}, &st, true, split);
  EXPECT_NE(st.explain.find("in two halves"), std::string::npos) << st.explain;
  run(queries[3], {}, &st, true, split);  // keyed on the subject: one group each, not split
  EXPECT_EQ(st.explain.find("in two halves"), std::string::npos) << st.explain;
  auto rows = run(queries[0], {}, &st);
  EXPECT_NE(st.explain.find("SubjectMergeCount by ?n"), std::string::npos) << st.explain;
  EXPECT_EQ(rows.rows.size(), 5u);
  run(queries[8], {}, &st);
  EXPECT_EQ(st.explain.find("SubjectMergeCount"), std::string::npos) << st.explain;
  run(queries[12], {}, &st);  // integer SUM and AVG counted off the runs too
  EXPECT_NE(st.explain.find("SubjectMergeCount"), std::string::npos) << st.explain;
  run(queries[15], {}, &st);  // not over a predicate with a decimal object
  EXPECT_EQ(st.explain.find("SubjectMergeCount"), std::string::npos) << st.explain;
}

TEST_F(Engine, SubjectRangeJoinMatchesHashJoin) {
  // 2,600 rows joined with a 12,000-quad range on its subject: subjects with two
  // values, none, several rows each, a value the rows bind already; the same answers
  // as the hash join built on the rows.
  std::string data;
  for (int i = 0; i < 12000; ++i) {
    std::string s = ":s" + std::to_string(i);
    if (i % 97 != 0) data += s + " :name \"n" + std::to_string(i % 5000) + "\" .\n";
    if (i % 50 == 0) data += s + " :name \"other\"@en , 7 .\n";
  }
  for (int j = 0; j < 2600; ++j)
    data += ":x" + std::to_string(j) + " :member :s" + std::to_string((j * 7) % 12000) +
            (j % 13 == 0 ? " , :s" + std::to_string(j) : std::string()) + " ; :label \"n" +
            std::to_string(j % 40) + "\" .\n";
  load(data);
  PlanOptions off;
  off.subjectRangeJoin = false;
  const std::vector<std::string> queries = {
      "SELECT ?x ?s ?n WHERE { ?x :member ?s . ?s :name ?n }",
      "SELECT ?n WHERE { ?x :member/:name ?n } ORDER BY ?n LIMIT 30",
      "SELECT ?x ?n WHERE { ?x :member ?s . ?s :name ?n FILTER(isLiteral(?n) && ?n != 7) }",
      "SELECT ?x WHERE { ?x :label ?l FILTER EXISTS { ?x :member ?s . ?s :name ?l } }",
      "SELECT ?x ?n WHERE { ?x :label ?n { ?x :member ?s . ?s :name ?n } }",
      "SELECT (COUNT(*) AS ?c) WHERE { ?x :member ?s . ?s :name ?n }",
  };
  expectSameRows(queries, {}, off);
  QueryStats st;
  auto rows = run(queries[0], {}, &st);
  EXPECT_NE(st.explain.find("SubjectRangeJoin on ?s"), std::string::npos) << st.explain;
  size_t expected = 0;
  for (int j = 0; j < 2600; ++j)
    for (int i : {(j * 7) % 12000, j % 13 == 0 && j != 0 ? j : -1})  // :s0 once for :x0
      if (i >= 0) expected += (i % 97 != 0 ? 1 : 0) + (i % 50 == 0 ? 2 : 0);
  EXPECT_EQ(rows.rows.size(), expected);
}

TEST_F(Engine, SubjectOptionalsMatchLeftJoins) {
  // Missing and repeated values, a hub subject with more quads than one scan reads,
  // a named graph, and EXISTS seeds that bind an optional variable.
  std::string data;
  for (int i = 0; i < 200; ++i) {
    std::string s = ":s" + std::to_string(i);
    data += s + " a :T ; :zip " + std::to_string(i % 3) + " .\n";
    if (i % 4) data += s + " :name \"n" + std::to_string((i * 37) % 200) + "\" .\n";
    if (i % 10 == 0) data += s + " :name \"alt" + std::to_string(i) + "\" .\n";
    if (i % 3) data += s + " :emp " + std::to_string(i % 17) + " .\n";
  }
  for (int i = 0; i < 700; ++i) data += ":s5 :link :x" + std::to_string(i) + " .\n";
  data += "GRAPH :g { :s1 a :T ; :zip 1 ; :name \"g1\" . :s2 a :T ; :zip 1 . }\n";
  load(data);
  PlanOptions off;
  off.subjectOptionals = false;
  const std::vector<std::string> queries = {
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s :zip 2 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } "
      "OPTIONAL { ?s :nothing ?z } OPTIONAL { ?s :link ?l } }",
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } "
      "FILTER(?s != :s4 && !BOUND(?e)) }",
      "SELECT ?s ?n ?m WHERE { ?s :zip 0 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :name ?m } }",
      "SELECT ?s ?n WHERE { GRAPH :g { ?s a :T OPTIONAL { ?s :name ?n } OPTIONAL { ?s :zip ?z } } }",
      "SELECT ?x WHERE { ?x :emp ?e FILTER EXISTS { ?x :zip ?z OPTIONAL { ?x :name ?n } "
      "OPTIONAL { ?x :emp ?e } FILTER(BOUND(?e)) } }",
  };
  // Every batch probed in two halves on two threads, or none: the same rows in the
  // same order.
  PlanOptions halves, single;
  halves.parallelProbeMinRows = 1;
  single.parallelProbeMinRows = 0;
  expectSameRows(queries, {}, off);
  expectSameRows(queries, halves, single, false);
  // With ORDER BY ... LIMIT the row order matters too.
  const std::string ordered =
      "SELECT ?s ?n ?e WHERE { ?s a :T OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } } "
      "ORDER BY ?n LIMIT 40";
  QueryStats st;
  auto fast = run(ordered, {}, &st, false);
  EXPECT_EQ(fast.rows, run(ordered, {}, nullptr, false, off).rows);
  EXPECT_NE(st.explain.find("SubjectOptionals"), std::string::npos) << st.explain;
}

TEST_F(Engine, SubjectOptionalsChecksMatchProbes) {
  // Patterns (?s p o) of the left side checked in the subject scan: subjects without
  // the type or with another one, two such patterns, hubs past the scan limit with
  // and without the type, an unknown constant, a blank node, a named graph.
  std::string data;
  for (int i = 0; i < 300; ++i) {
    std::string s = ":s" + std::to_string(i);
    data += s + " :zip " + std::to_string(i % 3) + " .\n";
    if (i % 5) data += s + " a :" + (i % 7 ? "T" : "U") + " .\n";
    if (i % 11 == 0) data += s + " :flag true .\n";
    if (i % 4) data += s + " :name \"n" + std::to_string((i * 37) % 300) + "\" .\n";
    if (i % 3) data += s + " :emp " + std::to_string(i % 17) + " .\n";
  }
  for (int i = 0; i < 700; ++i) data += ":s6 :link :x" + std::to_string(i) + " .\n";
  for (int i = 0; i < 700; ++i) data += ":s10 :link :x" + std::to_string(i) + " .\n";
  data += "GRAPH :g { :s1 a :T ; :zip 1 ; :name \"g1\" . :s2 :zip 1 . }\n";
  load(data);
  PlanOptions off;
  off.subjectChecks = false;
  const std::vector<std::string> queries = {
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 0 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :link ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 ; :flag true OPTIONAL { ?s :name ?n } "
      "OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s a :Unknown ; :zip 1 OPTIONAL { ?s :name ?n } "
      "OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s a _:b ; :zip 1 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?e WHERE { ?s a :U ; :zip ?z OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } }",
      "SELECT ?s ?n ?l WHERE { ?s a :T ; :zip 0 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :link ?l } }",
      "SELECT ?s ?n WHERE { GRAPH :g { ?s a :T ; :zip 1 OPTIONAL { ?s :name ?n } "
      "OPTIONAL { ?s :emp ?e } } }",
      "SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 2 OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } "
      "FILTER(BOUND(?n)) } ORDER BY ?n LIMIT 15",
  };
  PlanOptions halves, single;
  halves.parallelProbeMinRows = 1;
  single.parallelProbeMinRows = 0;
  expectSameRows(queries, {}, off, false);
  expectSameRows(queries, halves, single, false);
  QueryStats st;
  auto rows = run(queries[0], {}, &st);
  EXPECT_NE(st.explain.find("SubjectOptionals on ?s with (<http://www.w3.org/1999/02/"
                            "22-rdf-syntax-ns#type> <http://example.org/T>)"),
            std::string::npos)
      << st.explain;
  size_t expected = 0;
  for (int i = 0; i < 300; i += 3) expected += (i % 5 && i % 7) ? 1 : 0;
  EXPECT_EQ(rows.rows.size(), expected);
}

TEST_F(Engine, MergeAndRangeScansWithoutNamedGraphs) {
  // No named graph: these scans then read their ranges without a graph check.
  std::string data;
  for (int i = 0; i < 300; ++i) {
    std::string s = ":s" + std::to_string(i);
    data += s + " :org :n" + std::to_string(i % 5) + " ; :size " + std::to_string(i - 100) + " .\n";
    if (i % 4) data += s + " :member :m" + std::to_string(i % 7) + " .\n";
  }
  load(data);
  PlanOptions off;
  off.subjectMerge = false;
  off.integerRanges = false;
  for (const std::string q :
       {"SELECT ?n (COUNT(?m) AS ?c) WHERE { ?s :org ?n ; :member ?m } GROUP BY ?n",
        "SELECT ?s ?v WHERE { ?s :size ?v FILTER(?v >= -20 && ?v < 30) }"}) {
    QueryStats st;
    auto fast = run(q, {}, &st);
    EXPECT_EQ(fast.rows, run(q, {}, nullptr, true, off).rows) << q << "\n" << st.explain;
    EXPECT_TRUE(st.explain.find("SubjectMerge") != std::string::npos ||
                st.explain.find("ObjectRange") != std::string::npos)
        << st.explain;
  }
}

TEST_F(Engine, IntegerRangeScanMatchesFullScan) {
  // :n holds only inline integers (negative, zero, large); :m also decimals, doubles,
  // a non-canonical integer and strings, so it must keep the full scan.
  std::string data;
  for (int i = -300; i <= 300; i += 3) {
    data += ":a" + std::to_string(i + 300) + " :n " + std::to_string(i * 7) + " .\n";
    data += ":b" + std::to_string(i + 300) + " :m " + std::to_string(i) + " .\n";
  }
  data += ":big :n 1000000000000 . :c1 :m 105.5 . :c2 :m \"1.1e2\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
          ":c3 :m \"0110\"^^<http://www.w3.org/2001/XMLSchema#integer> . :c4 :m \"110\" .\n"
          ":c5 :m \"111\"^^<http://www.w3.org/2001/XMLSchema#int> .\n"
          "GRAPH :g { :d1 :n 150 . :d2 :n -150 . }\n";
  load(data);
  PlanOptions off;
  off.integerRanges = false;
  const std::vector<std::string> queries = {
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v >= 100 && ?v < 500) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(100 <= ?v) FILTER(?v <= 700) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v > -400 && ?v < -10) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v > -50 && ?v < 60) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v = 147) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v > 500 && ?v < 400) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v >= 2000) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v < -2000) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v < 10) }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v >= 100 && STR(?s) != \"x\") }",
      "SELECT ?s ?v WHERE { ?s :n ?v FILTER(?v >= 100 || ?v < -100) }",
      "SELECT ?s ?v WHERE { ?s :m ?v FILTER(?v >= 100 && ?v < 120) }",
      "SELECT (COUNT(?s) AS ?c) WHERE { ?s :n ?v FILTER(?v >= 0 && ?v < 1000) }",
      "SELECT ?s ?v WHERE { GRAPH :g { ?s :n ?v FILTER(?v > 100) } }",
      "SELECT ?g ?s ?v WHERE { GRAPH ?g { ?s :n ?v FILTER(?v > 100) } }",
      "SELECT ?s WHERE { :a300 :n ?x FILTER EXISTS { ?s :n ?v FILTER(?v > 2000) } }",
  };
  expectSameRows(queries, {}, off);
  QueryStats st;
  auto rows = run(queries[0], {}, &st);
  EXPECT_NE(st.explain.find("ObjectRange"), std::string::npos) << st.explain;
  EXPECT_EQ(rows.rows.size(), 19u);  // 7i in [100, 500), i a multiple of 3: i = 15, 18, ..., 69
  run(queries[11], {}, &st);
  EXPECT_EQ(st.explain.find("ObjectRange"), std::string::npos) << st.explain;
}

TEST_F(Engine, TopKMatchesFullSort) {
  // Enough rows for several trims (the cutoff then drops rows unstored); names of
  // several kinds, duplicates, and subjects without a name (unbound keys sort first).
  std::string data;
  for (int i = 0; i < 5000; ++i) {
    std::string s = ":s" + std::to_string(i);
    data += s + " :type :T .\n";
    switch (i % 6) {
      case 0: data += s + " :name \"n" + std::to_string((i * 7919) % 1500) + "\" .\n"; break;
      case 1: data += s + " :name \"n" + std::to_string(i % 300) + "\"@fr .\n"; break;
      case 2: data += s + " :name " + std::to_string((i * 31) % 977) + " .\n"; break;
      case 3: data += s + " :name \"n" + std::to_string(i % 40) + "\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"; break;
      case 4: data += s + " :name :iri" + std::to_string(i % 50) + " .\n"; break;
      default: break;
    }
  }
  load(data);
  for (const std::string order : {"?n", "DESC(?n)", "?n ?s", "DESC(STR(?n)) ?s"}) {
    for (int limit : {1, 50, 700}) {
      std::string where = "WHERE { ?s :type :T OPTIONAL { ?s :name ?n } } ORDER BY " + order;
      auto top = run("SELECT ?s ?n " + where + " LIMIT " + std::to_string(limit), {}, nullptr, false);
      auto all = run("SELECT ?s ?n " + where, {}, nullptr, false);
      ASSERT_EQ(top.rows.size(), static_cast<size_t>(limit)) << order;
      all.rows.resize(limit);
      EXPECT_EQ(top.rows, all.rows) << order << " limit " << limit;
    }
  }
}

TEST_F(Engine, TopKWithWarmSortKeysMatchesFullSort) {
  // Long names sharing their first 7 bytes or more (the sort-key cache then decides
  // nothing and the dictionary is read), names differing early (decided on the keys
  // once cached), accents, language tags, typed values and IRIs mixed in; each top-k
  // runs twice, cold and warm, and agrees with the full sort both times.
  const std::vector<std::string> heads = {"AMAP Atelier", "AMAP At", "AMAP Bio", "Épicerie",
                                          "Ressourcerie", "Recyclerie", "", "Z"};
  std::string data;
  for (int i = 0; i < 6000; ++i) {
    std::string s = ":s" + std::to_string(i);
    std::string name = heads[(i * 7) % heads.size()] + " " + std::to_string((i * 7919) % 2300);
    data += s + " :type :T .\n";
    switch (i % 5) {
      case 0: case 1: data += s + " :name \"" + name + "\" .\n"; break;
      case 2: data += s + " :name \"" + name + "\"@fr .\n"; break;
      case 3: data += s + " :name " + std::to_string(i % 97) + " .\n"; break;
      default: data += s + " :name :iri" + std::to_string(i % 50) + " .\n"; break;
    }
  }
  load(data);
  for (const std::string order : {"?n ?s", "DESC(?n) ?s"}) {
    const std::string where = "WHERE { ?s :type :T ; :name ?n } ORDER BY " + order;
    auto all = run("SELECT ?s ?n " + where, {}, nullptr, false);
    for (int limit : {3, 40, 1500}) {
      for (int pass = 0; pass < 2; ++pass) {
        auto top = run("SELECT ?s ?n " + where + " LIMIT " + std::to_string(limit), {}, nullptr,
                       false);
        ASSERT_EQ(top.rows.size(), static_cast<size_t>(limit)) << order;
        EXPECT_EQ(top.rows, Strings(all.rows.begin(), all.rows.begin() + limit))
            << order << " limit " << limit << " pass " << pass;
      }
    }
  }
  EXPECT_GT(store_->beginRead()->sortKeyCache()->bytes(), 0u);
}

TEST_F(Engine, TopKBelowOptionalMatchesFinalTopK) {
  // ORDER BY ... LIMIT [OFFSET] pushed below OPTIONALs binding no sort key (a top-k
  // keeping ties): many names tied at every cut, subjects without a name (unbound
  // sorts first), one with two names, one with 3 ?e values, and sort keys or BINDs
  // that must block the push.
  std::string data;
  for (int i = 0; i < 300; ++i) {
    std::string s = ":s" + std::to_string(i);
    data += s + " a :T ; :zip " + std::to_string(i % 3) + " .\n";
    if (i % 7) data += s + " :name \"n" + std::to_string(i % 13) + "\" .\n";
    if (i == 42) data += s + " :name \"n0\" .\n";
    if (i % 2) data += s + " :emp " + std::to_string(i % 11) + " .\n";
    if (i % 5 == 0) data += s + " :alias \"a" + std::to_string(i % 4) + "\" .\n";
  }
  // n0 is the first name: :s13 (n0) gets 3 ?e values at the cut of LIMIT 20 / OFFSET 5.
  data += ":s13 :emp 100 , 101 , 102 .\n";
  load(data);
  // Without SubjectOptionals (which reads both OPTIONALs in one scan per row, so the
  // top-k is not pushed into its chain) the push shows on every shape; with it, too.
  PlanOptions on, off, onScan, offScan;
  on.subjectOptionals = off.subjectOptionals = false;
  off.topKBelowOptional = offScan.topKBelowOptional = false;
  const std::string opt = "OPTIONAL { ?s :name ?n } OPTIONAL { ?s :emp ?e } ";
  const std::vector<std::pair<std::string, bool>> queries = {
      // {query, pushed below an OPTIONAL}
      {"SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 " + opt + "} ORDER BY ?n LIMIT 20", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 " + opt + "} ORDER BY ?n LIMIT 16", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T ; :zip 1 " + opt + "} ORDER BY ?n LIMIT 2 OFFSET 15",
       true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY ?n LIMIT 20 OFFSET 5", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY ?n LIMIT 7 OFFSET 40", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY DESC(?n) LIMIT 30", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY ?n DESC(?zip) LIMIT 25", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T ; :zip ?zip " + opt + "} ORDER BY DESC(?zip) ?n LIMIT 25",
       true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T ; :zip ?zip " + opt + "} ORDER BY STR(?zip) LIMIT 9",
       true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY ?n LIMIT 1", true},
      {"SELECT ?s ?n ?e WHERE { ?s a :T OPTIONAL { ?s :name ?n } "
       "OPTIONAL { ?s :emp ?e FILTER(?e > 5 || !BOUND(?n)) } } ORDER BY ?n LIMIT 20 OFFSET 3",
       true},
      {"SELECT ?s ?n ?e ?l WHERE { ?s a :T " + opt +
           "BIND(STRLEN(?n) AS ?l) OPTIONAL { ?s :alias ?a } } ORDER BY ?n LIMIT 15",
       true},
      // Blocked: a key the right side binds, a BIND the key reads, a key bound maybe.
      {"SELECT ?s ?n ?e WHERE { ?s a :T " + opt + "} ORDER BY ?e ?s LIMIT 20", false},
      {"SELECT ?s ?n ?k WHERE { ?s a :T " + opt +
           "BIND(COALESCE(?e, -1) AS ?k) } ORDER BY ?k LIMIT 10",
       false},
      {"SELECT ?s ?n WHERE { ?s a :T OPTIONAL { ?s :name ?n } OPTIONAL { ?s :alias ?n } } "
       "ORDER BY ?n LIMIT 30",
       false},
      {"SELECT DISTINCT ?s ?n WHERE { ?s a :T " + opt + "} ORDER BY ?n LIMIT 10", false},
  };
  for (const auto& [q, pushed] : queries) {
    QueryStats st, stScan;
    auto fast = run(q, {}, &st, false, on);
    EXPECT_EQ(fast.rows, run(q, {}, nullptr, false, off).rows) << q << "\n" << st.explain;
    EXPECT_EQ(st.explain.find("TopKWithTies") != std::string::npos, pushed) << q << "\n"
                                                                            << st.explain;
    EXPECT_FALSE(fast.rows.empty()) << q;
    auto scan = run(q, {}, &stScan, false, onScan);
    EXPECT_EQ(scan.rows, run(q, {}, nullptr, false, offScan).rows) << q << "\n"
                                                                   << stScan.explain;
  }
  // 14 subjects of zip 1 have no name: the 4 rows of :s13 (n0) straddle LIMIT 16.
  auto cut = run("SELECT ?s ?e WHERE { ?s a :T ; :zip 1 " + opt + "} ORDER BY ?n LIMIT 16", {},
                 nullptr, false, on);
  ASSERT_EQ(cut.rows.size(), 16u);
  EXPECT_EQ(cut.rows[13].find("s=<http://example.org/s13>"), std::string::npos) << cut.rows[13];
  EXPECT_EQ(cut.rows[14].find("s=<http://example.org/s13>"), 0u) << cut.rows[14];
  EXPECT_EQ(cut.rows[15].find("s=<http://example.org/s13>"), 0u) << cut.rows[15];
}

TEST_F(Engine, OrderOfSimpleAndLanguageLiterals) {
  // SPARQL's order (expr::orderCompare): simple literals by lexical form, before
  // language-tagged ones, which go by lexical form and then tag.
  load(":a :n \"b\"@fr . :b :n \"a\"@fr . :c :n \"a\"@en . :d :n \"c\"@de . :e :n \"b\" . "
       ":f :n \"a\" . :g :n \"ab\"@en .");
  const Strings expected = {"s=<http://example.org/f>", "s=<http://example.org/e>",
                            "s=<http://example.org/c>", "s=<http://example.org/b>",
                            "s=<http://example.org/g>", "s=<http://example.org/a>",
                            "s=<http://example.org/d>"};
  EXPECT_EQ(run("SELECT ?s WHERE { ?s :n ?n } ORDER BY ?n", {}, nullptr, false).rows, expected);
  for (int k = 1; k <= 7; ++k) {
    auto top = run("SELECT ?s WHERE { ?s :n ?n } ORDER BY ?n LIMIT " + std::to_string(k), {},
                   nullptr, false);
    EXPECT_EQ(top.rows, Strings(expected.begin(), expected.begin() + k)) << k;
  }
  Strings reversed(expected.rbegin(), expected.rend());
  EXPECT_EQ(run("SELECT ?s WHERE { ?s :n ?n } ORDER BY DESC(?n) LIMIT 3", {}, nullptr, false).rows,
            Strings(reversed.begin(), reversed.begin() + 3));
}

TEST_F(Engine, TimeoutStopsHashJoinCrossProduct) {
  std::string data;
  for (int i = 0; i < 2000; ++i) data += ":s" + std::to_string(i) + " :p " + std::to_string(i) + " .\n";
  load(data);
  QueryLimits limits;
  limits.timeout = std::chrono::milliseconds(300);
  // Unions cannot be index-joined: hash joins without a key (8e9 rows).
  EXPECT_THROW(run("SELECT (COUNT(*) AS ?n) WHERE { { ?a :p ?x } UNION { ?a :q ?x } "
                   "{ ?b :p ?y } UNION { ?b :q ?y } { ?c :p ?z } UNION { ?c :q ?z } }", limits),
               ExecutionError);
}

TEST_F(Engine, ExplainShowsEstimatesAndActuals) {
  load(":a :p 1 . :b :p 2 . :a :q 3 .");
  QueryStats st;
  run("SELECT ?s WHERE { ?s :p ?x ; :q ?y }", {}, &st);
  EXPECT_NE(st.explain.find("SubjectMerge"), std::string::npos) << st.explain;
  EXPECT_NE(st.explain.find("actual 1"), std::string::npos) << st.explain;
  EXPECT_NE(st.explain.find("est "), std::string::npos) << st.explain;
  EXPECT_EQ(st.rows, 1u);
  // Each operator's time, its inputs included: the root's is the largest.
  std::vector<double> ms;
  for (size_t at = st.explain.find(" ms]"); at != std::string::npos;
       at = st.explain.find(" ms]", at + 1)) {
    const size_t from = st.explain.rfind(", ", at) + 2;
    ms.push_back(std::stod(st.explain.substr(from, at - from)));
  }
  ASSERT_GE(ms.size(), 2u) << st.explain;
  EXPECT_EQ(*std::max_element(ms.begin(), ms.end()), ms.front()) << st.explain;
  for (double m : ms) EXPECT_GE(m, 0.0);
}

TEST_F(Engine, ExplainShowsExistsSubPlans) {
  load(":a :p 1 . :b :p 2 . :c :p 3 . :a :q 3 . :c :r :a .");
  QueryStats st;
  run("SELECT ?s WHERE { ?s :p ?x FILTER EXISTS { ?s :q ?y } FILTER NOT EXISTS { ?z :r ?s } }",
      {}, &st);
  EXPECT_EQ(st.rows, 0u);
  // Each sub-plan once, after the main plan, with its rows summed over the rows it ran for.
  const size_t exists = st.explain.find("EXISTS (bgp (triple ?s <http://example.org/q> ?y))");
  const size_t notExists = st.explain.find("EXISTS (bgp (triple ?z <http://example.org/r> ?s))");
  ASSERT_NE(exists, std::string::npos) << st.explain;
  ASSERT_NE(notExists, std::string::npos) << st.explain;
  EXPECT_LT(st.explain.find("Filter"), exists) << st.explain;
  EXPECT_NE(st.explain.find("actual 1 over 3 opens", exists), std::string::npos) << st.explain;
  run("SELECT ?s WHERE { ?s :p ?x }", {}, &st);
  EXPECT_EQ(st.explain.find("EXISTS"), std::string::npos) << st.explain;
}

}  // namespace
}  // namespace bdis::sparql
