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

/// A bare LMDB environment with the four databases the dictionary uses.
class DictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = std::make_unique<lmdb::Env>(dir_.path(), MDB_NOTLS, uint64_t{1} << 30, 16, 8);
    lmdb::Txn txn(env_->get(), 0);
    dbs_.meta = lmdb::openDbi(txn.get(), "meta", MDB_CREATE);
    dbs_.term2id = lmdb::openDbi(txn.get(), "term2id", MDB_CREATE);
    dbs_.id2term = lmdb::openDbi(txn.get(), "id2term", MDB_CREATE);
    dbs_.namespaces = lmdb::openDbi(txn.get(), "namespaces", MDB_CREATE);
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

TEST_F(DictionaryTest, HashCollisionsAreResolvedByComparingTerms) {
  Term a = iri("http://example.org/a");
  Term b = iri("http://example.org/b");
  TermId idB;
  {
    lmdb::Txn txn(env_->get(), 0);
    Dictionary dict(txn.get(), dbs_, true);
    idB = dict.intern(b.view());
    dict.flush();
    // Forge a collision: term2id claims that a's hash also leads to b.
    std::string serialized;
    serializeTerm(a.view(), serialized);
    lmdb::put(txn.get(), dbs_.term2id, term2idKey(termHash(serialized), idB), "", 0, "test");
    txn.commit();
  }
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  EXPECT_FALSE(dict.lookup(a.view()).has_value()) << "b's entry must not answer for a";
  TermId idA = dict.intern(a.view());
  EXPECT_NE(idA, idB);
  dict.flush();
  txn.commit();
  lmdb::Txn read(env_->get(), MDB_RDONLY);
  Dictionary reader(read.get(), dbs_, false);
  EXPECT_EQ(reader.lookup(a.view()), idA);
  EXPECT_EQ(reader.lookup(b.view()), idB);
}

TEST_F(DictionaryTest, SmallCacheBudgetKeepsIdsStable) {
  lmdb::Txn txn(env_->get(), 0);
  Dictionary dict(txn.get(), dbs_, true);
  dict.setCacheBudget(1);  // cleared (and term2id written) at almost every new term
  std::vector<TermId> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.push_back(dict.intern(iri("http://example.org/t/" + std::to_string(i)).view()));
  }
  for (int i = 0; i < 3000; i += 3) {
    EXPECT_EQ(dict.intern(iri("http://example.org/t/" + std::to_string(i)).view()), ids[i]);
  }
  dict.flush();
  MDB_stat st{};
  ASSERT_EQ(mdb_stat(txn.get(), dbs_.term2id, &st), 0);
  EXPECT_EQ(st.ms_entries, 3000u);
}

TEST_F(DictionaryTest, NamespacesAndDatatypesRoundTripForReaders) {
  const Term terms[] = {
      iri("http://example.org/ns#local"),
      iri("http://example.org/ns#"),
      iri("urn:x:y"),
      iri("http://a/b"),
      Term::literal("POINT(1 2)", "http://www.opengis.net/ont/geosparql#wktLiteral"),
      Term::literal("v", "urn:short"),
      Term::literal("w", "http://example.org/dt")};
  std::vector<TermId> ids;
  {
    lmdb::Txn txn(env_->get(), 0);
    Dictionary dict(txn.get(), dbs_, true);
    for (const Term& t : terms) {
      ids.push_back(dict.intern(t.view()));
      std::string scratch;
      EXPECT_EQ(Term(dict.decodeView(ids.back(), scratch)), t);
    }
    dict.flush();
    txn.commit();
  }
  lmdb::Txn read(env_->get(), MDB_RDONLY);
  Dictionary reader(read.get(), dbs_, false);
  for (size_t i = 0; i < std::size(terms); ++i) {
    std::string scratch;
    EXPECT_EQ(Term(reader.decodeView(ids[i], scratch)), terms[i]);
    EXPECT_EQ(reader.lookup(terms[i].view()), ids[i]);
  }
}

}  // namespace
}  // namespace bdis::rdf
