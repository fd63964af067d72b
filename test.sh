#!/usr/bin/env bash
# Installs what is missing, builds Ferry with warnings as errors, and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")"
build_dir=${FERRY_BUILD_DIR:-build/test}

start=$(date +%s)
.ci/bootstrap "$build_dir" -DFERRY_WERROR=ON -DFERRY_BUILD_TESTS=ON
echo "Build finished in $(( $(date +%s) - start )) s"

# The cluster objects Ferry writes are validated against the real CRD schemas with ajv (pinned in package-lock.json).
npm ci --prefix tests/schema --no-audit --no-fund --loglevel=error

# Registries started by tests read REGISTRY_* variables as configuration; keep the caller's out of them.
unset REGISTRY_AUTH_FILE || true
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"
