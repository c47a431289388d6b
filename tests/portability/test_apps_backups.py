"""Backup files: Stratum, FreeOTP 2, Proton, old andOTP, Steam, Duo, WinAuth."""

from __future__ import annotations

import json

import pytest

from authenticator.portability.base import ImportFailed, PasswordRequired
from authenticator.portability.registry import detect_format, import_bytes
from tests.helpers.app_backups import (
    K1,
    K2,
    K3,
    PASSWORD,
    STEAM_KEY,
    WINAUTH,
    freeotp2_tokens,
    proton,
    stratum,
)
from tests.portability import app_writers as w
from tests.portability.helpers import fields, imported, only_detected_as

STRATUM_EXPECTED = [
    ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
    ("Bank", "", "hotp", "SHA256", 8, None, 12, K2),
    ("Steam", "gamer", "steam", "SHA1", 5, 30, None, STEAM_KEY),
    ("Long", "me", "totp", "SHA512", 7, 60, None, K3),
]


def check_stratum(result, tags=True) -> None:
    assert [fields(a) for a in result.accounts] == STRATUM_EXPECTED
    if tags:
        assert [a.tags for a in result.accounts] == [("Work",), (), (), ("Work",)]
    assert [str(p) for p in result.problems] == [
        "entry 5 (mOTP): mOTP codes are not supported",
        "entry 6 (Bad): the algorithm 7 is not supported"]


@pytest.fixture(scope="module")
def stratum_files() -> dict[str, bytes]:
    doc = stratum()
    return {"plain": json.dumps(doc).encode(),
            "current": w.make_stratum_current(doc, PASSWORD),
            "legacy": w.make_stratum_legacy(doc, PASSWORD)}


@pytest.mark.parametrize("variant", ["plain", "current", "legacy"])
def test_stratum_backups(stratum_files, variant):
    data = stratum_files[variant]
    only_detected_as(data, "stratum")
    password = None if variant == "plain" else PASSWORD
    assert detect_format(data).is_encrypted(data) is (password is not None)
    check_stratum(imported(data, "stratum", password))


@pytest.mark.parametrize("variant", ["current", "legacy"])
def test_stratum_wrong_password_and_truncation(stratum_files, variant):
    data = stratum_files[variant]
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="wrong")
    with pytest.raises(ImportFailed):
        import_bytes(data[:-7], password=PASSWORD)


# -- FreeOTP 2 ------------------------------------------------------------------------------


FREEOTP2_EXPECTED = [
    ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
    ("Site", "nulls", "totp", "SHA256", 6, 30, None, K2),
    ("Steam", "gamer", "steam", "SHA1", 5, 30, None, STEAM_KEY),
    ("Int", "𝄞 nul\x00 ok", "hotp", "SHA512", 8, None, 3, K3),
]


@pytest.mark.parametrize("variant", [
    {"sequence": True}, {"sequence": False},
    {"kdf": "PBKDF2withHmacSHA1", "iterations": 1000},
    {"repeat_reference": True},
    {"harmony": True, "sequence": False},
])
def test_freeotp2_backup_variants(variant):
    data = w.make_freeotp_backup(freeotp2_tokens(), PASSWORD, **variant)
    only_detected_as(data, "freeotp-backup")
    result = imported(data, "freeotp-backup", PASSWORD)
    assert [fields(a) for a in result.accounts] == FREEOTP2_EXPECTED
    assert result.problems == []


