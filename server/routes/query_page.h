#pragma once
// The browser query page served at /sparql for Accept: text/html.

#include <string>

#include "server/http/app.h"

namespace bdis::server {

/// A self-contained HTML page (no external network): an editor, example
/// queries over the ESS data, and a results table; it posts to /sparql.
std::string queryPageHtml(const App& app);

}  // namespace bdis::server
