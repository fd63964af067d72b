#!/usr/bin/env bash
# Ferry's copy engine against skopeo and the reference mirror, measured in the same run on the same loopback
# registries (methods interleaved run by run, so machine load hits all of them alike).
# Set A: 100 images x 4 layers x 1 MiB, 30 % shared layers (+ one 2-platform index); set B: 10 images x 3 x 64 MiB.
# Then the no-op rerun of set A (everything already at the destination), Ferry and skopeo sync interleaved.
# Usage: tests/bench/mirror-vs-skopeo.sh [RUNS]   (builds build/bench with -DFERRY_BUILD_BENCH=ON first;
#        FERRY_BENCH_BUILD=DIR uses another build directory, BENCH_SETS="a" limits the sets)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${FERRY_SHARED_DIR:-$ROOT/../shared}
RUNS=${1:-3}
BUILD=${FERRY_BENCH_BUILD:-$ROOT/build/bench}
SETS=${BENCH_SETS:-a b}

if [ -f "$BUILD/CMakeCache.txt" ]; then
    cmake "$BUILD" -DFERRY_BUILD_BENCH=ON >/dev/null
else
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFERRY_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" --target mirrorbench >/dev/null
MIRRORBENCH="$BUILD/tests/bench/mirrorbench"
export BENCH_CMD="$MIRRORBENCH \"\$REFS_TSV\" \"\$DST/\$DST_PREFIX\" \"\$JOBS\" 5"
export BENCH_CSV=${BENCH_CSV:-$(mktemp --suffix=.csv)}
rm -f "$BENCH_CSV"
NOOP_CSV=$(mktemp --suffix=.csv)
export REG_BASE="${REG_BASE:-/tmp/regbench}"
R="$SHARED/bench/registry.sh"
trap '"$R" stop A >/dev/null 2>&1 || true; "$R" stop B >/dev/null 2>&1 || true' EXIT

