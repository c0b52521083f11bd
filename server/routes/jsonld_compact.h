#pragma once
// A resource description as compacted JSON-LD for people and web pages: a
// "@context" of the usual prefixes (rdf/prefixes.h and the vocabulary's), one node
// object per subject holding all its properties, "@type" for rdf:type, IRIs written
// as compact IRIs where a prefix fits. The same graph as the other syntaxes
// (JSON-LD 1.1 expansion gives it back).

#include <string>

#include "server/routes/resource_description.h"

namespace bdis::server {

/// The triples of `d` (outbound, then inbound) as a compacted JSON-LD document.
std::string compactJsonLd(const ResourceDescription& d);

}  // namespace bdis::server
