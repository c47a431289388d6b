"""`authenticator import` and `authenticator export`: previews, vault changes, round trips."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from authenticator.cli import main
from authenticator.core.account import Account, OtpKind
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration_parts import MigrationAssembler
from authenticator.core.uri import parse_uri
from authenticator.scan.pipeline import scan_file
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD, assert_one_error_line, fill, no_secrets, run, stored
from tests.portability.writers import (
    SAMPLE,
    essences,
    make_2fas,
    make_aegis_encrypted,
    make_aegis_plain,
)

GITHUB = SAMPLE[0]
GOOGLE_OK = [Account(secret=bytes([i]) * 20, issuer=f"Site {i}", name=f"user{i}")
             for i in range(5)] + [
    Account(secret=b"\x09" * 20, issuer="VPN", name="me", kind=OtpKind.HOTP, counter=7)]


@pytest.fixture
def cheap_backup_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """`export --format backup` calibrates the real KDF; tests don't need to wait for it."""
    monkeypatch.setattr("authenticator.storage.vault.calibrate_kdf",
                        lambda *a, **k: KdfParams.for_tests())


def test_dry_run_lists_issuer_name_type_and_never_secrets(tmp_path, capsys):
    export = tmp_path / "aegis.json"
    export.write_bytes(make_aegis_plain(SAMPLE))
    assert main(["import", str(export), "--dry-run", "--vault", str(tmp_path / "none")]) == 0
    captured = capsys.readouterr()
    assert "4 accounts in aegis.json" in captured.out
    lines = captured.out.splitlines()[1:]
    assert [line.split()[0] for line in lines] == ["GitHub", "Ünïcode", "-", "Steam"]
    assert "(hotp)" in lines[2] and "(steam)" in lines[3] and "octo@example.com" in lines[0]
    no_secrets(captured.out + captured.err, SAMPLE)
    assert not (tmp_path / "none").exists()  # a dry run touches no vault


def test_import_into_vault_skips_duplicates_and_saves(vault, tmp_path, capsys):
    fill(vault, [GITHUB])
    export = tmp_path / "backup.2fas"
    export.write_bytes(make_2fas(SAMPLE, password="2fas pw"))
    pw_file = tmp_path / "import-pw"
    pw_file.write_text("2fas pw\n")
    assert main(["import", str(export), "--import-password-file", str(pw_file)]) == 0
    err = capsys.readouterr().err
    assert "skipped GitHub (octo@example.com)" in err
    assert "imported 3 of 4 accounts" in err
    no_secrets(err, SAMPLE)
    assert sorted(essences(stored(vault))) == sorted(essences(SAMPLE))


def test_wrong_import_password_is_one_error_line(vault, tmp_path):
    export = tmp_path / "aegis.json"
    export.write_bytes(make_aegis_encrypted(SAMPLE, "right", n=2**10))
    result = run("import", str(export), "--vault", str(vault),
                 env={"AUTHENTICATOR_PASSWORD": PASSWORD,
                      "AUTHENTICATOR_IMPORT_PASSWORD": "wrong"})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert "password" in result.stderr
    assert stored(vault) == []


def test_encrypted_import_without_password_and_no_terminal_says_so(vault, tmp_path):
    export = tmp_path / "aegis.json"
    export.write_bytes(make_aegis_encrypted(SAMPLE, "right", n=2**10))
    result = run("import", str(export), "--dry-run")
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert "encrypted" in result.stderr


def test_import_of_a_missing_or_foreign_file_exits_1(tmp_path):
    missing = run("import", str(tmp_path / "nope.json"), "--dry-run")
    assert missing.returncode == 1
    assert_one_error_line(missing.stderr)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01 not an export")
    foreign = run("import", str(junk), "--dry-run")
    assert foreign.returncode == 1
    assert_one_error_line(foreign.stderr)


