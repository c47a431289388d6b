"""Exports read back by our own importers (and the QR images by our own scanner)."""

from __future__ import annotations

import stat

import pytest

from authenticator.core.account import Account, OtpKind
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration_parts import MigrationAssembler
from authenticator.portability.base import ImportFailed, PasswordRequired
from authenticator.portability.export import (
    ExportFailed,
    export_backup,
    export_google_migration,
    export_google_migration_pngs,
    google_export_refusals,
)
from authenticator.portability.registry import detect_format, import_bytes, import_file
from authenticator.storage import KdfParams
from tests.portability import writers
from tests.portability.writers import GOOGLE_OK, many_accounts

PASSWORD = "backup pass"


@pytest.fixture(scope="module")
def backup_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("backup") / "accounts.authbackup"
    export_backup(writers.SAMPLE, path, PASSWORD, kdf=KdfParams.for_tests())
    return path


def test_backup_round_trip_keeps_every_field(backup_file):
    result = import_file(backup_file, password=PASSWORD)
    assert result.format_name == "backup"
    assert [a.to_storage_json() for a in result.accounts] == [
        a.to_storage_json() for a in writers.SAMPLE]


def test_backup_is_detected_and_needs_its_password(backup_file):
    data = backup_file.read_bytes()
    assert detect_format(data).name == "backup"
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="nope")
    for secret in (a.secret_b32 for a in writers.SAMPLE):
        assert secret.encode() not in data


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.8, 0.999])
def test_truncated_backup_is_a_clear_error(backup_file, fraction):
    data = backup_file.read_bytes()
    with pytest.raises(ImportFailed) as info:
        import_bytes(data[: int(len(data) * fraction)], format_name="backup",
                     password=PASSWORD)
    assert "\n" not in str(info.value)


def test_backup_never_overwrites(backup_file):
    before = backup_file.read_bytes()
    with pytest.raises(AuthenticatorError):
        export_backup(writers.SAMPLE[:1], backup_file, PASSWORD, kdf=KdfParams.for_tests())
    assert backup_file.read_bytes() == before


def test_google_export_refuses_what_its_format_cannot_carry():
    refusals = google_export_refusals(writers.SAMPLE)
    assert [r.split(":")[0] for r in refusals] == ["Ünïcode Bank (jürgen)", "hotp-only",
                                                   "Steam (gamer)"]
    with pytest.raises(AuthenticatorError):
        export_google_migration(writers.SAMPLE)


def test_google_migration_pngs_scan_back_to_the_same_accounts(tmp_path):
    from authenticator.scan.pipeline import scan_file

    accounts = many_accounts(25)
    paths = export_google_migration_pngs(accounts, tmp_path / "qr")
    assert len(paths) >= 2
    assert [p.name for p in paths] == [
        f"google-authenticator-export-{i}-of-{len(paths)}.png" for i in range(1, len(paths) + 1)]
    assembler = MigrationAssembler()
    for path in reversed(paths):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for batch in scan_file(path).migration_batches:
            assembler.add(batch)
    assert assembler.complete
    assert writers.essences(assembler.accounts()) == writers.essences(accounts)


def test_google_migration_pngs_never_overwrite(tmp_path):
    export_google_migration_pngs(GOOGLE_OK, tmp_path)
    with pytest.raises(ExportFailed, match="already exists"):
        export_google_migration_pngs(GOOGLE_OK, tmp_path)


def test_hotp_counter_survives_google_round_trip():
    hotp = Account(secret=b"k" * 20, issuer="Lab", name="h", kind=OtpKind.HOTP, counter=12345)
    result = import_bytes("\n".join(export_google_migration([hotp])).encode())
    assert writers.essences(result.accounts) == writers.essences([hotp])
