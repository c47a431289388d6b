"""The command-line contract (docs/architecture.md): outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import segno

from authenticator.cli import main
from authenticator.core.account import Account, decode_base32
from authenticator.core.otp import hotp
from authenticator.core.uri import format_uri
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD, run

GITHUB = "otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub"
RFC_SHA1 = "otpauth://totp/RFC:sha1?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8"
RFC_SHA256 = ("otpauth://totp/RFC:sha256?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
              "GEZA&digits=8&algorithm=SHA256")


def test_code_uri_rfc_vectors_in_order(capsys):
    assert main(["code", "--uri", RFC_SHA1, "--uri", RFC_SHA256, "--at", "59"]) == 0
    assert capsys.readouterr().out.split() == ["94287082", "46119246"]
    assert main(["code", "--uri", RFC_SHA1, "--at", "20000000000"]) == 0
    assert capsys.readouterr().out.strip() == "65353130"


def test_code_uri_80_bit_key_accepted(capsys):
    assert main(["code", "--uri", GITHUB, "--at", "1700000000"]) == 0
    out = capsys.readouterr().out.strip()
    assert len(out) == 6 and out.isdigit()


def test_code_uri_malformed_is_one_line_exit_1():
    result = run("code", "--uri", "otpauth://totp/x?secret=ABC18")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == ("error: a key uses only the letters A-Z and the digits 2-7; "
                             "this one also has 1 (perhaps I or L), 8 (perhaps B)\n")


@pytest.mark.parametrize("args", [["--bogus"], ["code", "--at", "yesterday", "--uri", GITHUB],
                                  ["export"], ["nosuchcommand"]])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error:")


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0
    for command in ("code", "init", "add", "list", "remove", "passwd", "scan", "import",
                    "export", "clock"):
        assert command in result.stdout
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("authenticator ")


def test_cli_commands_do_not_import_qt_or_opencv():
    code = ("import sys; from authenticator.cli import main; "
            f"main(['code', '--uri', {GITHUB!r}, '--at', '0']); "
            "bad = [m for m in ('PySide6', 'cv2', 'zxingcpp', 'pyzbar') if m in sys.modules]; "
            "print('loaded:', bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("loaded: []")


def test_vault_workflow_add_list_code_remove(vault, capsys):
    assert main(["add", GITHUB]) == 0
    err = capsys.readouterr().err
    assert "added GitHub (alice)" in err and "80-bit key" in err
    assert main(["add", "otpauth://hotp/Bank:card?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                 "&counter=0"]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["issuer"], a["name"], a["type"]) for a in listed] == [
        ("GitHub", "alice", "totp"), ("Bank", "card", "hotp")]
    assert all("secret" not in a for a in listed)
    assert main(["code", "github", "--at", "59"]) == 0
    expected = Account(secret=decode_base32("JBSWY3DPEHPK3PXP"))
    from authenticator.core.otp import code_at

    assert capsys.readouterr().out.strip() == code_at(expected, 59)
    # HOTP: each shown code uses up the counter.
    assert main(["code", "bank"]) == 0
    assert main(["code", "bank"]) == 0
    secret = b"12345678901234567890"
    assert capsys.readouterr().out.split() == [hotp(secret, 0), hotp(secret, 1)]
    assert main(["remove", "bank"]) == 0
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "Bank" not in capsys.readouterr().out


def test_duplicate_add_is_skipped(vault, capsys):
    assert main(["add", GITHUB]) == 0
    assert main(["add", GITHUB]) == 0
    assert "already in the vault" in capsys.readouterr().err
    with Vault.open(vault, PASSWORD) as opened:
        assert len(opened.accounts) == 1


def test_code_query_matching_several_prints_labels(vault, capsys):
    main(["add", GITHUB])
    main(["add", "otpauth://totp/GitLab:bob?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"])
    capsys.readouterr()
    assert main(["code", "git", "--at", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("GitHub (alice)")


def test_list_never_prints_secrets(vault):
    main(["add", GITHUB])
    for args in (["list"], ["list", "--json"]):
        result = run(*args, env={"AUTHENTICATOR_VAULT": str(vault),
                                 "AUTHENTICATOR_PASSWORD": PASSWORD})
        assert result.returncode == 0
        assert "JBSWY3DPEHPK3PXP" not in result.stdout + result.stderr


def test_wrong_password_and_missing_vault(vault, tmp_path):
    result = run("list", env={"AUTHENTICATOR_VAULT": str(vault),
                              "AUTHENTICATOR_PASSWORD": "nope"})
    assert result.returncode == 1
    assert result.stderr == "error: wrong password, or the vault file was modified\n"
    missing = run("list", "--vault", str(tmp_path / "none.authvault"),
                  env={"AUTHENTICATOR_PASSWORD": "x"})
    assert missing.returncode == 1 and "create one with 'authenticator init'" in missing.stderr


def test_no_password_without_terminal_is_clear(vault):
    result = run("list", env={"AUTHENTICATOR_VAULT": str(vault)})
    assert result.returncode == 1
    assert result.stderr.startswith("error: a password is needed: use --password-file")


def test_corrupt_vault_is_one_line_and_untouched(vault):
    vault.write_bytes(b"garbage" * 10)
    result = run("add", GITHUB, env={"AUTHENTICATOR_VAULT": str(vault),
                                      "AUTHENTICATOR_PASSWORD": PASSWORD})
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert vault.read_bytes() == b"garbage" * 10


def test_init_and_passwd_with_password_files(tmp_path):
    path = tmp_path / "new.authvault"
    pw1 = tmp_path / "pw1"
    pw2 = tmp_path / "pw2"
    pw1.write_text("first password\n")
    pw2.write_text("second password\n")
    assert main(["init", "--vault", str(path), "--password-file", str(pw1)]) == 0
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    assert main(["init", "--vault", str(path), "--password-file", str(pw1)]) == 1
    assert main(["passwd", "--vault", str(path), "--password-file", str(pw1),
                 "--new-password-file", str(pw2)]) == 0
    assert main(["list", "--vault", str(path), "--password-file", str(pw1)]) == 1
    assert main(["list", "--vault", str(path), "--password-file", str(pw2)]) == 0


def test_scan_prints_links_and_json(tmp_path, capsys):
    account = Account(secret=b"0123456789abcdefghij", issuer="Example", name="carol")
    image = tmp_path / "qr.png"
    segno.make(format_uri(account), error="m").save(str(image), scale=6, border=4)
    blank = tmp_path / "blank.png"
    segno.make("https://example.com/").save(str(blank), scale=6)
    assert main(["scan", str(image)]) == 0
    assert capsys.readouterr().out.strip() == format_uri(account)
    assert main(["scan", str(image), str(blank), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report[0]["file"] == str(image) and report[0]["error"] is None
    assert report[0]["accounts"][0] == account.to_public_json()
    assert report[1]["accounts"] == [] and "web address" in report[1]["error"]


def test_scan_unreadable_file_is_one_line(tmp_path):
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    result = run("scan", str(bad), str(tmp_path / "missing.png"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())
    assert len(result.stderr.splitlines()) == 2


def test_add_scan_image(vault, tmp_path, capsys):
    account = Account(secret=b"0123456789abcdefghij", issuer="Scanned", name="dave")
    image = tmp_path / "qr.png"
    segno.make(format_uri(account), error="m").save(str(image), scale=6, border=4)
    assert main(["add", "--scan", str(image)]) == 0
    with Vault.open(vault, PASSWORD) as opened:
        assert [(a.issuer, a.secret) for a in opened.accounts] == [("Scanned", account.secret)]


def test_clock_against_local_sntp_server(capsys):
    from tests.timesync.sntp_server import FakeSntpServer

    with FakeSntpServer(offset=90.0) as server:
        address = server.address
        assert main(["clock", "--server", address, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert abs(report["offset"] - 90.0) < 0.5
    assert report["server"] == address


def test_clock_without_server_is_clear_error():
    from tests.timesync.sntp_server import FakeSntpServer

    with FakeSntpServer(mode="silent") as server:
        address = server.address
        result = run("clock", "--server", address)
    assert result.returncode == 1
    assert result.stderr.startswith("error: could not reach any time server")
    assert len(result.stderr.splitlines()) == 1


def test_scan_says_when_zbar_is_missing(tmp_path, capsys, monkeypatch):
    from authenticator.scan import decoders

    monkeypatch.setattr(decoders, "_pyzbar_loads", lambda: False)
    account = Account(secret=b"0123456789abcdefghij", issuer="Example", name="erin")
    image = tmp_path / "qr.png"
    segno.make(format_uri(account), error="m").save(str(image), scale=6, border=4)
    assert main(["scan", str(image)]) == 0  # still decodes without ZBar
    captured = capsys.readouterr()
    assert captured.out.strip() == format_uri(account)
    assert "ZBar decoder is not installed" in captured.err and "libzbar0" in captured.err


def test_debug_prints_the_traceback_the_last_resort_handler_hides(vault, monkeypatch, capsys):
    from authenticator.cli import vault_cmds

    def broken(_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(vault_cmds, "cmd_list", broken)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err == "error: unexpected internal error (RuntimeError)\n"
    assert main(["--debug", "list"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError: boom" in err
    assert err.endswith("error: unexpected internal error (RuntimeError)\n")
