// SPARQL 1.1 Update execution (sparql/update.h): data operations, DELETE/INSERT
// WHERE with WITH, USING and the protocol dataset, blank nodes, graph
// management, LOAD, limits, and all-or-nothing requests when the caller aborts.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "rdf/error.h"
#include "rdf/store.h"
#include "sparql/update.h"
#include "tests/support/shared_path.h"

namespace bdis::sparql {
namespace {

constexpr const char* kEx = "http://example.org/";

class Update : public ::testing::Test {
 protected:
  Update() : store_(rdf::Store::open(dir_.path() / "store")) {}

  /// Runs one request as the server does: commit on success, abort on error.
  UpdateStats run(UpdateRequest req) {
    req.text = "PREFIX : <http://example.org/>\n" + req.text;
    auto txn = store_->beginWrite();
    try {
      auto st = executeUpdate(*txn, req);
      txn->commit();
      return st;
    } catch (...) {
      txn->abort();
      throw;
    }
  }
  UpdateStats update(const std::string& text) {
    UpdateRequest req;
    req.text = text;
    return run(std::move(req));
  }
  /// Quads of a graph ("" for the default graph).
  uint64_t count(const std::string& graph = "") {
    auto r = store_->beginRead();
    rdf::TermId g = rdf::kDefaultGraph;
    if (!graph.empty()) {
      auto id = r->lookup(rdf::Term::iri(kEx + graph).view());
      if (!id) return 0;
      g = *id;
    }
    return r->count(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, g});
  }
  /// The quads of a graph in N-Triples-like lines, sorted.
  std::set<std::string> quads(const std::string& graph = "") {
    auto r = store_->beginRead();
    rdf::TermId g = rdf::kDefaultGraph;
    if (!graph.empty()) {
      auto id = r->lookup(rdf::Term::iri(kEx + graph).view());
      if (!id) return {};
      g = *id;
    }
    std::set<std::string> out;
    auto c = r->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, g});
    rdf::QuadIds q;
    while (c.next(q))
      out.insert(rdf::toNTriples(r->decode(q.s)) + " " + rdf::toNTriples(r->decode(q.p)) + " " +
                 rdf::toNTriples(r->decode(q.o)));
    return out;
  }
  /// Distinct subjects of the default graph.
  size_t subjects() {
    auto r = store_->beginRead();
    std::set<uint64_t> out;
    auto c = r->scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kDefaultGraph});
    rdf::QuadIds q;
    while (c.next(q)) out.insert(q.s.raw);
    return out.size();
  }

  test::TempDir dir_;
  std::unique_ptr<rdf::Store> store_;
};

TEST_F(Update, DataAndWhere) {
  auto st = update("INSERT DATA { :a :p 1 . :b :p 2 . GRAPH :g { :a :q 3 } }");
  EXPECT_EQ(st.inserted, 3u);
  EXPECT_EQ(st.operations, 1u);
  EXPECT_EQ(count(), 2u);
  EXPECT_EQ(count("g"), 1u);
  EXPECT_EQ(update("INSERT DATA { :a :p 1 }").inserted, 0u);  // already there
  update("DELETE { ?s :p ?o } INSERT { ?s :r ?o } WHERE { ?s :p ?o FILTER(?o > 1) }");
  EXPECT_EQ(count(), 2u);
  EXPECT_EQ(update("DELETE WHERE { ?s :r ?o }").deleted, 1u);
  EXPECT_EQ(count(), 1u);
  update("WITH :g INSERT { ?s :copied ?o } WHERE { ?s :q ?o }");
  EXPECT_EQ(count("g"), 2u);
  EXPECT_EQ(update("DELETE DATA { :a :p 1 . :nobody :p 1 }").deleted, 1u);
  EXPECT_EQ(count(), 0u);
}

