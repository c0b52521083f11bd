#include "rdf/dictionary.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "rdf/error.h"
#include "rdf/lmdb.h"
#include "rdf/term_codec.h"
#include "tests/support/shared_path.h"

namespace bdis::rdf {
namespace {

/// A bare LMDB environment with the three databases the dictionary uses.
class DictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = std::make_unique<lmdb::Env>(dir_.path(), MDB_NOTLS, uint64_t{1} << 30, 16, 8);
    lmdb::Txn txn(env_->get(), 0);
    dbs_.meta = lmdb::openDbi(txn.get(), "meta", MDB_CREATE);
    dbs_.term2id = lmdb::openDbi(txn.get(), "term2id", MDB_CREATE);
    dbs_.id2term = lmdb::openDbi(txn.get(), "id2term", MDB_CREATE);
    txn.commit();
  }

  test::TempDir dir_;
  std::unique_ptr<lmdb::Env> env_;
  DictionaryDbs dbs_;
};

Term iri(const std::string& v) { return Term::iri(v); }

TEST_F(DictionaryTest, InternLookupDecode) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  const Term terms[] = {iri("http://example.org/a"),
                        Term::blank("b1"),
                        Term::literal("a longer string"),
                        Term::literal("chat", "", "fr"),
                        Term::literal("007", std::string(kXsdInteger)),
                        iri("http://example.org/" + std::string(700, 'x'))};
  const IdTag tags[] = {IdTag::Iri,        IdTag::Blank, IdTag::String,
                        IdTag::LangString, IdTag::Typed, IdTag::Iri};
  std::vector<TermId> ids;
  for (size_t i = 0; i < std::size(terms); ++i) {
    TermId id = dict.intern(terms[i].view());
    EXPECT_EQ(id.tag(), tags[i]);
    EXPECT_FALSE(id.isInline());
    EXPECT_EQ(dict.intern(terms[i].view()), id) << "interning twice gives the same id";
    ids.push_back(id);
  }
  EXPECT_EQ(dict.size(), std::size(terms));
  for (size_t i = 0; i < std::size(terms); ++i) {
    EXPECT_EQ(dict.lookup(terms[i].view()), ids[i]);
    std::string scratch;
    EXPECT_EQ(Term(dict.decodeView(ids[i], scratch)), terms[i]);
  }
  // Numbers are dense and increasing whatever the tag.
  for (size_t i = 1; i < ids.size(); ++i) {
    EXPECT_EQ(ids[i].payload(), ids[i - 1].payload() + 1);
  }
  EXPECT_FALSE(dict.lookup(iri("http://example.org/unknown").view()).has_value());
  EXPECT_FALSE(dict.lookup(iri("http://example.org/" + std::string(701, 'x')).view()).has_value());
  dict.flush();
  txn.commit();

  lmdb::Txn again(env_->get(), 0);
  Dictionary dict2(again.get(), dbs_, true);
  EXPECT_EQ(dict2.lookup(terms[0].view()), ids[0]);
  TermId next = dict2.intern(iri("http://example.org/new").view());
  EXPECT_EQ(next.payload(), ids.back().payload() + 1) << "the counter survives the commit";
}

TEST_F(DictionaryTest, InlineTermsNeverTouchTheDatabases) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  Term n = Term::literal("42", std::string(kXsdInteger));
  TermId id = dict.intern(n.view());
  EXPECT_EQ(id.tag(), IdTag::Integer);
  EXPECT_EQ(dict.lookup(n.view()), id);
  EXPECT_EQ(dict.size(), 0u);
  std::string scratch;
  EXPECT_EQ(Term(dict.decodeView(id, scratch)), n);
}

TEST_F(DictionaryTest, XsdStringAndSimpleLiteralAreOneTerm) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  TermId a = dict.intern(TermView{TermKind::Literal, "more than seven", kXsdString, {}});
  TermId b = dict.intern(TermView{TermKind::Literal, "more than seven", {}, {}});
  EXPECT_EQ(a, b);
  std::string scratch;
  EXPECT_TRUE(dict.decodeView(a, scratch).datatype.empty());
}

TEST_F(DictionaryTest, DistinguishesSimilarTerms) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  TermId a = dict.intern(iri("x").view());
  TermId b = dict.intern(Term::blank("x").view());
  TermId c = dict.intern(Term::literal("x1234567").view());
  TermId d = dict.intern(Term::literal("x1234567", "", "en").view());
  TermId e = dict.intern(Term::literal("x1234567", "http://t").view());
  TermId f = dict.intern(Term::literal("x1234567", "", "en-GB").view());
  std::set<TermId> all{a, b, c, d, e, f};
  EXPECT_EQ(all.size(), 6u);
}

TEST_F(DictionaryTest, AbortForgetsNewTerms) {
  {
    lmdb::Txn txn(env_->get(), 0);
    Dictionary dict(txn.get(), dbs_, true);
    dict.intern(iri("http://example.org/gone").view());
    dict.flush();
  }
  lmdb::Txn txn(env_->get(), MDB_RDONLY);
  Dictionary dict(txn.get(), dbs_, false);
  EXPECT_FALSE(dict.lookup(iri("http://example.org/gone").view()).has_value());
  EXPECT_EQ(dict.size(), 0u);
}

TEST_F(DictionaryTest, UnknownIdsThrow) {
  lmdb::Txn txn(env_->get(), MDB_RDONLY);
  Dictionary dict(txn.get(), dbs_, false);
  std::string scratch;
  EXPECT_THROW(dict.decodeView(TermId::make(IdTag::Iri, 99), scratch), StorageError);
  EXPECT_THROW(dict.decodeView(kAny, scratch), StorageError);
  EXPECT_TRUE(dict.decodeView(kDefaultGraph, scratch).isNone());
}

TEST_F(DictionaryTest, ManyTermsInOneTransaction) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  std::vector<TermId> ids;
  ids.reserve(20000);
  for (int i = 0; i < 20000; ++i) {
    ids.push_back(dict.intern(iri("http://e/" + std::to_string(i)).view()));
  }
  for (int i = 0; i < 20000; i += 7) {
    EXPECT_EQ(dict.intern(iri("http://e/" + std::to_string(i)).view()), ids[i]);
    std::string scratch;
    EXPECT_EQ(dict.decodeView(ids[i], scratch).value, "http://e/" + std::to_string(i));
  }
  EXPECT_EQ(dict.size(), 20000u);
}

}  // namespace
}  // namespace bdis::rdf
