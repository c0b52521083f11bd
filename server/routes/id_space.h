#pragma once
// Which IRIs dereference under /id/ on this server. bdis's loaders mint IRIs under
// the id base (`--id-base`, default https://w3id.org/bdis/id/); `GET /id/<rest>`
// describes `<id-base><rest>`, or else `<public-base>id/<rest>` (IRIs minted under the
// server's own public URL), whichever the store holds.

#include <string>
#include <string_view>
#include <vector>

#include "server/http/config.h"

namespace bdis::server {

/// The id base minted by bdis's loaders and sample data.
inline constexpr std::string_view kDefaultIdBase = "https://w3id.org/bdis/id/";

/// The IRIs `GET /id/<rest>` may stand for, in the order they are tried
/// (`rest` is the percent-decoded path after "/id/").
std::vector<std::string> idCandidates(const ServerConfig& config, std::string_view rest);

/// The local path ("/id/...", percent-encoded where needed; "/ess..." for the
/// vocabulary's terms) that dereferences `iri` on this server, or empty when `iri`
/// is under neither base nor the vocabulary's.
std::string idPathFor(const ServerConfig& config, std::string_view iri);

/// The public URL of `iri`'s description on this server (public base + the id path),
/// or empty when it has none.
std::string idUrlFor(const ServerConfig& config, std::string_view iri);

}  // namespace bdis::server
