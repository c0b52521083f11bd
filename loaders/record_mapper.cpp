#include "loaders/record_mapper.h"

#include "loaders/text.h"
#include "loaders/value_checks.h"
#include "rdf/error.h"

namespace bdis::loaders {

namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kOwlSameAs = "http://www.w3.org/2002/07/owl#sameAs";
constexpr std::string_view kSourceId = "https://w3id.org/bdis/ess#sourceId";
constexpr std::string_view kLat = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
constexpr std::string_view kLong = "http://www.w3.org/2003/01/geo/wgs84_pos#long";
constexpr std::string_view kHasGeometry = "http://www.opengis.net/ont/geosparql#hasGeometry";
constexpr std::string_view kAsWkt = "http://www.opengis.net/ont/geosparql#asWKT";
constexpr std::string_view kGeometry = "http://www.opengis.net/ont/geosparql#Geometry";
constexpr std::string_view kWktLiteral = "http://www.opengis.net/ont/geosparql#wktLiteral";
constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
constexpr std::string_view kEssMemberOf = "https://w3id.org/bdis/ess#memberOf";
constexpr std::string_view kOrgMemberOf = "http://www.w3.org/ns/org#memberOf";
constexpr std::string_view kEssMembership = "https://w3id.org/bdis/ess#Membership";
constexpr std::string_view kOrgMembership = "http://www.w3.org/ns/org#Membership";
constexpr std::string_view kOrgMember = "http://www.w3.org/ns/org#member";
constexpr std::string_view kOrgOrganization = "http://www.w3.org/ns/org#organization";
constexpr std::string_view kMemberSince = "https://w3id.org/bdis/ess#memberSince";
constexpr std::string_view kMemberUntil = "https://w3id.org/bdis/ess#memberUntil";

rdf::TermView iriView(std::string_view v) { return rdf::TermView{rdf::TermKind::Iri, v, {}, {}}; }

}  // namespace

SourceInfo resolveSource(const Mapping& mapping, const SourceInfo& given) {
  SourceInfo s = given;
  const SourceDefaults& d = mapping.source;
  auto fill = [](std::string& field, const std::string& fallback) {
    if (field.empty()) field = fallback;
  };
  fill(s.id, d.id);
  fill(s.graph, d.graph);
  fill(s.title, d.title);
  fill(s.url, d.url);
  fill(s.license, d.license);
  fill(s.network, d.network);
  fill(s.networkName, d.networkName);
  fill(s.retrievedAt, d.retrievedAt);
  if (s.graph.empty()) {
    throw SemanticError(
        "no graph for the source: give one (--graph) or write graph = \"IRI\" in [source] of " +
        mapping.file);
  }
  if (s.id.empty()) {
    std::string_view g = s.graph;
    while (!g.empty() && (g.back() == '/' || g.back() == '#')) g.remove_suffix(1);
    size_t cut = g.find_last_of("/#:");
    s.id = slugify(cut == std::string_view::npos ? g : g.substr(cut + 1));
    if (s.id.empty()) s.id = "source";
  }
  return s;
}

RecordMapper::RecordMapper(const Mapping& mapping, const SourceInfo& source)
    : m_(mapping), source_(source), graph_(iriView(source_.graph)) {
  nodeIris_.resize(m_.nodes.size());
  effective_.resize(m_.columns.size());
  std::string_view net = source_.network;
  while (!net.empty() && (net.back() == '/' || net.back() == '#')) net.remove_suffix(1);
  size_t cut = net.find_last_of("/#:");
  memberSlug_ = slugify(cut == std::string_view::npos ? net : net.substr(cut + 1));
  if (memberSlug_.empty()) memberSlug_ = source_.id;
}

std::string& RecordMapper::scratch() {
  if (scratchUsed_ == scratch_.size()) scratch_.emplace_back();
  std::string& s = scratch_[scratchUsed_++];
  s.clear();
  return s;
}

