#!/usr/bin/env bash
# Renders the scalable icons to PNG: Qt draws SVG icons only when the optional Qt SVG plugin is installed, which
# minimal desktops lack, so the theme ships both. Run after editing an SVG (needs ImageMagick).
set -euo pipefail
cd "$(dirname "$0")"
render() { # svg size output
    mkdir -p "$(dirname "$3")"
    convert -background none -density $((96 * 8)) "$1" -resize "$2x$2" -strip -define png:bit-depth=8 "PNG32:$3"
}
for size in 16 24 32 48; do
    for svg in scalable/actions/*.svg; do
        render "$svg" "$size" "${size}x${size}/actions/$(basename "${svg%.svg}").png"
    done
done
for size in 16 32 48 64 128 256; do
    render ferry.svg "$size" "${size}x${size}/apps/io.github.ferry.Ferry.png"
done
