#!/usr/bin/env bash
# Configures and builds EnvDeck with Ninja into build/ (or $ENVDECK_BUILD_DIR).
# Extra arguments go to CMake's configure step, e.g. scripts/build.sh -DENVDECK_WERROR=ON
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${ENVDECK_BUILD_DIR:-$root/build}"
build_type="${ENVDECK_BUILD_TYPE:-RelWithDebInfo}"

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
