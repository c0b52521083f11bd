#include "server/routes/id_space.h"

#include "server/routes/html.h"
#include "server/routes/vocabulary.h"

namespace bdis::server {

namespace {

std::string withSlash(std::string base) {
  if (!base.empty() && base.back() != '/') base += '/';
  return base;
}

std::string idBaseOf(const ServerConfig& config) {
  return config.idBase.empty() ? std::string(kDefaultIdBase) : config.idBase;
}

std::string publicIdBase(const ServerConfig& config) {
  return config.publicBase.empty() ? std::string() : withSlash(config.publicBase) + "id/";
}

}  // namespace

std::vector<std::string> idCandidates(const ServerConfig& config, std::string_view rest) {
  std::vector<std::string> out{idBaseOf(config) + std::string(rest)};
  std::string local = publicIdBase(config);
  if (!local.empty() && local != idBaseOf(config)) out.push_back(local + std::string(rest));
  return out;
}

std::string idPathFor(const ServerConfig& config, std::string_view iri) {
  for (const std::string& base : {idBaseOf(config), publicIdBase(config)}) {
    if (!base.empty() && iri.size() > base.size() && iri.substr(0, base.size()) == base) {
      return "/id/" + encodePathForHref(iri.substr(base.size()));
    }
  }
  // The vocabulary's terms: /ess, /ess#Term, /ess/cj/5458 (vocabulary.h).
  if (iri.substr(0, kVocabularyBase.size()) == kVocabularyBase) {
    std::string_view rest = iri.substr(kVocabularyBase.size());
    if (rest.empty() || rest.front() == '#') return "/ess" + std::string(rest);
    if (rest.front() == '/') return "/ess/" + encodePathForHref(rest.substr(1));
  }
  return {};
}

std::string idUrlFor(const ServerConfig& config, std::string_view iri) {
  std::string path = idPathFor(config, iri);
  if (path.empty()) return {};
  std::string base = withSlash(config.publicBase);
  return base.empty() ? path : base + path.substr(1);
}

}  // namespace bdis::server
