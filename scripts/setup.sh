#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install the Debian packages that are missing
# (sudo when not root; quiet when all are present), build the release preset, then
#   run   (default) open the app on its default scene
#   test  run the whole test suite, headless GUI tests included (under Xvfb)
#   build stop after building
set -euo pipefail
mode=${1:-run}
cd "$(dirname "$0")/.."

packages=(g++ make cmake pkg-config
  libimgui-dev libglfw3-dev libeigen3-dev libstb-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libbenchmark-dev fonts-dejavu-core libcairo2-dev xvfb xauth libgl1-mesa-dri
  xdotool libxml2-utils librsvg2-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "gradlab: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset release >/dev/null
cmake --build --preset release
case "$mode" in
  run) exec build/release/app/gradlab ;;
  test) ctest --preset release ;;
  build) ;;
  *) echo "usage: scripts/setup.sh [run|test|build]" >&2; exit 2 ;;
esac
