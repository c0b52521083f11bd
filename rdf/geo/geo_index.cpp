#include "rdf/geo/geo_index.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <unordered_map>

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
  size_t live = 0;  ///< entries still in the tree
  /// feature -> its entries' positions; built on the first apply().
  std::unordered_map<TermId, std::vector<uint32_t>> byFeature;
  bool byFeatureBuilt = false;

  /// Adds the entry of the wktLiteral `o` of `s` (or records it as unparsable).
  void addWkt(const ReadTxn& txn, TermId s, TermId o, std::string& scratch) {
    if (!o.isLiteral()) return;
    TermView lit = txn.decodeView(o, scratch);
    if (lit.effectiveDatatype() != kWktLiteral) return;
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
    std::unordered_map<TermId, double> lats;
    auto numeric = [&](TermId id) -> std::optional<double> {
      if (!id.isLiteral()) return std::nullopt;
      return parseDouble(txn.decodeView(id, scratch).value);
    };
    QuadCursor cur = txn.scan(QuadPattern{kAny, *lat, kAny, kAny});
    while (cur.next(q))
      if (auto v = numeric(q.o)) lats.emplace(q.s, *v);
    QuadCursor lc = txn.scan(QuadPattern{kAny, *lon, kAny, kAny});
    while (lc.next(q)) {
      auto it = lats.find(q.s);
      auto v = numeric(q.o);
      if (it == lats.end() || !v) continue;
      LonLat p{*v, it->second};
      next->entries.push_back(GeoEntry{q.s, kAny, Box{p, p}, p});
      lats.erase(it);
    }
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
        if (lat && lon) {
          auto firstNumber = [&](TermId p) -> std::optional<double> {
            QuadCursor cur = txn.scan(QuadPattern{s, p, kAny, kAny});
            QuadIds q;
            while (cur.next(q))
              if (q.o.isLiteral())
                if (auto v = parseDouble(txn.decodeView(q.o, scratch).value)) return v;
            return std::nullopt;
          };
          auto la = firstNumber(*lat);
          auto lo = la ? firstNumber(*lon) : std::nullopt;
          if (la && lo) {
            LonLat p{*lo, *la};
            impl.entries.push_back(GeoEntry{s, kAny, Box{p, p}, p});
          }
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

size_t GeoIndex::size() const {
  std::shared_lock lock(mutex_);
  return impl_->live;
}

size_t GeoIndex::badLiterals() const {
  std::shared_lock lock(mutex_);
  return impl_->bad.size();
}

std::vector<TermId> GeoIndex::badLiteralIds() const {
  std::shared_lock lock(mutex_);
  std::vector<TermId> ids;
  for (const auto& b : impl_->bad) ids.push_back(b.second);
  return ids;
}

}  // namespace bdis::rdf::geo
