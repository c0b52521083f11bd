#pragma once
// HTTP content negotiation (RFC 9110 12.5.1): pick the best of the types we
// offer for an Accept header; and conditional requests' entity-tag matching.

#include <string>
#include <string_view>
#include <vector>

namespace bdis::server {

/// The offered type the Accept header prefers (highest q, then most specific
/// range, then the order of `offered`); empty when none is acceptable. A missing
/// or empty Accept accepts everything: the first offered type is chosen.
std::string negotiate(std::string_view accept, const std::vector<std::string>& offered);

/// Whether an If-None-Match header matches `etag` (RFC 9110 13.1.2: "*", or a
/// comma-separated list holding it, compared weakly: a W/ prefix is ignored).
bool ifNoneMatch(std::string_view header, std::string_view etag);

}  // namespace bdis::server
