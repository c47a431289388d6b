"""One export file of every other app's format, written into a folder, with what importing
it must give (shared by the command-line and window import tests)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import app_backups as backups
from tests.helpers import app_prefs as prefs
from tests.portability import app_writers as w

K1 = b"k1-0123456789abcdefg"
FILE_PASSWORD = "file pw"


#: name -> (writer of the file into a folder, password or None, expected account count,
#: expected problem count)
FILES: dict[str, tuple[Callable[[Path], Path], str | None, int, int]] = {
    "authy": (lambda d: _put(d / "authy.xml", w.make_authy(prefs.authy_tokens(True))),
              prefs.PASSWORD, 5, 0),
    "battlenet": (lambda d: _put(d / "bnet.xml", w.make_battlenet_current(K1, "EU-1")),
                  None, 1, 0),
    "totp-authenticator": (lambda d: _put(d / "backup.bin", w.make_totp_auth_bin(
        w.totp_auth_entries(prefs.TA_ROWS), FILE_PASSWORD)), FILE_PASSWORD, 3, 1),
    "freeotp-xml": (lambda d: _put(d / "tokens.xml", w.make_freeotp_xml(
        prefs.freeotp_tokens())), None, 4, 0),
    "freeotp-backup": (lambda d: _put(d / "freeotp.backup", w.make_freeotp_backup(
        backups.freeotp2_tokens(), FILE_PASSWORD, iterations=1000)), FILE_PASSWORD, 4, 0),
    "stratum": (lambda d: _put(d / "stratum.authpro", w.make_stratum_legacy(
        backups.stratum(), FILE_PASSWORD)), FILE_PASSWORD, 4, 2),
    "proton": (lambda d: _put(d / "proton.json", json.dumps(backups.proton()).encode()),
               None, 3, 1),
    "steam": (lambda d: _put(d / "x.maFile", json.dumps(w.steam_account(K1, "me")).encode()),
              None, 1, 0),
    "duo": (lambda d: _put(d / "accounts.json", w.make_duo(
        [{"name": "VPN", "otpGenerator": {"otpSecret": w.b32(K1)}}])), None, 1, 0),
    "winauth": (lambda d: _put(d / "winauth.txt", backups.WINAUTH.encode()), None, 6, 0),
    "google-authenticator-db": (lambda d: w.make_google_db(
        d / "databases", [("a@b", w.b32(K1), 0, 0, "Site")],
        wal_rows=[("c@d", w.b32(K1[::-1]), 0, 0, "Other")]), None, 2, 0),
    "microsoft-authenticator": (lambda d: w.make_microsoft_db(
        d / "PhoneFactor", [(0, w.b32(K1), "GitHub", "octo")]), None, 1, 0),
    "authenticator-plus": (lambda d: _put(d / "authplus.zip", w.make_authplus_zip(
        f"otpauth://totp/A:b?secret={w.b32(K1)}\n", FILE_PASSWORD)), FILE_PASSWORD, 1, 0),
}


def _put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
