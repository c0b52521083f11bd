#include "server/routes/vocabulary.h"

#include <map>
#include <set>

#include "rdf/quad_sink.h"
#include "rdf/rdf_reader.h"

namespace bdis::server {
namespace {

/// Every triple of the vocabulary files, read once.
struct Vocabulary {
  std::vector<DescribedTriple> triples;
  std::multimap<std::string, size_t> bySubject;  ///< subject (IRI or blank label) -> triple
};

class Collector : public rdf::QuadSink {
 public:
  explicit Collector(Vocabulary& v, size_t file) : v_(v), file_(file) {}
  void quad(const rdf::QuadView& q) override {
    DescribedTriple t{rdf::Term(q.s), rdf::Term(q.p), rdf::Term(q.o), {}};
    // Blank node labels are made distinct per file.
    for (rdf::Term* x : {&t.s, &t.o})
      if (x->kind == rdf::TermKind::Blank) x->value = "f" + std::to_string(file_) + x->value;
    v_.bySubject.emplace(t.s.value, v_.triples.size());
    v_.triples.push_back(std::move(t));
  }

 private:
  Vocabulary& v_;
  size_t file_;
};

const Vocabulary& vocabulary() {
  static const Vocabulary v = [] {
    Vocabulary out;
    size_t n = 0;
    for (std::string_view text : vocabularyFiles()) {
      rdf::ReadOptions o;
      o.format = rdf::RdfFormat::Turtle;
      o.baseIri = std::string(kVocabularyBase);
      Collector c(out, n++);
      rdf::readBuffer(text, o, c);  // the files are checked by the ontology tests
    }
    return out;
  }();
  return v;
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& vocabularySchemePrefixes() {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"cj", std::string(kVocabularyBase) + "/cj/"},
      {"naf", std::string(kVocabularyBase) + "/naf/"},
      {"fam", std::string(kVocabularyBase) + "/family/"},
      {"kind", std::string(kVocabularyBase) + "/kind/"},
      {"lbl", std::string(kVocabularyBase) + "/label/"}};
  return prefixes;
}

ResourceDescription describeVocabularyTerm(const std::string& iri) {
  const Vocabulary& v = vocabulary();
  ResourceDescription d;
  d.resource = rdf::Term::iri(iri);
  std::vector<std::string> subjects{iri};
  if (iri == kVocabularyBase) {
    // The ontology document: every term of its hash namespace, in file order.
    const std::string hash = std::string(kVocabularyBase) + "#";
    std::set<std::string> seen{iri};
    for (const auto& t : v.triples)
      if (t.s.kind == rdf::TermKind::Iri && t.s.value.rfind(hash, 0) == 0 &&
          seen.insert(t.s.value).second)
        subjects.push_back(t.s.value);
  }
  std::set<std::string> blanks;
  for (size_t i = 0; i < subjects.size(); ++i) {
    auto [from, to] = v.bySubject.equal_range(subjects[i]);
    for (auto it = from; it != to; ++it) {
      const DescribedTriple& t = v.triples[it->second];
      d.outbound.push_back(t);
      if (t.o.kind == rdf::TermKind::Blank && blanks.insert(t.o.value).second)
        subjects.push_back(t.o.value);
    }
  }
  return d;
}

}  // namespace bdis::server