bool RecordMapper::expand(const IriTemplate& t, std::span<const std::string_view> values,
                          std::string_view value, std::string& out) const {
  out.clear();
  for (const auto& part : t.parts) {
    std::string_view v;
    switch (part.kind) {
      case IriTemplate::PartKind::Text:
        out += part.text;
        continue;
      case IriTemplate::PartKind::Subject:
        out += subject_;
        continue;
      case IriTemplate::PartKind::Source:
        out += source_.id;
        continue;
      case IriTemplate::PartKind::Value:
        v = value;
        break;
      case IriTemplate::PartKind::Column:
        v = trim(values[part.column]);
        break;
    }
    if (v.empty()) return false;
    switch (part.filter) {
      case IriTemplate::Filter::Escape:
        appendIriSegment(out, v);
        break;
      case IriTemplate::Filter::Raw:
        out += v;
        break;
      case IriTemplate::Filter::Slug: {
        std::string slug = slugify(v);
        if (slug.empty()) return false;
        out += slug;
        break;
      }
      case IriTemplate::Filter::Digits: {
        size_t before = out.size();
        for (char c : v) {
          if (c >= '0' && c <= '9') out.push_back(c);
        }
        if (out.size() == before) return false;
        break;
      }
      case IriTemplate::Filter::Lower: {
        std::string lower;
        for (char c : v)
          lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        appendIriSegment(out, lower);
        break;
      }
    }
  }
  return !t.checkResult || isAbsoluteIri(out);
}

void RecordMapper::emit(std::string_view s, std::string_view p, rdf::TermView o) {
  quads_.push_back(rdf::QuadView{iriView(s), iriView(p), o, graph_});
}

void RecordMapper::emitIri(std::string_view s, std::string_view p, std::string_view o) {
  emit(s, p, iriView(o));
}

