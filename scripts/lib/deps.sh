# Sourced by scripts/test.sh and scripts/demo.sh: installs the Debian packages the project needs,
# calling apt-get only when something is missing (idempotent, quiet when all is there).

CLOUDCRAFT_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins
    qtkeychain-qt6-dev librsvg2-dev libcairo2-dev libspng-dev libdeflate-dev libyaml-dev zlib1g-dev
    qt6-tools-dev qt6-l10n-tools
)
CLOUDCRAFT_TEST_PACKAGES=(
    openssl dbus dbus-bin gnome-keyring libsecret-tools sqlite3
    fonts-open-sans fonts-inconsolata xvfb xauth faketime
    librsvg2-bin
    poppler-utils
    desktop-file-utils appstream dpkg-dev
    chromium
)

cloudcraft_missing_packages() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            printf '%s\n' "$pkg"
        fi
    done
}

cloudcraft_ensure_packages() {
    local missing
    mapfile -t missing < <(cloudcraft_missing_packages "$@")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    echo "Installing missing Debian packages: ${missing[*]}" >&2
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
