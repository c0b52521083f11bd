#include "tests/unit/search/search_fixture.h"

#include <algorithm>
#include <cstdio>

#include "rdf/intern_sink.h"
#include "rdf/rdf_reader.h"
#include "sparql/algebra/all.h"
#include "sparql/exec/operator.h"
#include "sparql/ext/geof.h"
#include "sparql/ext/search_rewrite.h"
#include "sparql/parser/parser.h"
#include "sparql/planner/plan_builder.h"
#include "sparql/planner/var_analysis.h"

namespace bdis::search::testing {

const char* const kPrefixes =
    "@prefix : <http://example.org/> .\n"
    "@prefix schema: <http://schema.org/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix geo: <http://www.opengis.net/ont/geosparql#> .\n"
    "@prefix geof: <http://www.opengis.net/def/function/geosparql/> .\n"
    "@prefix uom: <http://www.opengis.net/def/uom/OGC/1.0/> .\n"
    "@prefix text: <http://jena.apache.org/text#> .\n"
    "@prefix bif: <http://www.openlinksw.com/schemas/bif#> .\n"
    "@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .\n";

namespace {

std::vector<std::string> projected(const sparql::algebra::Op& root) {
  using namespace sparql::algebra;
  const Op* cur = &root;
  while (true) {
    if (cur->kind == OpKind::Project) return as<Project>(*cur).vars;
    if (cur->kind == OpKind::Slice)
      cur = as<Slice>(*cur).input.get();
    else if (cur->kind == OpKind::Distinct)
      cur = as<Distinct>(*cur).input.get();
    else
      return {};
  }
}

}  // namespace

std::string sparqlPrefixes() {
  std::string out, in = kPrefixes;
  size_t pos = 0;
  while ((pos = in.find("@prefix ", pos)) != std::string::npos) {
    size_t end = in.find(" .\n", pos);
    out += "PREFIX " + in.substr(pos + 8, end - pos - 8) + "\n";
    pos = end;
  }
  return out;
}

std::string wktPoint(double lon, double lat, int decimals) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "\"POINT(%.*f %.*f)\"^^geo:wktLiteral", decimals, lon, decimals,
                lat);
  return buf;
}

std::vector<rdf::QuadIds> SearchFixture::insertTurtle(rdf::WriteTxn& txn,
                                                      const std::string& turtle) {
  rdf::ReadOptions o;
  o.format = rdf::RdfFormat::TriG;  // Turtle, and named graphs as `:g { ... }`
  o.baseIri = "http://example.org/";
  rdf::InternSink l(txn);
  rdf::readBuffer(std::string(kPrefixes) + turtle, o, l);
  std::vector<rdf::QuadIds> copy = l.quads;
  txn.insertBatch(l.quads);
  return copy;
}

void SearchFixture::load(const std::string& turtle) {
  store_ = rdf::Store::open(dir_.path());
  {
    auto txn = store_->beginWrite();
    insertTurtle(*txn, turtle);
    txn->commit();
  }
  indexes_ = sparql::ext::SearchIndexes::open(*store_);
}

void SearchFixture::add(const std::string& turtle) {
  auto txn = store_->beginWrite();
  std::vector<rdf::QuadIds> quads = insertTurtle(*txn, turtle);
  txn->commit();
  auto read = store_->beginRead();
  indexes_->afterCommit(*read, quads);
}

std::vector<std::string> SearchFixture::select(const std::string& query, bool rewrite, bool ordered,
                                               std::vector<std::string>* notes) {
  auto txn = store_->beginRead();
  sparql::ParsedQuery pq = sparql::parseQuery(sparqlPrefixes() + query);
  if (rewrite) {
    auto n = sparql::ext::rewriteSearch(pq.algebra, *txn, indexes_.get());
    if (notes) *notes = n;
  }
  sparql::exec::ExecContext ctx(*txn, {});
  sparql::planner::collectVars(*pq.algebra, ctx.vars());
  ctx.dataset().defaultGraphs = {rdf::kDefaultGraph};
  ctx.dataset().namedGraphs = txn->namedGraphs();
  ctx.dataset().allNamed = true;
  ctx.eval().extension = sparql::ext::callExtension;
  sparql::planner::PlanBuilder builder(ctx);
  ctx.buildExists = [&builder](const sparql::algebra::Op& op) { return builder.buildExists(op); };
  sparql::exec::OperatorPtr plan = builder.build(*pq.algebra);
  std::vector<std::string> vars = projected(*pq.algebra);
  std::vector<int> slots;
  for (const auto& v : vars) slots.push_back(ctx.vars().find(v));
  std::vector<std::string> rows;
  sparql::exec::Batch batch(ctx.vars().width());
  plan->open(nullptr);
  std::string scratch;
  while (plan->next(batch)) {
    for (size_t i = 0; i < batch.size(); ++i) {
      std::string line;
      for (size_t c = 0; c < slots.size(); ++c) {
        if (slots[c] < 0 || batch.row(i)[slots[c]].isAny()) continue;
        line += (line.empty() ? "" : " ") + vars[c] + "=" +
                rdf::toNTriples(ctx.decodeView(batch.row(i)[slots[c]], scratch));
      }
      rows.push_back(line);
    }
  }
  if (!ordered) std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace bdis::search::testing
