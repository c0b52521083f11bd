#include "loaders/load_session.h"

#include "loaders/provenance.h"
#include "rdf/error.h"

namespace bdis::loaders {

LoadSession::LoadSession(const Mapping& mapping, const SourceInfo& given, rdf::QuadSink& sink,
                         const LoaderOptions& options, std::string file, std::string unit,
                         std::string mediaType)
    : mapping_(mapping),
      source_(resolveSource(mapping, given)),
      sink_(sink),
      options_(options),
      file_(std::move(file)),
      mediaType_(std::move(mediaType)),
      mapper_(mapping_, source_),
      start_(std::chrono::steady_clock::now()) {
  report_.positionUnit = std::move(unit);
  if (source_.retrievedAt.empty()) source_.retrievedAt = fileTimestamp(file_);
}

void LoadSession::record(uint64_t position, std::span<const std::string_view> values,
                         const RecordGeometry* geometry) {
  ++report_.records;
  if (!mapper_.map(values, geometry, issue_)) {
    --report_.records;
    reject(position, issue_.problem, std::move(issue_.column), std::move(issue_.reason));
    return;
  }
  for (const auto& q : mapper_.quads()) sink_.quad(q);
  report_.quads += mapper_.quads().size();
  ++report_.loaded;
}

void LoadSession::reject(uint64_t position, Problem problem, std::string column,
                         std::string reason) {
  ++report_.records;
  ++report_.skipped;
  ++report_.byProblem[static_cast<size_t>(problem)];
  if (options_.strict) {
    std::string where = file_ + ":" +
                        (report_.positionUnit == "line" ? "" : report_.positionUnit + " ") +
                        std::to_string(position) + ": ";
    std::string what = std::string(problemName(problem)) + ": ";
    if (!column.empty()) what += "column '" + column + "': ";
    throw SemanticError(where + what + reason + " (strict mode: load stopped)");
  }
  if (report_.issues.size() < options_.maxIssues) {
    report_.issues.push_back(RecordIssue{position, problem, std::move(column), std::move(reason)});
  }
}

LoadReport LoadSession::finish() {
  report_.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (options_.provenance)
    report_.quads += emitSourceDescription(source_, report_, mediaType_, sink_);
  return std::move(report_);
}

}  // namespace bdis::loaders
