#pragma once
// The HTML page of GET /id/... for browsers: the resource's label and types, its
// properties (values linking to their own /id/ pages where they have one), the
// blank nodes it owns, who links to it, the named graphs (sources) its triples come
// from, and a small map when it has wgs84 coordinates.

#include <string>

#include "rdf/store.h"
#include "server/http/app.h"
#include "server/routes/resource_description.h"

namespace bdis::server {

/// The page for `d` (non-empty). `txn` is read for the labels of the terms shown.
/// Every string from the store is HTML-escaped.
std::string resourcePageHtml(const App& app, const rdf::ReadTxn& txn,
                             const ResourceDescription& d);

}  // namespace bdis::server
