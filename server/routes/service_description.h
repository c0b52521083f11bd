#pragma once
// What /sparql answers without a query: the SPARQL Service Description
// (https://www.w3.org/TR/sparql11-service-description/) for machines, the query
// page for browsers.

#include "server/http/app.h"

namespace bdis::server {

/// The Service Description in Turtle (or the query page when the client prefers HTML).
HttpResponse serviceDescriptionOrPage(const HttpRequest& request, App& app);

/// The Service Description of this endpoint as Turtle.
std::string serviceDescriptionTurtle(const App& app);

/// SPARQL Update on /update or /sparql (update= or application/sparql-update).
HttpResponse handleUpdate(const HttpRequest& request, App& app);

}  // namespace bdis::server
