#!/usr/bin/env bash
# Installs the Debian packages bdis needs to build, test and run. Idempotent:
# packages already present are not touched, and nothing is fetched from
# anywhere but the configured Debian mirror.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ccache
  libserd-dev libsord-dev libpistache-dev libxapian-dev libboost-dev
  liblmdb-dev libgtest-dev libgmock-dev libbenchmark-dev libgeos-dev
  libicu-dev libutf8proc-dev nlohmann-json3-dev zlib1g-dev libzstd-dev
  libcli11-dev libfmt-dev libspdlog-dev libsodium-dev libtbb-dev
  libcurl4-openssl-dev libssl-dev python3 python3-sparqlwrapper python3-rdflib curl
  gzip zstd nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
