#!/usr/bin/env bash
# Installs the browser assets (Yasgui, Leaflet) from npm into the build folder.
# Without npm or without access to its registry, bdis still builds and serves
# its built-in query page; this script then says so and exits 0.
set -u
src="$1"    # folder holding web/package.json
dest="$2"   # build folder for node_modules
mkdir -p "$dest"
if [ -d "$dest/node_modules/@zazuko/yasgui/build" ] && [ -d "$dest/node_modules/leaflet/dist" ] \
   && cmp -s "$src/web/package.json" "$dest/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "web assets: npm not found; the query page falls back to the built-in editor"
  exit 0
fi
cp "$src/web/package.json" "$dest/package.json"
if ! (cd "$dest" && timeout 120 npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
  echo "web assets: npm install failed (no registry access?); the query page falls back to the built-in editor"
  rm -f "$dest/package.json"
fi
exit 0
