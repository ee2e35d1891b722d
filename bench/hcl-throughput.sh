#!/usr/bin/env bash
# Parse throughput of EnvDeck's HCL parser against HashiCorp's converter (@cdktf/hcl2json) on
# the same corpus, measured in the same run, printed as a ratio.
# Corpus: the .tf files of a generated demo repository (30 environments, 2,600 building blocks:
# ~7,950 files, ~5.3 MB of realistic Terraform). Usage: bench/hcl-throughput.sh [WORKDIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ENVDECK_BUILD_DIR:-$root/build}"
work="${1:-$build/bench/hcl}"
mkdir -p "$work"

cmake --build "$build" --target envdeck_bench_hcl >/dev/null
bash "$root/tests/hcl/reference/install.sh" "$work/reference"

corpus="$work/corpus"
if [[ ! -d "$corpus" ]]; then # the envdeck binary is only needed to generate the corpus
  cmake --build "$build" --target envdeck >/dev/null
  "$build/app/envdeck" demo-repo "$corpus" --environments 30 --modules 2600 --commits 20 \
    --end-date 2026-11-20 --quiet >/dev/null
fi
find "$corpus" -name '*.tf' -not -path '*/.git/*' | sort > "$work/manifest.txt"

# best of 20: one run takes ~40 ms, so 5 runs sampled a quarter of a second and a burst of
# other load on the machine decided the figure (node runs 3 times ~3 s)
envdeck_json="$("$build/bench/envdeck_bench_hcl" "$work/manifest.txt" 20)"
peer_json="$(node "$root/bench/hcl2json-timing.js" "$work/reference" "$work/manifest.txt" 3)"
echo "envdeck:         $envdeck_json"
echo "@cdktf/hcl2json: $peer_json"
node -e '
  const a = JSON.parse(process.argv[1]), b = JSON.parse(process.argv[2]);
  if (a.files !== b.files || a.bytes !== b.bytes) { console.error("corpus mismatch"); process.exit(1); }
  console.log(`corpus: ${a.files} files, ${(a.bytes / 1e6).toFixed(2)} MB`);
  console.log(`envdeck ${a.mb_per_s.toFixed(1)} MB/s, @cdktf/hcl2json ${b.mb_per_s.toFixed(2)} MB/s`);
  console.log(`ratio: EnvDeck is ${(b.seconds / a.seconds).toFixed(1)}x faster (target: >= 50x)`);
' "$envdeck_json" "$peer_json"