bool RecordMapper::map(std::span<const std::string_view> values, const RecordGeometry* geometry,
                       RecordIssue& issue) {
  BDIS_ASSERT(values.size() == m_.columns.size());
  scratchUsed_ = 0;
  quads_.clear();
  fieldValues_.clear();
  for (size_t i = 0; i < values.size(); ++i) effective_[i] = values[i];

  auto reject = [&](Problem p, const std::string& column, std::string reason) {
    issue.problem = p;
    issue.column = column;
    issue.reason = std::move(reason);
    return false;
  };

  // 1. Check every field value; compute objects (IRIs of iri fields come after the subject).
  std::string reason;
  for (size_t fi = 0; fi < m_.fields.size(); ++fi) {
    const FieldSpec& f = m_.fields[fi];
    std::string_view raw = trim(values[f.columnIndex]);
    size_t before = fieldValues_.size();
    size_t pos = 0;
    while (pos <= raw.size() && !raw.empty()) {
      size_t end = raw.size();
      size_t sepLen = 0;
      size_t j = raw.find(kItemSeparator, pos);
      if (j != std::string_view::npos) end = j, sepLen = 1;
      if (!f.separator.empty()) {
        size_t k = raw.find(f.separator, pos);
        if (k != std::string_view::npos && k < end) end = k, sepLen = f.separator.size();
      }
      std::string_view item = trim(raw.substr(pos, end - pos));
      pos = end + (sepLen ? sepLen : 1);
      if (item.empty()) {
        if (sepLen == 0) break;
        continue;
      }
      std::string_view checked = item;
      if (f.check != ValueCheck::None) {
        std::string& out = scratch();
        Problem problem;
        if (!checkValue(f.check, item, out, problem, reason))
          return reject(problem, f.column, reason);
        checked = out;
      }
      rdf::TermView object;
      switch (f.kind) {
        case ValueKind::Literal:
          object = rdf::TermView{rdf::TermKind::Literal, checked, f.datatype, f.lang};
          break;
        case ValueKind::Concept: {
          const std::string* target = m_.codelists.at(f.codelist).lookup(checked);
          if (!target) {
            if (f.ignoreUnknown) {
              if (sepLen == 0) break;
              continue;
            }
            return reject(
                Problem::UnknownCode, f.column,
                "'" + std::string(checked) + "' is not in code list '" + f.codelist + "'");
          }
          object = iriView(*target);
          break;
        }
        case ValueKind::Iri:
          // Built after the subject is known (the template may use {@subject}); keep the value.
          object = rdf::TermView{rdf::TermKind::None, checked, {}, {}};
          break;
      }
      if (object.kind != rdf::TermKind::None || f.kind == ValueKind::Iri)
        fieldValues_.push_back({fi, object});
      if (f.check == ValueCheck::Siren || f.check == ValueCheck::Siret ||
          f.check == ValueCheck::Rna || f.check == ValueCheck::PostalCode) {
        effective_[f.columnIndex] = checked;  // templates see the normalised identifier
      }
      if (sepLen == 0) break;
    }
    if (f.required && fieldValues_.size() == before) {
      return reject(Problem::MissingRequired, f.column,
                    "required column '" + f.column + "' is empty");
    }
  }

  // 2. The subject: the template, else the first fallback whose columns all have values.
  std::string& subject = scratch();
  const IriTemplate* used = &m_.subject;
  bool haveSubject = expand(m_.subject, effective_, {}, subject);
  for (size_t i = 0; !haveSubject && i < m_.fallbacks.size(); ++i) {
    used = &m_.fallbacks[i];
    haveSubject = expand(*used, effective_, {}, subject);
  }
  if (!haveSubject) {
    std::string cols;
    auto addCols = [&](const IriTemplate& t) {
      for (const auto& p : t.parts) {
        if (p.kind == IriTemplate::PartKind::Column &&
            cols.find("'" + p.text + "'") == std::string::npos) {
          cols += (cols.empty() ? "'" : ", '") + p.text + "'";
        }
      }
    };
    addCols(m_.subject);
    for (const auto& t : m_.fallbacks) addCols(t);
    return reject(Problem::MissingRequired, {},
                  "no subject IRI: the subject template needs " + cols);
  }
  subject_ = subject;

  // 3. Geometry (may reject the record).
  quads_.reserve(8 + fieldValues_.size() * 2);
  if (!mapGeometry(values, geometry, issue)) return false;
  geometryQuads_.clear();
  geometryQuads_.swap(quads_);

  // 4. Emit: types, source id, same-as links, nodes, fields, geometry, membership.
  for (const auto& t : m_.types) emitIri(subject_, kRdfType, t);
  if (m_.idColumn >= 0) {
    std::string_view id = trim(values[static_cast<size_t>(m_.idColumn)]);
    if (!id.empty()) emit(subject_, kSourceId, rdf::TermView{rdf::TermKind::Literal, id, {}, {}});
  }
  for (const auto& t : m_.sameAs) {
    if (t.source == used->source) continue;  // the subject itself
    std::string& other = scratch();
    if (expand(t, effective_, {}, other) && other != subject_) emitIri(subject_, kOwlSameAs, other);
  }
  for (auto& n : nodeIris_) n = {};
  for (const auto& fv : fieldValues_) {
    const FieldSpec& f = m_.fields[fv.field];
    std::string_view s = subject_;
    if (f.node >= 0) {
      auto& nodeIri = nodeIris_[static_cast<size_t>(f.node)];
      if (nodeIri.empty()) {
        const NodeSpec& node = m_.nodes[static_cast<size_t>(f.node)];
        std::string& iri = scratch();
        if (!expand(node.iri, effective_, {}, iri)) continue;
        nodeIri = iri;
        for (const auto& link : node.links) emitIri(subject_, link, nodeIri);
        for (const auto& t : node.types) emitIri(nodeIri, kRdfType, t);
      }
      s = nodeIri;
    }
    rdf::TermView object = fv.object;
    if (f.kind == ValueKind::Iri) {
      std::string_view value = object.value;
      if (!f.iri.empty()) {
        std::string& iri = scratch();
        if (!expand(f.iri, effective_, value, iri)) {
          return reject(
              Problem::BadValue, f.column,
              "'" + std::string(value) + "' gives no valid IRI with \"" + f.iri.source + "\"");
        }
        object = iriView(iri);
      } else {
        if (!isAbsoluteIri(value)) {
          return reject(Problem::BadValue, f.column,
                        "'" + std::string(value) + "' is not an absolute IRI");
        }
        object = iriView(value);
      }
    }
    for (const auto& p : f.properties) emit(s, p, object);
  }
  for (const auto& q : geometryQuads_) quads_.push_back(q);
  // Geometry quads were built with the subject known; the geometry node may hang on a node.
  if (!geometryQuads_.empty() && m_.geometryNode >= 0 &&
      nodeIris_[static_cast<size_t>(m_.geometryNode)].empty()) {
    const NodeSpec& node = m_.nodes[static_cast<size_t>(m_.geometryNode)];
    std::string_view target = geometryTarget_;
    for (const auto& link : node.links) emitIri(subject_, link, target);
    for (const auto& t : node.types) emitIri(target, kRdfType, t);
  }
  if (m_.membership && !source_.network.empty()) {
    emitIri(subject_, kEssMemberOf, source_.network);
    emitIri(subject_, kOrgMemberOf, source_.network);
    std::string& ms = scratch();
    ms.append(subject_).append("/membership/").append(memberSlug_);
    emitIri(ms, kRdfType, kEssMembership);
    emitIri(ms, kRdfType, kOrgMembership);
    emitIri(ms, kOrgMember, subject_);
    emitIri(ms, kOrgOrganization, source_.network);
    auto date = [&](int col, std::string_view prop) {
      if (col < 0) return true;
      std::string_view v = trim(values[static_cast<size_t>(col)]);
      if (v.empty()) return true;
      std::string& out = scratch();
      Problem problem;
      if (!checkValue(ValueCheck::Date, v, out, problem, reason)) return false;
      emit(ms, prop, rdf::TermView{rdf::TermKind::Literal, out, kXsdDate, {}});
      return true;
    };
    if (!date(m_.memberSinceColumn, kMemberSince)) {
      return reject(Problem::BadValue, m_.columns[static_cast<size_t>(m_.memberSinceColumn)],
                    reason);
    }
    if (!date(m_.memberUntilColumn, kMemberUntil)) {
      return reject(Problem::BadValue, m_.columns[static_cast<size_t>(m_.memberUntilColumn)],
                    reason);
    }
  }
  return true;
}

