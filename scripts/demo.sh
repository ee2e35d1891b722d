#!/usr/bin/env bash
# Set-up command (a): installs what EnvDeck needs, builds it and starts it on the demo repository.
# The demo repository is generated once in EnvDeck's data folder and reused afterwards.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

build_dir="${ENVDECK_BUILD_DIR:-$root/build}"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  echo "No display found: starting EnvDeck under Xvfb (xvfb-run)." >&2
  exec xvfb-run -a "$build_dir/app/envdeck" --demo "$@"
fi
exec "$build_dir/app/envdeck" --demo "$@"
