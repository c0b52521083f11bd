#pragma once
// The store's write observer that keeps the search indexes in step, commit by commit
// (followCommits() in search_indexes.h installs it).

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rdf/store.h"
#include "rdf/write_observer.h"

namespace bdis::sparql::ext {

class SearchIndexes;

/// Collects the changed quads of the text and geo predicates during a write
/// transaction and applies them (SearchIndexes::afterCommit) once it has committed.
/// Write transactions on one Store follow each other: begin() waits until the previous
/// one's indexes are updated, so that changes are never mixed.
class IndexFollower : public rdf::WriteObserver {
 public:
  /// `store` must outlive this object; `indexes` are held weakly.
  IndexFollower(const rdf::Store& store, std::weak_ptr<SearchIndexes> indexes);

  void begin() override;
  std::vector<rdf::TermId> predicates(const rdf::ReadTxn& txn) override;
  void changed(const rdf::ReadTxn& txn, std::span<const rdf::QuadIds> quads, bool added) override;
  void committed(uint64_t generation) override;
  void aborted() noexcept override;

 private:
  void finish() noexcept;

  const rdf::Store& store_;
  std::weak_ptr<SearchIndexes> indexes_;
  std::vector<std::string> iris_;            ///< text and geo predicates, sorted, distinct
  std::vector<rdf::TermId> ids_;             ///< those the current txn knows, sorted
  bool idsComplete_ = false;                 ///< every IRI has an id: no more lookups
  std::vector<rdf::QuadIds> pending_;        ///< changes of the current txn
  std::mutex mutex_;
  std::condition_variable idle_;
  bool busy_ = false;  ///< a write txn is between begin() and its end
};

}  // namespace bdis::sparql::ext
