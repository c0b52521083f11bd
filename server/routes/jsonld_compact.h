#pragma once
// A resource description as compacted JSON-LD for people and web pages: a
// "@context" of the usual prefixes (rdf/prefixes.h and the vocabulary's), one node
// object per subject holding all its properties, "@type" for rdf:type, IRIs written
// as compact IRIs where a prefix fits. The same graph as the other syntaxes
// (JSON-LD 1.1 expansion gives it back).

#include <string>
#include <utility>
#include <vector>

#include "rdf/term.h"
#include "server/routes/resource_description.h"

namespace bdis::server {

/// Prefix name -> namespace pairs.
using Prefixes = std::vector<std::pair<std::string, std::string>>;

/// The triples of `d` (outbound, then inbound) as a compacted JSON-LD document.
std::string compactJsonLd(const ResourceDescription& d);
/// The triples of `quads` (graphs ignored), with `extra` prefixes in the context too.
std::string compactJsonLd(const std::vector<rdf::Quad>& quads, const Prefixes& extra);

}  // namespace bdis::server
