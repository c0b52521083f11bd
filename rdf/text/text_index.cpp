#include "rdf/text/text_index.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_set>

#include "rdf/error.h"
#include "rdf/text/fold.h"
#include "rdf/text/french_stem.h"
#include "rdf/text/text_doc.h"
#include "rdf/text/text_query.h"

namespace bdis::rdf::text {

namespace {

constexpr const char* kMarkKey = "bdis.mark";
constexpr const char* kAnalysisKey = "bdis.analysis";

bool isTextLiteral(TermId o) {
  IdTag t = o.tag();
  return t == IdTag::String || t == IdTag::LangString || t == IdTag::ShortString;
}

/// Keeps the documents of some predicates, by the docid -> key map.
class PredicateDecider : public Xapian::MatchDecider {
 public:
  PredicateDecider(const std::vector<DocKey>& keys, const std::vector<TermId>& predicates)
      : keys_(keys) {
    for (TermId p : predicates) predicates_.push_back(p.raw);
  }
  bool operator()(const Xapian::Document& doc) const override {
    Xapian::docid id = doc.get_docid();  // no document read
    if (id >= keys_.size() || keys_[id][0] == 0) {  // not in the map: read the value
      uint64_t p = decodeValue(doc.get_value(kSlotPredicate));
      return std::find(predicates_.begin(), predicates_.end(), p) != predicates_.end();
    }
    return std::find(predicates_.begin(), predicates_.end(), keys_[id][1]) != predicates_.end();
  }

 private:
  const std::vector<DocKey>& keys_;
  std::vector<uint64_t> predicates_;
};

}  // namespace

struct TextIndex::Impl {
  std::filesystem::path dir;
  std::optional<Xapian::WritableDatabase> wdb;
  Xapian::Database db;

  /// docid -> key, so that a search need not read each hit's document; an all-zero
  /// entry (or none) falls back to the document's values. Loaded on first search,
  /// kept up to date by this object's writes, dropped when the database is reopened.
  std::vector<DocKey> keys;
  bool keysValid = false;

