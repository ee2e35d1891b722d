#!/usr/bin/env bash
# Set-up command (b): installs what EnvDeck needs, builds it warnings-as-errors and runs the whole
# test suite headless. Ends with ctest's summary; the exit code is ctest's.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" -DENVDECK_WERROR=ON -DENVDECK_BUILD_TESTS=ON

build_dir="${ENVDECK_BUILD_DIR:-$root/build}"
export QT_QPA_PLATFORM=offscreen
# Tests never touch the user's real settings, keychain or data folders.
test_home="$(mktemp -d)"
trap 'rm -rf "$test_home"' EXIT
export HOME="$test_home" XDG_CONFIG_HOME="$test_home/config" XDG_DATA_HOME="$test_home/data"
export XDG_CACHE_HOME="$test_home/cache"

cd "$build_dir"
ctest --output-on-failure --timeout 900 --parallel "$(nproc)"
