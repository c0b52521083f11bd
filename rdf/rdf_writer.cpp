#include "rdf/rdf_writer.h"

#include "rdf/error.h"
#include "rdf/turtle_lexical.h"

namespace bdis::rdf {

namespace {

const std::string kRdfType = std::string(kRdf) + "type";

bool same(const Term& owned, const TermView& v) { return owned.view() == v; }

void assign(Term& owned, const TermView& v) {
  owned.kind = v.kind;
  owned.value.assign(v.value);
  owned.datatype.assign(v.datatype);
  owned.lang.assign(v.lang);
}

}  // namespace

RdfWriter::RdfWriter(std::ostream& out, RdfFormat format, WriterOptions options)
    : out_(out),
      format_(format),
      options_(std::move(options)),
      turtleFamily_(format == RdfFormat::Turtle || format == RdfFormat::TriG) {
  // Keep the last IRI for each prefix name, in first-declared order.
  std::vector<std::pair<std::string, std::string>> unique;
  for (auto& [name, ns] : options_.prefixes) {
    if (!isTurtlePrefixName(name)) {
      continue;
    }
    bool replaced = false;
    for (auto& u : unique) {
      if (u.first == name) {
        u.second = ns;
        replaced = true;
      }
    }
    if (!replaced) {
      unique.emplace_back(name, ns);
    }
  }
  options_.prefixes = std::move(unique);
  const std::string& base = options_.baseIri;
  if (!base.empty() && base.find('#') == std::string::npos && base.find('?') == std::string::npos) {
    const auto slash = base.rfind('/');
    const auto scheme = base.find("://");
    if (slash != std::string::npos && scheme != std::string::npos && slash > scheme + 2) {
      baseDir_ = base.substr(0, slash + 1);
    }
  }
}

void RdfWriter::start() {
  started_ = true;
  if (!turtleFamily_) {
    return;
  }
  if (!options_.baseIri.empty()) {
    out_ << "@base " << toNTriples(Term::iri(options_.baseIri)) << " .\n";
  }
  for (const auto& [name, ns] : options_.prefixes) {
    out_ << "@prefix " << name << ": " << toNTriples(Term::iri(ns)) << " .\n";
  }
  if (!options_.baseIri.empty() || !options_.prefixes.empty()) {
    out_ << '\n';
  }
}

void RdfWriter::write(const QuadView& q) {
  if (!started_) {
    start();
  }
  ++statements_;
  if (!turtleFamily_) {
    term(q.s, false);
    out_ << ' ';
    term(q.p, false);
    out_ << ' ';
    term(q.o, false);
    if (format_ == RdfFormat::NQuads && !q.g.isNone()) {
      out_ << ' ';
      term(q.g, false);
    }
    out_ << " .\n";
    return;
  }
  const bool trig = format_ == RdfFormat::TriG;
  const TermView g = trig ? q.g : TermView{};
  if (trig && (!same(graph_, g) || (inGraph_ != !g.isNone()))) {
    closeGraph();
    assign(graph_, g);
    if (!g.isNone()) {
      term(g, false);
      out_ << " {\n";
      inGraph_ = true;
    }
  }
  const char* indent = inGraph_ ? "    " : "";
  if (inStatement_ && same(subject_, q.s)) {
    if (same(predicate_, q.p)) {
      out_ << " ,\n" << indent << "        ";
    } else {
      out_ << " ;\n" << indent << "    ";
      term(q.p, true);
      assign(predicate_, q.p);
      out_ << ' ';
    }
  } else {
    closeStatement();
    out_ << indent;
    term(q.s, false);
    out_ << ' ';
    term(q.p, true);
    out_ << ' ';
    assign(subject_, q.s);
    assign(predicate_, q.p);
    inStatement_ = true;
  }
  term(q.o, false);
}

void RdfWriter::closeStatement() {
  if (inStatement_) {
    out_ << " .\n";
  }
  inStatement_ = false;
}

void RdfWriter::closeGraph() {
  closeStatement();
  if (inGraph_) {
    out_ << "}\n";
  }
  inGraph_ = false;
  graph_ = Term();
}

void RdfWriter::finish() {
  if (!started_) {
    start();
  }
  closeGraph();
  out_.flush();
  if (!out_) {
    throw StorageError("cannot write RDF output: the output stream failed");
  }
}

void RdfWriter::term(const TermView& t, bool predicate) {
  switch (t.kind) {
    case TermKind::Iri:
      if (predicate && turtleFamily_ && t.value == kRdfType) {
        out_ << 'a';
      } else {
        iri(t.value);
      }
      break;
    case TermKind::Blank:
      blank(t.value);
      break;
    case TermKind::Literal:
      literal(t);
      break;
    case TermKind::None:
      break;
  }
}

void RdfWriter::iri(std::string_view value) {
  if (turtleFamily_) {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : options_.prefixes) {
      if (value.starts_with(p.second) && (!best || p.second.size() > best->second.size()) &&
          isTurtleLocalName(value.substr(p.second.size()))) {
        best = &p;
      }
    }
    if (best) {
      out_ << best->first << ':' << value.substr(best->second.size());
      return;
    }
    if (!baseDir_.empty() && value.starts_with(baseDir_)) {
      const std::string_view rest = value.substr(baseDir_.size());
      const auto stop = rest.find_first_of("/?#:");
      const bool simple = !rest.empty() && rest.front() != '.' && rest.front() != '#' &&
                          rest.front() != '?' &&
                          (stop == std::string_view::npos || rest[stop] != '/') &&
                          (stop == std::string_view::npos || rest[stop] != ':');
      if (simple) {
        out_ << toNTriples(TermView{TermKind::Iri, rest, {}, {}});
        return;
      }
    }
  }
  out_ << toNTriples(TermView{TermKind::Iri, value, {}, {}});
}

void RdfWriter::blank(std::string_view label) {
  // Valid labels pass unchanged, except those starting with the escape marker;
  // all others become the marker plus the label's bytes in hex (injective).
  static constexpr std::string_view kMarker = "bdisx";
  if (isTurtleBlankLabel(label) && !label.starts_with(kMarker)) {
    out_ << "_:" << label;
    return;
  }
  static const char* hex = "0123456789abcdef";
  out_ << "_:" << kMarker;
  for (unsigned char c : label) {
    out_ << hex[c >> 4] << hex[c & 15];
  }
}

void RdfWriter::literal(const TermView& t) {
  if (turtleFamily_ && t.lang.empty() && isBareLiteral(t.value, t.datatype)) {
    out_ << t.value;
    return;
  }
  out_ << toNTriples(TermView{TermKind::Literal, t.value, {}, {}});
  if (!t.lang.empty()) {
    out_ << '@' << t.lang;
  } else if (!t.datatype.empty() && t.datatype != kXsdString) {
    out_ << "^^";
    iri(t.datatype);
  }
}

}  // namespace bdis::rdf