  void openWritable() {
    wdb.emplace(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    db = *wdb;
    keysValid = false;
  }
  void refresh() {
    if (!wdb && db.reopen()) keysValid = false;
  }
  void loadKeys() {
    keys.assign(db.get_lastdocid() + 1, DocKey{});
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
      auto k = parseUniqueTerm(*it);
      auto post = db.postlist_begin(*it);
      if (k && post != db.postlist_end(*it) && *post < keys.size()) keys[*post] = *k;
    }
    keysValid = true;
  }
  void replaceDoc(const DocKey& k, const Xapian::Document& doc) {
    Xapian::docid id = wdb->replace_document(uniqueTerm(k), doc);
    if (!keysValid) return;
    if (id >= keys.size()) keys.resize(id + 1, DocKey{});
    keys[id] = k;
  }
  /// For a key known to have no document (a "missing" one of a diff).
  void addDoc(const DocKey& k, const Xapian::Document& doc) {
    Xapian::docid id = wdb->add_document(doc);
    if (!keysValid) return;
    if (id >= keys.size()) keys.resize(id + 1, DocKey{});
    keys[id] = k;
  }
  void deleteDoc(const DocKey& k) {
    std::string term = uniqueTerm(k);
    if (keysValid) {
      auto post = wdb->postlist_begin(term);
      if (post != wdb->postlist_end(term) && *post < keys.size()) keys[*post] = DocKey{};
    }
    wdb->delete_document(term);
  }
  /// The store's literal triples of the indexed predicates, sorted and distinct.
  static std::vector<DocKey> storeKeys(const ReadTxn& txn, const std::vector<TermId>& preds) {
    std::vector<DocKey> keys;
    QuadIds q;
    for (TermId p : preds) {
      QuadCursor cur = txn.scan(QuadPattern{kAny, p, kAny, kAny});
      while (cur.next(q))
        if (isTextLiteral(q.o)) keys.push_back({q.s.raw, q.p.raw, q.o.raw});
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  }
  std::vector<DocKey> indexKeys() const {
    std::vector<DocKey> keys;
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it)
      if (auto k = parseUniqueTerm(*it)) keys.push_back(*k);
    return keys;
  }
};

TextIndex::TextIndex(std::unique_ptr<Impl> impl, TextConfig config, bool writable)
    : impl_(std::move(impl)), config_(std::move(config)), writable_(writable) {}
TextIndex::~TextIndex() = default;

std::unique_ptr<TextIndex> TextIndex::open(const std::filesystem::path& storeDir, bool writable,
                                           TextConfig config) {
  auto impl = std::make_unique<Impl>();
  impl->dir = storeDir / "text";
  try {
    if (writable) {
      impl->openWritable();
    } else if (std::filesystem::exists(impl->dir)) {
      impl->db = Xapian::Database(impl->dir.string());
    }
  } catch (const Xapian::Error& e) {
    throw StorageError("text index " + impl->dir.string() + ": " + e.get_description());
  }
  return std::unique_ptr<TextIndex>(new TextIndex(std::move(impl), std::move(config), writable));
}

std::vector<TermId> TextIndex::predicateIds(const ReadTxn& txn) const {
  std::vector<TermId> ids;
  for (const auto& iri : config_.predicates)
    if (auto id = txn.lookup(TermView{TermKind::Iri, iri, {}, {}})) ids.push_back(*id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

uint64_t TextIndex::rebuild(const ReadTxn& txn) {
  std::lock_guard writing(writeMutex_);
  std::lock_guard lock(mutex_);
  BDIS_CHECK(writable_, StorageError, "the text index is open read-only");
  std::vector<TermId> preds = predicateIds(txn);
  std::vector<DocKey> keys = Impl::storeKeys(txn, preds);
  std::filesystem::path fresh = impl_->dir;
  fresh += ".new";
  std::filesystem::remove_all(fresh);
  try {
    Xapian::WritableDatabase out(fresh.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    DocumentMaker maker;
    std::string scratch;
    // A fresh database and distinct keys: add_document skips the unique-term lookup.
    for (const DocKey& k : keys) {
      TermView lit = txn.decodeView(TermId(k[2]), scratch);
      out.add_document(maker.make(k, lit.value));
    }
    out.set_metadata(kMarkKey, storeMark(txn, preds));
    out.set_metadata(kAnalysisKey, std::string(kAnalysisVersion));
    out.commit();
    out.close();
    impl_->wdb.reset();
    impl_->db = Xapian::Database();
    std::filesystem::remove_all(impl_->dir);
    std::filesystem::rename(fresh, impl_->dir);
    impl_->openWritable();
  } catch (const Xapian::Error& e) {
    throw StorageError("rebuilding the text index: " + e.get_description());
  }
  return keys.size();
}

TextDiff TextIndex::diff(const ReadTxn& txn) const {
  std::vector<DocKey> inStore = Impl::storeKeys(txn, predicateIds(txn));
  std::vector<DocKey> inIndex;
  {
    std::lock_guard lock(mutex_);
    impl_->refresh();
    inIndex = impl_->indexKeys();
  }
  TextDiff d;
  std::set_difference(inStore.begin(), inStore.end(), inIndex.begin(), inIndex.end(),
                      std::back_inserter(d.missing));
  std::set_difference(inIndex.begin(), inIndex.end(), inStore.begin(), inStore.end(),
                      std::back_inserter(d.stale));
  return d;
}

uint64_t TextIndex::reconcile(const ReadTxn& txn, bool force) {
  BDIS_CHECK(writable_, StorageError, "the text index is open read-only");
  std::lock_guard writing(writeMutex_);
  std::vector<TermId> preds = predicateIds(txn);
  std::string mark = storeMark(txn, preds);
  if (!force && (recordedMark() == mark || markBehind(mark, recordedMark()))) return 0;
  TextDiff d = diff(txn);
  std::lock_guard lock(mutex_);
  try {
    DocumentMaker maker;
    std::string scratch;
    for (const DocKey& k : d.missing) {
      TermView lit = txn.decodeView(TermId(k[2]), scratch);
      impl_->addDoc(k, maker.make(k, lit.value));
    }
    for (const DocKey& k : d.stale) impl_->deleteDoc(k);
    if (impl_->wdb->get_doccount() == d.missing.size())  // every document made here
      impl_->wdb->set_metadata(kAnalysisKey, std::string(kAnalysisVersion));
    impl_->wdb->set_metadata(kMarkKey, mark);
    impl_->wdb->commit();
  } catch (const Xapian::Error& e) {
    throw StorageError("updating the text index: " + e.get_description());
  }
  return d.missing.size() + d.stale.size();
}

void TextIndex::apply(const ReadTxn& txn, std::span<const QuadIds> touched) {
  BDIS_CHECK(writable_, StorageError, "the text index is open read-only");
  std::lock_guard writing(writeMutex_);
  std::vector<TermId> preds = predicateIds(txn);
  std::vector<DocKey> keys;
  for (const QuadIds& q : touched)
    if (isTextLiteral(q.o) && std::binary_search(preds.begin(), preds.end(), q.p))
      keys.push_back({q.s.raw, q.p.raw, q.o.raw});
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::lock_guard lock(mutex_);
  try {
    DocumentMaker maker;
    std::string scratch;
    for (const DocKey& k : keys) {
      if (txn.count(QuadPattern{TermId(k[0]), TermId(k[1]), TermId(k[2]), kAny}) > 0) {
        TermView lit = txn.decodeView(TermId(k[2]), scratch);
        impl_->replaceDoc(k, maker.make(k, lit.value));
      } else {
        impl_->deleteDoc(k);
      }
    }
    impl_->wdb->set_metadata(kMarkKey, storeMark(txn, preds));
    impl_->wdb->commit();
  } catch (const Xapian::Error& e) {
    throw StorageError("updating the text index: " + e.get_description());
  }
}

std::vector<TextHit> TextIndex::search(const TextSearch& request) const {
  validateQuery(request.query);
  std::lock_guard lock(mutex_);
  std::vector<TextHit> hits;
  try {
    impl_->refresh();
    if (impl_->db.get_doccount() == 0) return hits;
    if (!impl_->keysValid) impl_->loadKeys();
    Xapian::Query q = parseTextQuery(impl_->db, request.query);
    // A predicate filter: from the docid map when loaded (a P term's posting list can
    // cover half the index: reading it cost most of a selective query at 10 M triples).
    PredicateDecider decider(impl_->keys, request.predicates);
    bool decide = !request.predicates.empty() && impl_->keysValid;
    if (!request.predicates.empty() && !decide) {
      std::vector<Xapian::Query> filters;
      for (TermId p : request.predicates) filters.emplace_back(predicateTerm(p.raw));
      q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                        Xapian::Query(Xapian::Query::OP_OR, filters.begin(), filters.end()));
    }
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(q);
    if (!request.ranked) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    }
    Xapian::doccount limit =
        request.limit ? static_cast<Xapian::doccount>(request.limit) : impl_->db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset), limit,
                                         0, nullptr, decide ? &decider : nullptr);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      DocKey k = *it < impl_->keys.size() ? impl_->keys[*it] : DocKey{};
      if (k[0] == 0) {
        Xapian::Document doc = it.get_document();
        k = {decodeValue(doc.get_value(kSlotSubject)), decodeValue(doc.get_value(kSlotPredicate)),
             decodeValue(doc.get_value(kSlotLiteral))};
      }
      hits.push_back(TextHit{TermId(k[0]), TermId(k[1]), TermId(k[2]), it.get_weight()});
    }
  } catch (const Xapian::QueryParserError& e) {
    throw SyntaxError("", 1, 0, "text query: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw ExecutionError("text search: " + e.get_description());
  }
  return hits;
}

