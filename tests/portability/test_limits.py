"""One set of account limits for every way in: importers list what breaks them, with why."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes

from authenticator.core.account import MAX_PERIOD, Account, OtpKind
from authenticator.core.migration import encode_migration_uris, parse_migration_uri
from authenticator.portability.base import ImportFailed
from authenticator.portability.registry import import_bytes
from tests.portability import writers

HUGE_COUNTER = 2**64
HUGE_PERIOD = 10**19


def _otp_fields(fixture: str, doc: Any) -> list[dict[str, Any]]:
    """Where each format keeps period/counter, per entry (SAMPLE: totp, totp, hotp, steam)."""
    if fixture == "aegis":
        return [e["info"] for e in doc["db"]["entries"]]
    if fixture == "2fas":
        return [s["otp"] for s in doc["services"]]
    if fixture == "andotp":
        return list(doc)
    return list(doc["tokens"])


@pytest.mark.parametrize("fixture", ["aegis", "2fas", "andotp", "freeotp"])
def test_counters_and_periods_beyond_the_limits_are_import_errors(sample_files, fixture):
    doc = json.loads(sample_files[fixture][0])
    fields = _otp_fields(fixture, doc)
    fields[0]["period"] = HUGE_PERIOD
    fields[2]["counter"] = HUGE_COUNTER
    result = import_bytes(json.dumps(doc).encode(), format_name=fixture)
    assert len(result.accounts) == 2
    reasons = " | ".join(p.description for p in result.problems)
    assert f"the period must be between 1 and {MAX_PERIOD} seconds" in reasons, reasons
    assert "the counter must be a whole number between 0 and 2^64 - 1" in reasons, reasons


def test_a_link_list_refuses_the_same_values_with_the_same_words():
    good = "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP"
    lines = [good, f"otpauth://totp/A:c?secret=JBSWY3DPEHPK3PXP&period={HUGE_PERIOD}",
             f"otpauth://hotp/A:d?secret=JBSWY3DPEHPK3PXP&counter={HUGE_COUNTER}"]
    result = import_bytes("\n".join(lines).encode())
    assert len(result.accounts) == 1
    reasons = " | ".join(p.description for p in result.problems)
    assert "period must be between 1 and 86400 seconds" in reasons
    assert "counter must be a whole number between 0 and 2^64 - 1" in reasons


def test_the_account_itself_refuses_out_of_range_values():
    for bad in ({"period": HUGE_PERIOD}, {"period": 0}, {"counter": HUGE_COUNTER},
                {"counter": -1}, {"digits": 11}):
        with pytest.raises(ValueError):
            Account(secret=b"k" * 10, **bad)  # type: ignore[arg-type]
    edge = Account(secret=b"k" * 10, kind=OtpKind.HOTP, counter=HUGE_COUNTER - 1)
    assert edge.counter == HUGE_COUNTER - 1


def test_google_export_refuses_counters_it_would_wrap():
    account = Account(secret=b"k" * 10, kind=OtpKind.HOTP, counter=2**63, issuer="X")
    with pytest.raises(ValueError, match="counters below 2"):
        encode_migration_uris([account])
    ok = Account(secret=b"k" * 10, kind=OtpKind.HOTP, counter=2**63 - 1, issuer="X")
    assert parse_migration_uri(encode_migration_uris([ok])[0]).accounts[0].counter == 2**63 - 1


def test_hostile_kdf_parameters_are_refused_before_deriving(monkeypatch):
    from authenticator.portability import _crypto

    def no(*_a: object, **_k: object) -> None:
        raise AssertionError("must not derive")

    monkeypatch.setattr(_crypto, "Scrypt", no)
    monkeypatch.setattr(_crypto, "PBKDF2HMAC", no)
    aegis = json.loads(writers.make_aegis_encrypted(writers.SAMPLE[:1], "pw", n=2**10))
    slot = aegis["header"]["slots"][1]
    for n, r, p, slots, match in ((2**20, 32, 16, 1, "4096 MiB of memory"),
                                  (2**15, 8, 1, 300, "300 password slots"),
                                  (2**18, 8, 16, 1, "MiB x passes")):
        aegis["header"]["slots"] = [{**slot, "n": n, "r": r, "p": p}] * slots
        with pytest.raises(ImportFailed, match=match):
            import_bytes(json.dumps(aegis).encode(), password="pw")
    andotp = writers.make_andotp_encrypted(writers.SAMPLE[:1], "pw", iterations=1000)
    hostile = (2**32 - 1).to_bytes(4, "big") + andotp[4:]
    with pytest.raises(ImportFailed):  # refused without deriving (PBKDF2HMAC would raise)
        import_bytes(hostile, format_name="andotp", password="pw")
    with pytest.raises(ImportFailed, match="more key-derivation work"):
        _crypto.pbkdf2("pw", b"salt", 2_000_001, hashes.SHA1(), "andOTP")  # noqa: S303


def test_a_backup_holding_out_of_range_entries_lists_them_with_the_reason(tmp_path):
    from authenticator.storage import KdfParams, container
    from authenticator.storage.content import VaultContent, encode
    from authenticator.storage.vault import export_backup

    path = tmp_path / "backup.authvault"
    export_backup(writers.SAMPLE[:1], path, "pw", KdfParams.for_tests())
    parsed = container.parse(path.read_bytes())
    key = parsed.unlock("pw")
    bad = dict(writers.SAMPLE[2].to_storage_json(), counter=HUGE_COUNTER, issuer="Too far")
    content = VaultContent(list(writers.SAMPLE[:1]), invalid=[bad])
    path.write_bytes(container.seal(key, parsed.vault_id, parsed.slots, encode(content, 0.0)))
    result = import_bytes(path.read_bytes(), password="pw")
    assert len(result.accounts) == 1
    assert [p.description for p in result.problems] == [
        "invalid entry 1 (Too far): the counter must be a whole number between 0 and 2^64 - 1"]


def test_a_backup_asking_for_4_gib_times_64_is_refused_before_deriving(monkeypatch):
    import os

    from authenticator.storage import container, kdf

    def no(*_a: object) -> bytes:
        raise AssertionError("must not derive")

    monkeypatch.setattr(kdf, "derive_key", no)
    params = kdf.KdfParams(memory_kib=4 * 1024 * 1024, iterations=64)
    slot = container.Slot(container.new_id(), container.SLOT_PASSWORD, os.urandom(12),
                          os.urandom(48), params, os.urandom(16))
    data = container.seal(os.urandom(32), "v" * 32, (slot,), b"{}")
    with pytest.raises(ImportFailed, match="more key-derivation work than Authenticator allows"):
        import_bytes(data, password="pw")
