"""Format choice, file reading errors, and the duplicate-aware import plan."""

from __future__ import annotations

import pytest

from authenticator.core.account import Account
from authenticator.portability.base import Importer, ImportFailed
from authenticator.portability.registry import (
    IMPORTERS,
    detect_format,
    import_bytes,
    import_file,
    plan_import,
)
from tests.portability import writers


def test_every_importer_follows_the_protocol_with_a_unique_name():
    assert all(isinstance(i, Importer) for i in IMPORTERS)
    assert len({i.name for i in IMPORTERS}) == len(IMPORTERS)


def test_unknown_content_lists_what_can_be_imported():
    with pytest.raises(ImportFailed) as info:
        detect_format(b"\x89PNG\r\n\x1a\n" + bytes(200))
    message = str(info.value)
    assert message.startswith("this file is not in a format I can import")
    assert all(i.label in message for i in IMPORTERS)


def test_unknown_format_name_is_refused():
    with pytest.raises(ImportFailed, match="unknown import format 'keepass'"):
        import_bytes(b"{}", format_name="keepass")


def test_forcing_the_wrong_format_fails_cleanly():
    with pytest.raises(ImportFailed):
        import_bytes(writers.make_freeotp(writers.SAMPLE), format_name="aegis")
    with pytest.raises(ImportFailed):
        import_bytes(writers.make_aegis_plain(writers.SAMPLE), format_name="2fas")


def test_import_file_reads_by_content_not_extension(tmp_path):
    path = tmp_path / "backup.txt"
    path.write_bytes(writers.make_2fas(writers.SAMPLE))
    result = import_file(path)
    assert result.format_name == "2fas" and len(result.accounts) == len(writers.SAMPLE)


def test_missing_or_unreadable_file_is_one_clear_line(tmp_path):
    with pytest.raises(ImportFailed, match=r"cannot read nothing\.json: no such file"):
        import_file(tmp_path / "nothing.json")
    with pytest.raises(ImportFailed, match="cannot read"):
        import_file(tmp_path)  # a folder


def test_plan_skips_accounts_already_present_or_repeated():
    github, bank, hotp, steam = writers.SAMPLE
    existing = [github.evolve(name="renamed on this PC"), hotp.evolve(counter=7)]
    incoming = [
        github,                                          # same key as an existing account
        bank,                                            # new
        bank.evolve(name="copy"),                        # repeated within the file
        hotp.evolve(counter=99),                         # HOTP: counter does not matter
        github.evolve(period=60),                        # other period: other codes, new
        steam,                                           # new
    ]
    result = import_bytes(writers.make_aegis_plain(incoming))
    plan = plan_import(existing, result)
    assert [a.name for a in plan.new] == ["jürgen", "octo@example.com", "gamer"]
    assert [(a.name, b.name) for a, b in plan.duplicates] == [
        ("octo@example.com", "renamed on this PC"), ("copy", "jürgen"),
        ("hotp-only", "hotp-only")]
    assert plan.new[1].period == 60


def test_plan_carries_the_problems_of_the_import():
    doc = writers.make_andotp_plain([*writers.SAMPLE[:1], Account(secret=b"x", name="ok")])
    broken = doc.replace(b'"secret": "PA"', b'"secret": "P!"')
    plan = plan_import([], import_bytes(broken))
    assert len(plan.new) == 1 and len(plan.problems) == 1
