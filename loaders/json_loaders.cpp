#include "loaders/json_loaders.h"

#include <charconv>
#include <cmath>
#include <deque>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "loaders/load_session.h"
#include "loaders/text.h"
#include "rdf/error.h"

namespace bdis::loaders {

namespace {

using json = nlohmann::json;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw StorageError("cannot read " + path);
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
    throw StorageError("cannot read " + path);
  return text;
}

// Parses `text` (ill-formed UTF-8 replaced first), handing each element of the top-level list to
// `onElement` as soon as it is complete and dropping it afterwards, so that memory stays bounded
// by one element. The list is the root array, or the array under the root key `listKey`.
// Returns the root without the list's elements. Errors name the line and column.
template <typename OnElement>
json streamElements(std::string_view text, const std::string& name, const std::string& listKey,
                    bool& sanitized, bool& listSeen, OnElement onElement) {
  std::string clean;
  std::string_view input = text;
  sanitized = false;
  if (!isValidUtf8(text)) {
    clean = sanitizeUtf8(text, sanitized);
    input = clean;
  }
  bool rootIsArray = false;
  std::string topKey;
  uint64_t index = 0;
  listSeen = false;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 0 && event == json::parse_event_t::array_start) {
      rootIsArray = true;
      listSeen = true;
    }
    if (!rootIsArray && depth == 1 && event == json::parse_event_t::key)
      topKey = parsed.get<std::string>();
    if (!rootIsArray && depth == 1 && event == json::parse_event_t::array_start &&
        topKey == listKey) {
      listSeen = true;
    }
    int elementDepth = rootIsArray ? 1 : 2;
    bool inList = rootIsArray || topKey == listKey;
    if (depth == elementDepth && inList &&
        (event == json::parse_event_t::object_end || event == json::parse_event_t::value ||
         event == json::parse_event_t::array_end)) {
      onElement(++index, parsed);
      return false;  // dropped: the element has been handled
    }
    return true;
  };
  try {
    return json::parse(input.begin(), input.end(), callback);
  } catch (const json::parse_error& e) {
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    uint64_t line = 1, col = 1;
    for (size_t i = 0; i < byte && i < input.size(); ++i) {
      if (input[i] == '\n')
        ++line, col = 1;
      else
        ++col;
    }
    std::string what = e.what();
    if (size_t p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    throw SyntaxError(name, line, col, "invalid JSON: " + what);
  }
}

