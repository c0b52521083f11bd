#include "sparql/ext/search_indexes.h"

#include <mutex>

#include "rdf/error.h"

namespace bdis::sparql::ext {

namespace {
std::mutex activeMutex;
std::shared_ptr<SearchIndexes> active;
const rdf::Store* lazyStore = nullptr;
}  // namespace

SearchIndexes::SearchIndexes(std::unique_ptr<rdf::text::TextIndex> text) : text_(std::move(text)) {}

std::shared_ptr<SearchIndexes> SearchIndexes::open(const rdf::Store& store) {
  return open(store, rdf::text::TextConfig::forStore(store.path().string()));
}

std::shared_ptr<SearchIndexes> SearchIndexes::open(const rdf::Store& store,
                                                   rdf::text::TextConfig config) {
  // The text index lives beside the store: writable whenever its folder is, so that a
  // read-only store served by `bdis demo` still gets (and keeps) its index. Another
  // process holding Xapian's write lock leaves this one reading.
  std::unique_ptr<rdf::text::TextIndex> text;
  try {
    text = rdf::text::TextIndex::open(store.path(), true, config);
  } catch (const StorageError&) {
    text = rdf::text::TextIndex::open(store.path(), false, std::move(config));
  }
  std::shared_ptr<SearchIndexes> s(new SearchIndexes(std::move(text)));
  auto txn = store.beginRead();
  if (s->text_->writable() && !s->text_->analysisCurrent())
    s->text_->rebuild(*txn);  // documents made by an older analysis (stemmer, folding)
  else if (s->text_->writable())
    s->text_->reconcile(*txn, true);
  s->text_->warm();
  s->geo_.sync(*txn);
  return s;
}

void SearchIndexes::sync(const rdf::ReadTxn& txn) {
  if (text_->writable()) text_->reconcile(txn);
  geo_.sync(txn);
}

void SearchIndexes::afterCommit(const rdf::ReadTxn& txn, std::span<const rdf::QuadIds> touched) {
  // Incremental only from the snapshot just before this commit: an index behind it
  // (a write by another process, a failed update) catches up by difference.
  uint64_t generation = txn.generation();
  if (text_->writable()) {
    if (generation > 1 && text_->recordedMark() == "g" + std::to_string(generation - 1))
      text_->apply(txn, touched);
    else
      text_->reconcile(txn);
  }
  geo_.apply(txn, touched);
}

std::vector<std::string> SearchIndexes::check(const rdf::ReadTxn& txn) { return text_->check(txn); }

void setActiveIndexes(std::shared_ptr<SearchIndexes> indexes) {
  std::lock_guard lock(activeMutex);
  active = std::move(indexes);
  lazyStore = nullptr;
}

void attachIndexesLazily(const rdf::Store& store) {
  std::lock_guard lock(activeMutex);
  active.reset();
  lazyStore = &store;
}

std::shared_ptr<SearchIndexes> activeIndexes() {
  std::lock_guard lock(activeMutex);
  if (!active && lazyStore) {
    const rdf::Store* store = lazyStore;
    lazyStore = nullptr;
    active = SearchIndexes::open(*store);
  }
  return active;
}

}  // namespace bdis::sparql::ext
