#include "loaders/mapping.h"

#include <fstream>
#include <sstream>

#include "loaders/text.h"
#include "loaders/toml_subset.h"
#include "rdf/error.h"

namespace bdis::loaders {

const std::unordered_map<std::string, std::string>& builtinPrefixes() {
  static const std::unordered_map<std::string, std::string> kPrefixes = {
      {"ess", "https://w3id.org/bdis/ess#"},
      {"essglobal", "http://purl.org/essglobal/vocab/"},
      {"schema", "http://schema.org/"},
      {"org", "http://www.w3.org/ns/org#"},
      {"rov", "http://www.w3.org/ns/regorg#"},
      {"adms", "http://www.w3.org/ns/adms#"},
      {"vcard", "http://www.w3.org/2006/vcard/ns#"},
      {"wgs84", "http://www.w3.org/2003/01/geo/wgs84_pos#"},
      {"geo", "http://www.opengis.net/ont/geosparql#"},
      {"dcterms", "http://purl.org/dc/terms/"},
      {"skos", "http://www.w3.org/2004/02/skos/core#"},
      {"prov", "http://www.w3.org/ns/prov#"},
      {"owl", "http://www.w3.org/2002/07/owl#"},
      {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"foaf", "http://xmlns.com/foaf/0.1/"},
      {"cj", "https://w3id.org/bdis/ess/cj/"},
      {"naf", "https://w3id.org/bdis/ess/naf/"},
      {"fam", "https://w3id.org/bdis/ess/family/"},
      {"lbl", "https://w3id.org/bdis/ess/label/"},
      {"kind", "https://w3id.org/bdis/ess/kind/"},
  };
  return kPrefixes;
}

const std::string* CodeList::lookup(std::string_view code) const {
  std::string lowered;
  if (caseInsensitive) {
    lowered.assign(code);
    for (auto& c : lowered) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    code = lowered;
  }
  for (size_t n = code.size(); n > 0; --n) {
    auto it = codes.find(code.substr(0, n));
    if (it != codes.end()) return &it->second;
    if (!prefixMatch) break;
  }
  return nullptr;
}

int Mapping::columnIndex(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

std::string Mapping::expand(std::string_view s, uint32_t line, uint32_t column) const {
  size_t colon = s.find(':');
  if (colon != std::string_view::npos && s.substr(colon + 1, 2) != "//") {
    std::string prefix(s.substr(0, colon));
    const std::string* ns = nullptr;
    if (auto it = prefixes.find(prefix); it != prefixes.end()) {
      ns = &it->second;
    } else if (auto b = builtinPrefixes().find(prefix); b != builtinPrefixes().end()) {
      ns = &b->second;
    }
    if (ns) {
      std::string out = *ns + std::string(s.substr(colon + 1));
      if (!isAbsoluteIri(out)) {
        throw SyntaxError(file, line, column, "'" + std::string(s) + "' is not a valid IRI");
      }
      return out;
    }
    if (prefix != "urn" && prefix != "mailto" && prefix != "tel") {
      throw SyntaxError(file, line, column,
                        "unknown prefix '" + prefix + ":' in '" + std::string(s) +
                            "' (declare it in [prefixes])");
    }
  }
  if (!isAbsoluteIri(s)) {
    throw SyntaxError(file, line, column,
                      "'" + std::string(s) + "' is neither a prefixed name nor an absolute IRI");
  }
  return std::string(s);
}

namespace {

class Builder {
 public:
  Builder(const TomlDocument& doc, const std::string& file) : doc_(doc) { m_.file = file; }

  Mapping build() {
    // Prefixes, nodes and code lists first: the other sections refer to them.
    for (const auto& t : doc_.tables) {
      if (t.name == "prefixes") prefixesTable(t);
    }
    for (const auto& t : doc_.tables) {
      if (t.name == "node")
        nodeTable(t);
      else if (t.name.rfind("codelist.", 0) == 0)
        codelistTable(t);
    }
    finishCodelists();
    bool haveSubject = false;
    for (const auto& t : doc_.tables) {
      const std::string& n = t.name;
      if (n.empty()) {
        if (!t.entries.empty()) fail(t.entries[0], "keys must be inside a [section]");
      } else if (n == "prefixes" || n == "node" || n.rfind("codelist.", 0) == 0) {
        if (t.arrayElement != (n == "node")) failTable(t, "[" + n + "] has the wrong brackets");
      } else if (n == "source") {
        single(t);
        sourceTable(t);
      } else if (n == "csv") {
        single(t);
        csvTable(t);
      } else if (n == "subject") {
        single(t);
        subjectTable(t);
        haveSubject = true;
      } else if (n == "field") {
        if (!t.arrayElement) failTable(t, "fields are written [[field]] (an array of tables)");
        fieldTable(t);
      } else if (n == "geometry") {
        single(t);
        geometryTable(t);
      } else if (n == "membership") {
        single(t);
        membershipTable(t);
      } else {
        failTable(t, "unknown section [" + n +
                         "] (expected source, prefixes, csv, subject, node, field, "
                         "codelist.NAME, geometry or membership)");
      }
    }
    if (!haveSubject) throw SyntaxError(m_.file, 0, 0, "the mapping has no [subject] section");
    if (m_.geometryIri.empty()) {
      TomlValue v;
      m_.geometryIri = compileTemplate("{@subject}/geometry/{@source}", v, TemplateUse::Node);
    }
    if (m_.membership && m_.source.network.empty()) {
      throw SyntaxError(m_.file, membershipLine_, 1,
                        "[membership] needs network = \"IRI\" in [source]");
    }
    return std::move(m_);
  }

 private:
  [[noreturn]] void fail(const TomlEntry& e, const std::string& what) const {
    throw SyntaxError(m_.file, e.line, e.column, what);
  }
  [[noreturn]] void failValue(const TomlValue& v, const std::string& what) const {
    throw SyntaxError(m_.file, v.line, v.column, what);
  }
  [[noreturn]] void failTable(const TomlTable& t, const std::string& what) const {
    throw SyntaxError(m_.file, t.line, 1, what);
  }
  void single(const TomlTable& t) const {
    if (t.arrayElement) failTable(t, "[[" + t.name + "]] must be written [" + t.name + "]");
  }
  [[noreturn]] void unknownKey(const TomlEntry& e, const std::string& section,
                               const std::string& allowed) const {
    fail(e, "unknown key '" + e.key + "' in [" + section + "] (allowed: " + allowed + ")");
  }

  std::string str(const TomlEntry& e) const {
    if (e.value.kind != TomlValue::Kind::String) fail(e, "'" + e.key + "' must be a string");
    return e.value.string;
  }
  bool boolean(const TomlEntry& e) const {
    if (e.value.kind != TomlValue::Kind::Boolean) fail(e, "'" + e.key + "' must be true or false");
    return e.value.boolean;
  }
  // A string or an array of strings.
  std::vector<std::pair<std::string, const TomlValue*>> strings(const TomlEntry& e) const {
    std::vector<std::pair<std::string, const TomlValue*>> out;
    if (e.value.kind == TomlValue::Kind::String) {
      out.emplace_back(e.value.string, &e.value);
      return out;
    }
    if (e.value.kind != TomlValue::Kind::Array)
      fail(e, "'" + e.key + "' must be a string or an array of strings");
    for (const auto& item : e.value.items) {
      if (item.kind != TomlValue::Kind::String)
        failValue(item, "'" + e.key + "' must hold strings only");
      out.emplace_back(item.string, &item);
    }
    return out;
  }
  std::vector<std::string> iris(const TomlEntry& e) const {
    std::vector<std::string> out;
    for (const auto& [s, v] : strings(e)) out.push_back(m_.expand(s, v->line, v->column));
    if (out.empty()) fail(e, "'" + e.key + "' must not be empty");
    return out;
  }
  std::string iri(const TomlEntry& e) const {
    return m_.expand(str(e), e.value.line, e.value.column);
  }

  uint32_t column(const std::string& name) {
    int i = m_.columnIndex(name);
    if (i >= 0) return static_cast<uint32_t>(i);
    m_.columns.push_back(name);
    return static_cast<uint32_t>(m_.columns.size() - 1);
  }
  int columnOf(const TomlEntry& e) {
    std::string name = str(e);
    if (name.empty()) fail(e, "'" + e.key + "' must name a column");
    return static_cast<int>(column(name));
  }

  enum class TemplateUse { Subject, Node, Field };

  IriTemplate compileTemplate(const std::string& text, const TomlValue& v, TemplateUse use) {
    IriTemplate t;
    t.source = text;
    t.line = v.line;
    size_t i = 0;
    while (i < text.size()) {
      size_t open = text.find('{', i);
      if (open == std::string::npos) open = text.size();
      if (open > i) {
        IriTemplate::Part p;
        p.text = text.substr(i, open - i);
        if (p.text.find('}') != std::string::npos)
          failValue(v, "unmatched '}' in template \"" + text + "\"");
        t.parts.push_back(std::move(p));
      }
      if (open == text.size()) break;
      size_t close = text.find('}', open);
      if (close == std::string::npos) failValue(v, "unclosed '{' in template \"" + text + "\"");
      std::string inner = text.substr(open + 1, close - open - 1);
      IriTemplate::Part p;
      std::string filter;
      if (size_t bar = inner.find('|'); bar != std::string::npos) {
        filter = inner.substr(bar + 1);
        inner = inner.substr(0, bar);
      }
      if (inner.empty()) failValue(v, "empty placeholder {} in template \"" + text + "\"");
      if (filter.empty())
        p.filter = IriTemplate::Filter::Escape;
      else if (filter == "slug")
        p.filter = IriTemplate::Filter::Slug;
      else if (filter == "digits")
        p.filter = IriTemplate::Filter::Digits;
      else if (filter == "lower")
        p.filter = IriTemplate::Filter::Lower;
      else if (filter == "raw")
        p.filter = IriTemplate::Filter::Raw;
      else
        failValue(v, "unknown filter '|" + filter + "' (expected slug, digits, lower or raw)");
      if (inner == "@subject") {
        if (use == TemplateUse::Subject)
          failValue(v, "{@subject} cannot be used in a subject template");
        p.kind = IriTemplate::PartKind::Subject;
      } else if (inner == "@source") {
        p.kind = IriTemplate::PartKind::Source;
      } else if (inner == "value") {
        if (use != TemplateUse::Field)
          failValue(v, "{value} is only meaningful in a [[field]] template");
        p.kind = IriTemplate::PartKind::Value;
      } else if (inner[0] == '@') {
        failValue(v, "unknown placeholder {" + inner + "} (expected @subject or @source)");
      } else {
        p.kind = IriTemplate::PartKind::Column;
        p.text = inner;
        p.column = column(inner);
      }
      t.parts.push_back(std::move(p));
      i = close + 1;
    }
    if (t.parts.empty()) failValue(v, "empty template");
    t.checkResult = false;
    for (const auto& p : t.parts) {
      if (p.kind == IriTemplate::PartKind::Column && p.filter == IriTemplate::Filter::Raw)
        t.checkResult = true;
      if (p.kind == IriTemplate::PartKind::Value && p.filter == IriTemplate::Filter::Raw)
        t.checkResult = true;
    }
    if (t.parts[0].kind != IriTemplate::PartKind::Text &&
        t.parts[0].kind != IriTemplate::PartKind::Subject) {
      t.checkResult = true;
    }
    if (t.parts[0].kind == IriTemplate::PartKind::Text) {
      std::string probe = t.parts[0].text + "x";
      if (!isAbsoluteIri(probe) && probe.find(':') == std::string::npos) {
        failValue(v, "template \"" + text + "\" must start with an absolute IRI (scheme:...)");
      }
    } else if (t.parts[0].kind == IriTemplate::PartKind::Column &&
               t.parts[0].filter != IriTemplate::Filter::Raw) {
      failValue(v, "template \"" + text + "\" must start with an absolute IRI or {@subject}");
    }
    return t;
  }
  IriTemplate templ(const TomlEntry& e, TemplateUse use) {
    return compileTemplate(str(e), e.value, use);
  }

  void prefixesTable(const TomlTable& t) {
    if (t.arrayElement) failTable(t, "[[prefixes]] must be written [prefixes]");
    for (const auto& e : t.entries) {
      std::string ns = str(e);
      if (!isAbsoluteIri(ns)) fail(e, "prefix '" + e.key + "' must map to an absolute IRI");
      m_.prefixes[e.key] = ns;
    }
  }

  void sourceTable(const TomlTable& t) {
    auto& s = m_.source;
    for (const auto& e : t.entries) {
      if (e.key == "id") {
        s.id = str(e);
        if (s.id.empty() || slugify(s.id) != s.id)
          fail(e, "source id must be lower-case letters, digits and '-'");
      } else if (e.key == "graph")
        s.graph = iri(e);
      else if (e.key == "title")
        s.title = str(e);
      else if (e.key == "url")
        s.url = iri(e);
      else if (e.key == "license")
        s.license = iri(e);
      else if (e.key == "network")
        s.network = iri(e);
      else if (e.key == "network_name")
        s.networkName = str(e);
      else if (e.key == "retrieved_at")
        s.retrievedAt = str(e);
      else
        unknownKey(e, "source",
                   "id, graph, title, url, license, network, network_name, retrieved_at");
    }
  }

  void csvTable(const TomlTable& t) {
    for (const auto& e : t.entries) {
      if (e.key == "delimiter") {
        std::string d = str(e);
        if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r') {
          fail(e, "delimiter must be one character other than '\"' and line breaks");
        }
        m_.delimiter = d[0];
      } else {
        unknownKey(e, "csv", "delimiter");
      }
    }
  }

  void subjectTable(const TomlTable& t) {
    for (const auto& e : t.entries) {
      if (e.key == "template")
        m_.subject = templ(e, TemplateUse::Subject);
      else if (e.key == "fallback" || e.key == "same_as") {
        auto& list = e.key == "fallback" ? m_.fallbacks : m_.sameAs;
        for (const auto& [s, v] : strings(e))
          list.push_back(compileTemplate(s, *v, TemplateUse::Subject));
      } else if (e.key == "types")
        m_.types = iris(e);
      else if (e.key == "id")
        m_.idColumn = columnOf(e);
      else
        unknownKey(e, "subject", "template, fallback, same_as, types, id");
    }
    if (m_.subject.empty()) failTable(t, "[subject] needs a template");
  }

  void nodeTable(const TomlTable& t) {
    NodeSpec n;
    n.line = t.line;
    for (const auto& e : t.entries) {
      if (e.key == "name")
        n.name = str(e);
      else if (e.key == "template")
        n.iri = templ(e, TemplateUse::Node);
      else if (e.key == "types")
        n.types = iris(e);
      else if (e.key == "link")
        n.links = iris(e);
      else
        unknownKey(e, "node", "name, template, types, link");
    }
    if (n.name.empty()) failTable(t, "[[node]] needs a name");
    if (n.iri.empty()) failTable(t, "[[node]] '" + n.name + "' needs a template");
    if (n.links.empty())
      failTable(t, "[[node]] '" + n.name + "' needs link = property from the subject");
    if (nodeIndex(n.name) >= 0) failTable(t, "[[node]] '" + n.name + "' is defined twice");
    m_.nodes.push_back(std::move(n));
  }

  int nodeIndex(const std::string& name) const {
    for (size_t i = 0; i < m_.nodes.size(); ++i) {
      if (m_.nodes[i].name == name) return static_cast<int>(i);
    }
    return -1;
  }
  int nodeRef(const TomlEntry& e) const {
    std::string name = str(e);
    int i = nodeIndex(name);
    if (i < 0) fail(e, "no [[node]] named '" + name + "'");
    return i;
  }

  void codelistTable(const TomlTable& t) {
    if (t.arrayElement) failTable(t, "code lists are written [codelist.NAME]");
    std::string rest = t.name.substr(9);
    bool codesTable = rest.size() > 6 && rest.compare(rest.size() - 6, 6, ".codes") == 0;
    std::string name = codesTable ? rest.substr(0, rest.size() - 6) : rest;
    if (name.empty() || name.find('.') != std::string::npos) {
      failTable(t, "code list sections are [codelist.NAME] and [codelist.NAME.codes]");
    }
    CodeList& cl = m_.codelists[name];
    cl.name = name;
    if (!cl.line) cl.line = t.line;
    if (codesTable) {
      for (const auto& e : t.entries) pendingCodes_.push_back({name, &e});
      return;
    }
    std::string base;
    const TomlEntry* values = nullptr;
    for (const auto& e : t.entries) {
      if (e.key == "match") {
        std::string v = str(e);
        if (v == "prefix")
          cl.prefixMatch = true;
        else if (v != "exact")
          fail(e, "match must be \"exact\" or \"prefix\"");
      } else if (e.key == "case") {
        std::string v = str(e);
        if (v == "insensitive")
          cl.caseInsensitive = true;
        else if (v != "sensitive")
          fail(e, "case must be \"sensitive\" or \"insensitive\"");
      } else if (e.key == "base") {
        base = iri(e);
      } else if (e.key == "values") {
        values = &e;
      } else {
        unknownKey(e, "codelist." + name,
                   "match, case, base, values (codes go in [codelist." + name + ".codes])");
      }
    }
    if (values) {
      if (base.empty()) fail(*values, "values = [...] needs base = \"IRI\" to build the concepts");
      for (const auto& [code, v] : strings(*values)) {
        std::string iriText = base;
        appendIriSegment(iriText, code);
        pendingValues_.push_back({name, code, iriText, v});
      }
    }
  }

  void finishCodelists() {
    for (auto& [name, entry] : pendingCodes_) {
      addCode(m_.codelists[name], entry->key, iri(*entry), entry->value);
    }
    for (auto& p : pendingValues_) addCode(m_.codelists[p.list], p.code, p.iri, *p.value);
    pendingCodes_.clear();
    pendingValues_.clear();
  }

  void addCode(CodeList& cl, std::string code, std::string target, const TomlValue& v) {
    if (cl.caseInsensitive) {
      for (auto& c : code) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    if (!cl.codes.emplace(code, std::move(target)).second) {
      failValue(v, "code '" + code + "' appears twice in code list '" + cl.name + "'");
    }
  }

  static ValueCheck parseCheck(const std::string& s, bool& ok) {
    ok = true;
    if (s == "siren") return ValueCheck::Siren;
    if (s == "siret") return ValueCheck::Siret;
    if (s == "rna") return ValueCheck::Rna;
    if (s == "integer") return ValueCheck::Integer;
    if (s == "decimal") return ValueCheck::Decimal;
    if (s == "date") return ValueCheck::Date;
    if (s == "boolean") return ValueCheck::Boolean;
    if (s == "email") return ValueCheck::Email;
    if (s == "postcode") return ValueCheck::PostalCode;
    if (s == "url") return ValueCheck::Url;
    ok = false;
    return ValueCheck::None;
  }

  void fieldTable(const TomlTable& t) {
    FieldSpec f;
    f.line = t.line;
    const TomlEntry* kindEntry = nullptr;
    const TomlEntry* templateEntry = nullptr;
    for (const auto& e : t.entries) {
      if (e.key == "column") {
        f.column = str(e);
        if (f.column.empty()) fail(e, "column must not be empty");
        f.columnIndex = column(f.column);
      } else if (e.key == "property") {
        f.properties = iris(e);
      } else if (e.key == "kind") {
        kindEntry = &e;
      } else if (e.key == "check") {
        bool ok;
        f.check = parseCheck(str(e), ok);
        if (!ok)
          fail(e, "unknown check '" + e.value.string +
                      "' (expected siren, siret, rna, integer, decimal, date, boolean, email, "
                      "postcode, url)");
      } else if (e.key == "datatype") {
        f.datatype = iri(e);
      } else if (e.key == "lang") {
        f.lang = str(e);
        for (char c : f.lang) {
          if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-')) {
            fail(e, "invalid language tag '" + f.lang + "'");
          }
        }
      } else if (e.key == "template") {
        templateEntry = &e;
      } else if (e.key == "codelist") {
        f.codelist = str(e);
        if (!m_.codelists.count(f.codelist)) fail(e, "no [codelist." + f.codelist + "] section");
      } else if (e.key == "separator") {
        f.separator = str(e);
        if (f.separator.empty()) fail(e, "separator must not be empty");
      } else if (e.key == "required") {
        f.required = boolean(e);
      } else if (e.key == "unknown") {
        std::string v = str(e);
        if (v == "ignore")
          f.ignoreUnknown = true;
        else if (v != "reject")
          fail(e, "unknown must be \"reject\" or \"ignore\"");
      } else if (e.key == "node") {
        f.node = nodeRef(e);
      } else {
        unknownKey(e, "field",
                   "column, property, kind, check, datatype, lang, template, codelist, separator, "
                   "required, unknown, node");
      }
    }
    if (f.column.empty()) failTable(t, "[[field]] needs column = \"...\"");
    if (f.properties.empty()) failTable(t, "[[field]] '" + f.column + "' needs property = \"...\"");
    // The kind: explicit, or implied by codelist / template / check.
    if (kindEntry) {
      std::string k = str(*kindEntry);
      if (k == "literal")
        f.kind = ValueKind::Literal;
      else if (k == "iri")
        f.kind = ValueKind::Iri;
      else if (k == "concept")
        f.kind = ValueKind::Concept;
      else
        fail(*kindEntry, "kind must be \"literal\", \"iri\" or \"concept\"");
    } else if (!f.codelist.empty()) {
      f.kind = ValueKind::Concept;
    } else if (templateEntry || f.check == ValueCheck::Url) {
      f.kind = ValueKind::Iri;
    }
    if (f.kind == ValueKind::Concept && f.codelist.empty())
      failTable(t, "a concept field needs codelist = \"NAME\"");
    if (f.kind != ValueKind::Concept && !f.codelist.empty())
      failTable(t, "codelist is only for kind = \"concept\"");
    if (templateEntry) {
      if (f.kind != ValueKind::Iri) fail(*templateEntry, "template is only for kind = \"iri\"");
      f.iri = templ(*templateEntry, TemplateUse::Field);
    }
    if (f.kind != ValueKind::Literal && (!f.datatype.empty() || !f.lang.empty())) {
      failTable(t, "datatype and lang are only for literal fields");
    }
    if (!f.datatype.empty() && !f.lang.empty())
      failTable(t, "a literal has a datatype or a language, not both");
    if (f.datatype.empty() && f.lang.empty()) {
      switch (f.check) {
        case ValueCheck::Integer:
          f.datatype = "http://www.w3.org/2001/XMLSchema#integer";
          break;
        case ValueCheck::Decimal:
          f.datatype = "http://www.w3.org/2001/XMLSchema#decimal";
          break;
        case ValueCheck::Date:
          f.datatype = "http://www.w3.org/2001/XMLSchema#date";
          break;
        case ValueCheck::Boolean:
          f.datatype = "http://www.w3.org/2001/XMLSchema#boolean";
          break;
        default:
          break;
      }
    }
    m_.fields.push_back(std::move(f));
  }

  void geometryTable(const TomlTable& t) {
    for (const auto& e : t.entries) {
      if (e.key == "lat")
        m_.latColumn = columnOf(e);
      else if (e.key == "lon")
        m_.lonColumn = columnOf(e);
      else if (e.key == "node")
        m_.geometryNode = nodeRef(e);
      else if (e.key == "required")
        m_.geometryRequired = boolean(e);
      else if (e.key == "template")
        m_.geometryIri = templ(e, TemplateUse::Node);
      else
        unknownKey(e, "geometry", "lat, lon, node, required, template");
    }
    if ((m_.latColumn < 0) != (m_.lonColumn < 0))
      failTable(t, "[geometry] needs both lat and lon (or neither, for GeoJSON)");
  }

  void membershipTable(const TomlTable& t) {
    m_.membership = true;
    membershipLine_ = t.line;
    for (const auto& e : t.entries) {
      if (e.key == "since")
        m_.memberSinceColumn = columnOf(e);
      else if (e.key == "until")
        m_.memberUntilColumn = columnOf(e);
      else
        unknownKey(e, "membership", "since, until");
    }
  }

  struct PendingValue {
    std::string list, code, iri;
    const TomlValue* value;
  };
  const TomlDocument& doc_;
  Mapping m_;
  std::vector<std::pair<std::string, const TomlEntry*>> pendingCodes_;
  std::vector<PendingValue> pendingValues_;
  uint32_t membershipLine_ = 0;
};

}  // namespace

Mapping parseMapping(std::string_view text, const std::string& file) {
  TomlDocument doc = parseToml(text, file);
  return Builder(doc, file).build();
}

Mapping loadMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StorageError("cannot read mapping file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseMapping(ss.str(), path);
}

}  // namespace bdis::loaders