std::string numberText(const json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  double d = v.get<double>();
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

// Flattens the values of one record, one per mapping column.
class Flattener {
 public:
  explicit Flattener(const Mapping& m) : m_(m), values_(m.columns.size()) {
    for (const auto& c : m.columns) {
      std::vector<std::string> path;
      size_t start = 0;
      while (true) {
        size_t dot = c.find('.', start);
        path.push_back(c.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      paths_.push_back(std::move(path));
    }
  }

  // Fills values() from `obj`; `fallback` (may be null) is tried for columns absent from obj.
  void flatten(const json& obj, const json* fallback) {
    scratchUsed_ = 0;
    for (size_t i = 0; i < paths_.size(); ++i) {
      std::string& out = scratch();
      collect(obj, paths_[i], 0, out);
      if (out.empty() && fallback) collect(*fallback, paths_[i], 0, out);
      values_[i] = out;
    }
  }

  const std::vector<std::string_view>& values() const { return values_; }

  bool hasReplacement(int& column) const {
    for (size_t i = 0; i < values_.size(); ++i) {
      if (values_[i].find(kReplacement) != std::string_view::npos) {
        column = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }

 private:
  void append(std::string& out, std::string_view v) {
    if (v.empty()) return;
    if (!out.empty()) out.push_back(kItemSeparator);
    out += v;
  }

  void collect(const json& v, const std::vector<std::string>& path, size_t depth,
               std::string& out) {
    if (v.is_array()) {
      for (const auto& item : v) collect(item, path, depth, out);
      return;
    }
    if (depth == path.size()) {
      if (v.is_string())
        append(out, v.get_ref<const std::string&>());
      else if (v.is_boolean())
        append(out, v.get<bool>() ? "true" : "false");
      else if (v.is_number())
        append(out, numberText(v));
      return;
    }
    if (!v.is_object()) return;
    auto it = v.find(path[depth]);
    if (it == v.end()) return;
    collect(*it, path, depth + 1, out);
  }

  std::string& scratch() {
    if (scratchUsed_ == scratch_.size()) scratch_.emplace_back();
    std::string& s = scratch_[scratchUsed_++];
    s.clear();
    return s;
  }

  const Mapping& m_;
  std::vector<std::vector<std::string>> paths_;
  std::vector<std::string_view> values_;
  std::deque<std::string> scratch_;
  size_t scratchUsed_ = 0;
};

// GeoJSON geometry -> WKT. Returns false with a reason for anything malformed.
class WktWriter {
 public:
  bool write(const json& g, RecordGeometry& out, std::string& reason) {
    out = RecordGeometry{};
    if (!g.is_object()) return fail(reason, "geometry is not an object");
    auto type = g.find("type");
    if (type == g.end() || !type->is_string()) return fail(reason, "geometry has no type");
    const std::string& t = type->get_ref<const std::string&>();
    auto coords = g.find("coordinates");
    if (coords == g.end()) return fail(reason, "geometry has no coordinates");
    std::string& w = out.wkt;
    if (t == "Point") {
      double lon, lat;
      if (!position(*coords, lon, lat, reason)) return false;
      out.isPoint = true;
      out.lonLexical = num(lon);
      out.latLexical = num(lat);
      w = "POINT(" + out.lonLexical + " " + out.latLexical + ")";
      return true;
    }
    int depth;
    std::string name;
    if (t == "MultiPoint")
      depth = 1, name = "MULTIPOINT";
    else if (t == "LineString")
      depth = 1, name = "LINESTRING";
    else if (t == "Polygon")
      depth = 2, name = "POLYGON";
    else if (t == "MultiLineString")
      depth = 2, name = "MULTILINESTRING";
    else if (t == "MultiPolygon")
      depth = 3, name = "MULTIPOLYGON";
    else
      return fail(reason, "unsupported geometry type '" + t + "'");
    w = name;
    return nested(*coords, depth, w, reason);
  }

 private:
  static bool fail(std::string& reason, std::string what) {
    reason = std::move(what);
    return false;
  }
  static std::string num(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    return std::string(buf, r.ptr);
  }
  static bool position(const json& p, double& lon, double& lat, std::string& reason) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
      return fail(reason, "a position must be [longitude, latitude]");
    }
    lon = p[0].get<double>();
    lat = p[1].get<double>();
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180 || std::fabs(lat) > 90) {
      return fail(reason, "coordinates out of range: [" + p[0].dump() + ", " + p[1].dump() + "]");
    }
    return true;
  }
  bool nested(const json& c, int depth, std::string& w, std::string& reason) {
    if (!c.is_array() || c.empty()) return fail(reason, "empty or malformed coordinates");
    w += "(";
    bool first = true;
    for (const auto& item : c) {
      if (!first) w += ", ";
      first = false;
      if (depth == 1) {
        double lon, lat;
        if (!position(item, lon, lat, reason)) return false;
        w += num(lon) + " " + num(lat);
      } else if (!nested(item, depth - 1, w, reason)) {
        return false;
      }
    }
    w += ")";
    return true;
  }
};

LoadReport loadGeoJsonText(std::string_view text, const std::string& name, const Mapping& mapping,
                           const SourceInfo& source, rdf::QuadSink& sink,
                           const LoaderOptions& options) {
  LoadSession session(mapping, source, sink, options, name, "feature", "application/geo+json");
  Flattener flat(mapping);
  WktWriter wkt;
  RecordGeometry geometry;
  std::string reason;
  bool sanitized = false;
  bool listSeen = false;
  auto onFeature = [&](uint64_t index, const json& f) {
    if (!f.is_object()) {
      session.reject(index, Problem::Malformed, {}, "the feature is not a JSON object");
      return;
    }
    static const json kNull;
    auto props = f.find("properties");
    const json& p = props != f.end() ? *props : kNull;
    if (!p.is_null() && !p.is_object()) {
      session.reject(index, Problem::Malformed, {}, "the feature's properties are not an object");
      return;
    }
    flat.flatten(p, &f);
    int bad;
    if (sanitized && flat.hasReplacement(bad)) {
      session.reject(index, Problem::BadEncoding, mapping.columns[static_cast<size_t>(bad)],
                     "the value is not valid UTF-8");
      return;
    }
    const RecordGeometry* g = nullptr;
    auto geom = f.find("geometry");
    if (mapping.latColumn < 0 && geom != f.end() && !geom->is_null()) {
      if (!wkt.write(*geom, geometry, reason)) {
        session.reject(index, Problem::BadCoordinates, "geometry", reason);
        return;
      }
      g = &geometry;
    }
    session.record(index, flat.values(), g);
  };
  json root = streamElements(text, name, "features", sanitized, listSeen, onFeature);
  if (!root.is_object() || root.value("type", "") != "FeatureCollection" || !listSeen) {
    throw SyntaxError(name, 0, 0,
                      "not a GeoJSON FeatureCollection (expected {\"type\": \"FeatureCollection\", "
                      "\"features\": [...]})");
  }
  return session.finish();
}

LoadReport loadGogocartoText(std::string_view text, const std::string& name, const Mapping& mapping,
                             const SourceInfo& source, rdf::QuadSink& sink,
                             const LoaderOptions& options) {
  LoadSession session(mapping, source, sink, options, name, "element", "application/json");
  Flattener flat(mapping);
  bool sanitized = false;
  bool listSeen = false;
  auto onElement = [&](uint64_t index, const json& e) {
    if (!e.is_object()) {
      session.reject(index, Problem::Malformed, {}, "the element is not a JSON object");
      return;
    }
    flat.flatten(e, nullptr);
    int bad;
    if (sanitized && flat.hasReplacement(bad)) {
      session.reject(index, Problem::BadEncoding, mapping.columns[static_cast<size_t>(bad)],
                     "the value is not valid UTF-8");
      return;
    }
    session.record(index, flat.values(), nullptr);
  };
  streamElements(text, name, "data", sanitized, listSeen, onElement);
  if (!listSeen) {
    throw SyntaxError(
        name, 0, 0, "not a GoGoCarto export (expected {\"data\": [...]} or an array of elements)");
  }
  return session.finish();
}

}  // namespace

LoadReport loadGeoJson(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                       rdf::QuadSink& sink, const LoaderOptions& options) {
  return loadGeoJsonText(readAll(path), path, mapping, source, sink, options);
}

LoadReport loadGeoJsonBuffer(std::string_view text, const std::string& name, const Mapping& mapping,
                             const SourceInfo& source, rdf::QuadSink& sink,
                             const LoaderOptions& options) {
  return loadGeoJsonText(text, name, mapping, source, sink, options);
}

LoadReport loadGogocarto(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                         rdf::QuadSink& sink, const LoaderOptions& options) {
  return loadGogocartoText(readAll(path), path, mapping, source, sink, options);
}

LoadReport loadGogocartoBuffer(std::string_view text, const std::string& name,
                               const Mapping& mapping, const SourceInfo& source,
                               rdf::QuadSink& sink, const LoaderOptions& options) {
  return loadGogocartoText(text, name, mapping, source, sink, options);
}

}  // namespace bdis::loaders
