#pragma once
// Browser assets installed by the build (see scripts/fetch-web-assets.sh).

#include <filesystem>
#include <optional>
#include <string>

namespace bdis::server {

class App;

/// The file behind /assets/<relative>, if the build installed it.
std::optional<std::filesystem::path> assetFile(const App& app, const std::string& relative);
/// Where this build installed the browser assets (may not exist).
std::string defaultWebDir();
/// Whether a package's assets ("yasgui", "leaflet") are available.
bool haveAssets(const App& app, const std::string& package);

}  // namespace bdis::server
