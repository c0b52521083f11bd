// Lowering of terms, the prologue, dataset clauses and VALUES blocks.

#include "rdf/error.h"
#include "sparql/parser/grammar/builtins.h"
#include "sparql/parser/iri.h"
#include "sparql/parser/lower/lowering.h"

namespace bdis::sparql::parser {
namespace {

constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";

}  // namespace

Lowering::Lowering(const Source& src, std::string base)
    : src_(src), initialBase_(std::move(base)) {}

void Lowering::failAt(size_t offset, const std::string& message) const {
  auto [line, col] = src_.lineColumn(offset);
  throw SyntaxError("", line, col, message);
}

SourcePos Lowering::position(size_t offset) const {
  auto [line, col] = src_.lineColumn(offset);
  return SourcePos{static_cast<uint32_t>(line), static_cast<uint32_t>(col)};
}

void Lowering::deeper(size_t offset, int n) {
  depth_ += n;
  if (depth_ > kMaxDepth) {
    failAt(offset, "query nested too deeply (more than " + std::to_string(kMaxDepth) +
                       " levels of groups, brackets or operators)");
  }
}

void Lowering::prologue(const std::vector<syntax::PrologueDecl>& decls, ast::Prologue& p) {
  for (const auto& d : decls) {
    if (d.name.type == Tok::End) {
      p.base = resolve(d.iri.text);
    } else {
      p.prefixes[d.name.text] = resolve(d.iri.text);
    }
  }
}

std::string Lowering::resolve(std::string_view iri) const {
  const std::string& base = prologue_ && !prologue_->base.empty() ? prologue_->base : initialBase_;
  return resolveIri(base, iri);
}

rdf::Term Lowering::iri(const Token& t) {
  if (t.type == Tok::IriRef) {
    return rdf::Term::iri(resolve(t.text));
  }
  if (t.type == Tok::Word) {  // the keyword `a`
    return rdf::Term::iri(std::string(rdf::kRdf) + "type");
  }
  auto it = prologue_->prefixes.find(t.text);
  if (it == prologue_->prefixes.end()) {
    failAt(t.offset, "undefined prefix '" + t.text + ":'");
  }
  return rdf::Term::iri(it->second + t.local);
}

rdf::Term Lowering::literal(const syntax::Term& t) {
  const Token& v = t.token;
  switch (v.type) {
    case Tok::Integer:
      return rdf::Term::literal(v.text, std::string(kXsdInteger));
    case Tok::Decimal:
      return rdf::Term::literal(v.text, std::string(kXsdDecimal));
    case Tok::Double:
      return rdf::Term::literal(v.text, std::string(kXsdDouble));
    case Tok::String:
      if (t.suffix.type == Tok::LangTag) {
        return rdf::Term::literal(v.text, {}, t.suffix.text);
      }
      if (t.suffix.type != Tok::End) {
        return rdf::Term::literal(v.text, iri(t.suffix).value);
      }
      return rdf::Term::literal(v.text);
    default:  // true / false
      return rdf::Term::literal(upperAscii(v.text) == "TRUE" ? "true" : "false",
                                std::string(kXsdBoolean));
  }
}

std::string Lowering::var(const Token& t) {
  if (noVars_) {
    failAt(t.offset, "variables are not allowed in INSERT DATA / DELETE DATA");
  }
  return t.text;
}

rdf::Term Lowering::freshBlank(size_t offset) {
  if (noBlanks_) {
    failAt(offset, "blank nodes are not allowed in DELETE templates and data");
  }
  return rdf::Term::blank(".b" + std::to_string(blankCounter_++));
}

rdf::Term Lowering::blank(const Token& t) {
  if (t.type == Tok::Anon) {
    return freshBlank(t.offset);
  }
  if (noBlanks_) {
    failAt(t.offset, "blank nodes are not allowed in DELETE templates and data");
  }
  if (!inTemplate_ || checkTemplateLabels_) {
    std::string key = (inTemplate_ ? "\x01" : "") + t.text;
    auto [it, inserted] = labelScope_.emplace(key, currentScope_);
    if (!inserted && it->second != currentScope_) {
      failAt(t.offset, "blank node label _:" + t.text +
                           " is already used in another basic graph pattern or operation");
    }
  }
  return rdf::Term::blank(t.text);
}

VarOrTerm Lowering::varOrTerm(const syntax::Term& t) {
  switch (t.token.type) {
    case Tok::Var:
      return VarOrTerm::variable(var(t.token));
    case Tok::IriRef:
    case Tok::PNameNs:
    case Tok::PNameLn:
      return VarOrTerm::of(iri(t.token));
    case Tok::BNodeLabel:
    case Tok::Anon:
      return VarOrTerm::of(blank(t.token));
    case Tok::Nil:
      return VarOrTerm::of(rdf::Term::iri(std::string(rdf::kRdf) + "nil"));
    default:
      return VarOrTerm::of(literal(t));
  }
}

VarOrTerm Lowering::varOrIri(const Token& t) {
  return t.type == Tok::Var ? VarOrTerm::variable(var(t)) : VarOrTerm::of(iri(t));
}

rdf::Term Lowering::dataValue(const syntax::Term& t) {
  if (t.token.type == Tok::Word && upperAscii(t.token.text) == "UNDEF") {
    return rdf::Term();
  }
  if (t.token.type == Tok::IriRef || t.token.type == Tok::PNameNs || t.token.type == Tok::PNameLn) {
    return iri(t.token);
  }
  return literal(t);
}

ast::ValuesBlock Lowering::dataBlock(const syntax::DataBlock& d) {
  ast::ValuesBlock vb;
  for (const auto& v : d.vars) {
    vb.vars.push_back(var(v));
  }
  for (const auto& row : d.rows) {
    std::vector<rdf::Term> values;
    for (const auto& v : row.values) {
      values.push_back(dataValue(v));
    }
    if (!d.single && values.size() != vb.vars.size()) {
      failAt(row.end, "VALUES row has " + std::to_string(values.size()) + " values for " +
                          std::to_string(vb.vars.size()) + " variables");
    }
    vb.rows.push_back(std::move(values));
  }
  return vb;
}

std::vector<rdf::Term> Lowering::dataset(const std::vector<syntax::DatasetClause>& clauses,
                                         bool named) {
  std::vector<rdf::Term> out;
  for (const auto& c : clauses) {
    if (c.named == named) {
      out.push_back(iri(c.iri));
    }
  }
  return out;
}

}  // namespace bdis::sparql::parser
