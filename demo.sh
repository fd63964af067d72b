#!/usr/bin/env bash
# Installs what is missing, builds Ferry, starts the offline demo world and opens Ferry on it.
# Without a display it runs the demo with ferryctl instead and prints the result.
set -euo pipefail
cd "$(dirname "$0")"
build_dir=${FERRY_BUILD_DIR:-build/demo}
demo_dir=${FERRY_DEMO_DIR:-${TMPDIR:-/tmp}/ferry-demo}

.ci/bootstrap "$build_dir" -DFERRY_BUILD_TESTS=ON

config=$PWD/resources/samples/imageset-config.yaml
world=$build_dir/tests/world/ferry-world
if [ -x "$world" ]; then
    "$world" down --dir "$demo_dir" >/dev/null 2>&1 || true
    "$world" up --dir "$demo_dir" --scale small
    trap '"$world" down --dir "$demo_dir"' EXIT
    set -a
    # shellcheck disable=SC1091
    . "$demo_dir/world.env"
    set +a
    [ -f "$demo_dir/demo-imageset-config.yaml" ] && config=$demo_dir/demo-imageset-config.yaml
fi

if [ -n "${DISPLAY:-}" ]; then
    "$build_dir/app/ferry" "$config"
else
    echo "No display: running the demo with ferryctl."
    "$build_dir/app/ferryctl" validate -c "$config"
    if [ -n "${FERRY_WORLD_DESTINATION:-}" ]; then
        "$build_dir/app/ferryctl" -c "$config" --workspace "file://$demo_dir/workspace" \
            --cache-dir "$demo_dir/cache" "docker://$FERRY_WORLD_DESTINATION/mirror" --dest-tls-verify=false --v2 ||
            echo "ferryctl finished with exit code $? (oc-mirror's bitmask: 2 release, 4 operator, 8 additional, 16 helm)"
        echo "Cluster resources written to $demo_dir/workspace/working-dir/cluster-resources:"
        ls "$demo_dir/workspace/working-dir/cluster-resources" 2>/dev/null || true
    fi
fi
