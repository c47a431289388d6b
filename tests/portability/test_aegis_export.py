"""The Aegis export, read by an independent reader written from Aegis's docs/vault.md
(not by our importer), and round-tripped through our importer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import stat
import struct
import uuid

import pytest

from authenticator.core.account import Account, Algorithm, OtpKind
from authenticator.portability.aegis_export import export_aegis, export_aegis_file
from authenticator.portability.export import ExportFailed
from authenticator.portability.registry import import_bytes
from tests.helpers.aegis import ACCOUNTS, read_vault
from tests.portability import writers

PASSWORD = "aegis pässword"



# -- the independent reader (docs/vault.md) -------------------------------------------------


def aegis_code(info: dict, kind: str, at: int) -> str:
    """An entry's code as Aegis computes it (RFC 4226/6238; Steam's alphabet)."""
    secret = base64.b32decode(info["secret"] + "=" * (-len(info["secret"]) % 8))
    counter = info["counter"] if kind == "hotp" else at // info["period"]
    digest = hmac.new(secret, struct.pack(">Q", counter),
                      getattr(hashlib, info["algo"].lower())).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    if kind == "steam":
        alphabet = "23456789BCDFGHJKMNPQRTVWXY"
        return "".join(alphabet[value // 26**i % 26] for i in range(info["digits"]))
    return str(value % 10 ** info["digits"]).zfill(info["digits"])


@pytest.fixture(scope="module")
def encrypted() -> bytes:
    return export_aegis(ACCOUNTS, PASSWORD)


def check_content(content: dict) -> None:
    assert content["version"] == 3
    groups = {g["uuid"]: g["name"] for g in content["groups"]}
    assert sorted(groups.values()) == ["Tests", "Work"]
    assert len(content["entries"]) == len(ACCOUNTS)
    for entry, account in zip(content["entries"], ACCOUNTS, strict=True):
        uuid.UUID(entry["uuid"], version=4)
        info = entry["info"]
        assert (entry["type"], entry["issuer"], entry["name"], entry["note"],
                entry["favorite"]) == (account.kind.value, account.issuer, account.name,
                                       account.note, account.favorite)
        assert "=" not in info["secret"]
        assert base64.b32decode(info["secret"] + "=" * (-len(info["secret"]) % 8)) == \
            account.secret
        assert (info["algo"], info["digits"]) == (account.algorithm.value, account.digits)
        if account.kind is OtpKind.HOTP:
            assert info["counter"] == account.counter and "period" not in info
        else:
            assert info["period"] == account.period and "counter" not in info
        assert [groups[g] for g in entry["groups"]] == list(account.tags)
    # The RFC 6238 vector (SHA1, 8 digits, t = 59 -> 94287082) comes out of the file.
    rfc = content["entries"][-1]
    assert aegis_code(rfc["info"], rfc["type"], 59) == "94287082"


def test_encrypted_export_follows_vault_md(encrypted):
    vault = json.loads(encrypted)
    [slot] = vault["header"]["slots"]
    assert (slot["type"], slot["n"], slot["r"], slot["p"]) == (1, 2**15, 8, 1)
    assert len(bytes.fromhex(slot["salt"])) == 32 and len(bytes.fromhex(slot["key"])) == 32
    assert len(bytes.fromhex(vault["header"]["params"]["nonce"])) == 12
    assert writers.SAMPLE[0].secret_b32 not in encrypted.decode()
    check_content(read_vault(encrypted, PASSWORD))
    with pytest.raises(ValueError, match="no slot"):
        read_vault(encrypted, "wrong")


def test_plain_export_follows_vault_md():
    data = export_aegis(ACCOUNTS)
    check_content(read_vault(data, None))


def test_codes_match_ours_for_every_type():
    from authenticator.core.otp import code_at

    content = read_vault(export_aegis(ACCOUNTS), None)
    for entry, account in zip(content["entries"], ACCOUNTS, strict=True):
        assert aegis_code(entry["info"], entry["type"], 1_700_000_000) == code_at(
            account, 1_700_000_000)


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_round_trip_through_our_importer(password, encrypted):
    data = encrypted if password else export_aegis(ACCOUNTS)
    result = import_bytes(data, password=password)
    assert result.format_name == "aegis" and result.problems == []
    assert writers.essences(result.accounts) == writers.essences(ACCOUNTS)
    assert [(a.note, a.favorite, a.tags) for a in result.accounts] == [
        (a.note, a.favorite, a.tags) for a in ACCOUNTS]


def test_file_is_private_and_never_overwritten(tmp_path):
    target = tmp_path / "aegis.json"
    export_aegis_file(ACCOUNTS[:1], target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ExportFailed, match="already exists"):
        export_aegis_file(ACCOUNTS, target, PASSWORD)
    assert len(read_vault(target.read_bytes(), None)["entries"]) == 1


def test_sha512_hotp_and_steam_entries():
    accounts = [Account(secret=b"x" * 64, issuer="H", kind=OtpKind.HOTP, counter=9,
                        algorithm=Algorithm.SHA512, digits=7),
                Account(secret=b"s" * 20, issuer="Steam", kind=OtpKind.STEAM)]
    entries = read_vault(export_aegis(accounts), None)["entries"]
    assert entries[0]["info"] == {"secret": accounts[0].secret_b32, "algo": "SHA512",
                                  "digits": 7, "counter": 9}
    assert entries[1]["type"] == "steam"
    assert entries[1]["info"] == {"secret": accounts[1].secret_b32, "algo": "SHA1",
                                  "digits": 5, "period": 30}
