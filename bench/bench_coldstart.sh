#!/bin/sh
# Cold start of cloudcraft-desktop to a usable window, on a warm disk: from exec until the main window is exposed and
# the event loop has worked through what start-up queued (the app prints "ready <ms>" and quits when
# CLOUDCRAFT_EXIT_WHEN_READY is set). The peer, measured in the same run, is `cloudcraft-desktop --version`: the same
# binary and libraries loaded, no window. Prints median and best of RUNS (default 15) and the ratio of the medians.
#
#   bench/bench_coldstart.sh BUILD_DIR [RUNS]
# Offscreen unless QT_QPA_PLATFORM is set (e.g. xcb under Xvfb). First run of a fresh profile: the welcome dialog
# opens over the window, as it does for a new user. No network, no emulator needed.
set -eu
build=${1:?usage: bench_coldstart.sh BUILD_DIR [RUNS]}
runs=${2:-15}
app="$build/app/desktop/cloudcraft-desktop"
[ -x "$app" ] || { echo "bench_coldstart: $app not built" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

now_ms() { date +%s%3N; }

# One start to a ready window; prints milliseconds.
start_once() {
    t0=$(now_ms)
    ready=$(CLOUDCRAFT_EXIT_WHEN_READY=1 "$app" 2>/dev/null | sed -n 's/^ready //p')
    [ -n "$ready" ] || { echo "bench_coldstart: no ready line" >&2; exit 1; }
    echo $((ready - t0))
}

# The peer: load and exit without a window.
version_once() {
    t0=$(now_ms)
    "$app" --version >/dev/null 2>&1
    echo $(($(now_ms) - t0))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
best() { sort -n | head -1; }

# Warm the disk cache (and the font cache) first.
start_once >/dev/null
version_once >/dev/null

: >"$tmp/start" ; : >"$tmp/version"
i=0
while [ "$i" -lt "$runs" ]; do
    start_once >>"$tmp/start"
    version_once >>"$tmp/version"
    i=$((i + 1))
done
start_median=$(median <"$tmp/start")
version_median=$(median <"$tmp/version")
echo "cold start to a usable window ($QT_QPA_PLATFORM, $runs runs): median $start_median ms, best $(best <"$tmp/start") ms"
echo "peer, --version (same binary, no window):    median $version_median ms, best $(best <"$tmp/version") ms"
awk -v a="$start_median" -v b="$version_median" 'BEGIN { if (b > 0) printf "ratio start / --version: %.1fx; target: under 400 ms\n", a / b }'
