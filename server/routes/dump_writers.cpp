#include "server/routes/dump_writers.h"

#include <zlib.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <streambuf>
#include <vector>

#include "rdf/error.h"
#include "rdf/prefixes.h"
#include "rdf/rdf_writer.h"

namespace bdis::server {

namespace {

/// An output streambuf writing a gzip file through zlib, 64 KiB at a time.
class GzipFile : public std::streambuf {
 public:
  explicit GzipFile(const std::string& path) : path_(path), file_(gzopen(path.c_str(), "wb6")) {
    if (!file_) throw StorageError("cannot write " + path);
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  ~GzipFile() override {
    if (file_) gzclose(file_);
  }
  /// Flushes and closes; throws StorageError when zlib failed.
  void close() {
    flush();
    int rc = gzclose(file_);
    file_ = nullptr;
    if (rc != Z_OK) throw StorageError("cannot write " + path_);
  }

 protected:
  int overflow(int c) override {
    flush();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return c == traits_type::eof() ? 0 : c;
  }
  int sync() override {
    flush();
    return 0;
  }

 private:
  void flush() {
    auto n = static_cast<unsigned>(pptr() - pbase());
    if (n && gzwrite(file_, pbase(), n) != static_cast<int>(n))
      throw StorageError("cannot write " + path_);
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  std::string path_;
  gzFile file_;
  char buffer_[64 * 1024];
};

rdf::WriterOptions prefixed() {
  rdf::WriterOptions o;
  for (const auto& [name, ns] : rdf::wellKnownPrefixes()) o.prefixes.emplace_back(name, ns);
  return o;
}

constexpr std::string_view kEss = "https://w3id.org/bdis/ess#";
constexpr std::string_view kSchema = "http://schema.org/";

/// Where each column comes from: predicates of the initiative, or of its address.
struct Column {
  const char* name;
  std::vector<std::string> predicates;
  bool onAddress = false;
};

const std::vector<Column>& columns() {
  auto ess = [](const char* local) { return std::string(kEss) + local; };
  static const std::vector<Column> cols = {
      {"id", {}},
      {"name", {ess("name"), std::string(kSchema) + "name"}},
      {"siret", {ess("siret")}},
      {"siren", {ess("siren")}},
      {"rna", {ess("rna")}},
      {"legal_category", {ess("legalCategory")}},
      {"kind", {ess("kind")}},
      {"activity", {ess("activity")}},
      {"network", {ess("memberOf")}},
      {"street_address", {ess("streetAddress")}, true},
      {"postal_code", {ess("postalCode")}, true},
      {"locality", {ess("locality")}, true},
      {"commune", {ess("commune")}},
      {"latitude", {"http://www.w3.org/2003/01/geo/wgs84_pos#lat"}},
      {"longitude", {"http://www.w3.org/2003/01/geo/wgs84_pos#long"}},
      {"website", {ess("website")}},
      {"email", {ess("email")}},
      {"telephone", {ess("telephone")}},
      {"source", {}},
  };
  return cols;
}

/// One initiative's values, column by column (distinct, in store order).
using Row = std::vector<std::vector<std::string>>;

void addDistinct(std::vector<std::string>& values, std::string v) {
  for (const auto& e : values)
    if (e == v) return;
  values.push_back(std::move(v));
}

class RowReader {
 public:
  explicit RowReader(const rdf::ReadTxn& txn) : txn_(txn) {
    const auto& cols = columns();
    for (size_t c = 0; c < cols.size(); ++c)
      for (const auto& p : cols[c].predicates)
        if (auto id = txn.lookup(rdf::Term::iri(p).view()))
          (cols[c].onAddress ? addressColumn_ : column_)[id->raw] = c;
    if (auto id = txn.lookup(rdf::Term::iri(std::string(kEss) + "hasAddress").view()))
      hasAddress_ = *id;
  }

  Row read(rdf::TermId subject) {
    Row row(columns().size());
    row[0].push_back(txn_.decode(subject).value);
    std::vector<rdf::TermId> addresses;
    auto cursor = txn_.scan(rdf::QuadPattern{subject, rdf::kAny, rdf::kAny, rdf::kAny});
    rdf::QuadIds q;
    while (cursor.next(q)) {
      if (!q.g.isDefaultGraph()) addDistinct(row.back(), txn_.decode(q.g).value);
      if (q.p == hasAddress_) addresses.push_back(q.o);
      auto it = column_.find(q.p.raw);
      if (it != column_.end()) addDistinct(row[it->second], txn_.decode(q.o).value);
    }
    for (auto a : addresses) {
      auto ac = txn_.scan(rdf::QuadPattern{a, rdf::kAny, rdf::kAny, rdf::kAny});
      while (ac.next(q)) {
        auto it = addressColumn_.find(q.p.raw);
        if (it != addressColumn_.end()) addDistinct(row[it->second], txn_.decode(q.o).value);
      }
    }
    return row;
  }

 private:
  const rdf::ReadTxn& txn_;
  std::map<uint64_t, size_t> column_, addressColumn_;
  rdf::TermId hasAddress_{};
};

std::string csvField(const std::vector<std::string>& values) {
  std::string v;
  for (size_t i = 0; i < values.size(); ++i) v += (i ? " | " : "") + values[i];
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

size_t columnIndex(std::string_view name) {
  const auto& cols = columns();
  for (size_t c = 0; c < cols.size(); ++c)
    if (cols[c].name == name) return c;
  return 0;
}

std::optional<double> number(const std::vector<std::string>& values) {
  if (values.empty()) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(values.front(), &used);
    if (used != values.front().size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

uint64_t writeQuadsGz(const rdf::ReadTxn& txn, const std::string& path) {
  GzipFile file(path);
  std::ostream out(&file);
  rdf::RdfWriter writer(out, rdf::RdfFormat::NQuads);
  auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny},
                         rdf::IndexOrder::GSPO);
  std::vector<rdf::QuadIds> batch(4096);
  std::string scratch[4];
  while (size_t n = cursor.nextBatch(batch)) {
    for (size_t i = 0; i < n; ++i) {
      const auto& q = batch[i];
      writer.write(rdf::QuadView{txn.decodeView(q.s, scratch[0]), txn.decodeView(q.p, scratch[1]),
                                 txn.decodeView(q.o, scratch[2]),
                                 q.g.isDefaultGraph() ? rdf::TermView{}
                                                      : txn.decodeView(q.g, scratch[3])});
    }
  }
  writer.finish();
  file.close();
  return writer.statements();
}

uint64_t writeTriplesGz(const rdf::ReadTxn& txn, const std::string& path, bool turtle) {
  GzipFile file(path);
  std::ostream out(&file);
  rdf::RdfWriter writer(out, turtle ? rdf::RdfFormat::Turtle : rdf::RdfFormat::NTriples,
                        turtle ? prefixed() : rdf::WriterOptions{});
  // SPOG: the graphs of one triple are adjacent, so the union needs no set.
  auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, rdf::kAny, rdf::kAny, rdf::kAny},
                         rdf::IndexOrder::SPOG);
  std::vector<rdf::QuadIds> batch(4096);
  std::string scratch[3];
  rdf::QuadIds last{};
  bool any = false;
  while (size_t n = cursor.nextBatch(batch)) {
    for (size_t i = 0; i < n; ++i) {
      const auto& q = batch[i];
      if (any && q.s == last.s && q.p == last.p && q.o == last.o) continue;
      last = q;
      any = true;
      writer.write(rdf::QuadView{txn.decodeView(q.s, scratch[0]), txn.decodeView(q.p, scratch[1]),
                                 txn.decodeView(q.o, scratch[2]), {}});
    }
  }
  writer.finish();
  file.close();
  return writer.statements();
}

const std::vector<std::string>& initiativeColumns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& c : columns()) out.push_back(c.name);
    return out;
  }();
  return names;
}

