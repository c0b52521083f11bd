#pragma once
// The text and spatial indexes of one open store, kept in step with it, and the
// process-wide "active" instance used by executeQuery's rewrite (search_rewrite.h)
// and by GET /search. A process serves one store; the CLI or the server attaches it.

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "rdf/geo/geo_index.h"
#include "rdf/store.h"
#include "rdf/text/text_index.h"

namespace bdis::sparql::ext {

/// Both indexes of one store folder.
class SearchIndexes {
 public:
  /// Opens `<store>/text` (writable when its folder is), reconciles it with
  /// the store when their marks differ (recovery after a crash between the store's
  /// commit and the index's), and builds the R-tree. The Store must outlive this object.
  static std::shared_ptr<SearchIndexes> open(const rdf::Store& store);
  /// As open(), with the given text configuration.
  static std::shared_ptr<SearchIndexes> open(const rdf::Store& store, rdf::text::TextConfig config);

  rdf::text::TextIndex& text() { return *text_; }
  rdf::geo::GeoIndex& geo() { return geo_; }

  /// Brings both indexes to the snapshot `txn` (text: by difference, when writable;
  /// geo: rebuilt when changed). Cheap when nothing changed.
  void sync(const rdf::ReadTxn& txn);
  /// After one commit that touched `touched` (at least every quad of the text and geo
  /// predicates it added or removed): applies them to both indexes, which then record
  /// the commit's generation. `txn` reads the committed state. An index that was not at
  /// the generation just before catches up by difference (text) or is rebuilt (geo).
  void afterCommit(const rdf::ReadTxn& txn, std::span<const rdf::QuadIds> touched);
  /// `bdis check`: one line per disagreement between the store and the indexes.
  std::vector<std::string> check(const rdf::ReadTxn& txn);

 private:
  explicit SearchIndexes(std::unique_ptr<rdf::text::TextIndex> text);
  std::unique_ptr<rdf::text::TextIndex> text_;
  rdf::geo::GeoIndex geo_;
};

/// Keeps `indexes` in step with every write transaction on `store` (index_follower.h):
/// the changed quads of the indexed predicates are collected as they are written and
/// applied right after the commit, on the committing thread, so that writes through
/// this process are searchable when their commit returns. The indexes are held
/// weakly; failures are printed to stderr (the next query catches up by difference).
void followCommits(rdf::Store& store, const std::shared_ptr<SearchIndexes>& indexes);

/// Makes `indexes` the ones used by executeQuery and /search in this process (null detaches).
void setActiveIndexes(std::shared_ptr<SearchIndexes> indexes);
/// Opens the indexes of `store` on first need (the first query that uses them) and
/// makes them active; the Store must outlive the process's queries.
void attachIndexesLazily(const rdf::Store& store);
/// The attached indexes (opening them now if attached lazily), or null.
std::shared_ptr<SearchIndexes> activeIndexes();

}  // namespace bdis::sparql::ext
