"""``authenticator sites list|add|remove``: bindings kept in the vault, bad input one line."""

from __future__ import annotations

import json

from authenticator.cli import main
from authenticator.core.account import Account
from authenticator.storage.vault import Vault
from tests.helpers.cli import PASSWORD


def _add(vault_path, issuer: str) -> None:
    with Vault.open(vault_path, PASSWORD) as vault:
        vault.add(Account(secret=b"12345678901234567890", issuer=issuer, name="alice"))
        vault.save()


def test_add_list_remove(vault, capsys) -> None:
    _add(vault, "Example Portal")
    assert main(["sites", "list"]) == 0
    assert "no account is bound" in capsys.readouterr().err
    assert main(["sites", "add", "portal", "https://Portal.Example.com/login"]) == 0
    assert "now fills codes on portal.example.com" in capsys.readouterr().err
    assert main(["sites", "add", "portal", "portal.example.com"]) == 0  # no duplicate
    assert main(["sites", "add", "portal", "xn--pypal-4ve.com"]) == 0
    capsys.readouterr()
    assert main(["sites", "list"]) == 0
    out = capsys.readouterr().out
    assert out == ("Example Portal (alice): portal.example.com, xn--pypal-4ve.com (pаypal.com; "
                   "warning: mixes CYRILLIC and LATIN letters)\n")
    assert main(["sites", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["websites"] == ["portal.example.com", "xn--pypal-4ve.com"]
    assert "secret" not in listed[0]
    assert main(["sites", "remove", "portal", "PORTAL.example.com"]) == 0
    with Vault.open(vault, PASSWORD) as v:
        assert v.accounts[0].websites == ("xn--pypal-4ve.com",)


def test_bad_input_is_one_error_line(vault, capsys) -> None:
    _add(vault, "Example Portal")
    for args, message in (
            (["sites", "add", "portal", "co.uk"], "error: co.uk is a public suffix"),
            (["sites", "add", "portal", "exa mple.com"], "error: the domain contains"),
            (["sites", "add", "nobody", "example.com"], "error: no account matches"),
            (["sites", "remove", "portal", "example.com"], "error: Example Portal (alice) is not "
                                                           "bound to example.com")):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.startswith(message) and "Traceback" not in err and err.count("\n") == 1


def test_websites_survive_the_vault_and_old_readers_ignore_them(vault) -> None:
    _add(vault, "Example Portal")
    assert main(["sites", "add", "portal", "portal.example.com"]) == 0
    with Vault.open(vault, PASSWORD) as v:
        account = v.accounts[0]
    data = account.to_storage_json()
    assert data["websites"] == ["portal.example.com"]
    assert Account.from_storage_json(data).websites == ("portal.example.com",)
    # A tolerant reader: odd shapes written by another version are dropped, not fatal.
    for odd in ("portal.example.com", [1, None, "ok.test", "ok.test"], {"a": 1}, None):
        assert Account.from_storage_json({**data, "websites": odd}).websites in (
            (), ("ok.test",))
    plain = Account(secret=b"12345678901234567890", issuer="X")
    assert "websites" not in plain.to_storage_json()  # unchanged for accounts without any
