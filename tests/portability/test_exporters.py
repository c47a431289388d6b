"""The export registry: every format reads back as it was written, and the command line
offers exactly the registry's formats."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from authenticator.cli.main import build_parser
from authenticator.core.errors import AuthenticatorError
from authenticator.portability import exporters
from authenticator.portability.exporters import (
    EXPORT_FORMATS,
    Destination,
    ExportFormat,
    PasswordUse,
    exporter_named,
)
from authenticator.portability.registry import import_bytes, import_file, importer_named
from authenticator.storage.kdf import KdfParams
from tests.portability import writers

PASSWORD = "export registry password"


@pytest.fixture(autouse=True)
def _cheap_backup_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("authenticator.storage.vault.calibrate_kdf", KdfParams.for_tests)


def _accounts_for(fmt: ExportFormat) -> list:
    return writers.GOOGLE_OK if fmt.name == "google-migration" else writers.SAMPLE


def _passwords(fmt: ExportFormat) -> list[str | None]:
    return {PasswordUse.NEVER: [None], PasswordUse.OPTIONAL: [None, PASSWORD],
            PasswordUse.ALWAYS: [PASSWORD]}[fmt.password]


CASES = [(fmt, password) for fmt in EXPORT_FORMATS for password in _passwords(fmt)]


@pytest.mark.parametrize(("fmt", "password"), CASES,
                         ids=[f"{f.name}-{'pw' if p else 'plain'}" for f, p in CASES])
def test_every_exporter_reads_back_through_its_importer(tmp_path: Path, fmt: ExportFormat,
                                                         password: str | None) -> None:
    accounts = _accounts_for(fmt)
    target = tmp_path / ("out" if fmt.destination is Destination.FOLDER else "out" + fmt.suffix)
    paths = fmt.write(accounts, target, password)
    assert paths and all(p.name.endswith(fmt.suffix) and p.stat().st_mode & 0o077 == 0
                         for p in paths)
    if fmt.importer is not None:
        importer_named(fmt.importer)  # names a real importer
        if fmt.encrypted_with(password):
            with pytest.raises(AuthenticatorError):  # encrypted: unreadable without it
                import_file(paths[0], format_name=fmt.importer)
        result = import_file(paths[0], format_name=fmt.importer, password=password)
        assert writers.essences(result.accounts) == writers.essences(accounts)
        # ... and the file is recognised without being told its format
        detected = import_file(paths[0], password=password)
        assert detected.format_name == result.format_name
    else:  # the Google QR codes: read back by the scanner, as a phone would
        from authenticator.scan.pipeline import scan_file

        read = [a for p in paths for b in scan_file(p).migration_batches for a in b.accounts]
        assert writers.essences(read) == writers.essences(accounts)


@pytest.mark.parametrize("fmt", [f for f in EXPORT_FORMATS if f.text is not None],
                         ids=lambda f: f.name)
def test_the_text_form_reads_back_too(fmt: ExportFormat) -> None:
    assert fmt.text is not None and fmt.importer is not None
    for password in _passwords(fmt):
        text = fmt.text(writers.SAMPLE, password)
        result = import_bytes(text.encode("utf-8"), format_name=fmt.importer, password=password)
        assert writers.essences(result.accounts) == writers.essences(writers.SAMPLE)


def test_a_writer_never_writes_over_an_existing_file(tmp_path: Path) -> None:
    for fmt in EXPORT_FORMATS:
        if fmt.destination is Destination.FILE:
            taken = tmp_path / f"taken-{fmt.name}{fmt.suffix}"
            taken.write_text("mine")
            with pytest.raises(AuthenticatorError):
                fmt.write(writers.SAMPLE, taken, _passwords(fmt)[-1])
            assert taken.read_text() == "mine"


def test_a_backup_needs_a_password(tmp_path: Path) -> None:
    with pytest.raises(AuthenticatorError, match="password"):
        exporter_named("backup").write(writers.SAMPLE, tmp_path / "b.authvault", None)
    assert not (tmp_path / "b.authvault").exists()


def test_names_are_unique_and_looked_up_loosely() -> None:
    names = exporters.export_format_names()
    assert len(set(names)) == len(names) == len(EXPORT_FORMATS)
    assert exporter_named(" Aegis ").name == "aegis"
    with pytest.raises(exporters.UnknownExportFormat, match="known: google-migration"):
        exporter_named("keepass")


def _subcommand(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def test_the_cli_offers_exactly_the_registry_formats_in_its_order() -> None:
    export = _subcommand("export")
    action = next(a for a in export._actions if "--format" in a.option_strings)
    assert list(action.choices or ()) == [fmt.name for fmt in EXPORT_FORMATS]
    assert all(fmt.description in " ".join((action.help or "").split())
               for fmt in EXPORT_FORMATS)
