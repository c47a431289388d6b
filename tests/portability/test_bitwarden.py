"""Bitwarden JSON and CSV exports: URI, bare key and steam:// TOTP fields."""

from __future__ import annotations

import json

import pytest

from authenticator.core.account import OtpKind
from authenticator.portability.base import ImportFailed
from authenticator.portability.registry import IMPORTERS, detect_format, import_bytes
from tests.portability import writers

GITHUB, BANK, HOTP, STEAM = writers.SAMPLE
ITEMS = [
    ("GitHub", "octo@example.com", writers.bitwarden_totp(GITHUB, "uri")),
    ("Mail", "me@example.com", None),  # a login without TOTP: skipped silently
    ("Bank site", "jürgen", writers.bitwarden_totp(BANK, "bare")),
    ("Steam", "gamer", writers.bitwarden_totp(STEAM, "steam")),
    ("Lab", "", writers.bitwarden_totp(HOTP.evolve(issuer="", name=""), "uri")),
]
MAKERS = {"bitwarden": writers.make_bitwarden_json, "bitwarden-csv": writers.make_bitwarden_csv}


@pytest.mark.parametrize("format_name", list(MAKERS))
def test_every_kind_of_totp_field(format_name):
    data = MAKERS[format_name](ITEMS)
    assert detect_format(data).name == format_name
    assert [i.name for i in IMPORTERS if i.detect(data)] == [format_name]
    result = import_bytes(data)
    assert result.problems == []
    github, bank, steam, lab = result.accounts
    assert writers.essence(github) == writers.essence(GITHUB)
    # A bare key takes the item's name and user name, and the default TOTP settings.
    assert (bank.secret, bank.issuer, bank.name, bank.digits, bank.period) == (
        BANK.secret, "Bank site", "jürgen", 6, 30)
    assert (steam.kind, steam.secret, steam.issuer, steam.name) == (
        OtpKind.STEAM, STEAM.secret, "Steam", "gamer")
    # A link without names is named after the item.
    assert (lab.issuer, lab.kind, lab.counter) == ("Lab", OtpKind.HOTP, 42)


@pytest.mark.parametrize("format_name", list(MAKERS))
def test_bad_totp_fields_are_listed_and_the_rest_imports(format_name):
    items = [*ITEMS[:1], ("Broken", "x", "SECRETWITH1AND8"), ("Odd", "y", "ftp://nope"),
             ("Lost", "z", "otpauth://totp/Lost?issuer=Lost")]
    result = import_bytes(MAKERS[format_name](items))
    assert [a.issuer for a in result.accounts] == ["GitHub"]
    reasons = [p.description for p in result.problems]
    assert len(reasons) == 3
    assert "(Broken): a key uses only the letters A-Z and the digits 2-7" in reasons[0]
    assert "(Odd)" in reasons[1] and "(Lost)" in reasons[2]
    assert not any("SECRETWITH1AND8" in r for r in reasons)


def test_encrypted_bitwarden_export_is_refused_with_advice():
    data = json.dumps({"encrypted": True, "passwordProtected": True, "salt": "c2FsdA==",
                       "kdfType": 0, "kdfIterations": 600000,
                       "encKeyValidation_DO_NOT_EDIT": "2.abc|def|ghi",
                       "data": "2.abc|def|ghi"}).encode()
    assert detect_format(data).name == "bitwarden"
    with pytest.raises(ImportFailed, match="unencrypted JSON or CSV"):
        import_bytes(data, password="anything")


def test_bitwarden_folder_and_favorite_become_tag_and_star():
    doc = json.loads(writers.make_bitwarden_json(ITEMS[:1]))
    doc["items"][0]["favorite"] = True
    account = import_bytes(json.dumps(doc).encode()).accounts[0]
    assert (account.favorite, account.tags) == (True, ("Work",))
