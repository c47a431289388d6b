"""Android shared_prefs files: Authy, Battle.net, TOTP Authenticator, FreeOTP tokens.xml."""

from __future__ import annotations

import base64
import json

import pytest

from authenticator.portability.base import ImportFailed, PasswordRequired
from authenticator.portability.registry import detect_format, import_bytes
from tests.helpers.app_prefs import (
    KEY1,
    KEY2,
    PASSWORD,
    SEED,
    STEAM_KEY,
    TA_ROWS,
    authy_tokens,
    freeotp_tokens,
)
from tests.portability import app_writers as w
from tests.portability.helpers import fields, imported, only_detected_as

AUTHY_EXPECTED = [
    ("GitHub", "octo", "totp", "SHA1", 6, 30, None, KEY1),
    ("Google", "alice@gmail.com", "totp", "SHA1", 8, 30, None, KEY2),
    ("GitLab", "bob", "totp", "SHA1", 6, 30, None, KEY1[::-1]),
    ("Twitch", "", "totp", "SHA1", 7, 10, None, SEED),
    ("AWS", "prod", "totp", "SHA1", 6, 30, None, KEY2[::-1]),
]


@pytest.mark.parametrize("encrypted", [False, True])
def test_authy_plain_and_encrypted(encrypted):
    data = w.make_authy(authy_tokens(encrypted))
    only_detected_as(data, "authy")
    assert detect_format(data).is_encrypted(data) is encrypted
    result = imported(data, "authy", PASSWORD if encrypted else None)
    # Aegis's rules: the "GitHub:" prefix is removed from the name (we also drop the space
    # left after it); Authy's own tokens are 10-second codes.
    assert [fields(a) for a in result.accounts] == AUTHY_EXPECTED
    assert result.problems == []


def test_authy_encrypted_needs_and_checks_the_password():
    data = w.make_authy(authy_tokens(True))
    with pytest.raises(PasswordRequired):
        import_bytes(data)
    with pytest.raises(ImportFailed, match=r"^wrong password"):
        import_bytes(data, password="not it")


def test_authy_own_tokens_file_and_damaged_entries():
    tokens = [{"digits": 7, "name": "Twitch", "secretSeed": SEED.hex()},
              {"digits": 7, "name": "Broken", "secretSeed": "zz-not-hex"},
              {"accountType": "x", "digits": 99, "name": "Too many", "decryptedSecret": "AAAA"}]
    data = w.make_authy(tokens, key="com.authy.storage.tokens.authy.key")
    result = imported(data, "authy")
    assert [a.issuer for a in result.accounts] == ["Twitch"]
    reasons = [str(p) for p in result.problems]
    assert reasons[0].startswith("token 2 (Broken): ") and "hexadecimal" in reasons[0]
    assert reasons[1].startswith("token 3 (Too many): digits")


def test_authy_tokens_under_another_key_name_are_recognised():
    data = w.make_authy(authy_tokens(False)[:2], key="com.authy.storage.tokens.other.key")
    only_detected_as(data, "authy")
    assert len(import_bytes(data).accounts) == 2


def test_authy_drops_non_base32_characters():
    data = w.make_authy([{"accountType": "site", "digits": 6, "name": "Site",
                          "decryptedSecret": " " + w.b32(KEY1)[:8] + "!" + w.b32(KEY1)[8:]}])
    assert import_bytes(data).accounts[0].secret == KEY1


SERIAL = "US-1234-5678-9012"
BNET_KEY = bytes(range(100, 120))


def test_battlenet_current_with_and_without_serial():
    for serial, name in ((SERIAL, SERIAL), (None, "")):
        data = w.make_battlenet_current(BNET_KEY, serial)
        only_detected_as(data, "battlenet")
        [account] = imported(data, "battlenet").accounts
        assert fields(account) == ("Battle.net", name, "totp", "SHA1", 8, 30, None, BNET_KEY)