uint64_t writeInitiatives(const rdf::ReadTxn& txn, const std::string& path, bool csv) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw StorageError("cannot write " + path);
  const auto& names = initiativeColumns();
  if (csv) {
    for (size_t c = 0; c < names.size(); ++c) out << (c ? "," : "") << names[c];
    out << "\r\n";
  } else {
    out << "{\"type\": \"FeatureCollection\", \"features\": [";
  }
  uint64_t n = 0;
  auto type = txn.lookup(rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type").view());
  auto cls = txn.lookup(rdf::Term::iri(std::string(kEss) + "Initiative").view());
  if (type && cls) {
    RowReader reader(txn);
    auto cursor = txn.scan(rdf::QuadPattern{rdf::kAny, *type, *cls, rdf::kAny}, rdf::IndexOrder::POSG);
    rdf::QuadIds q;
    rdf::TermId last{};
    bool first = true;
    const size_t latColumn = columnIndex("latitude"), lonColumn = columnIndex("longitude");
    while (cursor.next(q)) {
      if (!first && q.s == last) continue;  // POSG: one subject's graphs are adjacent
      first = false;
      last = q.s;
      if (q.s.tag() != rdf::IdTag::Iri) continue;
      Row row = reader.read(q.s);
      if (csv) {
        for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csvField(row[c]);
        out << "\r\n";
      } else {
        nlohmann::json props = nlohmann::json::object();
        for (size_t c = 1; c < row.size(); ++c) {
          if (row[c].empty()) continue;
          props[names[c]] = row[c].size() == 1 ? nlohmann::json(row[c][0]) : nlohmann::json(row[c]);
        }
        auto lat = number(row[latColumn]), lon = number(row[lonColumn]);
        nlohmann::json geometry = nullptr;
        if (lat && lon) geometry = {{"type", "Point"}, {"coordinates", {*lon, *lat}}};
        nlohmann::json feature{{"type", "Feature"}, {"id", row[0][0]}, {"geometry", geometry},
                               {"properties", props}};
        out << (n ? ",\n" : "\n")
            << feature.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      ++n;
    }
  }
  if (!csv) out << "\n]}\n";
  out.flush();
  if (!out) throw StorageError("cannot write " + path);
  return n;
}

}  // namespace bdis::server
