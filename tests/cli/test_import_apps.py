"""`import` of every other app's format, and `export --format aegis [--encrypt]`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from authenticator.cli import main
from authenticator.portability.formats import IMPORT_FORMATS
from authenticator.portability.registry import IMPORTERS
from tests.cli.conftest import PASSWORD, run
from tests.cli.test_import_export import assert_one_error_line, fill, no_secrets, stored
from tests.portability import app_writers as w
from tests.portability import test_apps_backups as backups
from tests.portability import test_apps_prefs as prefs
from tests.portability.test_aegis_export import ACCOUNTS, read_vault

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


@pytest.mark.parametrize("name", list(FILES))
def test_every_format_imports_through_the_cli(name, vault, tmp_path, capsys):
    build, password, count, problems = FILES[name]
    folder = tmp_path / "export"
    folder.mkdir()
    path = build(folder)
    args = ["import", str(path)]
    if password:
        (tmp_path / "pw").write_text(password + "\n")
        args += ["--import-password-file", str(tmp_path / "pw")]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"imported {count} of {count} accounts from {name}" in err
    assert len(re.findall(r"^could not read ", err, re.M)) == problems
    assert len(stored(vault)) == count
    no_secrets(err, stored(vault))


def test_a_damaged_encrypted_file_is_one_error_line(vault, tmp_path):
    path = tmp_path / "stratum.authpro"
    path.write_bytes(w.make_stratum_legacy(backups.stratum(), FILE_PASSWORD)[:-20])
    result = run("import", str(path), "--vault", str(vault),
                 env={"AUTHENTICATOR_PASSWORD": PASSWORD,
                      "AUTHENTICATOR_IMPORT_PASSWORD": FILE_PASSWORD})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert stored(vault) == []


def test_import_help_names_every_format():
    out = run("import", "--help").stdout
    listed = {name for name, _ in IMPORT_FORMATS}
    assert listed == {i.name for i in IMPORTERS}
    for name in listed:
        assert re.search(rf"^  {re.escape(name)}\s", out, re.M), name


def test_readme_names_every_format():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for name, _ in IMPORT_FORMATS:
        assert f"`{name}`" in readme, name


def test_export_aegis_encrypted_opens_in_an_independent_reader(vault, tmp_path, capsys,
                                                              monkeypatch):
    fill(vault, ACCOUNTS)
    monkeypatch.setenv("AUTHENTICATOR_EXPORT_PASSWORD", "aegis pw")
    target = tmp_path / "aegis.json"
    assert main(["export", "--format", "aegis", "--encrypt", "--output", str(target)]) == 0
    assert "encrypted Aegis vault of 5 accounts" in capsys.readouterr().err
    content = read_vault(target.read_bytes(), "aegis pw")
    assert [(e["issuer"], e["name"]) for e in content["entries"]] == [
        (a.issuer, a.name) for a in ACCOUNTS]


def test_export_aegis_plain_to_stdout(vault, capsys):
    fill(vault, ACCOUNTS[:2])
    assert main(["export", "--format", "aegis"]) == 0
    content = read_vault(capsys.readouterr().out.encode(), None)
    assert len(content["entries"]) == 2


def test_encrypt_only_applies_to_aegis(vault):
    fill(vault, ACCOUNTS[:1])
    result = run("export", "--format", "otpauth", "--encrypt", "--vault", str(vault),
                 env={"AUTHENTICATOR_PASSWORD": PASSWORD})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
