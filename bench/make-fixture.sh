#!/usr/bin/env bash
# Generates the benchmark-scale repository that EnvDeck's benchmarks run on: 30 environments,
# ~5,000 .tf files and 20,000 commits (with its bare origin beside it), and prints how long the
# generator took. Usage: bench/make-fixture.sh [DIR] [extra demo-repo options]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
envdeck="${ENVDECK_BIN:-$root/build/app/envdeck}"
dir="${1:-$root/build/bench/infra}"
shift || true

if [[ ! -x "$envdeck" ]]; then
  echo "bench: $envdeck not found; build first (bash scripts/build.sh)" >&2
  exit 2
fi
rm -rf "$dir" "$dir-origin.git"
mkdir -p "$(dirname "$dir")"
"$envdeck" demo-repo "$dir" --environments 30 --modules 1650 --commits 20000 \
  --end-date 2026-11-20 --quiet "$@"
echo "tf files: $(find "$dir" -name '*.tf' | wc -l)"
echo "commits:  $(git -C "$dir" rev-list --count HEAD)"
