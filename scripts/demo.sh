#!/usr/bin/env bash
# The product's main job, end to end, against the local emulator with the demo workspace:
# sign in (key via stdin), list blueprints and accounts, export a blueprint as PNG and SVG, snapshot a live AWS region,
# advance the emulator's scenario one step, snapshot again, open the desktop app for a screenshot, and diff the two
# snapshots (diff.png, overlay.png and the HTML report diff-report.html), and end on the compare view of the two
# snapshots (cloudcraft-desktop compare, compare-<mode>.png screenshots).
# Everything it makes is left in demo-out/. The key lives in a throwaway keyring for the length of the demo.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/deps.sh
source "$root/scripts/lib/deps.sh"
cloudcraft_ensure_packages "${CLOUDCRAFT_BUILD_PACKAGES[@]}" "${CLOUDCRAFT_TEST_PACKAGES[@]}" curl

build=${CLOUDCRAFT_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" --target cloudcraft-cli cloudcraft-emulator cloudcraft-desktop cloudcraft_test_certs

if [[ ${1:-} != --inside ]]; then
    exec "$root/scripts/with-test-session.sh" "$root/scripts/demo.sh" --inside
fi

out=$root/demo-out
rm -rf "$out"
mkdir -p "$out"
cli=$build/app/cli/cloudcraft-cli
ca=$build/test-certs/ca.pem
workspace=$root/tests/emulator/workspaces/demo.json

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Starting the emulator with the demo workspace"
"$build/tests/emulator/cloudcraft-emulator" --workspace "$workspace" --port 0 \
    --cert "$build/test-certs/server.pem" --key "$build/test-certs/server.key" \
    --request-log "$out/emulator-requests.jsonl" >"$out/emulator.ready" 2>"$out/emulator.log" &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    [[ -s $out/emulator.ready ]] && break
    sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$out/emulator.ready" | head -n 1)
[[ -n $url ]] || { echo "The emulator did not start; see $out/emulator.log" >&2; exit 1; }
echo "Emulator at $url (test CA $ca)"

step "Signing in (the key goes through stdin into the keychain)"
"$cli" profile add demo --api-url "$url" --ca-file "$ca"
"$cli" profile use demo
# The demo workspace's read-write key; it is never passed as an argument.
grep -m 1 '"key":' "$workspace" | sed 's/.*"key": *"\([^"]*\)".*/\1/' | "$cli" auth login
"$cli" auth status

step "Blueprints"
"$cli" blueprint list
blueprint=$("$cli" blueprint list --json | grep -o '"id": *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')

step "Linked accounts"
"$cli" aws list
"$cli" azure list
account=$("$cli" aws list --json | grep -o '"id": *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')

step "Exporting blueprint $blueprint as PNG and SVG"
"$cli" blueprint export "$blueprint" --format png --width 1920 --height 1080 --output "$out/blueprint.png"
"$cli" blueprint export "$blueprint" --format svg --output "$out/blueprint.svg"

step "Inventory of AWS account $account: one JSON and one CSV file per region, index.json and a summary"
"$cli" inventory "$account" --regions eu-west-1,us-east-1 --output "$out/inventory"
"$cli" inventory "$account" --regions eu-west-1,us-east-1 --format csv --output "$out/inventory"

step "Snapshot of AWS account $account, us-east-1 (before)"
"$cli" aws snapshot "$account" us-east-1 --format png --width 1600 --height 1000 --output "$out/us-east-1-before.png"
"$cli" aws snapshot "$account" us-east-1 --format json --output "$out/us-east-1-before.json"
# The same moment kept in the local history (PNG + inventory JSON, content-addressed, shared with the desktop app).
"$cli" snapshot take "aws:$account/us-east-1" --width 1600 --height 1000 --name before-deploy

step "A deployment happens (the emulator's scenario advances one step)"
curl -sS --fail --cacert "$ca" -X POST "$url/__admin/scenario/advance"
echo

step "Snapshot of the same region (after)"
"$cli" aws snapshot "$account" us-east-1 --format png --width 1600 --height 1000 --output "$out/us-east-1-after.png"
"$cli" aws snapshot "$account" us-east-1 --format json --output "$out/us-east-1-after.json"
"$cli" snapshot take "aws:$account/us-east-1" --width 1600 --height 1000 --name after-deploy
"$cli" snapshot list "aws:$account/us-east-1"

step "Converting a Terraform state, plans, a CloudFormation template and a draw.io file into blueprints (local previews)"
# Each becomes a Cloudcraft blueprint document (convert-<name>.json) and a schematic drawn locally (convert-<name>.png):
# no network, no export quota. Planned changes are coloured: green create, amber update, red delete, purple replace.
inputs=("$root"/tests/data/terraform/handwritten-shop.tfstate "$root"/tests/data/terraform/inframap-aws-state-vpc.tfstate
        "$root"/tests/data/terraform/terraform-compliance-sgr.plan.json "$root"/tests/data/terraform/handwritten-changes.plan.json)
for extra in "$root"/tests/data/cloudformation/*.yaml "$root"/tests/data/cloudformation/*.json \
             "$root"/tests/data/drawio/*.drawio; do
    [[ -f $extra ]] && inputs+=("$extra")
done
for input in "${inputs[@]}"; do
    name=$(basename "$input")
    name=${name%%.*}
    "$cli" convert "$input" --output "$out/convert-$name.json" --preview "$out/convert-$name.png"
done
converted=$("$cli" convert "$root/tests/data/terraform/handwritten-shop.tfstate" --upload --name "Shop (from Terraform)" \
    --tags terraform,demo --json | grep -o '"id": *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
echo "Uploaded as blueprint $converted; the emulator's render of it:"
"$cli" blueprint export "$converted" --format png --width 1600 --height 1000 --output "$out/convert-shop-uploaded.png"

step "The desktop app on the demo workspace (under Xvfb when there is no display)"
desktop=$build/app/desktop/cloudcraft-desktop
if [[ -n ${DISPLAY:-} ]]; then
    QT_QPA_PLATFORM=xcb "$desktop" --profile demo --screenshot "$out/desktop.png" || echo "(desktop screenshot failed)"
else
    QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1600x1000x24' \
        "$desktop" --profile demo --screenshot "$out/desktop.png" || echo "(desktop screenshot failed)"
fi

step "What the deployment changed: diff of the before and after snapshots (exit 1 = different)"
code=0
"$cli" diff "$out/us-east-1-before.json" "$out/us-east-1-after.json" || code=$?
[[ $code -le 1 ]] || { echo "The structural diff failed (exit $code)" >&2; exit 1; }
code=0
"$cli" diff "$out/us-east-1-before.png" "$out/us-east-1-after.png" --diff-out "$out/diff.png" \
    --overlay-out "$out/overlay.png" --report html "$out/diff-report.html" || code=$?
[[ $code -le 1 ]] || { echo "The image diff failed (exit $code)" >&2; exit 1; }

step "Files in demo-out/"
ls -l "$out"/*.png "$out"/*.svg "$out"/*.json "$out"/*.html
echo
echo "The diff report (open it in a browser):"
echo "$out/diff-report.html"

step "The compare view of the before and after snapshots (one screenshot per mode, then the presentation)"
compare=("$desktop" compare "snapshot:aws:$account/us-east-1@before-deploy" "snapshot:aws:$account/us-east-1@after-deploy"
         --screenshots "$out")
if [[ -n ${DISPLAY:-} ]]; then
    QT_QPA_PLATFORM=xcb "${compare[@]}"
else
    QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1600x1000x24' "${compare[@]}"
fi
ls -l "$out"/compare-*.png
echo "Open it yourself: $desktop compare snapshot:aws:$account/us-east-1@before-deploy snapshot:aws:$account/us-east-1@after-deploy"
