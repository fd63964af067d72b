#!/usr/bin/env bash
# Captures docs/screenshots/main-window.png from the real ferry window on a virtual X display.
# Usage: docs/screenshots/capture.sh BUILD_DIR [CONFIG]   (needs xvfb, xauth and imagemagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ferry=$(cd "${1:?build directory}" && pwd)/app/ferry
config=${2:-}
output=$here/main-window.png

# Xvfb has no window manager: the window sits at 0,0 with the size MainWindow asks for (1400x900).
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    LANG=C.UTF-8 LC_ALL=C.UTF-8 "$1" ${3:+"$3"} &
    pid=$!
    sleep 4
    import -window root "$2.full.png"
    kill "$pid"
' capture "$ferry" "$output" "$config"
# An 8-bit palette keeps the PNG small without visible loss on a flat UI.
convert "$output.full.png" -strip -colors 256 PNG8:"$output"
rm -f "$output.full.png"
ls -l "$output"
# The other pictures come from the GUI tests on a virtual display, after a real run against the test world:
#   FERRY_MIRROR_RUN_SCREENSHOT=$PWD/docs/screenshots/mirror-run.png QT_QPA_PLATFORM=xcb xvfb-run -a BUILD/tests/tst_mirrorrunwindow reviewThenRun
#   FERRY_RELEASE_PICKER_SCREENSHOT=…/release-picker.png likewise with tst_releasepickerdialog;
# delete-review.png is the delete window after a Check against a test registry. Shrink them with the convert line above.
