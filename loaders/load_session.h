#pragma once
// The part every tabular loader shares: resolving the source, mapping records, counting and
// reporting bad ones (or stopping, in strict mode), and the source description at the end.
// Internal to bdis_loaders.

#include <chrono>
#include <span>
#include <string>
#include <string_view>

#include "loaders/load_report.h"
#include "loaders/mapping.h"
#include "loaders/record_mapper.h"
#include "rdf/quad_sink.h"

namespace bdis::loaders {

class LoadSession {
 public:
  /// `file` names the input in messages; `unit` is "line", "feature" or "element".
  LoadSession(const Mapping& mapping, const SourceInfo& given, rdf::QuadSink& sink,
              const LoaderOptions& options, std::string file, std::string unit,
              std::string mediaType);

  /// Maps one record and sends its quads to the sink, or rejects it.
  void record(uint64_t position, std::span<const std::string_view> values,
              const RecordGeometry* geometry);
  /// Counts a record rejected before mapping (bad encoding, wrong cell count). Throws in strict
  /// mode.
  void reject(uint64_t position, Problem problem, std::string column, std::string reason);
  /// Emits the source description and returns the report.
  LoadReport finish();

  const SourceInfo& source() const { return source_; }

 private:
  const Mapping& mapping_;
  SourceInfo source_;
  rdf::QuadSink& sink_;
  LoaderOptions options_;
  std::string file_;
  std::string mediaType_;
  RecordMapper mapper_;
  LoadReport report_;
  RecordIssue issue_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace bdis::loaders
