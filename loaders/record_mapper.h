#pragma once
// Applies a Mapping to one record at a time. Shared by the CSV, GeoJSON and GoGoCarto loaders:
// each turns its input into a row of values, one per Mapping::columns entry, and asks the mapper
// for the record's quads. A record is either mapped whole or rejected whole: nothing of a bad
// record reaches the sink.

#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/load_report.h"
#include "loaders/mapping.h"
#include "rdf/term.h"

namespace bdis::loaders {

/// A record's geometry when the input carries it apart from the columns (GeoJSON).
struct RecordGeometry {
  /// WKT in CRS84 (lon lat) order, e.g. "POINT(4.83 45.76)"; empty: no geometry.
  std::string wkt;
  /// For points: the coordinates, emitted as wgs84:lat / wgs84:long too.
  bool isPoint = false;
  std::string latLexical;
  std::string lonLexical;
};

/// Separates the items of a JSON array flattened into one value.
inline constexpr char kItemSeparator = '\x1f';

/// Maps records of one source. Not thread-safe; one per load (or per thread).
class RecordMapper {
 public:
  /// `mapping` and `source` must outlive the mapper.
  RecordMapper(const Mapping& mapping, const SourceInfo& source);

  /// Maps one record. `values[i]` is the value of `mapping.columns[i]` (empty when absent; JSON
  /// array items joined by kItemSeparator). `geometry` may be null. Returns true and makes quads()
  /// the record's statements, or returns false with `issue` filled (position left to the caller).
  bool map(std::span<const std::string_view> values, const RecordGeometry* geometry,
           RecordIssue& issue);

  /// The last mapped record's quads, in the source's graph. Valid until the next map() call;
  /// the views point into the mapper, the mapping and the caller's values.
  const std::vector<rdf::QuadView>& quads() const { return quads_; }

 private:
  struct FieldValue {
    size_t field;
    rdf::TermView object;
  };

  std::string& scratch();
  bool expand(const IriTemplate& t, std::span<const std::string_view> values,
              std::string_view value, std::string& out) const;
  void emit(std::string_view s, std::string_view p, rdf::TermView o);
  void emitIri(std::string_view s, std::string_view p, std::string_view o);
  bool mapGeometry(std::span<const std::string_view> values, const RecordGeometry* geometry,
                   RecordIssue& issue);

  const Mapping& m_;
  const SourceInfo& source_;
  rdf::TermView graph_;
  std::deque<std::string> scratch_;
  size_t scratchUsed_ = 0;
  std::vector<rdf::QuadView> quads_;
  std::vector<rdf::QuadView> geometryQuads_;
  std::vector<FieldValue> fieldValues_;
  std::vector<std::string_view> effective_;
  std::vector<std::string_view> nodeIris_;
  std::string_view subject_;
  std::string_view geometryTarget_;
  std::string memberSlug_;
};

/// The source description with the mapping's [source] values filling the caller's empty fields.
/// Throws SemanticError when no graph is given by either.
SourceInfo resolveSource(const Mapping& mapping, const SourceInfo& given);

}  // namespace bdis::loaders
