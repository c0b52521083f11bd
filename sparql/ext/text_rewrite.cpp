// text:query and bif:contains patterns -> Tables of text-index hits.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <unordered_map>

#include "rdf/error.h"
#include "rdf/text/text_query.h"
#include "sparql/ext/rewrite_internal.h"
#include "sparql/ext/search_rewrite.h"

namespace bdis::sparql::ext::detail {

namespace {

constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";

bool isIri(const VarOrTerm& x, std::string_view iri) {
  return !x.isVar() && x.term.isIri() && x.term.value == iri;
}

/// A collection node made by the parser: a hidden variable or a blank node.
bool isListNode(const VarOrTerm& x) {
  return (x.isVar() && isHiddenVar(x.var)) || (!x.isVar() && x.term.isBlank());
}

/// The members of the collection at `head`, marking its triples in `used`;
/// nullopt when `head` is not a well-formed collection of this BGP.
std::optional<std::vector<VarOrTerm>> readList(const std::vector<TriplePattern>& triples,
                                               const VarOrTerm& head, std::vector<bool>& used) {
  std::vector<VarOrTerm> items;
  VarOrTerm node = head;
  std::vector<size_t> marks;
  for (size_t guard = 0; guard <= triples.size(); ++guard) {
    if (isIri(node, kRdfNil)) {
      for (size_t i : marks) used[i] = true;
      return items;
    }
    if (!isListNode(node)) return std::nullopt;
    std::optional<size_t> first, rest;
    for (size_t i = 0; i < triples.size(); ++i) {
      if (used[i] || !(triples[i].s == node)) continue;
      if (isIri(triples[i].p, kRdfFirst)) first = i;
      if (isIri(triples[i].p, kRdfRest)) rest = i;
    }
    if (!first || !rest) return std::nullopt;
    items.push_back(triples[*first].o);
    marks.push_back(*first);
    marks.push_back(*rest);
    node = triples[*rest].o;
  }
  return std::nullopt;
}

/// What one text:query pattern asks.
struct TextCall {
  VarOrTerm subject;       ///< ?s or a constant
  std::string scoreVar;    ///< empty when not asked
  std::string literalVar;  ///< empty when not asked
  std::vector<std::string> predicates;
  std::string query;
  uint64_t limit = 0;
};

[[noreturn]] void semantic(const std::string& what) { throw SemanticError("text:query: " + what); }

TextCall parseJena(const std::vector<TriplePattern>& triples, size_t at, std::vector<bool>& used) {
  const TriplePattern& t = triples[at];
  TextCall c;
  std::vector<VarOrTerm> subjects{t.s};
  if (isListNode(t.s)) {
    auto items = readList(triples, t.s, used);
    if (!items || items->empty() || items->size() > 4) semantic("expected (?s ?score ?literal)");
    subjects = *items;
  }
  c.subject = subjects[0];
  if (subjects.size() > 1) {
    if (!subjects[1].isVar()) semantic("the score must be a variable");
    c.scoreVar = subjects[1].var;
  }
  if (subjects.size() > 2) {
    if (!subjects[2].isVar()) semantic("the literal must be a variable");
    c.literalVar = subjects[2].var;
  }
  std::vector<VarOrTerm> args{t.o};
  if (isListNode(t.o)) {
    auto items = readList(triples, t.o, used);
    if (!items) semantic("expected a query string or a list (property \"query\" limit)");
    args = *items;
  }
  for (const VarOrTerm& a : args) {
    if (a.isVar()) semantic("arguments must be constants, not ?" + a.var);
    const rdf::Term& term = a.term;
    if (term.isIri()) {
      if (!c.query.empty()) semantic("the property comes before the query string");
      c.predicates.push_back(term.value);
    } else if (term.isLiteral() && (term.datatype.empty() || !term.lang.empty())) {
      if (c.query.empty()) c.query = term.value;
      // Later strings ("lang:fr", "highlight:…") are Jena options this index does not use.
    } else if (term.isLiteral()) {
      uint64_t n = 0;
      auto [p, ec] = std::from_chars(term.value.data(), term.value.data() + term.value.size(), n);
      if (ec != std::errc() || p != term.value.data() + term.value.size())
        semantic("the limit must be a non-negative integer, not \"" + term.value + "\"");
      c.limit = n;
    } else {
      semantic("unexpected argument");
    }
  }
  if (c.query.empty()) semantic("missing query string");
  return c;
}

std::string formatScore(double v) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, ec == std::errc() ? p : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

SearchIndexes& needIndexes(Rewriter& r) {
  SearchIndexes* idx = r.indexes();
  if (!idx) throw ExecutionError("text:query / bif:contains: no text index is open for this store");
  return *idx;
}

/// The Table answering one Jena call.
algebra::OpPtr answerJena(const TextCall& c, Rewriter& r) {
  SearchIndexes& idx = needIndexes(r);
  rdf::text::TextSearch req;
  req.query = c.query;
  // Without a score to bind or a limit to cut at, the order of the hits cannot show.
  req.ranked = !c.scoreVar.empty() || c.limit != 0;
  for (const auto& iri : c.predicates) {
    auto id = r.txn.lookup(rdf::TermView{rdf::TermKind::Iri, iri, {}, {}});
    req.predicates.push_back(id ? *id : rdf::TermId(~uint64_t{0}));
  }
  std::vector<rdf::text::TextHit> hits = idx.text().search(req);
  std::optional<rdf::TermId> fixed;
  if (!c.subject.isVar())
    fixed = r.txn.lookup(c.subject.term.view()).value_or(rdf::TermId(~uint64_t{0}));
  auto table = std::make_unique<algebra::Table>();
  if (c.subject.isVar()) table->vars.push_back(c.subject.var);
  if (!c.scoreVar.empty()) table->vars.push_back(c.scoreVar);
  if (!c.literalVar.empty()) table->vars.push_back(c.literalVar);
  std::set<uint64_t> seen;  // one row per subject unless the literal is asked
  for (const auto& h : hits) {
    if (fixed && h.subject != *fixed) continue;
    if (c.literalVar.empty() && !seen.insert(h.subject.raw).second) continue;
    if (c.limit && table->rows.size() >= c.limit) break;
    std::vector<rdf::Term> row;
    std::vector<rdf::TermId> ids;
    if (c.subject.isVar()) {
      row.push_back(r.txn.decode(h.subject));
      ids.push_back(h.subject);
    }
    if (!c.scoreVar.empty()) {
      row.push_back(rdf::Term::literal(formatScore(h.score), std::string(kXsdDouble)));
      ids.push_back(rdf::kAny);
    }
    if (!c.literalVar.empty()) {
      row.push_back(r.txn.decode(h.literal));
      ids.push_back(h.literal);
    }
    table->rows.push_back(std::move(row));
    table->ids.push_back(std::move(ids));
  }
  r.notes.push_back("text:query \"" + c.query + "\": " + std::to_string(table->rows.size()) +
                    " hit(s)");
  return table;
}

/// When `?s <p> ?lit` is the only pattern binding the literal of `?lit bif:contains`,
/// `p` is indexed, every triple is in the default graph the pattern reads and the index
/// reflects the query's snapshot: the hits of `p` are exactly that pattern's matching
/// solutions, so Table(?s ?lit) replaces it (marked used). Its position, or nullopt.
std::optional<size_t> directBinding(const std::vector<TriplePattern>& triples,
                                    const TriplePattern& t, SearchIndexes& idx, Rewriter& r) {
  std::optional<size_t> found;
  for (size_t i = 0; i < triples.size(); ++i) {
    const auto& b = triples[i];
    if (!b.o.isVar() || b.o.var != t.s.var) continue;
    if (found || b.p.isVar() || !b.s.isVar() || b.s.var == t.s.var) return std::nullopt;
    found = i;
  }
  if (!found || !r.defaultGraphOnly()) return std::nullopt;
  auto p = r.txn.lookup(triples[*found].p.term.view());
  std::vector<rdf::TermId> indexed = idx.text().predicateIds(r.txn);
  if (!p || !std::binary_search(indexed.begin(), indexed.end(), *p)) return std::nullopt;
  if (idx.text().recordedMark() != rdf::text::storeMark(r.txn, indexed)) return std::nullopt;
  return found;
}

/// The Table answering `?lit bif:contains "expr"`: the distinct matching literals, or
/// (directBinding) the (subject, literal) pairs of the one pattern binding them.
algebra::OpPtr answerVirtuoso(const std::vector<TriplePattern>& triples, const TriplePattern& t,
                              std::vector<bool>& used, Rewriter& r) {
  if (!t.s.isVar()) throw SemanticError("bif:contains: the subject must be a variable");
  if (t.o.isVar() || !t.o.term.isLiteral())
    throw SemanticError("bif:contains: the object must be a string constant");
  SearchIndexes& idx = needIndexes(r);
  rdf::text::TextSearch req;
  req.query = rdf::text::fromVirtuoso(t.o.term.value);
  req.ranked = false;  // bif:contains binds no score
  // A constant predicate binding the literal narrows the search (the join checks it anyway).
  std::set<rdf::TermId> preds;
  bool anyPredicate = false;
  for (const auto& other : triples) {
    if (!other.o.isVar() || other.o.var != t.s.var) continue;
    if (other.p.isVar())
      anyPredicate = true;
    else if (auto id = r.txn.lookup(other.p.term.view()))
      preds.insert(*id);
  }
  if (!anyPredicate) req.predicates.assign(preds.begin(), preds.end());
  if (auto b = directBinding(triples, t, idx, r)) {
    const TriplePattern& binding = triples[*b];
    req.predicates = {*r.txn.lookup(binding.p.term.view())};
    std::vector<rdf::text::TextHit> hits = idx.text().search(req);
    auto table = std::make_unique<algebra::Table>();
    table->vars = {binding.s.var, t.s.var};
    for (const auto& h : hits) {  // one document per (subject, predicate, literal)
      table->rows.push_back({r.txn.decode(h.subject), r.txn.decode(h.literal)});
      table->ids.push_back({h.subject, h.literal});
    }
    used[*b] = true;
    r.notes.push_back("bif:contains \"" + t.o.term.value + "\": " +
                      std::to_string(table->rows.size()) + " (subject, literal) pair(s) of ?" +
                      binding.s.var);
    return table;
  }
  std::vector<rdf::text::TextHit> hits = idx.text().search(req);
  auto table = std::make_unique<algebra::Table>();
  table->vars.push_back(t.s.var);
  std::set<uint64_t> seen;
  for (const auto& h : hits) {
    if (!seen.insert(h.literal.raw).second) continue;
    table->rows.push_back({r.txn.decode(h.literal)});
    table->ids.push_back({h.literal});
  }
  r.notes.push_back("bif:contains \"" + t.o.term.value +
                    "\": " + std::to_string(table->rows.size()) + " literal(s)");
  return table;
}

}  // namespace

void rewriteTextBgp(algebra::OpPtr& op, Rewriter& r) {
  auto& bgp = algebra::as<algebra::Bgp>(*op);
  const auto& triples = bgp.triples;
  std::vector<bool> used(triples.size(), false);
  std::vector<algebra::OpPtr> tables;
  for (size_t i = 0; i < triples.size(); ++i) {
    if (isIri(triples[i].p, kTextQuery)) {
      used[i] = true;
      tables.push_back(answerJena(parseJena(triples, i, used), r));
    } else if (isIri(triples[i].p, kBifContains)) {
      used[i] = true;
      tables.push_back(answerVirtuoso(triples, triples[i], used, r));
    }
  }
  if (tables.empty()) return;
  auto rest = std::make_unique<algebra::Bgp>();
  for (size_t i = 0; i < triples.size(); ++i)
    if (!used[i]) rest->triples.push_back(triples[i]);
  algebra::OpPtr result = std::move(tables[0]);
  for (size_t i = 1; i < tables.size(); ++i)
    result = makeJoin(std::move(result), std::move(tables[i]));
  if (!rest->triples.empty()) result = makeJoin(std::move(result), std::move(rest));
  op = std::move(result);
}

}  // namespace bdis::sparql::ext::detail
