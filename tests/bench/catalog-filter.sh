#!/bin/bash
# Catalog load/filter benchmark. Synthesises a catalog the size of the Red Hat operator index from the real
# package fixtures (REPLICAS copies of every package under new names), then compares loading + filtering it with
# Ferry against merely parsing the same JSON objects with QJsonDocument. Each phase runs in its own process so that
# peak RSS is measured per phase.
#
#   tests/bench/catalog-filter.sh [BUILD_DIR] [REPLICAS]
#
# BUILD_DIR defaults to build/bench (configure it with -DFERRY_BUILD_BENCH=ON); the bench executable is built there (target catalogfilterbench when
# tests/bench is part of the build, otherwise compiled directly against that build's libferry_core.a), unless
# FERRY_CATALOG_BENCH names a prebuilt one.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build/bench}"
REPLICAS="${2:-150}"
FIXTURES="${FERRY_FIXTURES_DIR:-$ROOT/../shared/fixtures/real}/fbc"
WORK="$(mktemp -d /tmp/ferry-catalog-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# FERRY_CATALOG_BENCH may name an already built bench executable.
BENCH="${FERRY_CATALOG_BENCH:-$BUILD/tests/bench/catalogfilterbench}"
if [ -n "${FERRY_CATALOG_BENCH:-}" ]; then
    :
elif ! cmake --build "$BUILD" --target catalogfilterbench >/dev/null 2>&1; then
    cmake --build "$BUILD" --target ferry_core >/dev/null
    BENCH="$WORK/catalogfilterbench"
    # Same compile policy as the project.
    c++ -std=c++20 -O2 -fPIC -Wall -Wextra -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_CAST_FROM_BYTEARRAY \
        -DQT_USE_QSTRINGBUILDER -DQT_NO_URL_CAST_FROM_STRING -DQT_DISABLE_DEPRECATED_UP_TO=0x060400 \
        -I"$ROOT/core" $(pkg-config --cflags Qt6Core Qt6Concurrent Qt6Network) \
        "$ROOT/tests/bench/catalogfilterbench.cpp" -o "$BENCH" \
        "$BUILD/core/libferry_core.a" $(pkg-config --libs Qt6Core Qt6Concurrent Qt6Network) \
        -lyaml-cpp -lcrypto -larchive $(pkg-config --libs tomlplusplus gpgme)
fi

echo "generating $REPLICAS replicas of the fixture packages in $WORK/catalog ..." >&2
"$BENCH" generate "$FIXTURES" "$WORK/catalog" "$REPLICAS" > "$WORK/gen.txt"
"$BENCH" parse "$WORK/catalog" > "$WORK/parse.txt"
"$BENCH" load "$WORK/catalog" > "$WORK/load.txt"

get() { awk -v k="$2" '$1 == k { print $2 }' "$WORK/$1.txt"; }
JSON=$(get gen json_bytes)
PARSE=$(get parse parse_ms)
LOAD=$(get load load_ms)
HEADS=$(get load filter_heads_ms)
PKGS=$(get load filter_packages_ms)
RSS_PARSE=$(get parse peak_rss_kib)
RSS_LOAD=$(get load peak_rss_kib)
JSON_MB=$(awk -v b="$JSON" 'BEGIN { printf "%.1f", b / 1048576 }')

printf '| catalog | %s packages, %s bundles, %s files, %s MiB JSON |\n' "$(get load packages)" "$(get load bundles)" \
    "$(find "$WORK/catalog" -name '*.json' | wc -l)" "$JSON_MB"
printf '|---|---|\n'
printf '| bare parse (split + QJsonDocument per object) | %s ms, peak RSS %s MiB |\n' "$PARSE" $((RSS_PARSE / 1024))
printf '| FbcLoader::load | %s ms |\n' "$LOAD"
printf '| CatalogFilter heads only (%s bundles kept) | %s ms |\n' "$(get load heads_bundles)" "$HEADS"
printf '| CatalogFilter 40 packages (%s bundles kept) | %s ms |\n' "$(get load selected_bundles)" "$PKGS"
printf '| load + heads filter vs bare parse | %s× (target ≤ 2×) |\n' \
    "$(awk -v a="$LOAD" -v b="$HEADS" -v p="$PARSE" 'BEGIN { printf "%.2f", (a + b) / p }')"
printf '| peak RSS load + filters | %s MiB = %s× the JSON size (target < 3×) |\n' $((RSS_LOAD / 1024)) \
    "$(awk -v r="$RSS_LOAD" -v j="$JSON" 'BEGIN { printf "%.2f", r * 1024 / j }')"
