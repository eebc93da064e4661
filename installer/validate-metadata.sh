#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metainfo exactly as distributions do (no network).
# Usage: validate-metadata.sh DESKTOP_FILE METAINFO_FILE [ICON_DIR]
set -euo pipefail
desktop=$1
metainfo=$2
icons=${3:-}

for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "missing $tool (scripts/lib/deps.sh installs it)" >&2; exit 1; }
done

desktop-file-validate "$desktop"
appstreamcli validate --no-net "$metainfo"

# The names must follow the application id, and the launchable must point at the desktop file.
app_id=$(basename "$desktop" .desktop)
[[ $(basename "$metainfo") == "$app_id.metainfo.xml" ]] || { echo "metainfo is not named $app_id.metainfo.xml" >&2; exit 1; }
grep -q "<id>$app_id</id>" "$metainfo" || { echo "metainfo id is not $app_id" >&2; exit 1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || { echo "launchable mismatch" >&2; exit 1; }
grep -q "^Icon=$app_id$" "$desktop" || { echo "desktop Icon is not $app_id" >&2; exit 1; }

# Icons made at build time: real PNGs of the promised sizes.
if [[ -n $icons ]]; then
    for size in 48 128 256; do
        png=$icons/hicolor/${size}x${size}/apps/$app_id.png
        [[ -s $png ]] || { echo "missing $png" >&2; exit 1; }
        dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
        [[ $dims == "${size}x${size}" ]] || { echo "$png is $dims, expected ${size}x${size}" >&2; exit 1; }
    done
    [[ -s $icons/hicolor/scalable/apps/$app_id.svg ]] || { echo "missing scalable icon" >&2; exit 1; }
fi
echo "desktop entry, metainfo and icons are valid"
