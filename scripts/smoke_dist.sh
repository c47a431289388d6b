#!/usr/bin/env bash
# Smoke test of the PyInstaller build: the frozen program answers --version, computes a
# code, and opens its window (offscreen) on a fresh vault location.
set -euo pipefail
cd "$(dirname "$0")/.."
app=dist/authenticator/authenticator
"$app" --version
code=$("$app" code --uri 'otpauth://totp/RFC?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8' --at 59)
[ "$code" = "94287082" ] || { echo "smoke: wrong code $code" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$(HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
      QT_QPA_PLATFORM=offscreen AUTHENTICATOR_SMOKE_TEST=1 timeout 60 "$app" 2>&1)
echo "$out" | grep -q "window shown: True, page: WelcomePage" \
  || { echo "smoke: the window did not open: $out" >&2; exit 1; }
ls "$app" dist/authenticator/_internal/resources/icons/app.svg >/dev/null
# The native messaging host of the browser extension: garbage in, one error reply out.
reply=$(printf '\003\000\000\000abc' | "$app" browser-host chrome-extension://x/ | tail -c +5)
[ "$reply" = '{"status":"error","error":"message is not valid JSON"}' ] \
  || { echo "smoke: browser-host replied $reply" >&2; exit 1; }
"$app" sites --help >/dev/null
ls dist/authenticator-extension-chromium-*.zip dist/authenticator-extension-firefox-*.zip >/dev/null
echo "smoke test of the build: OK"