def test_export_otpauth_round_trip_is_lossless(vault, capsys):
    fill(vault, SAMPLE)
    assert main(["export", "--format", "otpauth"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert essences([parse_uri(line) for line in lines]) == essences(SAMPLE)


def test_export_otpauth_file_is_private(vault, tmp_path, capsys):
    fill(vault, SAMPLE)
    target = tmp_path / "keys.txt"
    assert main(["export", "--format", "otpauth", "--output", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "unencrypted" in capsys.readouterr().err
    links = target.read_text().splitlines()
    assert essences([parse_uri(line) for line in links]) == essences(SAMPLE)


def test_export_otpauth_never_overwrites_an_existing_file(vault, tmp_path, capsys):
    # The same writer as the window's "Export keys as text": it refuses, and says so.
    fill(vault, SAMPLE)
    target = tmp_path / "keys.txt"
    target.write_text("old")
    target.chmod(0o644)
    assert main(["export", "--format", "otpauth", "--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: keys.txt already exists") and err.count("\n") == 1
    assert target.read_text() == "old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_export_otpauth_never_overwrites_nor_follows_a_symlink(vault, tmp_path, capsys):
    fill(vault, SAMPLE)
    existing = tmp_path / "keys.txt"
    existing.write_text("old")
    assert main(["export", "--format", "otpauth", "--output", str(existing)]) == 1
    assert "keys.txt already exists" in capsys.readouterr().err
    assert existing.read_text() == "old"
    elsewhere = tmp_path / "elsewhere.txt"
    link = tmp_path / "link.txt"
    link.symlink_to(elsewhere)  # dangling: following it would create elsewhere.txt
    assert main(["export", "--format", "otpauth", "--output", str(link)]) == 1
    assert not elsewhere.exists() and link.is_symlink()


def test_export_backup_then_import_it_elsewhere_losslessly(vault, tmp_path, monkeypatch,
                                                           cheap_backup_kdf, capsys):
    fill(vault, SAMPLE)
    backup = tmp_path / "backup.authvault"
    monkeypatch.setenv("AUTHENTICATOR_EXPORT_PASSWORD", "backup pw")
    assert main(["export", "--format", "backup", "--output", str(backup)]) == 0
    assert "encrypted backup of 4 accounts" in capsys.readouterr().err
    with pytest.raises(AuthenticatorError):  # the vault password does not open the backup
        Vault.open(backup, PASSWORD, read_only=True)
    kept = stored(backup, "backup pw")
    assert [a.to_storage_json() for a in kept] == [a.to_storage_json()
                                                   for a in stored(vault)]

    other = tmp_path / "other.authvault"
    Vault.create(other, PASSWORD, kdf=KdfParams.for_tests()).close()
    pw_file = tmp_path / "pw"
    pw_file.write_text("backup pw")
    assert main(["import", str(backup), "--vault", str(other),
                 "--import-password-file", str(pw_file)]) == 0
    restored = stored(other)
    assert essences(restored) == essences(SAMPLE)
    assert [(a.note, a.favorite, a.tags) for a in restored] == [
        (a.note, a.favorite, a.tags) for a in SAMPLE]


def test_export_backup_password_from_file_and_refuses_to_overwrite(vault, tmp_path,
                                                                    cheap_backup_kdf):
    fill(vault, [GITHUB])
    backup = tmp_path / "backup.authvault"
    pw_file = tmp_path / "export-pw"
    pw_file.write_text("file pw\n")
    args = ["export", "--format", "backup", "--output", str(backup),
            "--export-password-file", str(pw_file)]
    assert main(args) == 0
    assert essences(stored(backup, "file pw")) == essences([GITHUB])
    before = backup.read_bytes()
    assert main(args) == 1
    assert backup.read_bytes() == before


def test_export_google_migration_numbered_pngs_scan_back(vault, tmp_path, capsys):
    fill(vault, GOOGLE_OK)
    folder = tmp_path / "codes"
    assert main(["export", "--format", "google-migration", "--output", str(folder)]) == 0
    out = capsys.readouterr().out.split()
    assert out and all(Path(p).parent == folder for p in out)
    n = len(out)
    assert [Path(p).name for p in out] == [
        f"google-authenticator-export-{i}-of-{n}.png" for i in range(1, n + 1)]
    assembler = MigrationAssembler()
    decoded: list[Account] = []
    for png in out:
        assert stat.S_IMODE(Path(png).stat().st_mode) == 0o600
        result = scan_file(png).require()
        for batch in result.migration_batches:
            assembler.add(batch)
            decoded.extend(batch.accounts)
    assert assembler.missing() == []
    assert essences(decoded) == essences(GOOGLE_OK)


def test_export_google_migration_names_accounts_google_cannot_hold(vault, tmp_path):
    fill(vault, SAMPLE)  # a 60 s account and a Steam account
    result = run("export", "--format", "google-migration", "--output", str(tmp_path / "g"),
                 env={"AUTHENTICATOR_VAULT": str(vault), "AUTHENTICATOR_PASSWORD": PASSWORD})
    assert result.returncode == 1
    assert_one_error_line(result.stderr)
    assert "Steam" in result.stderr or "Ünïcode" in result.stderr
    assert not list((tmp_path / "g").glob("*.png"))


def test_subprocess_exit_codes_and_usage(vault, tmp_path):
    fill(vault, [GITHUB])
    env = {"AUTHENTICATOR_VAULT": str(vault), "AUTHENTICATOR_PASSWORD": PASSWORD}
    ok = run("export", "--format", "otpauth", env=env)
    assert ok.returncode == 0 and ok.stdout.startswith("otpauth://totp/")
    wrong = run("export", "--format", "otpauth",
                env={**env, "AUTHENTICATOR_PASSWORD": "not it"})
    assert wrong.returncode == 1
    assert_one_error_line(wrong.stderr)
    assert wrong.stdout == ""
    usage = run("export", env=env)
    assert usage.returncode == 2
    assert "error:" in usage.stderr and "Traceback" not in usage.stderr
    export = tmp_path / "aegis.json"
    export.write_bytes(make_aegis_plain(SAMPLE))
    dry = run("import", str(export), "--dry-run")
    assert dry.returncode == 0 and "GitHub" in dry.stdout
    no_secrets(dry.stdout + dry.stderr, SAMPLE)
