#!/usr/bin/env bash
# Configures and builds sipcodes in ./build; prints the compiler's output
# only when something fails or warns.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
log=build/build.log
mkdir -p build
echo "sipcodes: building in ./build (log: $log)"
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
       && cmake --build build --parallel "$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "sipcodes: the build failed (log above and in $log)" >&2
  exit 1
fi
if grep -q "warning:" "$log"; then
  grep -A3 "warning:" "$log" >&2
fi
echo "sipcodes: built build/plugin/sipcodes.so and build/cli/sipcodes"
