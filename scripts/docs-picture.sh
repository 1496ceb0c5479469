#!/usr/bin/env bash
# Regenerates docs/form-page1.png, the picture of the rendered sample in the README (needs pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp fixtures/sample/东湖区.yaml "$tmp/"
node bin/lifelong-week render "$tmp/东湖区.yaml" --format pdf >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$tmp"/*.pdf docs/form-page1
rm -rf "$tmp"
echo "wrote docs/form-page1.png"
