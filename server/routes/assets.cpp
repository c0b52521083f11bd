// /assets/...: browser libraries installed from npm by the build (Yasgui for the
// query page, Leaflet for the map), served from the build folder.

#include <filesystem>
#include <cstring>
#include <fstream>
#include <sstream>

#include "server/http/app.h"
#include "server/http/errors.h"
#include "server/routes/assets.h"
#include "server/routes/routes.h"

namespace bdis::server {

namespace {

struct Package {
  const char* prefix;  // under /assets/
  const char* folder;  // under node_modules/
};

const Package kPackages[] = {
    {"yasgui/", "@zazuko/yasgui/build/"},
    {"leaflet/", "leaflet/dist/"},
};

std::string contentTypeFor(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".png") return "image/png";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".map" || ext == ".json") return "application/json";
  return "application/octet-stream";
}

}  // namespace

std::optional<std::filesystem::path> assetFile(const App& app, const std::string& relative) {
  const std::string& root = app.config().webDir;
  if (root.empty() || relative.find("..") != std::string::npos) return std::nullopt;
  for (const auto& p : kPackages) {
    if (relative.rfind(p.prefix, 0) == 0) {
      auto file = std::filesystem::path(root) / p.folder / relative.substr(std::strlen(p.prefix));
      std::error_code ec;
      if (std::filesystem::is_regular_file(file, ec)) return file;
    }
  }
  return std::nullopt;
}

std::string defaultWebDir() { return BDIS_WEB_DIR; }

bool haveAssets(const App& app, const std::string& package) {
  return assetFile(app, package == "yasgui" ? "yasgui/yasgui.min.js" : "leaflet/leaflet.js")
      .has_value();
}

void registerAssetRoutes(App& app) {
  app.add(Route{"/assets/", true, "other", false, [](const HttpRequest& req, App& a) {
                  auto file = assetFile(a, req.path.substr(std::strlen("/assets/")));
                  if (!file) throw HttpError(404, "no such asset: " + req.path);
                  std::ifstream in(*file, std::ios::binary);
                  std::stringstream ss;
                  ss << in.rdbuf();
                  HttpResponse r = HttpResponse::text(200, ss.str());
                  r.contentType = contentTypeFor(file->string());
                  r.header("Cache-Control", "public, max-age=86400");
                  return r;
                }});
}

}  // namespace bdis::server
