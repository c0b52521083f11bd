// SPARQL 1.1 Query Results CSV and TSV readers, and the rs: vocabulary reader.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "rdf/rdf_reader.h"
#include "tests/w3c/result_set.h"

namespace bdis::w3c {
namespace {

constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kRs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      if (!cur.empty() && cur.back() == '\r') cur.pop_back();
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

/// One TSV cell in Turtle syntax: <iri>, _:b, "lex"(@lang|^^<dt>)?, number, boolean.
rdf::Term tsvTerm(std::string_view s) {
  if (s.empty()) return {};
  if (s[0] == '<') return rdf::Term::iri(std::string(s.substr(1, s.size() - 2)));
  if (s.size() > 2 && s[0] == '_' && s[1] == ':') return rdf::Term::blank(std::string(s.substr(2)));
  if (s[0] == '"') {
    size_t end = s.rfind('"');
    std::string lex;
    for (size_t i = 1; i < end; ++i) {
      if (s[i] == '\\' && i + 1 < end) {
        char e = s[++i];
        switch (e) {
          case 'n': lex += '\n'; break;
          case 't': lex += '\t'; break;
          case 'r': lex += '\r'; break;
          default: lex += e;
        }
      } else {
        lex += s[i];
      }
    }
    std::string_view rest = s.substr(end + 1);
    if (!rest.empty() && rest[0] == '@') return rdf::Term::literal(lex, "", std::string(rest.substr(1)));
    if (rest.size() > 4 && rest.substr(0, 2) == "^^")
      return rdf::Term::literal(lex, std::string(rest.substr(3, rest.size() - 4)));
    return rdf::Term::literal(lex);
  }
  if (s == "true" || s == "false") return rdf::Term::literal(std::string(s), std::string(kXsdNs) + "boolean");
  std::string dt = "integer";
  if (s.find_first_of("eE") != std::string_view::npos) {
    // The TSV files of the suite spell doubles with either exponent letter.
    std::string lex(s);
    for (char& c : lex)
      if (c == 'e') c = 'E';
    return rdf::Term::literal(lex, std::string(kXsdNs) + "double");
  }
  else if (s.find('.') != std::string_view::npos) dt = "decimal";
  return rdf::Term::literal(std::string(s), std::string(kXsdNs) + dt);
}

}  // namespace

ResultSet parseTsv(const std::string& text) {
  ResultSet rs;
  auto lines = splitLines(text);
  if (lines.empty()) return rs;
  size_t start = 0;
  std::string_view header = lines[0];
  while (start <= header.size()) {
    size_t tab = header.find('\t', start);
    std::string_view v = header.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (!v.empty() && (v[0] == '?' || v[0] == '$')) v.remove_prefix(1);
    if (!v.empty()) rs.vars.emplace_back(v);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  for (size_t l = 1; l < lines.size(); ++l) {
    std::vector<rdf::Term> row(rs.vars.size());
    std::string_view line = lines[l];
    size_t pos = 0;
    for (size_t c = 0; c < rs.vars.size(); ++c) {
      size_t tab = line.find('\t', pos);
      std::string_view cell = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
      row[c] = tsvTerm(cell);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    rs.rows.push_back(std::move(row));
  }
  rs.ordered = true;
  return rs;
}

ResultSet parseCsv(const std::string& text) {
  ResultSet rs;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> rec;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rec.push_back(field);
      field.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      rec.push_back(field);
      records.push_back(rec);
      rec.clear();
      field.clear();
    } else {
      field += c;
      any = true;
    }
  }
  if (!field.empty() || !rec.empty()) {
    rec.push_back(field);
    records.push_back(rec);
  }
  (void)any;
  if (records.empty()) return rs;
  rs.vars = records[0];
  for (size_t r = 1; r < records.size(); ++r) {
    std::vector<rdf::Term> row(rs.vars.size());
    for (size_t c = 0; c < rs.vars.size() && c < records[r].size(); ++c) {
      const std::string& f = records[r][c];
      if (f.empty()) continue;
      if (f.size() > 2 && f[0] == '_' && f[1] == ':') {
        row[c] = rdf::Term::blank(f.substr(2));
      } else {
        row[c] = rdf::Term::literal(f);
      }
    }
    rs.rows.push_back(std::move(row));
  }
  rs.ordered = true;
  return rs;
}

ResultSet toCsvView(const ResultSet& rs) {
  ResultSet out = rs;
  for (auto& row : out.rows)
    for (auto& t : row)
      if (t.isIri() || t.isLiteral()) t = rdf::Term::literal(t.value);
  return out;
}

std::optional<ResultSet> fromRdf(const std::vector<rdf::Quad>& quads) {
  auto rs_ = [](std::string_view local) { return std::string(kRs) + std::string(local); };
  std::multimap<std::string, const rdf::Quad*> bySubject;
  auto key = [](const rdf::Term& t) { return std::to_string(static_cast<int>(t.kind)) + t.value; };
  const rdf::Term* root = nullptr;
  for (const auto& q : quads) {
    bySubject.emplace(key(q.s), &q);
    if (q.p.value == std::string(rdf::kRdf) + "type" && q.o.value == rs_("ResultSet")) root = &q.s;
  }
  if (!root) return std::nullopt;
  auto objects = [&](const rdf::Term& s, const std::string& p) {
    std::vector<const rdf::Term*> out;
    auto [a, b] = bySubject.equal_range(key(s));
    for (auto it = a; it != b; ++it)
      if (it->second->p.value == p) out.push_back(&it->second->o);
    return out;
  };
  ResultSet rs;
  for (const auto* b : objects(*root, rs_("boolean"))) rs.boolean = b->value == "true";
  for (const auto* v : objects(*root, rs_("resultVariable"))) rs.vars.push_back(v->value);
  std::vector<std::pair<long, std::vector<rdf::Term>>> rows;
  for (const auto* sol : objects(*root, rs_("solution"))) {
    std::vector<rdf::Term> row(rs.vars.size());
    long index = -1;
    for (const auto* ix : objects(*sol, rs_("index"))) {
      index = std::stol(ix->value);
      rs.ordered = true;
    }
    for (const auto* bnd : objects(*sol, rs_("binding"))) {
      auto vars = objects(*bnd, rs_("variable"));
      auto vals = objects(*bnd, rs_("value"));
      if (vars.empty() || vals.empty()) continue;
      auto it = std::find(rs.vars.begin(), rs.vars.end(), vars[0]->value);
      size_t idx = static_cast<size_t>(it - rs.vars.begin());
      if (it == rs.vars.end()) {
        rs.vars.push_back(vars[0]->value);
        row.emplace_back();
        for (auto& r : rows) r.second.emplace_back();
      }
      row[idx] = *vals[0];
    }
    rows.emplace_back(index, std::move(row));
  }
  if (rs.ordered)
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& r : rows) rs.rows.push_back(std::move(r.second));
  return rs;
}

}  // namespace bdis::w3c
