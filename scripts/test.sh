#!/usr/bin/env bash
# Second README command: installs what is missing, builds sipcodes and runs
# the whole test suite (unit and integration) under ctest.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
