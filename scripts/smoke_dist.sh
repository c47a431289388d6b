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
# The bundled importers: a WinZip-AES zip (pyzipper) and a SQLCipher database (sqlcipher3).
.venv/bin/python - "$tmp" <<'PY'
import sys, pyzipper, sqlcipher3
folder = sys.argv[1]
with pyzipper.AESZipFile(f"{folder}/plus.zip", "w", encryption=pyzipper.WZ_AES) as z:
    z.setpassword(b"smoke pw")
    z.writestr("Accounts.txt", "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n")
db = sqlcipher3.connect(f"{folder}/authplus.db")
db.execute("PRAGMA key = 'smoke pw'")
db.execute("PRAGMA cipher_compatibility = 3")
db.execute("CREATE TABLE accounts (email TEXT, secret TEXT, counter INTEGER, type INTEGER, "
           "issuer TEXT, category TEXT)")
db.execute("INSERT INTO accounts VALUES ('b', 'JBSWY3DPEHPK3PXP', 0, 0, 'A', 'All Accounts')")
db.commit()
db.close()
PY
for file in plus.zip authplus.db; do
  out=$(AUTHENTICATOR_IMPORT_PASSWORD="smoke pw" "$app" import "$tmp/$file" --dry-run 2>&1)
  echo "$out" | grep -q "1 accounts in $file (authenticator-plus)" \
    || { echo "smoke: importing $file failed: $out" >&2; exit 1; }
done
echo "smoke test of the build: OK"
