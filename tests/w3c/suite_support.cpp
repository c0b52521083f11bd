#include "tests/w3c/suite_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace bdis::w3c {

std::string sanitise(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += ok ? c : '_';
  }
  return out;
}

std::string CaseNamer::name(std::string_view suite, const ManifestEntry& e) {
  const auto hash = e.iri.rfind('#');
  std::string name =
      sanitise(suite) + "_" + sanitise(hash == std::string::npos ? e.name : e.iri.substr(hash + 1));
  while (!names_.insert(name).second) {
    name += "_";
  }
  return name;
}

std::vector<const Case*> caseParams(const std::vector<Case>& cases) {
  std::vector<const Case*> out;
  for (const Case& c : cases) {
    out.push_back(&c);
  }
  if (out.empty()) {
    out.push_back(nullptr);
  }
  return out;
}

std::string CaseParamName::operator()(const ::testing::TestParamInfo<const Case*>& info) const {
  return info.param ? info.param->testName : std::string("SharedDataMissing");
}

void SuiteCounts::addSuite(const std::string& suite) {
  if (counts_.emplace(suite, std::array<int, 4>{}).second) {
    order_.push_back(suite);
  }
}

void SuiteCounts::add(const std::string& suite, Outcome::Kind kind) {
  addSuite(suite);
  auto& n = counts_[suite];
  ++n[0];
  ++n[kind == Outcome::Passed ? 1 : kind == Outcome::Failed ? 2 : 3];
}

std::string SuiteCounts::summary(bool withFailed) const {
  std::string out =
      withFailed ? "# suite total passed failed skipped (regenerate: BDIS_UPDATE_W3C_SUMMARY=1)\n"
                 : "# suite total passed skipped (regenerate: BDIS_UPDATE_W3C_SUMMARY=1)\n";
  for (const std::string& suite : order_) {
    const auto& n = counts_.at(suite);
    out += suite + " " + std::to_string(n[0]) + " " + std::to_string(n[1]) + " ";
    if (withFailed) {
      out += std::to_string(n[2]) + " ";
    }
    out += std::to_string(n[3]) + "\n";
  }
  return out;
}

void expectCommittedSummary(const std::string& summary, std::string_view fileName,
                            std::string_view what) {
  const std::filesystem::path file = std::filesystem::path(BDIS_W3C_SOURCE_DIR) / fileName;
  if (const char* update = std::getenv("BDIS_UPDATE_W3C_SUMMARY"); update && *update == '1') {
    std::ofstream(file) << summary;
  }
  std::ifstream in(file);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), summary) << "the W3C " << what << " results changed; review, then "
                                      << "regenerate " << file << " with BDIS_UPDATE_W3C_SUMMARY=1";
}

void insertGraphs(rdf::WriteTxn& txn, const std::map<std::string, std::vector<rdf::Quad>>& graphs) {
  for (const auto& [name, quads] : graphs) {
    std::vector<rdf::QuadIds> ids;
    const rdf::TermId g =
        name.empty() ? rdf::kDefaultGraph : txn.intern(rdf::Term::iri(name).view());
    for (const auto& q : quads) {
      ids.push_back({txn.intern(q.s.view()), txn.intern(q.p.view()), txn.intern(q.o.view()), g});
    }
    txn.insertBatch(ids);
  }
}

}  // namespace bdis::w3c