TEST_F(Update, OperationsApplyInOrder) {
  auto st = update(
      "INSERT DATA { :a :p 1 } ; INSERT { ?s :q ?o } WHERE { ?s :p ?o } ;"
      "DELETE DATA { :a :p 1 }");
  EXPECT_EQ(st.operations, 3u);
  EXPECT_EQ(quads(), std::set<std::string>{"<http://example.org/a> <http://example.org/q> "
                                           "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
}

TEST_F(Update, WhereIsEvaluatedBeforeAnyChange) {
  update("INSERT DATA { :a :p :b . :b :p :c }");
  update("DELETE { ?s :p ?o } INSERT { ?o :p ?s } WHERE { ?s :p ?o }");
  EXPECT_EQ(quads(), (std::set<std::string>{
                         "<http://example.org/b> <http://example.org/p> <http://example.org/a>",
                         "<http://example.org/c> <http://example.org/p> <http://example.org/b>"}));
}

TEST_F(Update, AbortedRequestChangesNothing) {
  update("INSERT DATA { GRAPH :g { :a :p 1 } }");
  EXPECT_THROW(update("INSERT DATA { :x :p 1 } ; DELETE DATA { GRAPH :g { :a :p 1 } } ;"
                      "INSERT DATA { GRAPH :g { :a :p 2 } } ; CREATE GRAPH :g"),
               ExecutionError);  // CREATE of a graph holding quads
  EXPECT_EQ(count(), 0u);
  EXPECT_EQ(quads("g"), std::set<std::string>{"<http://example.org/a> <http://example.org/p> "
                                              "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
  EXPECT_THROW(update("INSERT DATA { :x :p 1 } ; LOAD <file:///no/such/file.ttl>"), ExecutionError);
  EXPECT_EQ(count(), 0u);
  // A syntax error anywhere: nothing runs.
  EXPECT_THROW(update("INSERT DATA { :x :p 1 } ; INSERT DATA { :y }"), SyntaxError);
  EXPECT_EQ(count(), 0u);
}

TEST_F(Update, UnboundAndIllPlacedTermsAreSkipped) {
  update("INSERT DATA { :a :p 1 . :b :p :c }");
  EXPECT_EQ(update("INSERT { ?s :q ?none } WHERE { ?s :p ?o }").inserted, 0u);
  // ?o is a literal for :a: only :c :inv :b is written.
  EXPECT_EQ(update("INSERT { ?o :inv ?s } WHERE { ?s :p ?o }").inserted, 1u);
  EXPECT_EQ(update("INSERT { ?s ?o 1 } WHERE { ?s :p ?o }").inserted, 1u);  // predicate :c only
  EXPECT_EQ(update("INSERT { GRAPH ?o { ?s :r 1 } } WHERE { ?s :p ?o }").inserted, 1u);
  EXPECT_EQ(count("c"), 1u);
  update("INSERT { ?s :opt ?x } WHERE { ?s :p ?o OPTIONAL { ?s :missing ?x } }");
  EXPECT_EQ(count(), 4u);
}

TEST_F(Update, UsingAndUsingNamed) {
  update("INSERT DATA { :d :p 0 . GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } }");
  EXPECT_EQ(update("INSERT { :r :from1 ?o } USING :g1 WHERE { ?s :p ?o }").inserted, 1u);
  EXPECT_EQ(update("INSERT { :r :merged ?o } USING :g1 USING :g2 WHERE { ?s :p ?o }").inserted, 2u);
  EXPECT_EQ(
      update("INSERT { :r :named ?g } USING NAMED :g2 WHERE { GRAPH ?g { ?s ?p ?o } }").inserted,
      1u);
  // USING NAMED alone: the default graph of the WHERE clause is empty.
  EXPECT_EQ(update("INSERT { :r :none ?o } USING NAMED :g2 WHERE { ?s :p ?o }").inserted, 0u);
  // Unknown graphs are empty.
  EXPECT_EQ(update("INSERT { :r :unknown ?o } USING :nowhere WHERE { ?s :p ?o }").inserted, 0u);
}

TEST_F(Update, WithAndGraphInTemplates) {
  update("INSERT DATA { GRAPH :g { :a :p 1 } GRAPH :h { :b :p 2 } }");
  update("WITH :g INSERT { ?s :q ?o } WHERE { ?s :p ?o }");
  EXPECT_EQ(count("g"), 2u);
  EXPECT_EQ(count(), 0u);
  update("WITH :g INSERT { GRAPH :k { ?s :q ?o } } WHERE { ?s :p ?o }");
  EXPECT_EQ(count("k"), 1u);
  // USING wins over WITH for the WHERE clause; WITH stays the template graph.
  update("WITH :g INSERT { ?s :fromH ?o } USING :h WHERE { ?s :p ?o }");
  EXPECT_EQ(count("g"), 3u);
  EXPECT_EQ(count("h"), 1u);
  update("WITH :g DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }");
  EXPECT_EQ(count("g"), 0u);
  EXPECT_EQ(count("h"), 1u);
}

TEST_F(Update, ProtocolDataset) {
  update("INSERT DATA { :d :p 0 . GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } }");
  UpdateRequest req;
  req.text = "INSERT { :r :seen ?o } WHERE { ?s :p ?o }";
  req.dataset = Dataset{{std::string(kEx) + "g2"}, {}};
  EXPECT_EQ(run(req).inserted, 1u);
  EXPECT_EQ(count(), 2u);
  req.text = "INSERT { :r :graph ?g } WHERE { GRAPH ?g { ?s :p ?o } }";
  req.dataset = Dataset{{}, {std::string(kEx) + "g1"}};
  EXPECT_EQ(run(req).inserted, 1u);
  req.text = "INSERT { :r :x ?o } USING :g1 WHERE { ?s :p ?o }";
  EXPECT_THROW(run(req), SemanticError);
  req.text = "WITH :g1 INSERT { :r :x ?o } WHERE { ?s :p ?o }";
  EXPECT_THROW(run(req), SemanticError);
}

TEST_F(Update, BlankNodes) {
  // One label, one node within INSERT DATA; fresh nodes in every request.
  update("INSERT DATA { _:x :p 1 . _:x :q 2 }");
  EXPECT_EQ(subjects(), 1u);
  update("INSERT DATA { _:x :p 1 }");
  EXPECT_EQ(subjects(), 2u);
  update("INSERT DATA { [] :p 3 } ; INSERT DATA { [] :p 3 }");
  EXPECT_EQ(subjects(), 4u);
  update("CLEAR DEFAULT");
  // INSERT ... WHERE: one fresh node per solution, shared within a solution.
  update("INSERT DATA { GRAPH :g { :a :p 1 . :b :p 2 } }");
  EXPECT_EQ(update("INSERT { _:n :of ?s . _:n :val ?o } WHERE { GRAPH :g { ?s :p ?o } }").inserted,
            4u);
  EXPECT_EQ(subjects(), 2u);
  EXPECT_EQ(update("INSERT { _:n :of ?s } WHERE { GRAPH :g { ?s :p ?o } }").inserted, 2u);
  EXPECT_EQ(subjects(), 4u);
  // Blank nodes of the store are matched and deleted like other terms.
  EXPECT_EQ(update("DELETE WHERE { ?n :of ?s . ?n :val ?o }").deleted, 4u);
  EXPECT_EQ(subjects(), 2u);
  // BNODE() in the WHERE clause.
  update("CLEAR DEFAULT");
  update("INSERT { ?b :of ?s } WHERE { GRAPH :g { ?s :p ?o } BIND(BNODE() AS ?b) }");
  EXPECT_EQ(subjects(), 2u);
}

TEST_F(Update, CreateDropClear) {
  update("CREATE GRAPH :new");  // nothing to do: graphs exist while they hold quads
  EXPECT_EQ(count("new"), 0u);
  update("INSERT DATA { :d :p 0 . GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } }");
  EXPECT_THROW(update("CREATE GRAPH :g1"), ExecutionError);
  update("CREATE SILENT GRAPH :g1");
  update("DROP GRAPH :missing ; CLEAR GRAPH :missing ; DROP SILENT GRAPH :missing");
  EXPECT_EQ(update("CLEAR GRAPH :g1").deleted, 1u);
  EXPECT_EQ(count("g2"), 1u);
  EXPECT_EQ(update("DROP DEFAULT").deleted, 1u);
  EXPECT_EQ(count("g2"), 1u);
  update("INSERT DATA { :d :p 0 . GRAPH :g1 { :a :p 1 } }");
  EXPECT_EQ(update("DROP NAMED").deleted, 2u);
  EXPECT_EQ(count(), 1u);
  update("INSERT DATA { GRAPH :g1 { :a :p 1 } }");
  EXPECT_EQ(update("CLEAR ALL").deleted, 2u);
  auto r = store_->beginRead();
  EXPECT_EQ(r->stats().quads, 0u);
  EXPECT_TRUE(r->namedGraphs().empty());
}

TEST_F(Update, AddCopyMove) {
  update("INSERT DATA { :d :p 0 . GRAPH :g1 { :a :p 1 } GRAPH :g2 { :b :p 2 } }");
  update("COPY :g1 TO :g3");
  EXPECT_EQ(count("g3"), 1u);
  update("COPY :g1 TO :g1 ; MOVE :g1 TO :g1 ; ADD DEFAULT TO DEFAULT ; MOVE DEFAULT TO DEFAULT");
  EXPECT_EQ(count("g1"), 1u);
  EXPECT_EQ(count(), 1u);
  update("ADD :g2 TO :g3");
  EXPECT_EQ(count("g3"), 2u);
  update("COPY :g2 TO :g3");  // replaces the destination
  EXPECT_EQ(quads("g3"),
            std::set<std::string>{"<http://example.org/b> <http://example.org/p> "
                                  "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
  update("MOVE :g2 TO DEFAULT");
  EXPECT_EQ(count("g2"), 0u);
  EXPECT_EQ(count(), 1u);
  update("ADD :g1 TO DEFAULT");
  EXPECT_EQ(count(), 2u);
  update("MOVE DEFAULT TO :g4");
  EXPECT_EQ(count(), 0u);
  EXPECT_EQ(count("g4"), 2u);
  // A source holding nothing is empty: COPY/MOVE empty the destination.
  update("COPY :nothing TO :g4");
  EXPECT_EQ(count("g4"), 0u);
  update("ADD SILENT :nothing TO :g1 ; COPY SILENT :nothing TO DEFAULT");
  EXPECT_EQ(count("g1"), 1u);
}

TEST_F(Update, LoadFile) {
  auto ttl = dir_.path() / "data.ttl";
  std::ofstream(ttl) << "@prefix : <http://example.org/> . :x :p :y , :z . _:b :p :y .\n";
  auto trig = dir_.path() / "data.trig";
  std::ofstream(trig) << "@prefix : <http://example.org/> . :t :p 1 . :q { :u :p 2 }\n";
  auto st = update("LOAD <file://" + ttl.string() + "> INTO GRAPH :loaded");
  EXPECT_EQ(st.inserted, 3u);
  EXPECT_EQ(count("loaded"), 3u);
  update("LOAD <file://" + ttl.string() + ">");
  update("LOAD <file://" + ttl.string() + ">");  // blank nodes are fresh per load
  EXPECT_EQ(count(), 4u);
  update("LOAD <file:" + trig.string() + "> INTO GRAPH :tg");
  EXPECT_EQ(count("tg"), 1u);
  EXPECT_EQ(count("q"), 1u);
  auto bad = dir_.path() / "bad.ttl";
  std::ofstream(bad) << ":x :p .\n";
  EXPECT_THROW(update("LOAD <file://" + bad.string() + ">"), ExecutionError);
  EXPECT_THROW(update("LOAD <file://" + (dir_.path() / "data.xyz").string() + ">"), ExecutionError);
  EXPECT_THROW(update("LOAD <file:///no/such/file.nt>"), ExecutionError);
  update("LOAD SILENT <file:///no/such/file.nt> INTO GRAPH :none");
  update("LOAD SILENT <file://" + bad.string() + ">");
  EXPECT_EQ(count("none"), 0u);
  EXPECT_EQ(count(), 4u);
  UpdateRequest req;
  req.allowFileLoad = false;
  req.text = "LOAD <file://" + ttl.string() + "> INTO GRAPH :refused";
  try {
    run(req);
    FAIL() << "LOAD of a file ran with allowFileLoad false";
  } catch (const ExecutionError& e) {
    EXPECT_NE(std::string(e.what()).find("not enabled"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count("refused"), 0u);
}

TEST_F(Update, LoadHttpNeedsPermission) {
  try {
    update("LOAD <http://remote.example/data.ttl>");
    FAIL() << "LOAD of an http IRI ran without allowHttpLoad";
  } catch (const ExecutionError& e) {
    EXPECT_NE(std::string(e.what()).find("not enabled"), std::string::npos) << e.what();
  }
  update("LOAD SILENT <http://remote.example/data.ttl>");
  EXPECT_THROW(update("LOAD <ftp://remote.example/data.ttl>"), ExecutionError);
  UpdateRequest req;
  req.allowHttpLoad = true;
  req.text = "LOAD <http://127.0.0.1:1/data.ttl>";  // nothing listens on port 1
  EXPECT_THROW(run(req), ExecutionError);
  req.text = "LOAD SILENT <http://127.0.0.1:1/data.ttl>";
  EXPECT_NO_THROW(run(req));
}

/// Serves one HTTP response on a loopback port, to one client, then stops.
class OneShotHttpServer {
 public:
  OneShotHttpServer(std::string contentType, std::string body) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::listen(fd_, 1) != 0 || ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("cannot listen on loopback");
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, contentType, body] {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string request;
      char buf[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::read(c, buf, sizeof buf);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType +
                                   "\r\nContent-Length: " + std::to_string(body.size()) +
                                   "\r\nConnection: close\r\n\r\n" + body;
      size_t sent = 0;
      while (sent < response.size()) {
        const ssize_t n = ::write(c, response.data() + sent, response.size() - sent);
        if (n <= 0) break;
        sent += static_cast<size_t>(n);
      }
      ::close(c);
    });
  }
  ~OneShotHttpServer() {
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(Update, LoadHttpWhenAllowed) {
  OneShotHttpServer server("text/turtle; charset=utf-8",
                           "@prefix : <http://example.org/> . :h :p <rel> .\n");
  UpdateRequest req;
  req.allowHttpLoad = true;
  const std::string url = server.url("/doc");  // no extension: the Content-Type decides
  req.text = "LOAD <" + url + "> INTO GRAPH :web";
  EXPECT_EQ(run(req).inserted, 1u);
  EXPECT_EQ(quads("web"), std::set<std::string>{"<http://example.org/h> <http://example.org/p> <" +
                                                server.url("/rel") + ">"});
}

TEST_F(Update, LimitsApplyToWhere) {
  update("INSERT DATA { :a :p 1 }");
  std::atomic<bool> cancel{true};
  UpdateRequest req;
  req.text = "INSERT { ?s :q ?o } WHERE { ?s :p ?o }";
  req.limits.cancel = &cancel;
  EXPECT_THROW(run(req), ExecutionError);
  EXPECT_EQ(count(), 1u);
  req.limits.cancel = nullptr;
  req.limits.memoryBytes = 16;  // the materialised solutions exceed it
  EXPECT_THROW(run(req), ExecutionError);
  EXPECT_EQ(count(), 1u);
  req.limits.memoryBytes = 0;
  EXPECT_EQ(run(req).inserted, 1u);
}

}  // namespace
}  // namespace bdis::sparql
