#include "tests/w3c/manifest.h"

#include <set>

#include "rdf/quad_sink.h"
#include "rdf/rdf_reader.h"

namespace bdis::w3c {

namespace {

const std::string kRdfType = std::string(rdf::kRdf) + "type";
const std::string kRdfFirst = std::string(rdf::kRdf) + "first";
const std::string kRdfRest = std::string(rdf::kRdf) + "rest";
const std::string kRdfNil = std::string(rdf::kRdf) + "nil";

using Statements = std::map<rdf::Term, std::vector<std::pair<std::string, rdf::Term>>>;

class Collector final : public rdf::QuadSink {
 public:
  explicit Collector(Statements& out) : out_(out) {}
  void quad(const rdf::QuadView& q) override {
    out_[rdf::Term(q.s)].emplace_back(std::string(q.p.value), rdf::Term(q.o));
  }

 private:
  Statements& out_;
};

ManifestNode buildNode(const Statements& st, const rdf::Term& term, std::set<rdf::Term>& open) {
  ManifestNode node{term, {}};
  const auto it = st.find(term);
  if (it == st.end() || open.count(term)) {
    return node;  // no statements, or a cycle
  }
  open.insert(term);
  for (const auto& [p, o] : it->second) {
    node.props.emplace(p, buildNode(st, o, open));
  }
  open.erase(term);
  return node;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string approvalOf(const ManifestNode& n) {
  for (const std::string_view p :
       {std::string_view("http://www.w3.org/ns/rdftest#approval"),
        std::string_view("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#approval"),
        std::string_view("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#approval")}) {
    if (const ManifestNode* a = n.get(p)) {
      return a->value();
    }
  }
  return {};
}

void load(const std::filesystem::path& file, std::vector<ManifestEntry>& out,
          std::set<std::filesystem::path>& seen) {
  const std::filesystem::path abs =
      std::filesystem::weakly_canonical(std::filesystem::absolute(file));
  if (!seen.insert(abs).second) {
    return;
  }
  Statements st;
  Collector sink(st);
  rdf::ReadOptions options;
  options.format = rdf::RdfFormat::Turtle;
  options.baseIri = fileIri(abs);
  options.sourceName = abs.string();
  rdf::readFile(abs.string(), options, sink);

  const std::string mf(kMf);
  std::vector<rdf::Term> manifests;
  for (const auto& [subject, props] : st) {
    for (const auto& [p, o] : props) {
      if ((p == kRdfType && o.value == mf + "Manifest") || p == mf + "entries" ||
          p == mf + "include") {
        if (manifests.empty() || !(manifests.back() == subject)) {
          manifests.push_back(subject);
        }
      }
    }
  }
  for (const rdf::Term& m : manifests) {
    std::set<rdf::Term> open;
    const ManifestNode node = buildNode(st, m, open);
    std::string testBase;
    if (const ManifestNode* b = node.get(mf + "assumedTestBase")) {
      testBase = b->value();
    }
    for (const ManifestNode* inc : node.all(mf + "include")) {
      for (const ManifestNode* item : inc->listItems()) {
        load(item->path(), out, seen);
      }
    }
    for (const ManifestNode* entries : node.all(mf + "entries")) {
      for (const ManifestNode* item : entries->listItems()) {
        ManifestEntry e;
        e.manifest = abs;
        e.iri = item->value();
        e.testBase = testBase;
        if (const ManifestNode* n = item->get(mf + "name")) {
          e.name = n->value();
        }
        if (const ManifestNode* t = item->get(kRdfType)) {
          e.type = t->value();
        }
        e.approval = approvalOf(*item);
        if (const ManifestNode* a = item->get(mf + "action")) {
          e.action = *a;
        }
        if (const ManifestNode* r = item->get(mf + "result")) {
          e.result = *r;
        }
        out.push_back(std::move(e));
      }
    }
  }
}

}  // namespace

std::filesystem::path ManifestNode::path() const {
  if (!term.isIri() || !term.value.starts_with("file://")) {
    return {};
  }
  std::string_view v(term.value);
  v.remove_prefix(7);
  if (const auto hash = v.find_first_of("#?"); hash != std::string_view::npos) {
    v = v.substr(0, hash);
  }
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hexValue(v[i + 1]) >= 0 && hexValue(v[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(v[i + 1]) * 16 + hexValue(v[i + 2]));
      i += 2;
    } else {
      out += v[i];
    }
  }
  return out;
}

const ManifestNode* ManifestNode::get(std::string_view predicateIri) const {
  const auto it = props.find(std::string(predicateIri));
  return it == props.end() ? nullptr : &it->second;
}

std::vector<const ManifestNode*> ManifestNode::all(std::string_view predicateIri) const {
  std::vector<const ManifestNode*> out;
  const auto [b, e] = props.equal_range(std::string(predicateIri));
  for (auto it = b; it != e; ++it) {
    out.push_back(&it->second);
  }
  return out;
}

std::vector<const ManifestNode*> ManifestNode::listItems() const {
  std::vector<const ManifestNode*> out;
  const ManifestNode* cell = this;
  for (size_t guard = 0; cell && guard < 1000000; ++guard) {
    if (cell->term.isIri() && cell->term.value == kRdfNil) {
      break;
    }
    const ManifestNode* first = cell->get(kRdfFirst);
    if (!first) {
      break;
    }
    out.push_back(first);
    cell = cell->get(kRdfRest);
  }
  return out;
}

std::vector<ManifestEntry> loadManifest(const std::filesystem::path& manifestFile) {
  std::vector<ManifestEntry> out;
  std::set<std::filesystem::path> seen;
  load(manifestFile, out, seen);
  return out;
}

std::string fileIri(const std::filesystem::path& path) {
  const std::string p = std::filesystem::absolute(path).lexically_normal().string();
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : p) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
        c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace bdis::w3c
