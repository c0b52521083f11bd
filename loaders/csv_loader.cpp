#include "loaders/csv_loader.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "loaders/csv_reader.h"
#include "loaders/load_session.h"
#include "loaders/text.h"
#include "rdf/error.h"

namespace bdis::loaders {

namespace {

LoadReport run(CsvReader& reader, const std::string& name, const Mapping& mapping,
               const SourceInfo& source, rdf::QuadSink& sink, const LoaderOptions& options) {
  CsvReader::Record rec;
  LoadSession session(mapping, source, sink, options, name, "line", "text/csv");
  if (reader.next(rec) == CsvReader::Status::End) return session.finish();
  if (!isValidUtf8(rec.raw))
    throw SyntaxError(name, rec.line, 1, "the CSV header is not valid UTF-8");
  std::vector<std::string> header;
  for (auto c : rec.cells) header.emplace_back(trim(c));
  std::vector<size_t> columnOf(mapping.columns.size());
  for (size_t i = 0; i < mapping.columns.size(); ++i) {
    size_t k = 0;
    while (k < header.size() && header[k] != mapping.columns[i]) ++k;
    if (k == header.size()) {
      throw SemanticError(mapping.file + ": column '" + mapping.columns[i] +
                          "' is not in the header of " + name);
    }
    columnOf[i] = k;
  }
  std::vector<std::string_view> values(mapping.columns.size());
  while (reader.next(rec) == CsvReader::Status::Record) {
    if (rec.malformed) {
      session.reject(rec.line, Problem::Malformed, {}, rec.problem);
      continue;
    }
    if (!isValidUtf8(rec.raw)) {
      session.reject(rec.line, Problem::BadEncoding, {}, "the record is not valid UTF-8");
      continue;
    }
    if (rec.cells.size() != header.size()) {
      session.reject(rec.line, Problem::Malformed, {},
                     "the record has " + std::to_string(rec.cells.size()) + " cells, the header " +
                         std::to_string(header.size()));
      continue;
    }
    for (size_t i = 0; i < values.size(); ++i) values[i] = rec.cells[columnOf[i]];
    session.record(rec.line, values, nullptr);
  }
  return session.finish();
}

}  // namespace

LoadReport loadCsv(const std::string& path, const Mapping& mapping, const SourceInfo& source,
                   rdf::QuadSink& sink, const LoaderOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw StorageError("cannot read " + path + ": " + std::strerror(errno));
  CsvReader reader(f.get(), {}, mapping.delimiter);
  return run(reader, path, mapping, source, sink, options);
}

LoadReport loadCsvBuffer(std::string_view text, const std::string& name, const Mapping& mapping,
                         const SourceInfo& source, rdf::QuadSink& sink,
                         const LoaderOptions& options) {
  CsvReader reader(nullptr, text, mapping.delimiter);
  return run(reader, name, mapping, source, sink, options);
}

}  // namespace bdis::loaders
