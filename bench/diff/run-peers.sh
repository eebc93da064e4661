#!/usr/bin/env bash
# Compares `cloudcraft-cli diff A B --diff-out D` with its peers on diagram-like PNG pairs, by hand (never in CI):
# odiff 4.5.0 (its native binary, not the node wrapper), pixelmatch 7.2.0 (node + pngjs), ImageMagick's
# `compare -metric AE`. Prints best and median wall time and peak RSS of each, the ratios from this one run, the
# mismatch counts (ours must equal pixelmatch's: threshold 0.1, anti-aliasing not counted), and the machine's
# core count and load. See bench/README.md.
#
#   bench/diff/run-peers.sh [BUILD_DIR] [RUNS]       defaults: build, 5
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
runs=${2:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/cloudcraft-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== building cloudcraft-cli and bench_diagrampair in $build"
cmake --build "$build" --target cloudcraft-cli bench_diagrampair >/dev/null
cli=$build/app/cli/cloudcraft-cli
[ -x "$cli" ] || { echo "no $cli" >&2; exit 2; }

echo "== installing the peers into $work (npm, ImageMagick)"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    odiff-bin@4.5.0 pixelmatch@7.2.0 pngjs@7 >/dev/null)
# The npm package's bin/odiff is a node launcher; time the platform binary it starts.
odiff=$(find "$work/node_modules/@odiff" -type f -name odiff -perm -u+x | head -n 1)
[ -x "$odiff" ] || { echo "odiff's native binary was not installed" >&2; exit 2; }
if ! command -v compare >/dev/null; then
    apt-get install -y -qq imagemagick >/dev/null
fi
cat > "$work/pixelmatch.mjs" <<'JS'
import fs from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
const [a, b, out] = process.argv.slice(2).map((p) => p);
const img1 = PNG.sync.read(fs.readFileSync(a));
const img2 = PNG.sync.read(fs.readFileSync(b));
const { width, height } = img1;
const diff = new PNG({ width, height });
const count = pixelmatch(img1.data, img2.data, diff.data, width, height, { threshold: 0.1, includeAA: false });
fs.writeFileSync(out, PNG.sync.write(diff));
console.log(count);
JS

echo "== generating the pairs"
QT_QPA_PLATFORM=offscreen "$build/bench/diff/bench_diagrampair" "$work/pairs" 7680x4320:8k 3840x2160:4k >/dev/null
cp "$work/pairs/8k-a.png" "$work/pairs/8k-a-copy.png"

# measure NAME COMMAND...: runs COMMAND $runs times (exit status ignored: 1 and 22 mean "different"), keeps the
# sorted wall times and the largest peak RSS, and the last run's output in $work/NAME.out.
declare -A best median rss
measure() {
    local name=$1; shift
    local times=()
    local peak=0
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/$name.out" 2>&1 || true
        read -r seconds kib <"$work/time" || true
        # GNU time appends "Command exited with non-zero status N" before the figures.
        seconds=$(tail -n 1 "$work/time" | cut -d' ' -f1)
        kib=$(tail -n 1 "$work/time" | cut -d' ' -f2)
        times+=("$seconds")
        ((kib > peak)) && peak=$kib
    done
    mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -g)
    best[$name]=${sorted[0]}
    median[$name]=${sorted[$((runs / 2))]}
    rss[$name]=$((peak / 1024))
    printf '%-22s best %6.3f s  median %6.3f s  peak RSS %5d MiB\n' "$name" "${best[$name]}" "${median[$name]}" \
        "${rss[$name]}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "== machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for pair in 8k 4k; do
    a=$work/pairs/$pair-a.png
    b=$work/pairs/$pair-b.png
    echo "== $pair pair ($runs runs each)"
    measure "ours-$pair" "$cli" diff "$a" "$b" --diff-out "$work/ours-$pair.png" --json
    measure "odiff-$pair" "$odiff" "$a" "$b" "$work/odiff-$pair.png" --antialiasing
    measure "pixelmatch-$pair" node "$work/pixelmatch.mjs" "$a" "$b" "$work/pixelmatch-$pair.png"
    measure "compare-$pair" compare -metric AE "$a" "$b" "$work/compare-$pair.png"
    ours=$(grep -o '"mismatch": *[0-9]*' "$work/ours-$pair.out" | grep -o '[0-9]*$' || echo '?')
    peer=$(tail -n 1 "$work/pixelmatch-$pair.out")
    odiffCount=$(grep -o 'Found [0-9]*' "$work/odiff-$pair.out" | grep -o '[0-9]*' || echo '?')
    magick=$(tr -d '\n' <"$work/compare-$pair.out")
    echo "   mismatches: ours $ours, pixelmatch $peer ($([ "$ours" = "$peer" ] && echo equal || echo DIFFERENT))," \
         "odiff $odiffCount, compare AE $magick"
    echo "   ratios (median): ours/odiff time $(ratio "${median[ours-$pair]}" "${median[odiff-$pair]}")," \
         "RSS $(ratio "${rss[ours-$pair]}" "${rss[odiff-$pair]}");" \
         "ours/pixelmatch $(ratio "${median[ours-$pair]}" "${median[pixelmatch-$pair]}");" \
         "ours/compare $(ratio "${median[ours-$pair]}" "${median[compare-$pair]}")"
done

echo "== identical 8K files (a copy, so not the same path)"
measure "ours-identical" "$cli" diff "$work/pairs/8k-a.png" "$work/pairs/8k-a-copy.png"
measure "odiff-identical" "$odiff" "$work/pairs/8k-a.png" "$work/pairs/8k-a-copy.png" "$work/odiff-same.png"
echo "   ratio ours/odiff $(ratio "${median[ours-identical]}" "${median[odiff-identical]}")"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