def test_freeotp2_password_damage_and_hostile_kdf():
    data = w.make_freeotp_backup(freeotp2_tokens()[:1], PASSWORD, iterations=1000)
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="nope")
    with pytest.raises(ImportFailed, match="damaged"):
        import_bytes(data[: len(data) // 2], password=PASSWORD)
    # 2^31-1 iterations would take hours: refused before any work (this returns at once).
    hostile = w.make_freeotp_backup([], PASSWORD, iterations=1000,
                                    declared_iterations=2**31 - 1)
    with pytest.raises(ImportFailed, match="unusual key derivation"):
        import_bytes(hostile, password=PASSWORD)


def test_freeotp2_one_damaged_token_is_reported_alone():
    data = w.make_freeotp_backup(freeotp2_tokens(), PASSWORD, iterations=1000,
                                 damage_token=1)
    result = import_bytes(data, password=PASSWORD)
    assert [fields(a) for a in result.accounts] == [
        FREEOTP2_EXPECTED[0], *FREEOTP2_EXPECTED[2:]]
    assert [str(p) for p in result.problems] == [
        "token 2 (Site): the token's key does not decrypt (damaged backup)"]


# -- Proton ---------------------------------------------------------------------------------


PROTON_EXPECTED = [
    ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
    ("Bank", "Bank", "totp", "SHA256", 8, 60, None, K2),  # null name: the link's label
    ("Steam", "gamer", "steam", "SHA1", 5, 30, None, STEAM_KEY),
]


@pytest.mark.parametrize("encrypted", [False, True])
def test_proton(encrypted):
    doc = proton()
    data = w.make_proton_encrypted(doc, PASSWORD) if encrypted else json.dumps(doc).encode()
    only_detected_as(data, "proton")
    assert detect_format(data).is_encrypted(data) is encrypted
    result = imported(data, "proton", PASSWORD if encrypted else None)
    assert [fields(a) for a in result.accounts] == PROTON_EXPECTED
    assert [a.note for a in result.accounts] == ["work laptop", "", ""]
    assert [str(p) for p in result.problems] == ["entry 4 (broken): the link has no secret"]
    if encrypted:
        with pytest.raises(ImportFailed, match=r"^wrong password"):
            import_bytes(data, password="nope")


# -- andOTP, old encrypted format -----------------------------------------------------------
def test_andotp_old_encrypted_format():
    entries = [{"secret": w.b32(K1), "issuer": "GitHub", "label": "octo", "digits": 6,
                "type": "TOTP", "algorithm": "SHA1", "period": 30, "thumbnail": "Default",
                "last_used": 0, "used_frequency": 0, "tags": ["Work"]},
               {"secret": w.b32(K2), "label": "Old Bank - me - savings", "digits": 8,
                "type": "HOTP", "algorithm": "SHA256", "counter": 4}]
    data = w.make_andotp_old(entries, PASSWORD)
    # Nothing else recognises it: detection falls back to andOTP (so the window can read it).
    assert detect_format(data).name == "andotp"
    assert detect_format(data).is_encrypted(data)
    result = imported(data, "andotp", PASSWORD)
    assert [fields(a) for a in result.accounts] == [
        ("GitHub", "octo", "totp", "SHA1", 6, 30, None, K1),
        ("Old Bank", "me - savings", "hotp", "SHA256", 8, None, 4, K2)]
    assert result.accounts[0].tags == ("Work",)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, format_name="andotp", password="nope")


# -- Steam, Duo, WinAuth ----------------------------------------------------------------------
def test_steam_old_and_current_files():
    old = json.dumps(w.steam_account(STEAM_KEY, "gamer")).replace("/", "\\/").encode()
    only_detected_as(old, "steam")
    assert [fields(a) for a in imported(old, "steam").accounts] == [
        ("Steam", "gamer", "steam", "SHA1", 5, 30, None, STEAM_KEY)]
    current = json.dumps({"accounts": {
        "76561190000000001": w.steam_account(STEAM_KEY, "one", uri=False),
        "76561190000000002": w.steam_account(K1, "two", uri=False)}}).encode()
    only_detected_as(current, "steam")
    assert [(a.name, a.secret) for a in imported(current, "steam").accounts] == [
        ("one", STEAM_KEY), ("two", K1)]


def test_steam_secret_and_uri_must_agree():
    account = w.steam_account(STEAM_KEY, "gamer")
    account["uri"] = f"otpauth://totp/Steam:gamer?secret={w.b32(K1)}&issuer=Steam"
    result = import_bytes(json.dumps(account).encode())
    assert result.accounts == [] and "disagree" in str(result.problems[0])


def test_duo():
    data = w.make_duo([
        {"name": "Duo Admin", "akey": "x", "pkey": "y", "accountType": "UNKNOWN",
         "otpGenerator": {"otpSecret": w.b32(K1), "counter": 9}},
        {"name": "VPN", "otpGenerator": {"otpSecret": w.b32(K2).lower()}},
        {"name": "Push only", "pkey": "z"},
        {"name": "Spaced", "otpGenerator": {"otpSecret": "ABCD EFGH"}},
        {"name": "Bad", "otpGenerator": {"otpSecret": "AB!"}},
    ])
    only_detected_as(data, "duo")
    result = imported(data, "duo")
    assert [fields(a) for a in result.accounts] == [
        ("", "Duo Admin", "hotp", "SHA1", 6, None, 9, K1),
        ("", "VPN", "totp", "SHA1", 6, 30, None, K2),
        ("", "Spaced", "totp", "SHA1", 6, 30, None, bytes.fromhex("00443214c7"))]
    assert [str(p) for p in result.problems] == [
        "account 3 (Push only): skipped: this Duo account has no code key (push only)",
        "account 5 (Bad): a key uses only the letters A-Z and the digits 2-7; this one also has !"]




def test_winauth():
    data = WINAUTH.encode()
    # A WinAuth file is also a valid link list: WinAuth is tried first.
    assert detect_format(data).name == "winauth"
    result = imported(data, "winauth")
    assert [fields(a) for a in result.accounts] == [
        ("Google", "", "totp", "SHA1", 6, 30, None, K1),
        ("Dropbox", "me@example.com", "totp", "SHA1", 6, 30, None, K2),
        ("My Bank", "", "totp", "SHA1", 8, 30, None, K3),
        ("Steam", "", "steam", "SHA1", 5, 30, None, STEAM_KEY),
        ("Battle.net", "US123456789012", "totp", "SHA1", 8, 30, None, K1[::-1]),
        ("Counter", "", "hotp", "SHA1", 6, None, 3, K2[::-1])]


def test_winauth_without_its_signature_is_a_plain_list_unless_chosen():
    data = f"otpauth://totp/Google?secret={w.b32(K1)}&digits=6\n".encode()
    assert detect_format(data).name == "otpauth"
    assert fields(imported(data, "otpauth").accounts[0])[:2] == ("", "Google")
    assert fields(import_bytes(data, format_name="winauth").accounts[0])[:2] == ("Google", "")


def test_old_andotp_file_of_whole_pages_still_imports():
    entries = [{"secret": w.b32(K1), "label": "x", "digits": 6, "type": "TOTP",
                "algorithm": "SHA1", "period": 30, "pad": "p" * 10}]
    for extra in range(600):  # find a file size that is a multiple of 512 (SQLCipher-like)
        entries[0]["pad"] = "p" * extra
        data = w.make_andotp_old(entries, PASSWORD)
        if len(data) % 512 == 0:
            break
    assert len(data) % 512 == 0
    assert import_bytes(data, password=PASSWORD).accounts[0].secret == K1


def test_random_looking_files_of_other_kinds_are_not_taken_for_andotp():
    import zlib

    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    gzip_like = b"\x1f\x8b" + zlib.compress(bytes(range(256)) * 8)
    for data in (png, gzip_like, bytes(100)):
        with pytest.raises(ImportFailed, match="not in a format"):
            detect_format(data)


def test_andotp_with_a_huge_iteration_count_is_never_derived(monkeypatch):
    import os

    from authenticator.portability import _crypto

    derived: list[int] = []
    real = _crypto.PBKDF2HMAC

    def spy(**kw):
        derived.append(kw["iterations"])
        return real(**kw)

    monkeypatch.setattr(_crypto, "PBKDF2HMAC", spy)
    for count in (2**31 - 1, 1_000_001):
        hostile = count.to_bytes(4, "big") + os.urandom(100)
        with pytest.raises(ImportFailed, match=r"^wrong password"):
            import_bytes(hostile, format_name="andotp", password=PASSWORD)
    assert derived == []  # only the cheap old-format attempt (one SHA-256) was made
    # The spy does see a plausible count being derived.
    from tests.portability.writers import SAMPLE, make_andotp_encrypted

    good = make_andotp_encrypted(SAMPLE, PASSWORD, iterations=1000)
    assert len(import_bytes(good, format_name="andotp", password=PASSWORD).accounts) == len(
        SAMPLE)
    assert derived == [1000]