bool RecordMapper::mapGeometry(std::span<const std::string_view> values,
                               const RecordGeometry* geometry, RecordIssue& issue) {
  std::string_view latLex, lonLex, wkt;
  if (geometry && !geometry->wkt.empty()) {
    wkt = geometry->wkt;
    if (geometry->isPoint) latLex = geometry->latLexical, lonLex = geometry->lonLexical;
  } else if (m_.latColumn >= 0) {
    std::string_view lat = trim(values[static_cast<size_t>(m_.latColumn)]);
    std::string_view lon = trim(values[static_cast<size_t>(m_.lonColumn)]);
    if (lat.empty() && lon.empty()) {
      if (!m_.geometryRequired) return true;
      issue.problem = Problem::MissingRequired;
      issue.column = m_.columns[static_cast<size_t>(m_.latColumn)];
      issue.reason = "coordinates are required and empty";
      return false;
    }
    double la = 0, lo = 0;
    std::string& latOut = scratch();
    std::string& lonOut = scratch();
    bool okLat = parseCoordinate(lat, 90, la, latOut);
    bool okLon = parseCoordinate(lon, 180, lo, lonOut);
    if (!okLat || !okLon || (la == 0 && lo == 0)) {
      issue.problem = Problem::BadCoordinates;
      issue.column = m_.columns[static_cast<size_t>(okLat ? m_.lonColumn : m_.latColumn)];
      issue.reason =
          "invalid coordinates (lat '" + std::string(lat) + "', lon '" + std::string(lon) + "')";
      return false;
    }
    latLex = latOut;
    lonLex = lonOut;
    std::string& w = scratch();
    w.append("POINT(").append(lonLex).append(" ").append(latLex).append(")");
    wkt = w;
  } else {
    if (!m_.geometryRequired || m_.geometryIri.empty()) return true;
    issue.problem = Problem::MissingRequired;
    issue.reason = "the geometry is required and missing";
    return false;
  }
  if (m_.geometryIri.empty()) return true;
  std::string_view target = subject_;
  if (m_.geometryNode >= 0) {
    std::string& nodeIri = scratch();
    if (!expand(m_.nodes[static_cast<size_t>(m_.geometryNode)].iri, effective_, {}, nodeIri))
      return true;
    target = nodeIri;
  }
  geometryTarget_ = target;
  std::string& g = scratch();
  if (!expand(m_.geometryIri, effective_, {}, g)) return true;
  if (!latLex.empty()) {
    emit(target, kLat, rdf::TermView{rdf::TermKind::Literal, latLex, kXsdDecimal, {}});
    emit(target, kLong, rdf::TermView{rdf::TermKind::Literal, lonLex, kXsdDecimal, {}});
  }
  emitIri(target, kHasGeometry, g);
  emitIri(g, kRdfType, kGeometry);
  emit(g, kAsWkt, rdf::TermView{rdf::TermKind::Literal, wkt, kWktLiteral, {}});
  return true;
}

}  // namespace bdis::loaders
