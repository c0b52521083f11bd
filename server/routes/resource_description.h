#pragma once
// What GET /id/... says about a resource: its concise bounded description (every
// triple whose subject is the resource, in any graph, and recursively those of the
// blank nodes it reaches — and of the IRIs under its own IRI + "/" it reaches, such as
// the loaders' address nodes `<initiative>/address/<source>`) plus its inbound triples
// (object = the resource), each triple with the graphs that hold it.

#include <cstdint>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/term.h"

namespace bdis::server {

/// One triple of a description and the graphs holding it (a None term for the
/// default graph), in graph id order.
struct DescribedTriple {
  rdf::Term s, p, o;
  std::vector<rdf::Term> graphs;
};

/// A resource's description, owned (independent of the transaction it came from).
struct ResourceDescription {
  rdf::Term resource;
  std::vector<DescribedTriple> outbound;  ///< subject = the resource, then the nodes it owns
  std::vector<DescribedTriple> inbound;   ///< object = the resource (not self-links), bounded
  uint64_t inboundTotal = 0;              ///< quads pointing at the resource, all graphs
  bool truncated = false;                 ///< a bound cut the outbound part or the inbound part

  bool empty() const { return outbound.empty() && inbound.empty(); }
};

/// Bounds of a description.
struct DescribeLimits {
  size_t maxOutbound = 10000;  ///< triples of the resource and its blank nodes
  size_t maxInbound = 500;     ///< inbound triples kept
};

/// Describes `iri` as seen by `txn`; empty when the store holds no triple with it
/// as subject or object.
ResourceDescription describeResource(const rdf::ReadTxn& txn, const std::string& iri,
                                     const DescribeLimits& limits = {});

}  // namespace bdis::server
