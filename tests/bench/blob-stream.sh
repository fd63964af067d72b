#!/usr/bin/env bash
# Registry → registry blob streaming benchmark for Ferry's RegistryClient.
# Starts two loopback registries (shared/bench/registry.sh), pushes a random blob (512 MiB by default) into the
# first, then copies it to the second with the `blobstream` executable and, for reference, downloads it with curl.
# Prints throughput and peak RSS (GNU time -v) of both.
#
#   tests/bench/blob-stream.sh [BLOBSTREAM_BINARY]   (env: SIZE_MIB=512, PORT_A, PORT_B, SHARED=/work/shared)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SHARED="${SHARED:-$HERE/../../../shared}"
BIN="${1:-${BLOBSTREAM:-$HERE/../../build/bench/tests/bench/blobstream}}"
SIZE_MIB="${SIZE_MIB:-512}"
PORT_A="${PORT_A:-15301}"
PORT_B="${PORT_B:-15302}"
export REG_BASE="${REG_BASE:-$(mktemp -d /tmp/ferry-blobbench.XXXXXX)}"
REGISTRY="$SHARED/bench/registry.sh"
WORK="$(mktemp -d /tmp/ferry-blobbench-data.XXXXXX)"

[ -x "$BIN" ] || { echo "blob-stream.sh: build the blobstream target first ($BIN)" >&2; exit 1; }

cleanup() {
    "$REGISTRY" wipe bench-src >/dev/null 2>&1 || true
    "$REGISTRY" wipe bench-dst >/dev/null 2>&1 || true
    rm -rf "$WORK" "$REG_BASE"
}
trap cleanup EXIT

"$REGISTRY" start bench-src "$PORT_A" >/dev/null
"$REGISTRY" start bench-dst "$PORT_B" >/dev/null
SRC="127.0.0.1:$PORT_A"
DST="127.0.0.1:$PORT_B"

echo "== generating ${SIZE_MIB} MiB of random data"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$WORK/blob"
SIZE=$(stat -c %s "$WORK/blob")
DIGEST="sha256:$(sha256sum "$WORK/blob" | cut -d' ' -f1)"

echo "== pushing it to $SRC/bench/blob with curl"
LOCATION=$(curl -fsS -X POST -D - -o /dev/null "http://$SRC/v2/bench/blob/blobs/uploads/" |
    tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
case "$LOCATION" in http*) ;; *) LOCATION="http://$SRC$LOCATION" ;; esac
SEP='?'; case "$LOCATION" in *\?*) SEP='&' ;; esac
curl -fsS -X PUT -H 'Content-Type: application/octet-stream' -T "$WORK/blob" "$LOCATION${SEP}digest=$DIGEST" >/dev/null
rm -f "$WORK/blob"

measure() { # LABEL COMMAND… ; prints wall time, throughput, peak RSS
    local label="$1"; shift
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; exit 1; }
    local wall rss seconds
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    seconds=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    printf '%-34s %8.2f s %9.1f MiB/s   peak RSS %7.1f MiB\n' "$label" "$seconds" \
        "$(awk -v s="$SIZE" -v t="$seconds" 'BEGIN { print s/1048576/t }')" "$(awk -v k="$rss" 'BEGIN { print k/1024 }')"
}

echo "== results ($SIZE bytes, $DIGEST)"
measure "curl GET (download only)" curl -fsS -o /dev/null "http://$SRC/v2/bench/blob/blobs/$DIGEST"
measure "ferry registry→registry copy" "$BIN" "$SRC/bench/blob" "$DST/bench/copy" "$DIGEST" "$SIZE"
# Reference for the same work: curl GET piped into a curl PUT (chunked) of a fresh upload session.
pipe_copy() {
    local location sep
    location=$(curl -fsS -X POST -D - -o /dev/null "http://$DST/v2/bench/curlcopy/blobs/uploads/" |
        tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
    sep='?'; case "$location" in *\?*) sep='&' ;; esac
    curl -fsS "http://$SRC/v2/bench/blob/blobs/$DIGEST" |
        curl -fsS -X PUT -H 'Content-Type: application/octet-stream' -T - "$location${sep}digest=$DIGEST" -o /dev/null
}
export -f pipe_copy
export SRC DST DIGEST
measure "curl GET | curl PUT copy" bash -c pipe_copy
# The destination really has it, byte for byte (its registry verified the digest on the final PUT).
test "$(curl -fsS -o /dev/null -w '%{http_code}' -I "http://$DST/v2/bench/copy/blobs/$DIGEST")" = 200
echo "destination verified: $DST/bench/copy@$DIGEST"
