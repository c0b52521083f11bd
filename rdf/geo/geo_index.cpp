#include "rdf/geo/geo_index.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "rdf/text/text_index.h"

namespace bdis::rdf::geo {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Value = std::pair<BBox, uint32_t>;
using Tree = bgi::rtree<Value, bgi::rstar<16>>;

BBox toBBox(const Box& b) {
  return BBox(BPoint(b.min.lon, b.min.lat), BPoint(b.max.lon, b.max.lat));
}

std::optional<double> parseDouble(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// Fast path for "POINT(lon lat)" without a CRS; nullopt sends the literal to GEOS.
std::optional<LonLat> quickPoint(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (!s.starts_with("POINT")) return std::nullopt;
  size_t open = s.find('('), close = s.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return std::nullopt;
  std::string_view inner = s.substr(open + 1, close - open - 1);
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  size_t sp = inner.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  auto lon = parseDouble(inner.substr(0, sp));
  auto lat = parseDouble(inner.substr(sp + 1));
  if (!lon || !lat) return std::nullopt;
  return LonLat{*lon, *lat};
}

/// "-?digits[.digits]": a lexical form that STR() gives back as the number WKT reads.
bool isPlainDecimal(std::string_view s) {
  size_t i = s.starts_with('-') ? 1 : 0;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.' || ++i == s.size()) return false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size();
}

/// What one subject's wgs84:lat (or long) objects say, fed in object id order.
struct Axis {
  std::optional<double> first;  ///< the first numeric value
  uint32_t values = 0;          ///< distinct objects
  bool plain = true;            ///< every object a literal written as a plain decimal
  TermId lastO;
  void add(TermId o, const ReadTxn& txn, std::string& scratch) {
    if (values > 0 && o == lastO) return;  // same triple in another graph
    lastO = o;
    ++values;
    if (!o.isLiteral()) {
      plain = false;
      return;
    }
    std::string_view lex = txn.decodeView(o, scratch).value;
    if (!isPlainDecimal(lex)) plain = false;
    if (!first) first = parseDouble(lex);
  }
};

std::string geoMark(const ReadTxn& txn) {
  std::vector<TermId> preds;
  for (auto iri : {kAsWkt, kWgsLat, kWgsLong})
    if (auto id = txn.lookup(TermView{TermKind::Iri, iri, {}, {}})) preds.push_back(*id);
  return text::storeMark(txn, preds);
}

}  // namespace

struct GeoIndex::Impl {
  std::vector<GeoEntry> entries;  ///< by tree value; a removed one has feature kAny
  Tree tree;
  std::string mark;
  std::vector<std::pair<TermId, TermId>> bad;  ///< (feature, unparsable wktLiteral)
  std::unordered_set<TermId> irregular;         ///< GeoIndex::irregularPairs
  size_t live = 0;  ///< entries still in the tree
  /// feature -> its entries' positions; built on the first apply().
  std::unordered_map<TermId, std::vector<uint32_t>> byFeature;
  bool byFeatureBuilt = false;

