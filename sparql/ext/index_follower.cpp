#include "sparql/ext/index_follower.h"

#include <algorithm>
#include <cstdio>
#include <exception>

#include "rdf/geo/geo_index.h"
#include "sparql/ext/search_indexes.h"

namespace bdis::sparql::ext {

IndexFollower::IndexFollower(const rdf::Store& store, std::weak_ptr<SearchIndexes> indexes)
    : store_(store), indexes_(std::move(indexes)) {
  if (auto s = indexes_.lock()) iris_ = s->text().config().predicates;
  for (auto iri : {rdf::geo::kAsWkt, rdf::geo::kWgsLat, rdf::geo::kWgsLong})
    iris_.emplace_back(iri);
  std::sort(iris_.begin(), iris_.end());
  iris_.erase(std::unique(iris_.begin(), iris_.end()), iris_.end());
}

void IndexFollower::begin() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return !busy_; });
  busy_ = true;
  pending_.clear();
  ids_.clear();
  idsComplete_ = false;
}

std::vector<rdf::TermId> IndexFollower::predicates(const rdf::ReadTxn& txn) {
  if (!idsComplete_) {  // a predicate interned by this txn gets its id: look again
    ids_.clear();
    for (const auto& iri : iris_)
      if (auto id = txn.lookup(rdf::TermView{rdf::TermKind::Iri, iri, {}, {}})) ids_.push_back(*id);
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
    idsComplete_ = ids_.size() == iris_.size();
  }
  return ids_;
}

void IndexFollower::changed(const rdf::ReadTxn&, std::span<const rdf::QuadIds> quads, bool) {
  // Inserted or erased alike: afterCommit reads what the committed state holds.
  pending_.insert(pending_.end(), quads.begin(), quads.end());
}

void IndexFollower::committed(uint64_t) {
  struct Finish {  // whatever happens, the next write transaction may go on
    IndexFollower* self;
    ~Finish() { self->finish(); }
  } finish{this};
  try {
    if (auto s = indexes_.lock()) {
      auto txn = store_.beginRead();
      s->afterCommit(*txn, pending_);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bdis: search indexes behind the store (next query catches up): %s\n",
                 e.what());
  } catch (...) {
    std::fprintf(stderr, "bdis: search indexes behind the store (next query catches up)\n");
  }
}

void IndexFollower::aborted() noexcept { finish(); }

void IndexFollower::finish() noexcept {
  std::vector<rdf::QuadIds>().swap(pending_);
  {
    std::lock_guard lock(mutex_);
    busy_ = false;
  }
  idle_.notify_all();
}

void followCommits(rdf::Store& store, const std::shared_ptr<SearchIndexes>& indexes) {
  store.setWriteObserver(std::make_shared<IndexFollower>(store, indexes));
}

}  // namespace bdis::sparql::ext