def test_battlenet_legacy():
    data = w.make_battlenet_legacy(BNET_KEY, SERIAL)
    only_detected_as(data, "battlenet")
    [account] = imported(data, "battlenet").accounts
    assert fields(account) == ("Battle.net", SERIAL, "totp", "SHA1", 8, 30, None, BNET_KEY)


def test_battlenet_damaged_hash_is_an_entry_problem():
    data = w.shared_prefs({"com.blizzard.bma.AUTH_STORE.HASH": "00" * 40})
    result = import_bytes(data)
    assert result.accounts == []
    assert "57 bytes" in str(result.problems[0])


TA_EXPECTED = [("GitHub", "octo", "totp", "SHA1", 6, 30, None, SEED[:20]),
               ("me", "", "totp", "SHA1", 8, 60, None, KEY1),
               ("AWS", "ops", "totp", "SHA1", 6, 30, None, KEY2)]


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_totp_authenticator_bin(password):
    entries = w.totp_auth_entries(TA_ROWS)
    data = w.make_totp_auth_bin(entries, password or "TotpAuthenticator")
    only_detected_as(data, "totp-authenticator")
    if password is None:  # the app's default password: nothing to ask
        assert not detect_format(data).is_encrypted(data)
    else:
        with pytest.raises(PasswordRequired):
            import_bytes(data)
        with pytest.raises(ImportFailed, match=r"^wrong password"):
            import_bytes(data, password="nope")
    result = imported(data, "totp-authenticator", password)
    assert [fields(a) for a in result.accounts] == TA_EXPECTED
    assert len(result.problems) == 1 and "base 10" in str(result.problems[0])


def test_totp_authenticator_bin_with_line_breaks_and_xml():
    entries = w.totp_auth_entries(TA_ROWS[:3])
    wrapped = base64.encodebytes(base64.b64decode(w.make_totp_auth_bin(entries,
                                                                       as_strings=False)))
    assert [fields(a) for a in imported(wrapped, "totp-authenticator").accounts] == TA_EXPECTED
    xml = w.make_totp_auth_xml(entries)
    only_detected_as(xml, "totp-authenticator")
    assert [fields(a) for a in imported(xml, "totp-authenticator").accounts] == TA_EXPECTED


FREEOTP_EXPECTED = [
    ("GitHub", "octo", "totp", "SHA1", 6, 30, None, KEY1),
    ("", "plain", "hotp", "SHA256", 8, None, 5, KEY2),
    ("Steam", "gamer", "steam", "SHA1", 5, 30, None, STEAM_KEY),
    ("Renamed", "new name", "totp", "SHA512", 6, 60, None, SEED),
]


def test_freeotp_tokens_xml():
    data = w.make_freeotp_xml(freeotp_tokens())
    only_detected_as(data, "freeotp-xml")
    result = imported(data, "freeotp-xml")
    assert [fields(a) for a in result.accounts] == FREEOTP_EXPECTED
    assert result.problems == []


def test_freeotp_tokens_xml_skips_other_strings_and_follows_token_order():
    tokens = freeotp_tokens()[:2]
    ids = ["GitHub:octo", "plain"]
    strings = {"tokenOrder": json.dumps(ids[::-1]), "lastBackup": "yesterday",
               ids[0]: json.dumps(tokens[0]), ids[1]: json.dumps(tokens[1])}
    result = import_bytes(w.shared_prefs(strings))
    assert [a.name for a in result.accounts] == ["plain", "octo"]


def test_xml_bombs_are_refused_fast():
    bomb = ('<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                      for p, c in zip("abcdefgh", "bcdefghi", strict=True))
            + ']><map><string name="tokenOrder">&i;</string></map>').encode()
    with pytest.raises(ImportFailed, match="not in a format"):
        import_bytes(bomb)
    with pytest.raises(ImportFailed):
        import_bytes(bomb, format_name="freeotp-xml")
