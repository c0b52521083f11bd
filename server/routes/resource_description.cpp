#include "server/routes/resource_description.h"

#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace bdis::server {

namespace {

using Key = std::tuple<uint64_t, uint64_t, uint64_t>;

/// Triples in first-seen order, merging the graphs of equal triples.
class TripleSet {
 public:
  /// Adds a quad; false when it is a new triple and `limit` triples are already held.
  bool add(const rdf::QuadIds& q, size_t limit) {
    Key key{q.s.raw, q.p.raw, q.o.raw};
    auto it = index_.find(key);
    if (it == index_.end()) {
      if (order_.size() >= limit) return false;
      it = index_.emplace(key, order_.size()).first;
      order_.push_back({q.s, q.p, q.o, {}});
    }
    order_[it->second].graphs.push_back(q.g);
    return true;
  }
  size_t size() const { return order_.size(); }

  std::vector<DescribedTriple> decode(const rdf::ReadTxn& txn) const {
    std::vector<DescribedTriple> out;
    out.reserve(order_.size());
    for (const auto& t : order_) {
      DescribedTriple d{txn.decode(t.s), txn.decode(t.p), txn.decode(t.o), {}};
      for (auto g : t.graphs) d.graphs.push_back(g.isDefaultGraph() ? rdf::Term() : txn.decode(g));
      out.push_back(std::move(d));
    }
    return out;
  }

 private:
  struct Entry {
    rdf::TermId s, p, o;
    std::vector<rdf::TermId> graphs;
  };
  std::map<Key, size_t> index_;
  std::vector<Entry> order_;
};

}  // namespace

ResourceDescription describeResource(const rdf::ReadTxn& txn, const std::string& iri,
                                     const DescribeLimits& limits) {
  ResourceDescription d;
  d.resource = rdf::Term::iri(iri);
  auto id = txn.lookup(d.resource.view());
  if (!id) return d;

  // Outbound: the resource, then the blank nodes it reaches (breadth first, once each).
  TripleSet outbound;
  std::set<uint64_t> seen{id->raw};
  const std::string ownPrefix = iri + "/";
  std::string scratch;
  std::deque<rdf::TermId> todo{*id};
  while (!todo.empty() && !d.truncated) {
    rdf::TermId s = todo.front();
    todo.pop_front();
    auto cursor = txn.scan(rdf::QuadPattern{s, rdf::kAny, rdf::kAny, rdf::kAny});
    rdf::QuadIds q;
    while (cursor.next(q)) {
      if (!outbound.add(q, limits.maxOutbound)) {
        d.truncated = true;
        break;
      }
      if (seen.count(q.o.raw)) continue;
      // Blank nodes, and IRIs under the resource's own ("<iri>/address/src"), belong to it.
      bool owned = q.o.tag() == rdf::IdTag::Blank;
      if (!owned && q.o.tag() == rdf::IdTag::Iri) {
        std::string_view o = txn.decodeView(q.o, scratch).value;
        owned = o.size() > ownPrefix.size() && o.substr(0, ownPrefix.size()) == ownPrefix;
      }
      if (owned) {
        seen.insert(q.o.raw);
        todo.push_back(q.o);
      }
    }
  }
  d.outbound = outbound.decode(txn);

  // Inbound: who points here (self-links are already outbound).
  rdf::QuadPattern in{rdf::kAny, rdf::kAny, *id, rdf::kAny};
  d.inboundTotal = txn.count(in);
  TripleSet inbound;
  auto cursor = txn.scan(in);
  rdf::QuadIds q;
  while (cursor.next(q)) {
    if (q.s == *id) continue;
    if (!inbound.add(q, limits.maxInbound)) {
      d.truncated = true;
      break;
    }
  }
  d.inbound = inbound.decode(txn);
  return d;
}

}  // namespace bdis::server
