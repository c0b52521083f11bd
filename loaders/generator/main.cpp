// bdis-gen: writes realistic synthetic exports of ESS networks (CSV, GeoJSON, GoGoCarto JSON, each
// with its mapping file), deterministic for a seed, with organisations placed in real communes in
// proportion to their population. The data is synthetic: names, identifiers and descriptions are
// made up (SIRETs pass the Luhn check but belong to no real establishment).

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <exception>

#include "loaders/generator/model.h"
#include "loaders/generator/writers.h"
#include "loaders/territories.h"

int main(int argc, char** argv) {
  CLI::App app{
      "bdis-gen: synthetic ESS network exports (CSV, GeoJSON, GoGoCarto) with their mapping files"};
  std::string communes;
  std::string out;
  uint64_t count = 5000;
  uint64_t seed = 2026;
  bdis::gen::WriteOptions options;
  app.add_option("--communes", communes,
                 "folder holding communes.csv, departements.csv, regions.csv")
      ->required();
  app.add_option("-o,--out", out, "output folder")->required();
  app.add_option("-n,--count", count, "number of organisations (1 k to 1 M)")
      ->check(CLI::Range(uint64_t{1}, uint64_t{10000000}));
  app.add_option("--seed", seed, "random seed (same seed, same files)");
  app.add_option("--overlap", options.overlap, "share of organisations listed by a second network")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--bad-rate", options.badRate,
                 "share of records given a defect loaders must reject")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--retrieved-at", options.retrievedAt,
                 "xsd:dateTime written as the sources' retrieval time");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    auto start = std::chrono::steady_clock::now();
    bdis::loaders::Territories territories = bdis::loaders::readTerritories(communes);
    bdis::gen::CommunePicker picker(territories);
    bdis::gen::Random random(seed);
    bdis::gen::OrganisationMaker maker(picker, random);
    options.folder = out;
    bdis::gen::NetworkWriter writer(options, random);
    for (uint64_t i = 0; i < count; ++i) writer.add(maker.next());
    auto summary = writer.finish();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%llu organisations in %zu communes, %llu listed twice, %.2f s\n",
                static_cast<unsigned long long>(count), picker.size(),
                static_cast<unsigned long long>(summary.overlapping), s);
    for (const auto& f : summary.files) {
      std::printf("  %-20s %8llu records (%llu with a defect)\n", f.name.c_str(),
                  static_cast<unsigned long long>(f.records),
                  static_cast<unsigned long long>(f.bad));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bdis-gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
