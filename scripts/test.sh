#!/usr/bin/env bash
# Set-up command (b): installs what EnvDeck needs, builds it warnings-as-errors and runs the whole
# test suite headless: first under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/),
# then the regular build (build/). Ends with ctest's summary; any failure fails the script.
# ENVDECK_SKIP_SANITIZERS=1 skips the sanitizer pass.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh"

export QT_QPA_PLATFORM=offscreen
# Tests never touch the user's real settings, keychain or data folders.
test_home="$(mktemp -d)"
trap 'rm -rf "$test_home"' EXIT
export HOME="$test_home" XDG_CONFIG_HOME="$test_home/config" XDG_DATA_HOME="$test_home/data"
export XDG_CACHE_HOME="$test_home/cache"
jobs="$(nproc)"

if [[ "${ENVDECK_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "== Sanitizer build and tests (build-asan/)"
  ENVDECK_BUILD_DIR="$root/build-asan" ENVDECK_BUILD_TYPE=Debug \
    bash "$root/scripts/build.sh" -DENVDECK_WERROR=ON -DENVDECK_SANITIZE=ON -DENVDECK_BUILD_TESTS=ON
  # Leak reports are off: Qt's platform plugins and fontconfig keep caches until exit.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure --timeout 900 --parallel "$jobs"
fi

echo "== Build and tests (build/)"
bash "$root/scripts/build.sh" -DENVDECK_WERROR=ON -DENVDECK_BUILD_TESTS=ON
ctest --test-dir "${ENVDECK_BUILD_DIR:-$root/build}" --output-on-failure --timeout 900 --parallel "$jobs"