noop_reruns() {
    # run-baseline.sh left set A in registry A (it only stops the registries). Make sure of it before timing.
    "$R" start A 5101 >/dev/null
    "$R" wipe B >/dev/null
    "$R" start B 5102 >/dev/null
    local first digest
    first=$(head -1 /tmp/synth-a/images.tsv)
    digest=$(curl -fsSI -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json' \
        "http://127.0.0.1:5101/v2/$(echo "$first" | cut -f2 | sed 's#:#/manifests/#')" | tr -d '\r' |
        awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
    if [ "$digest" != "$(echo "$first" | cut -f3)" ]; then
        echo "registry A does not hold set A; no-op reruns skipped" >&2
        return 1
    fi
    awk -F'\t' '{print "127.0.0.1:5101/" $2 "\t" $4}' /tmp/synth-a/images.tsv >/tmp/noop-refs.tsv
    { echo "127.0.0.1:5101:"; echo "  tls-verify: false"; echo "  images:"
      awk -F'\t' '{split($2,a,":"); print "    " a[1] ":"; print "      - \"" a[2] "\""}' /tmp/synth-a/images.tsv; } >/tmp/noop-sync.yaml
    local count
    count=$(wc -l </tmp/noop-refs.tsv)
    # Fill the destination once with each tool.
    "$MIRRORBENCH" /tmp/noop-refs.tsv 127.0.0.1:5102/ferry 4 5 1 2>/dev/null
    skopeo sync --src yaml --dest docker --all --dest-tls-verify=false /tmp/noop-sync.yaml 127.0.0.1:5102/skopeo \
        >/dev/null 2>&1
    # CPU seconds both registries spent (utime + stime of their processes): what a client's requests cost them.
    registry_cpu() {
        local total=0 pid
        for name in A B; do
            pid=$(cat "$REG_BASE/$name/pid")
            total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
        done
        echo "$total"
    }
    local hz before
    hz=$(getconf CLK_TCK)
    echo "method,run,wall_s,maxrss_kb,ok,load,client_cpu_s,registry_cpu_s" >"$NOOP_CSV"
    for run in $(seq 1 "$RUNS"); do
        rm -rf "${HOME:-/root}/.local/share/containers/cache" /var/lib/containers/cache 2>/dev/null || true
        before=$(registry_cpu)
        /usr/bin/time -f '%e %M %U %S' -o /tmp/noop-time.txt "$MIRRORBENCH" /tmp/noop-refs.tsv 127.0.0.1:5102/ferry 4 5 1 \
            2>/tmp/noop-ferry.log || true
        read -r wall rss user sys </tmp/noop-time.txt
        # Honest only if every image was found in place and none failed.
        ok=0; grep -q "run 1: 0 copied, $count already present, 0 failed" /tmp/noop-ferry.log && ok=1
        echo "ferry,$run,$wall,$rss,$ok,$(cut -d' ' -f1 /proc/loadavg),$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')," \
            "$(awk -v a="$(registry_cpu)" -v b="$before" -v hz="$hz" 'BEGIN{printf "%.2f", (a - b) / hz}')" | tr -d ' ' >>"$NOOP_CSV"
        ok=1
        before=$(registry_cpu)
        /usr/bin/time -f '%e %M %U %S' -o /tmp/noop-time.txt skopeo sync --src yaml --dest docker --all \
            --dest-tls-verify=false /tmp/noop-sync.yaml 127.0.0.1:5102/skopeo >/dev/null 2>&1 || ok=0
        read -r wall rss user sys </tmp/noop-time.txt
        echo "skopeo-sync,$run,$wall,$rss,$ok,$(cut -d' ' -f1 /proc/loadavg),$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')," \
            "$(awk -v a="$(registry_cpu)" -v b="$before" -v hz="$hz" 'BEGIN{printf "%.2f", (a - b) / hz}')" | tr -d ' ' >>"$NOOP_CSV"
    done
}

for s in $SETS; do
    echo "== set $s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    "$SHARED/bench/run-baseline.sh" -r "$RUNS" -s "$s" -M "skopeo-sync skopeo-copy ref-mirror cmd" -I -c "$BENCH_CSV" \
        >/dev/null || echo "set $s: some runs failed (see $BENCH_CSV)" >&2
    if [ "$s" = a ]; then noop_reruns || true; fi
done
echo "== done, load average $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$SHARED/bench/summarize-bench.py" "$BENCH_CSV"
python3 - "$BENCH_CSV" "$NOOP_CSV" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
med = lambda xs: statistics.median(xs) if xs else float("nan")
print("\n| set | Ferry wall s | Ferry RSS MiB | vs skopeo sync | vs skopeo copy x4 | vs ref_mirror.py | targets |")
print("|---|---|---|---|---|---|---|")
for label in sorted({r["label"] for r in rows}):
    wall = lambda m: med([float(r["wall_s"]) for r in rows if r["label"] == label and r["method"] == m and r["exit"] == "0"])
    ferry = wall("cmd")
    rss = med([float(r["maxrss_kb"]) / 1024 for r in rows if r["label"] == label and r["method"] == "cmd"])
    sync, copy, ref = wall("skopeo-sync"), wall("skopeo-copy"), wall("ref-mirror")
    bad = sum(1 for r in rows if r["label"] == label and r["method"] == "cmd" and (r["exit"] != "0" or r["bad_tags"] != "0"))
    if label == "a":
        met = ferry * 2 <= sync and ferry <= ref
    else:
        met = ferry <= min(sync, copy)
    met = met and rss < 150 and bad == 0
    print(f"| {label} | {ferry:.2f} | {rss:.0f} | {sync / ferry:.2f}x | {copy / ferry:.2f}x | {ref / ferry:.2f}x | "
          f"{'met' if met else 'NOT met'}{'' if bad == 0 else f' ({bad} bad runs)'} |")
noop = list(csv.DictReader(open(sys.argv[2])))
if noop:
    f = [float(r["wall_s"]) for r in noop if r["method"] == "ferry"]
    k = [float(r["wall_s"]) for r in noop if r["method"] == "skopeo-sync"]
    rss = med([float(r["maxrss_kb"]) / 1024 for r in noop if r["method"] == "ferry"])
    failed = sum(1 for r in noop if r["ok"] != "1")
    loads = ", ".join(r["load"] for r in noop if r["method"] == "ferry")
    print(f"\nno-op rerun of set A ({len(f)} runs, load {loads}): ferry {med(f):.3f} s (min {min(f):.3f}, RSS {rss:.0f} MiB), "
          f"skopeo sync {med(k):.3f} s, ratio {med(k) / med(f):.1f}x (target 10x){'' if failed == 0 else f'; {failed} runs NOT clean'}")
    cpu = lambda m, col: med([float(r[col]) for r in noop if r["method"] == m])
    print(f"CPU seconds per no-op run (medians): ferry client {cpu('ferry', 'client_cpu_s'):.2f}, registries "
          f"{cpu('ferry', 'registry_cpu_s'):.2f}; skopeo client {cpu('skopeo-sync', 'client_cpu_s'):.2f}, registries "
          f"{cpu('skopeo-sync', 'registry_cpu_s'):.2f} (2 cores: client + registries over 2 bounds the wall time from below)")
PY
