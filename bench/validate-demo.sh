#!/usr/bin/env bash
# Time of `envdeck validate`'s work on the demo repository (5 environments, 320 commits):
# loading what the rules read, and the engine itself. Target: the whole validation < 100 ms, so
# the matrix view can re-validate on every edit. Usage: bench/validate-demo.sh [WORKDIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ENVDECK_BUILD_DIR:-$root/build}"
work="${1:-$build/bench/validate}"
mkdir -p "$work"

cmake --build "$build" --target envdeck envdeck_bench_validate >/dev/null
if [[ ! -d "$work/demo" ]]; then
  "$build/app/envdeck" demo-repo "$work/demo" --end-date 2026-11-20 --quiet >/dev/null
fi
result="$("$build/bench/envdeck_bench_validate" "$work/demo" 20 HEAD~5)"
echo "envdeck validate on the demo repository: $result"
node -e '
  const r = JSON.parse(process.argv[1]);
  console.log(`load ${r.load_ms.toFixed(1)} ms + engine ${r.engine_ms.toFixed(2)} ms = ${r.total_ms.toFixed(1)} ms (target: < 100 ms)`);
  process.exit(r.total_ms < 100 ? 0 : 1);
' "$result"
