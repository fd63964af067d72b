#!/usr/bin/env bash
# Ferry's copy engine against skopeo and the reference mirror, measured in the same run on loopback registries.
# Set A: 100 images x 4 layers x 1 MiB, 30 % shared layers; set B: 10 images x 3 x 64 MiB.
# Usage: tests/bench/mirror-vs-skopeo.sh [RUNS]   (builds build/bench with -DFERRY_BUILD_BENCH=ON first)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${FERRY_SHARED_DIR:-$ROOT/../shared}
RUNS=${1:-3}
BUILD=${FERRY_BENCH_BUILD:-$ROOT/build/bench}

if [ -f "$BUILD/CMakeCache.txt" ]; then
    cmake "$BUILD" -DFERRY_BUILD_BENCH=ON >/dev/null
else
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFERRY_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" --target mirrorbench >/dev/null
export BENCH_CMD="$BUILD/tests/bench/mirrorbench \"\$REFS_TSV\" \"\$DST/\$DST_PREFIX\" \"\$JOBS\" 5"
export BENCH_CSV=${BENCH_CSV:-$(mktemp -u --suffix=.csv)}
"$SHARED/bench/run-baseline.sh" -r "$RUNS" -s "a b" -M "skopeo-sync skopeo-copy ref-mirror cmd" -I || true

# No-op reruns: everything is already at the destination.
export REG_BASE="${REG_BASE:-/tmp/regbench}"
R="$SHARED/bench/registry.sh"
trap '"$R" stop A >/dev/null 2>&1 || true; "$R" stop B >/dev/null 2>&1 || true' EXIT
"$R" start A 5101 >/dev/null
"$R" wipe B >/dev/null
"$R" start B 5102 >/dev/null
awk -F'\t' '{print "127.0.0.1:5101/" $2 "\t" $4}' /tmp/synth-a/images.tsv >/tmp/noop-refs.tsv
{ echo "127.0.0.1:5101:"; echo "  tls-verify: false"; echo "  images:"
  awk -F'\t' '{split($2,a,":"); print "    " a[1] ":"; print "      - \"" a[2] "\""}' /tmp/synth-a/images.tsv; } >/tmp/noop-sync.yaml
"$BUILD/tests/bench/mirrorbench" /tmp/noop-refs.tsv 127.0.0.1:5102/ferry 4 5 1 2>/dev/null
skopeo sync --src yaml --dest docker --all --dest-tls-verify=false /tmp/noop-sync.yaml 127.0.0.1:5102/skopeo >/dev/null
rm -rf "$HOME/.local/share/containers/cache" 2>/dev/null || true
t0=$(date +%s.%N); "$BUILD/tests/bench/mirrorbench" /tmp/noop-refs.tsv 127.0.0.1:5102/ferry 4 5 1 2>/dev/null; t1=$(date +%s.%N)
skopeo sync --src yaml --dest docker --all --dest-tls-verify=false /tmp/noop-sync.yaml 127.0.0.1:5102/skopeo >/dev/null
t2=$(date +%s.%N)
printf '\nno-op rerun of set A: ferry %.2f s, skopeo sync %.2f s, ratio %.1fx\n' \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "($t2 - $t1) / ($t1 - $t0)" | bc -l)"
