#pragma once
// GET /: the public page of bdis. A search form driving GET /search (text, near a
// point within a radius, the map view, facets), results linking to their /id/
// pages, a Leaflet map when the build installed Leaflet (a list alone otherwise),
// and links to the query page, the dumps and the catalog.

#include <string>

#include "rdf/store.h"
#include "server/http/app.h"

namespace bdis::server {

/// The page: the static text of public_page_text.cpp plus a small JSON
/// configuration (id bases, whether Leaflet is there, labels of the facet values
/// read from `txn`), escaped for a <script> element.
std::string publicPageHtml(const App& app, const rdf::ReadTxn& txn);

/// The static parts of the page (public_page_text.cpp): markup before the
/// configuration, and the script after it.
extern const char* const kPublicPageBody;
extern const char* const kPublicPageScript;

}  // namespace bdis::server
