// Result-set comparison as the W3C harness does it: rows become quads about
// one blank node per row, so that graph isomorphism decides multiset equality
// with one blank-node bijection across the whole result; with an order, each
// row also states its position.
#include <algorithm>
#include <set>

#include "rdf/term.h"
#include "sparql/expr/numeric.h"
#include "tests/w3c/isomorphism.h"
#include "tests/w3c/result_set.h"

namespace bdis::w3c {
namespace {

/// Language tags compare case-insensitively (RDF 1.1 term equality); numeric
/// literals by value, through their canonical lexical form.
rdf::Term normalised(const rdf::Term& t) {
  rdf::Term out = t;
  for (char& c : out.lang)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (out.kind == rdf::TermKind::Literal) {
    if (auto n = sparql::expr::numericValue(out)) out.value = sparql::expr::canonicalNumeric(*n);
  }
  return out;
}

bool hasBlank(const std::vector<rdf::Term>& row) {
  return std::any_of(row.begin(), row.end(), [](const rdf::Term& t) { return t.isBlank(); });
}

/// A row as text, variables in sorted order; blank nodes as `_:` when `hideBlanks`.
std::string rowKey(const ResultSet& rs, const std::vector<rdf::Term>& row, bool hideBlanks) {
  std::vector<std::pair<std::string, std::string>> cells;
  for (size_t c = 0; c < rs.vars.size() && c < row.size(); ++c) {
    if (row[c].isNone()) continue;
    cells.emplace_back(rs.vars[c], hideBlanks && row[c].isBlank()
                                       ? std::string("_:")
                                       : rdf::toNTriples(normalised(row[c])));
  }
  std::sort(cells.begin(), cells.end());
  std::string k;
  for (const auto& [v, t] : cells) k += v + "=" + t + " ";
  return k;
}

/// Rows holding blank nodes as quads about one blank node per row.
std::vector<rdf::Quad> blankRowsAsQuads(const ResultSet& rs) {
  std::vector<rdf::Quad> out;
  for (size_t r = 0; r < rs.rows.size(); ++r) {
    if (!hasBlank(rs.rows[r])) continue;
    rdf::Term row = rdf::Term::blank("row" + std::to_string(r) + "_");
    out.push_back(rdf::Quad{row, rdf::Term::iri("urn:rs:row"), rdf::Term::literal("row"), {}});
    for (size_t c = 0; c < rs.vars.size() && c < rs.rows[r].size(); ++c) {
      const rdf::Term& t = rs.rows[r][c];
      if (t.isNone()) continue;
      out.push_back(
          rdf::Quad{row, rdf::Term::iri("urn:rs:var:" + rs.vars[c]), normalised(t), {}});
    }
  }
  return out;
}

std::multiset<std::string> groundRows(const ResultSet& rs) {
  std::multiset<std::string> out;
  for (const auto& row : rs.rows)
    if (!hasBlank(row)) out.insert(rowKey(rs, row, false));
  return out;
}

}  // namespace

std::string describe(const ResultSet& rs) {
  std::string out;
  if (rs.boolean) return *rs.boolean ? "true\n" : "false\n";
  for (const auto& v : rs.vars) out += "?" + v + " ";
  out += "\n";
  for (const auto& row : rs.rows) {
    for (const auto& t : row) out += (t.isNone() ? std::string("UNDEF") : rdf::toNTriples(t)) + " ";
    out += "\n";
  }
  return out;
}

bool sameResults(const ResultSet& expected, const ResultSet& actual, bool ordered,
                 std::string* why) {
  if (expected.boolean || actual.boolean) {
    if (expected.boolean == actual.boolean) return true;
    if (why) *why = "boolean differs: expected " + describe(expected) + "got " + describe(actual);
    return false;
  }
  std::set<std::string> ev(expected.vars.begin(), expected.vars.end());
  std::set<std::string> av(actual.vars.begin(), actual.vars.end());
  if (ev != av) {
    if (why) *why = "variables differ";
  }
  if (expected.rows.size() != actual.rows.size()) {
    if (why) *why = "row count differs: expected " + std::to_string(expected.rows.size()) + ", got " +
                    std::to_string(actual.rows.size());
    return false;
  }
  auto eg = groundRows(expected), ag = groundRows(actual);
  if (eg != ag) {
    if (why) {
      *why = "rows differ; expected only:\n";
      for (const auto& k : eg)
        if (ag.count(k) < eg.count(k)) *why += "  " + k + "\n";
      *why += "got only:\n";
      for (const auto& k : ag)
        if (eg.count(k) < ag.count(k)) *why += "  " + k + "\n";
    }
    return false;
  }
  std::string detail;
  if (!isomorphic(blankRowsAsQuads(expected), blankRowsAsQuads(actual), &detail, true)) {
    if (why) *why = "rows with blank nodes differ: " + detail;
    return false;
  }
  if (ordered) {
    for (size_t i = 0; i < expected.rows.size(); ++i) {
      if (rowKey(expected, expected.rows[i], true) != rowKey(actual, actual.rows[i], true)) {
        if (why) *why = "row order differs at row " + std::to_string(i + 1);
        return false;
      }
    }
  }
  if (ev != av) return false;
  return true;
}

}  // namespace bdis::w3c
