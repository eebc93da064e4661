#!/usr/bin/env bash
# Runs a command the way the test suite runs: temporary XDG directories, offscreen Qt, no proxies, and a private
# D-Bus session with a throwaway gnome-keyring unlocked by a random password. Example:
#   scripts/with-test-session.sh ctest --test-dir build -R tst_keychainsecretstore
set -euo pipefail
(($# > 0)) || { echo "usage: with-test-session.sh COMMAND [ARGS...]" >&2; exit 2; }

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/cloudcraft-test.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox"/{data,config,cache,state,runtime}
chmod 700 "$sandbox" "$sandbox/runtime"
export XDG_DATA_HOME=$sandbox/data XDG_CONFIG_HOME=$sandbox/config XDG_CACHE_HOME=$sandbox/cache
export XDG_STATE_HOME=$sandbox/state XDG_RUNTIME_DIR=$sandbox/runtime
export QT_QPA_PLATFORM=offscreen
export CLOUDCRAFT_TEST_REAL_HOME=$HOME
unset CLOUDCRAFT_API_KEY http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

# The keyring password is random and never leaves this process tree.
CLOUDCRAFT_TEST_KEYRING_PASSWORD=$(head -c 18 /dev/urandom | base64)
export CLOUDCRAFT_TEST_KEYRING_PASSWORD
dbus-run-session -- bash -c '
    printf %s "$CLOUDCRAFT_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"
' bash "$@"
