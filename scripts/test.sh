#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs the whole CTest suite inside a private
# D-Bus session with a throwaway, unlocked gnome-keyring and temporary XDG directories, offscreen.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/deps.sh
source "$root/scripts/lib/deps.sh"
cloudcraft_ensure_packages "${CLOUDCRAFT_BUILD_PACKAGES[@]}" "${CLOUDCRAFT_TEST_PACKAGES[@]}"

build=${CLOUDCRAFT_BUILD_DIR:-$root/build}
jobs=${CLOUDCRAFT_JOBS:-$(nproc)}
# CI has 2 cores and a time budget, so this build leaves out what the tests do not need:
# - the benchmarks (bench/), never run by ctest; bench/README.md says how to build and run them;
# - full debug information: -g1 keeps line tables (backtraces and gdb still name the file and line); sources compile
#   10-35 % faster than with -g and the links are lighter. The shared precompiled header (CLOUDCRAFT_PCH, on by
#   default) saves about 40 % of each compile.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
    -DCLOUDCRAFT_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
cmake --build "$build" -j "$jobs"

# Everything the tests write (keyring, settings, snapshots) lives in a throwaway session; see with-test-session.sh.
"$root/scripts/with-test-session.sh" ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 600 "$@"