  /// Adds the entry of the wktLiteral `o` of `s` (or records it as unparsable).
  void addWkt(const ReadTxn& txn, TermId s, TermId o, std::string& scratch) {
    if (!o.isLiteral()) return;
    TermView lit = txn.decodeView(o, scratch);
    // What the geof functions take as a geometry (sparql/ext/geof.cpp): a wktLiteral, or
    // a simple literal holding WKT. Unparsable ones are kept aside (their distance is an error).
    if (!lit.lang.empty() || (!lit.datatype.empty() && lit.datatype != kWktLiteral)) return;
    GeoEntry e{s, o, {}, {}};
    if (auto p = quickPoint(lit.value)) {
      e.point = *p;
      e.box = Box{*p, *p};
    } else {
      Geometry g = parseWkt(lit.value);
      auto box = envelopeOf(g);
      auto point = representativePoint(g);
      if (!box || !point) {
        bad.emplace_back(s, o);
        return;
      }
      e.box = *box;
      e.point = *point;
    }
    entries.push_back(e);
  }
  /// Adds the entry of the lat/long pair of `s` (the first numeric values), and marks
  /// `s` irregular unless it has exactly one plain-decimal value of each.
  void addPair(TermId s, const Axis& lat, const Axis& lon) {
    if (lat.first && lon.first) {
      LonLat p{*lon.first, *lat.first};
      entries.push_back(GeoEntry{s, kAny, Box{p, p}, p});
    }
    if (lat.values != 1 || lon.values != 1 || !lat.plain || !lon.plain || !lat.first || !lon.first)
      irregular.insert(s);
  }
};

GeoIndex::GeoIndex() : impl_(std::make_unique<Impl>()) {}
GeoIndex::~GeoIndex() = default;

bool GeoIndex::sync(const ReadTxn& txn) {
  {
    std::shared_lock lock(mutex_);
    std::string mark = geoMark(txn);
    if (!impl_->mark.empty() && (impl_->mark == mark || text::markBehind(mark, impl_->mark)))
      return false;
  }
  rebuild(txn);
  return true;
}

size_t GeoIndex::rebuild(const ReadTxn& txn) {
  auto next = std::make_unique<Impl>();
  next->mark = geoMark(txn);
  std::string scratch;
  QuadIds q;
  if (auto asWkt = txn.lookup(TermView{TermKind::Iri, kAsWkt, {}, {}})) {
    QuadCursor cur = txn.scan(QuadPattern{kAny, *asWkt, kAny, kAny});
    TermId lastS, lastO;
    while (cur.next(q)) {
      if (q.s == lastS && q.o == lastO) continue;  // same triple in another graph
      lastS = q.s;
      lastO = q.o;
      next->addWkt(txn, q.s, q.o, scratch);
    }
  }
  auto lat = txn.lookup(TermView{TermKind::Iri, kWgsLat, {}, {}});
  auto lon = txn.lookup(TermView{TermKind::Iri, kWgsLong, {}, {}});
  if (lat && lon) {
    std::unordered_map<TermId, Axis> lats, lons;
    QuadCursor cur = txn.scan(QuadPattern{kAny, *lat, kAny, kAny});
    while (cur.next(q)) lats[q.s].add(q.o, txn, scratch);
    QuadCursor lc = txn.scan(QuadPattern{kAny, *lon, kAny, kAny});
    while (lc.next(q))
      if (lats.count(q.s)) lons[q.s].add(q.o, txn, scratch);
    for (const auto& [s, lonAxis] : lons) next->addPair(s, lats[s], lonAxis);
  }
  std::vector<Value> values;
  values.reserve(next->entries.size());
  for (size_t i = 0; i < next->entries.size(); ++i)
    values.emplace_back(toBBox(next->entries[i].box), static_cast<uint32_t>(i));
  next->tree = Tree(values.begin(), values.end());  // packing (STR) construction
  size_t n = next->entries.size();
  next->live = n;
  std::unique_lock lock(mutex_);
  impl_ = std::move(next);
  return n;
}

bool GeoIndex::apply(const ReadTxn& txn, std::span<const QuadIds> touched) {
  auto asWkt = txn.lookup(TermView{TermKind::Iri, kAsWkt, {}, {}});
  auto lat = txn.lookup(TermView{TermKind::Iri, kWgsLat, {}, {}});
  auto lon = txn.lookup(TermView{TermKind::Iri, kWgsLong, {}, {}});
  auto isGeo = [&](TermId p) { return p == asWkt || p == lat || p == lon; };
  std::vector<TermId> subjects;
  for (const QuadIds& q : touched)
    if (isGeo(q.p)) subjects.push_back(q.s);
  std::sort(subjects.begin(), subjects.end());
  subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
  uint64_t generation = txn.generation();
  std::string before = generation > 1 ? "g" + std::to_string(generation - 1) : "";
  {
    std::unique_lock lock(mutex_);
    Impl& impl = *impl_;
    if (impl.mark == geoMark(txn)) return true;  // a query's sync got there first
    bool inStep = !before.empty() && impl.mark == before;
    if (inStep && subjects.size() <= 1000 + impl.live / 8) {
      if (!impl.byFeatureBuilt) {
        for (uint32_t i = 0; i < impl.entries.size(); ++i)
          if (!impl.entries[i].feature.isAny()) impl.byFeature[impl.entries[i].feature].push_back(i);
        impl.byFeatureBuilt = true;
      }
      std::string scratch;
      for (TermId s : subjects) {
        // Out with the subject's entries and unparsable literals...
        if (auto it = impl.byFeature.find(s); it != impl.byFeature.end()) {
          for (uint32_t i : it->second) {
            impl.tree.remove(Value(toBBox(impl.entries[i].box), i));
            impl.entries[i].feature = kAny;
            --impl.live;
          }
          impl.byFeature.erase(it);
        }
        std::erase_if(impl.bad, [&](const auto& b) { return b.first == s; });
        // ... and in with what the committed state says.
        size_t from = impl.entries.size();
        if (asWkt) {
          QuadCursor cur = txn.scan(QuadPattern{s, *asWkt, kAny, kAny});
          QuadIds q;
          TermId lastO;
          while (cur.next(q)) {
            if (q.o == lastO) continue;  // same triple in another graph
            lastO = q.o;
            impl.addWkt(txn, s, q.o, scratch);
          }
        }
        impl.irregular.erase(s);
        if (lat && lon) {
          Axis axes[2];
          for (int a = 0; a < 2; ++a) {
            QuadCursor cur = txn.scan(QuadPattern{s, a == 0 ? *lat : *lon, kAny, kAny});
            QuadIds q;
            while (cur.next(q)) axes[a].add(q.o, txn, scratch);
          }
          if (axes[0].values > 0 && axes[1].values > 0) impl.addPair(s, axes[0], axes[1]);
        }
        for (size_t i = from; i < impl.entries.size(); ++i) {
          auto idx = static_cast<uint32_t>(i);
          impl.tree.insert(Value(toBBox(impl.entries[i].box), idx));
          impl.byFeature[s].push_back(idx);
          ++impl.live;
        }
      }
      impl.mark = geoMark(txn);
      return true;
    }
  }
  rebuild(txn);
  return false;
}

std::vector<GeoEntry> GeoIndex::intersecting(const Box& box) const {
  std::shared_lock lock(mutex_);
  std::vector<GeoEntry> out;
  std::vector<Value> found;
  impl_->tree.query(bgi::intersects(toBBox(box)), std::back_inserter(found));
  for (const auto& v : found) out.push_back(impl_->entries[v.second]);
  return out;
}

std::vector<GeoEntry> GeoIndex::radiusCandidates(LonLat centre, double metres) const {
  return intersecting(boxAround(centre, metres));
}

std::vector<GeoEntry> GeoIndex::withinRadius(LonLat centre, double metres) const {
  std::vector<GeoEntry> out = radiusCandidates(centre, metres);
  std::erase_if(out, [&](const GeoEntry& e) { return haversineMetres(centre, e.point) > metres; });
  return out;
}

std::vector<GeoEntry> GeoIndex::nearest(LonLat centre, size_t k) const {
  if (k == 0) return {};
  std::vector<GeoEntry> seed;
  {
    std::shared_lock lock(mutex_);
    std::vector<Value> found;
    impl_->tree.query(bgi::nearest(BPoint(centre.lon, centre.lat), static_cast<unsigned>(k)),
                      std::back_inserter(found));
    for (const auto& v : found) seed.push_back(impl_->entries[v.second]);
  }
  if (seed.empty()) return seed;
  // The planar nearest k bound the geodesic k-th distance; every closer point is in that radius.
  double bound = 0;
  for (const auto& e : seed) bound = std::max(bound, haversineMetres(centre, e.point));
  std::vector<GeoEntry> all = withinRadius(centre, bound * 1.000001 + 1e-6);
  std::sort(all.begin(), all.end(), [&](const GeoEntry& a, const GeoEntry& b) {
    return haversineMetres(centre, a.point) < haversineMetres(centre, b.point);
  });
  if (all.size() > k) all.resize(k);
  return all;
}

bool GeoIndex::reflects(const ReadTxn& txn) const {
  std::string mark = geoMark(txn);
  std::shared_lock lock(mutex_);
  return impl_->mark == mark;
}

size_t GeoIndex::size() const {
  std::shared_lock lock(mutex_);
  return impl_->live;
}

size_t GeoIndex::badLiterals() const {
  std::shared_lock lock(mutex_);
  return impl_->bad.size();
}

std::vector<TermId> GeoIndex::irregularPairs() const {
  std::shared_lock lock(mutex_);
  std::vector<TermId> out(impl_->irregular.begin(), impl_->irregular.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<TermId> GeoIndex::badLiteralIds() const {
  std::shared_lock lock(mutex_);
  std::vector<TermId> ids;
  for (const auto& b : impl_->bad) ids.push_back(b.second);
  return ids;
}

}  // namespace bdis::rdf::geo
