"""What the app answers: unpaired, locked, bound, several bound, unbound, look-alike, HOTP."""

from __future__ import annotations

from typing import Any

import pytest

from authenticator.browser.pairing import Pairing
from authenticator.browser.service import Request, decide, parse_request
from authenticator.core.account import Account, OtpKind
from authenticator.core.otp import code_at

NOW = 1_700_000_020.0  # 20 s left in the step
PAIRED = Pairing("p1", "Chromium", "chrome-extension://x/", "h", 0.0)
PORTAL = Account(secret=b"12345678901234567890", issuer="Example Portal", name="alice",
                 websites=("portal.example.com",))
SECOND = Account(secret=b"abcdefghijabcdefghij", issuer="Example Portal", name="admin",
                 websites=("example.com",))
HOTP = Account(secret=b"zzzzzzzzzzzzzzzzzzzz", issuer="Old", kind=OtpKind.HOTP,
               websites=("old.test",))
ACME = Account(secret=b"qqqqqqqqqqqqqqqqqqqq", issuer="ACME")


def fill(url: str, **extra: Any) -> Request:
    return Request(kind="fill", id=1, key="k", url=url, **extra)


def run(request: Request, accounts: list[Account] | None = None, **kw: Any) -> Any:
    kw.setdefault("pairing", PAIRED)
    kw.setdefault("unlocked", True)
    return decide(request, accounts=[PORTAL, HOTP, ACME] if accounts is None else accounts,
                  now=NOW, **kw)


def test_a_bound_site_gets_the_code() -> None:
    decision = run(fill("https://login.portal.example.com/2fa"))
    assert decision.action == "reply"
    assert decision.reply == {"status": "ok", "code": code_at(PORTAL, NOW),
                              "account": PORTAL.label, "digits": 6}


@pytest.mark.parametrize(("request_", "kw", "action", "status"), [
    (fill("https://portal.example.com/"), {"pairing": None}, "reply", "unpaired"),
    (Request(kind="pair", id=1), {"pairing": None}, "pair", None),
    (Request(kind="pair", id=1), {"pairing": None, "pairing_denied": True}, "reply", "denied"),
    (Request(kind="pair", id=1), {}, "reply", "paired"),
    (Request(kind="ping", id=1), {"pairing": None}, "reply", "ok"),
    (fill("https://portal.example.com/"), {"unlocked": False}, "unlock", None),
    (Request(kind="codes", id=1, url="https://portal.example.com/"), {"unlocked": False},
     "reply", "locked"),
    (fill("http://portal.example.com/"), {}, "reply", "refused"),
    (fill("https://portal.example.com.evil.test/"), {}, "reply", "refused"),
    (fill("https://old.test/"), {}, "choose", None),  # HOTP accounts are never filled
    (fill("https://acme.org/"), {}, "choose", None),
    (fill("https://portal.example.com/"), {"ask_before_fill": True}, "confirm", None),
    (fill("https://portal.example.com/", account=ACME.id), {}, "reply", "refused"),
    (Request(kind="unlock", id=1), {}, "raise", "ok"),
])
def test_decisions(request_: Request, kw: dict[str, Any], action: str,
                   status: str | None) -> None:
    decision = run(request_, **kw)
    assert decision.action == action
    if status is not None:
        assert decision.reply["status"] == status
    assert "code" not in decision.reply or decision.reply["status"] == "ok"


def test_a_lookalike_is_refused_without_asking() -> None:
    decision = run(fill("https://portal.example.com.evil.test/login"))
    assert decision.reply["reason"] == "lookalike"
    assert "portal.example.com" in decision.reply["error"]


def test_an_unbound_site_asks_with_likely_accounts_first_and_remembers() -> None:
    decision = run(fill("https://sso.acme.org/"))
    assert decision.action == "choose" and decision.remember
    assert decision.accounts[0] is ACME
    assert HOTP not in decision.accounts


def test_two_bound_accounts_ask_which_without_rebinding() -> None:
    decision = run(fill("https://portal.example.com/"), [PORTAL, SECOND])
    assert decision.action == "choose" and not decision.remember
    assert decision.accounts == [PORTAL, SECOND]
    chosen = run(fill("https://portal.example.com/", account=SECOND.id), [PORTAL, SECOND])
    assert chosen.reply["code"] == code_at(SECOND, NOW)


def test_the_popup_lists_codes_and_countdowns() -> None:
    decision = run(Request(kind="codes", id=1, key="k", url="https://portal.example.com/"))
    entry = decision.reply["accounts"][0]
    assert entry == {"id": PORTAL.id, "label": PORTAL.label, "code": code_at(PORTAL, NOW),
                     "remaining": 20.0, "period": 30}
    lookalike = run(Request(kind="codes", id=1, key="k", url="https://examp1e.com/"))
    assert lookalike.reply["accounts"] == []
    assert lookalike.reply["lookalike"] == "portal.example.com"
    mixed = run(Request(kind="codes", id=1, key="k", url="https://xn--pypal-4ve.com/"))
    assert mixed.reply["mixed_scripts"] == ["CYRILLIC", "LATIN"]


def test_copy_needs_an_account_bound_to_the_site() -> None:
    ok = run(Request(kind="copy", id=1, key="k", url="https://portal.example.com/",
                     account=PORTAL.id))
    assert ok.action == "copy" and ok.accounts == [PORTAL]
    assert run(Request(kind="copy", id=1, key="k", url="https://acme.org/",
                       account=ACME.id)).reply["status"] == "refused"


@pytest.mark.parametrize("envelope", [
    {}, {"message": 5}, {"message": {"type": "steal"}}, {"message": {"type": ["fill"]}},
])
def test_malformed_envelopes(envelope: dict[str, Any]) -> None:
    assert isinstance(parse_request(envelope), str)


def test_hostile_fields_are_dropped() -> None:
    request = parse_request({"origin": "o" * 500, "message": {
        "type": "fill", "id": {"x": 1}, "key": 5, "url": "u" * 10_000, "trigger": "evil",
        "account": ["a"], "browser": "b" * 300}})
    assert isinstance(request, Request)
    assert request.id is None and request.key is None and request.url is None
    assert request.trigger == "auto" and request.account is None
    assert request.origin == "" and request.browser == ""


def test_a_site_the_user_said_is_not_for_any_account() -> None:
    decision = run(fill("https://login.shop.test/"), ignored=frozenset({"shop.test"}))
    assert decision.reply["reason"] == "ignored"
    bound = run(fill("https://portal.example.com/"), ignored=frozenset({"example.com"}))
    assert bound.reply["status"] == "ok"  # a binding wins
