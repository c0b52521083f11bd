// GET /dumps/ and GET /dumps/<file>: the published dumps (dump_files.h). The
// listing is JSON (default) or HTML by Accept; a file is served with its size,
// ETag (from its SHA-256), Last-Modified, Accept-Ranges, one byte range (206, or
// 416 when unsatisfiable) and If-None-Match (304). Bodies are read into memory:
// a whole file larger than the server's response limit must be fetched by ranges.

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>

#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/http/negotiate.h"
#include "server/routes/dump_files.h"
#include "server/routes/html.h"
#include "server/routes/routes.h"

namespace bdis::server {

namespace {

std::string etagOf(const DumpFile& f) { return "\"" + f.sha256.substr(0, 32) + "\""; }

struct ByteRange {
  uint64_t first = 0, last = 0;
};

std::optional<uint64_t> number(std::string_view s) {
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

/// The one range of a `Range: bytes=...` header. nullopt: serve the whole file (no
/// header, another unit, several ranges, bad syntax — RFC 9110 14.2 lets a server
/// ignore them); throws HttpError 416 when it is well-formed but unsatisfiable.
std::optional<ByteRange> parseRange(const std::string& header, uint64_t size) {
  if (header.rfind("bytes=", 0) != 0) return std::nullopt;
  std::string_view spec(header);
  spec.remove_prefix(6);
  if (spec.find(',') != std::string_view::npos) return std::nullopt;
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto a = spec.substr(0, dash), b = spec.substr(dash + 1);
  ByteRange r;
  if (a.empty()) {  // suffix: the last N bytes
    auto n = number(b);
    if (!n) return std::nullopt;
    if (*n == 0 || size == 0) throw HttpError(416, "range not satisfiable");
    r.first = *n >= size ? 0 : size - *n;
    r.last = size - 1;
    return r;
  }
  auto first = number(a);
  if (!first) return std::nullopt;
  std::optional<uint64_t> last = b.empty() ? std::optional<uint64_t>(UINT64_MAX) : number(b);
  if (!last || *last < *first) return std::nullopt;
  if (*first >= size) throw HttpError(416, "range not satisfiable");
  r.first = *first;
  r.last = std::min(*last, size - 1);
  return r;
}

std::string readBytes(const std::filesystem::path& path, uint64_t offset, uint64_t count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw HttpError(404, "dump file gone (a newer set replaced it): reload /dumps/");
  in.seekg(static_cast<std::streamoff>(offset));
  std::string out(count, '\0');
  in.read(out.data(), static_cast<std::streamsize>(count));
  out.resize(static_cast<size_t>(in.gcount()));
  return out;
}

HttpResponse serveFile(const HttpRequest& req, App& app, const DumpSet& set, const DumpFile& f) {
  HttpResponse r;
  std::string etag = etagOf(f);
  r.header("ETag", etag);
  r.header("Last-Modified", formatTime(f.modified, false));
  r.header("Accept-Ranges", "bytes");
  r.header("Cache-Control", "no-cache");
  r.contentType = f.contentType;
  if (ifNoneMatch(req.header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  std::optional<ByteRange> range;
  std::string ifRange = req.header("if-range");
  if (ifRange.empty() || ifRange == etag) {
    try {
      range = parseRange(req.header("range"), f.bytes);
    } catch (const HttpError&) {
      auto e = errorBody(416, "range not satisfiable: " + f.name + " has " +
                                  std::to_string(f.bytes) + " bytes");
      e.header("Content-Range", "bytes */" + std::to_string(f.bytes));
      e.header("Accept-Ranges", "bytes");
      return e;
    }
  }
  uint64_t first = range ? range->first : 0;
  uint64_t count = range ? range->last - range->first + 1 : f.bytes;
  if (count > app.config().maxResponseBytes) {
    throw HttpError(413, f.name + " is " + std::to_string(f.bytes) +
                             " bytes, more than this server sends at once (" +
                             std::to_string(app.config().maxResponseBytes >> 20) +
                             " MiB): fetch it in parts with Range: bytes=START-END");
  }
  if (range) {
    r.status = 206;
    r.header("Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                  std::to_string(range->last) + "/" + std::to_string(f.bytes));
  }
  if (req.method == "GET") {
    r.body = readBytes(set.folder / f.name, first, count);
  } else {
    r.headLength = count;  // HEAD: the length without reading the file
  }
  return r;
}

std::string listingHtml(const DumpSet& set) {
  std::string out = pageStart("bdis — téléchargements");
  out += "<h1>Téléchargements</h1>\n<p>Instantané de la génération " +
         std::to_string(set.generation) + " du magasin, publié le " +
         htmlEscape(formatTime(set.created, true)) +
         ". Aussi décrits dans le <a href=\"/catalog\">catalogue DCAT</a>.</p>\n"
         "<table><tr><th>fichier</th><th>contenu</th><th>octets</th><th>SHA-256</th>"
         "<th>modifié</th></tr>\n";
  for (const auto& f : set.files) {
    out += "<tr><td><a href=\"/dumps/" + htmlEscape(f.name) + "\">" + htmlEscape(f.name) +
           "</a></td><td>" + htmlEscape(f.title) + "</td><td>" + std::to_string(f.bytes) +
           "</td><td><code>" + htmlEscape(f.sha256) + "</code></td><td>" +
           htmlEscape(formatTime(f.modified, true)) + "</td></tr>\n";
  }
  return out + "</table>\n" + pageEnd();
}

std::string listingJson(const DumpSet& set, const std::string& base) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : set.files) {
    files.push_back({{"name", f.name},
                     {"url", base + "dumps/" + f.name},
                     {"title", f.title},
                     {"content_type", f.contentType},
                     {"media_type", f.mediaType},
                     {"bytes", f.bytes},
                     {"sha256", f.sha256},
                     {"etag", etagOf(f)},
                     {"last_modified", formatTime(f.modified, false)},
                     {"statements", f.statements}});
  }
  nlohmann::json j{{"generation", set.generation},
                   {"created", formatTime(set.created, true)},
                   {"files", files}};
  return j.dump(2) + "\n";
}

HttpResponse dumps(const HttpRequest& req, App& app) {
  if (req.method != "GET" && req.method != "HEAD") {
    auto r = errorBody(405, "only GET and HEAD on " + req.path);
    r.header("Allow", "GET, HEAD");
    return r;
  }
  auto txn = app.store().beginRead();
  std::string name = req.path.substr(std::string("/dumps/").size());
  if (!name.empty()) {
    // Only names of the set are served: nothing else of the folder, no paths.
    if (name.find('/') != std::string::npos) throw HttpError(404, "no such dump: " + name);
    DumpSet set = currentDumps(app, *txn);
    const DumpFile* f = set.find(name);
    if (!f) throw HttpError(404, "no such dump: " + name + " (see /dumps/)");
    return serveFile(req, app, set, *f);
  }
  std::string mime = negotiate(req.header("accept"), {"application/json", "text/html",
                                                      "application/xhtml+xml"});
  if (mime.empty()) {
    auto r = errorBody(406, "no acceptable type; /dumps/ offers application/json, text/html");
    r.header("Vary", "Accept");
    return r;
  }
  DumpSet set = currentDumps(app, *txn);
  std::string base = app.config().publicBase;
  if (base.empty() || base.back() != '/') base += '/';
  HttpResponse r;
  r.header("Vary", "Accept");
  r.header("Cache-Control", "no-cache");
  if (mime == "application/json") {
    r.contentType = "application/json";
    r.body = listingJson(set, base);
  } else {
    r.contentType = "text/html; charset=utf-8";
    r.body = listingHtml(set);
  }
  return r;
}

}  // namespace

void registerDumpRoutes(App& app) {
  app.add(Route{"/dumps", false, "other", true, [](const HttpRequest&, App&) {
                  HttpResponse r;
                  r.status = 301;
                  r.header("Location", "/dumps/");
                  return r;
                }});
  app.add(Route{"/dumps/", true, "other", false, dumps});
}

}  // namespace bdis::server
