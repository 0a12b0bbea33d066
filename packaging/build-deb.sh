#!/usr/bin/env bash
# Builds the Debian package sipcodes_<version>_<arch>.deb: configures a
# global build (plugin into Wireshark's global plugin folder, the command
# into /usr/bin), builds it and runs cpack. Prints the package's path.
# Usage: packaging/build-deb.sh [BUILD-DIR]     (default ./build-deb)
# Then:  sudo apt install ./build-deb/sipcodes_*.deb
# Needs cmake, a compiler, wireshark-dev, libglib2.0-dev and dpkg-dev
# (dpkg-shlibdeps), as scripts/install-deps.sh installs them.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build-deb}
cmake -S "$top" -B "$build" -DSIPCODES_INSTALL_GLOBAL=ON -DCMAKE_INSTALL_PREFIX=/usr \
      -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DSIPCODES_MATRIX_TESTS=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")
deb="$build/sipcodes_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "build-deb: cpack wrote no $deb" >&2; ls "$build"/*.deb >&2 || true; exit 1; }
echo "$deb"
