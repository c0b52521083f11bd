#include "server/routes/dump_files.h"

#include <sodium.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <mutex>

#include "rdf/error.h"
#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/routes/dump_writers.h"

namespace bdis::server {

namespace fs = std::filesystem;

namespace {

std::mutex gPublishing;

std::string sha256File(const fs::path& path) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto n = in.gcount();
    if (n > 0)
      crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(n));
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool isGeneration(const std::string& name) {
  return !name.empty() && name.find_first_not_of("0123456789") == std::string::npos &&
         name.size() < 20;
}

std::optional<DumpSet> readManifest(const fs::path& folder) {
  std::ifstream in(folder / "manifest.json");
  if (!in) return std::nullopt;
  try {
    auto j = nlohmann::json::parse(in);
    DumpSet set;
    set.folder = folder;
    set.generation = j.at("generation").get<uint64_t>();
    set.created = j.at("created_unix").get<std::time_t>();
    for (const auto& f : j.at("files")) {
      DumpFile d;
      d.name = f.at("name");
      d.title = f.at("title");
      d.contentType = f.at("content_type");
      d.mediaType = f.at("media_type");
      d.compressFormat = f.value("compress_format", "");
      d.bytes = f.at("bytes");
      d.sha256 = f.at("sha256");
      d.modified = f.at("modified_unix");
      d.statements = f.value("statements", uint64_t{0});
      set.files.push_back(std::move(d));
    }
    return set;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged manifest: the set is not offered
  }
}

void writeManifest(const DumpSet& set, const fs::path& folder) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : set.files) {
    files.push_back({{"name", f.name},
                     {"title", f.title},
                     {"content_type", f.contentType},
                     {"media_type", f.mediaType},
                     {"compress_format", f.compressFormat},
                     {"bytes", f.bytes},
                     {"sha256", f.sha256},
                     {"modified", formatTime(f.modified, true)},
                     {"modified_unix", f.modified},
                     {"statements", f.statements}});
  }
  nlohmann::json j{{"generation", set.generation},
                   {"created", formatTime(set.created, true)},
                   {"created_unix", set.created},
                   {"files", files}};
  std::ofstream out(folder / "manifest.json", std::ios::trunc);
  out << j.dump(2) << "\n";
  out.flush();
  if (!out) throw StorageError("cannot write " + (folder / "manifest.json").string());
}

}  // namespace

const DumpFile* DumpSet::find(const std::string& name) const {
  for (const auto& f : files)
    if (f.name == name) return &f;
  return nullptr;
}

fs::path dumpsRoot(const std::string& storePath) { return fs::path(storePath) / "dumps"; }

std::string formatTime(std::time_t t, bool iso) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::optional<DumpSet> latestDumps(const fs::path& root) {
  std::error_code ec;
  std::optional<DumpSet> best;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!isGeneration(name)) continue;
    auto set = readManifest(it->path());
    if (set && (!best || set->generation > best->generation)) best = std::move(set);
  }
  return best;
}

namespace {

/// publishDumps with gPublishing held.
DumpSet publishLocked(const rdf::ReadTxn& txn, const fs::path& root) {
  if (sodium_init() < 0) throw StorageError("libsodium could not initialise");
  DumpSet set;
  set.generation = txn.generation();
  set.created = std::time(nullptr);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) throw StorageError("cannot create " + root.string() + ": " + ec.message());
  fs::path tmp = root / (".tmp-" + std::to_string(set.generation) + "-" + std::to_string(getpid()));
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw StorageError("cannot create " + tmp.string() + ": " + ec.message());
  try {
    struct Spec {
      const char* name;
      const char* title;
      const char* contentType;
      const char* mediaType;
      bool gz;
    };
    const Spec specs[] = {
        {"bdis.nq.gz", "N-Quads, gzip (tous les graphes)", "application/gzip", "application/n-quads", true},
        {"bdis.nt.gz", "N-Triples, gzip (union des graphes)", "application/gzip", "application/n-triples", true},
        {"bdis.ttl.gz", "Turtle, gzip (union des graphes)", "application/gzip", "text/turtle", true},
        {"initiatives.csv", "Initiatives, CSV", "text/csv; charset=utf-8", "text/csv", false},
        {"initiatives.geojson", "Initiatives, GeoJSON", "application/geo+json", "application/geo+json", false},
    };
    for (const auto& s : specs) {
      DumpFile f;
      f.name = s.name;
      f.title = s.title;
      f.contentType = s.contentType;
      f.mediaType = s.mediaType;
      if (s.gz) f.compressFormat = "application/gzip";
      std::string path = (tmp / s.name).string();
      std::string name = s.name;
      if (name == "bdis.nq.gz") f.statements = writeQuadsGz(txn, path);
      else if (name == "bdis.nt.gz") f.statements = writeTriplesGz(txn, path, false);
      else if (name == "bdis.ttl.gz") f.statements = writeTriplesGz(txn, path, true);
      else f.statements = writeInitiatives(txn, path, name == "initiatives.csv");
      f.bytes = fs::file_size(path);
      f.sha256 = sha256File(path);
      f.modified = set.created;
      set.files.push_back(std::move(f));
    }
    writeManifest(set, tmp);
    fs::path target = root / std::to_string(set.generation);
    fs::remove_all(target, ec);
    fs::rename(tmp, target);
    set.folder = target;
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  // Older sets (and leftovers of interrupted publications) go.
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool older = isGeneration(name) && std::stoull(name) != set.generation;
    bool stale = name.rfind(".tmp-", 0) == 0 && it->path() != tmp;
    if (older || stale) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
  return set;
}

}  // namespace

DumpSet publishDumps(const rdf::ReadTxn& txn, const fs::path& root) {
  std::lock_guard lock(gPublishing);
  return publishLocked(txn, root);
}

DumpSet currentDumps(App& app, const rdf::ReadTxn& txn) {
  auto root = dumpsRoot(app.config().storePath);
  auto latest = latestDumps(root);
  auto fresh = [&](const DumpSet& s) {
    return s.generation == txn.generation() ||
           std::time(nullptr) - s.created < kDumpRefreshAfter.count();
  };
  if (latest && fresh(*latest)) return *latest;
  try {
    // One publication at a time; a request that waited takes what the other one wrote.
    std::lock_guard lock(gPublishing);
    if (auto again = latestDumps(root); again && fresh(*again)) return *again;
    return publishLocked(txn, root);
  } catch (const std::exception& e) {  // StorageError, std::filesystem::filesystem_error
    if (latest) return *latest;
    throw HttpError(503, std::string("the dumps are not published and cannot be written here (") +
                             e.what() + "): run `bdis dump --store DIR --publish`");
  }
}

std::vector<CatalogDistribution> publishedDistributions(App& app, const rdf::ReadTxn& txn) {
  std::optional<DumpSet> set;
  try {
    set = currentDumps(app, txn);
  } catch (const std::exception&) {
    return {};
  }
  std::string base = app.config().publicBase;
  if (base.empty() || base.back() != '/') base += '/';
  std::vector<CatalogDistribution> out;
  for (const auto& f : set->files) {
    out.push_back(CatalogDistribution{base + "dumps/" + f.name, f.title, f.mediaType,
                                      f.compressFormat, f.bytes, f.sha256,
                                      formatTime(f.modified, true)});
  }
  return out;
}

}  // namespace bdis::server
