"""`export` says the same lines as before its formats moved to the registry
(portability/exporters.py): one test per format, the exact words."""

from __future__ import annotations

from pathlib import Path

import pytest

from authenticator.cli import main
from authenticator.storage.kdf import KdfParams
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD
from tests.portability.writers import GOOGLE_OK


@pytest.fixture
def filled(vault: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("authenticator.storage.vault.calibrate_kdf", KdfParams.for_tests)
    monkeypatch.setenv("AUTHENTICATOR_EXPORT_PASSWORD", "export pw")
    with Vault.open(vault, PASSWORD) as v:
        for i, account in enumerate(GOOGLE_OK):
            v.add(account.evolve(id=f"id{i}"))
        v.save()
    return vault


def test_otpauth_file(filled, tmp_path, capsys) -> None:
    target = tmp_path / "keys.txt"
    assert main(["export", "--format", "otpauth", "--output", str(target)]) == 0
    assert capsys.readouterr().err == (f"wrote 3 links to {target}; this file holds your "
                                       "keys unencrypted: delete it when done\n")
    assert len(target.read_text().splitlines()) == 3


def test_otpauth_to_stdout(filled, capsys) -> None:
    assert main(["export", "--format", "otpauth"]) == 0
    out = capsys.readouterr()
    assert out.err == "" and out.out.count("otpauth://") == 3  # no warning: not a terminal


def test_backup(filled, tmp_path, capsys) -> None:
    target = tmp_path / "b.authvault"
    assert main(["export", "--format", "backup", "--output", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote an encrypted backup of 3 accounts to {target}\n"
    with Vault.open(target, "export pw", read_only=True) as copy:
        assert len(copy.accounts) == 3


def test_backup_needs_an_output(filled, capsys) -> None:
    assert main(["export", "--format", "backup"]) == 1
    assert capsys.readouterr().err == "error: --output PATH is required for a backup\n"


def test_encrypt_is_for_aegis_only(filled, capsys) -> None:
    assert main(["export", "--format", "backup", "--encrypt", "--output", "x"]) == 1
    assert capsys.readouterr().err == ("error: --encrypt applies to --format aegis only "
                                       "(a backup is always encrypted)\n")


def test_aegis_plain_file(filled, tmp_path, capsys) -> None:
    target = tmp_path / "a.json"
    assert main(["export", "--format", "aegis", "--output", str(target)]) == 0
    assert capsys.readouterr().err == (
        f"wrote an Aegis vault of 3 accounts to {target}; this file holds your keys "
        "unencrypted: delete it once Aegis has imported it\n")


def test_google_migration_folder(filled, tmp_path, capsys) -> None:
    folder = tmp_path / "qr"
    assert main(["export", "--format", "google-migration", "--output", str(folder)]) == 0
    out = capsys.readouterr()
    assert out.out == f"{folder / 'google-authenticator-export-1-of-1.png'}\n"
    assert out.err == "scan these 1 QR codes with Google Authenticator, in any order\n"
