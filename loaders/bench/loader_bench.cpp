// bdis-loader-bench: loads one ESS source (CSV, GeoJSON or GoGoCarto with its mapping) into a sink
// that counts quads (or prints them as N-Quads with --print), and reports records/s. Measures the
// loaders' parsing + mapping throughput apart from the store; see loaders/bench/README.md.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <exception>

#include "loaders/csv_loader.h"
#include "loaders/json_loaders.h"
#include "loaders/mapping.h"
#include "rdf/quad_sink.h"

namespace {

class CountingSink : public bdis::rdf::QuadSink {
 public:
  explicit CountingSink(bool print) : print_(print) {}
  void quad(const bdis::rdf::QuadView& q) override {
    ++count_;
    bytes_ += q.s.value.size() + q.p.value.size() + q.o.value.size();
    if (print_) {
      std::string line = bdis::rdf::toNTriples(q.s) + " " + bdis::rdf::toNTriples(q.p) + " " +
                         bdis::rdf::toNTriples(q.o);
      if (!q.g.isNone()) line += " " + bdis::rdf::toNTriples(q.g);
      std::printf("%s .\n", line.c_str());
    }
  }
  uint64_t count() const { return count_; }

 private:
  bool print_;
  uint64_t count_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bdis-loader-bench: ESS loader throughput (parsing + mapping, no store)"};
  std::string format = "csv", mapping, input;
  bool print = false, strict = false, details = false;
  app.add_option("--format", format, "csv, geojson or gogocarto")
      ->check(CLI::IsMember({"csv", "geojson", "gogocarto"}));
  app.add_option("--mapping", mapping, "mapping file")->required();
  app.add_option("input", input, "input file")->required();
  app.add_flag("--print", print, "write the quads to stdout as N-Quads");
  app.add_flag("--strict", strict, "stop at the first bad record");
  app.add_flag("--details", details, "list the skipped records on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    bdis::loaders::Mapping m = bdis::loaders::loadMapping(mapping);
    CountingSink sink(print);
    bdis::loaders::LoaderOptions options;
    options.strict = strict;
    bdis::loaders::LoadReport r;
    std::clock_t cpuStart = std::clock();
    if (format == "csv")
      r = bdis::loaders::loadCsv(input, m, {}, sink, options);
    else if (format == "geojson")
      r = bdis::loaders::loadGeoJson(input, m, {}, sink, options);
    else
      r = bdis::loaders::loadGogocarto(input, m, {}, sink, options);
    double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    std::fprintf(
        stderr,
        "%s\nwall: %.0f records/s, %.0f quads/s; cpu %.3f s: %.0f records/s, %.0f quads/s\n",
        r.summary().c_str(), static_cast<double>(r.records) / r.seconds,
        static_cast<double>(r.quads) / r.seconds, cpu, static_cast<double>(r.records) / cpu,
        static_cast<double>(r.quads) / cpu);
    if (details) std::fprintf(stderr, "%s", r.details(input).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bdis-loader-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