std::string TextIndex::snippet(std::string_view literal, const std::string& query,
                               size_t length) const {
  return highlight(literal, query, length);
}

void TextIndex::warm() const {
  std::lock_guard lock(mutex_);
  try {
    impl_->refresh();
    if (!impl_->keysValid) impl_->loadKeys();
  } catch (const Xapian::Error& e) {
    throw StorageError("text index: " + e.get_description());
  }
}

uint64_t TextIndex::documentCount() const {
  std::lock_guard lock(mutex_);
  impl_->refresh();
  return impl_->db.get_doccount();
}

bool TextIndex::analysisCurrent() const {
  std::lock_guard lock(mutex_);
  impl_->refresh();
  return impl_->db.get_doccount() == 0 ||
         impl_->db.get_metadata(kAnalysisKey) == std::string(kAnalysisVersion);
}

std::string TextIndex::recordedMark() const {
  std::lock_guard lock(mutex_);
  impl_->refresh();
  return impl_->db.get_metadata(kMarkKey);
}

std::vector<std::string> TextIndex::check(const ReadTxn& txn) const {
  std::vector<std::string> problems;
  std::string mark = storeMark(txn, predicateIds(txn));
  std::string recorded = recordedMark();
  if (recorded != mark)
    problems.push_back("text index: recorded store mark '" + recorded +
                       "' differs from the store's '" + mark + "'");
  TextDiff d = diff(txn);
  if (!d.missing.empty())
    problems.push_back("text index: " + std::to_string(d.missing.size()) +
                       " indexed literal(s) of the store have no document");
  if (!d.stale.empty())
    problems.push_back("text index: " + std::to_string(d.stale.size()) +
                       " document(s) name triples the store no longer holds");
  return problems;
}

bool markBehind(std::string_view mark, std::string_view than) {
  auto generation = [](std::string_view m) -> std::optional<uint64_t> {
    if (m.size() < 2 || m[0] != 'g') return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(m.data() + 1, m.data() + m.size(), v);
    if (ec != std::errc() || p != m.data() + m.size()) return std::nullopt;
    return v;
  };
  auto a = generation(mark), b = generation(than);
  return a && b && *a < *b;
}

std::string storeMark(const ReadTxn& txn, std::span<const TermId> predicates) {
  if (uint64_t g = txn.generation()) return "g" + std::to_string(g);
  std::string mark = "q" + std::to_string(txn.stats().quads);
  for (TermId p : predicates)
    mark += ";" + std::to_string(p.raw) + "=" + std::to_string(txn.predicateCount(p));
  return mark;
}

}  // namespace bdis::rdf::text
