"""The matching rules as tables: registrable domains, punycode, http, frames, look-alikes."""

from __future__ import annotations

import pytest

from authenticator.browser import sites
from authenticator.core.account import Account

# (request host, bound website, same site?)
MATCHES = [
    ("login.example.co.uk", "example.co.uk", True),
    ("example.co.uk", "login.example.co.uk", True),  # a binding stands for its whole site
    ("example.co.uk.evil.com", "example.co.uk", False),
    ("evil-example.co.uk", "example.co.uk", False),
    ("example.com", "example.co.uk", False),
    ("portal.example.com", "Portal.Example.COM.", True),  # case and trailing dot
    ("a.b.c.example.com", "example.com", True),
    ("alice.github.io", "bob.github.io", False),  # a private public suffix: different owners
    ("alice.github.io", "alice.github.io", True),
    ("co.uk", "co.uk", False),  # a public suffix is nobody's site
    ("127.0.0.1", "127.0.0.1", True),
    ("127.0.0.2", "127.0.0.1", False),
    ("localhost", "localhost", True),
    ("xn--80ak6aa92e.com", "xn--80ak6aa92e.com", True),
    ("xn--80ak6aa92e.com", "apple.com", False),  # Cyrillic "аррӏе" is not apple
    ("xn--80ak6aa92e.com", "аррӏе.com", True),  # the Unicode form of the same name
    ("example.com", "https://www.example.com/login?x=1", True),
    ("example.com", "not a domain", False),
]


@pytest.mark.parametrize(("host", "binding", "expected"), MATCHES)
def test_same_site(host: str, binding: str, expected: bool) -> None:
    assert sites.same_site(host, binding) is expected


# (url, top url or None, refusal reason or None when allowed)
REQUESTS = [
    ("https://portal.example.com/login", None, None),
    ("http://portal.example.com/login", None, "insecure"),
    ("http://127.0.0.1:8080/login", None, None),
    ("http://127.8.9.10/login", None, None),
    ("http://localhost:3000/", None, None),
    ("http://app.localhost/", None, None),
    ("http://[::1]:8000/", None, None),
    ("http://192.168.1.10/", None, "insecure"),  # a LAN address is not loopback
    ("http://localhost.evil.com/", None, "insecure"),
    ("ftp://example.com/", None, "bad-url"),
    ("javascript:alert(1)", None, "bad-url"),
    ("file:///etc/passwd", None, "bad-url"),
    ("https://", None, "bad-url"),
    ("https://exa mple.com/", None, "bad-url"),
    ("https://example.com:99999/", None, "bad-url"),
    ("https://co.uk/", None, "public-suffix"),
    # frames: the frame's own origin is what counts, and it must be the page's site
    ("https://login.example.com/f", "https://www.example.com/page", None),
    ("https://evil.test/f", "https://www.example.com/page", "cross-site-frame"),
    ("https://www.example.com/f", "https://evil.test/page", "cross-site-frame"),
    ("https://www.example.com/f", "not a url", "cross-site-frame"),
]


@pytest.mark.parametrize(("url", "top", "reason"), REQUESTS)
def test_check_request(url: str, top: str | None, reason: str | None) -> None:
    if reason is None:
        assert sites.check_request(url, top).host
    else:
        with pytest.raises(sites.Refused) as info:
            sites.check_request(url, top)
        assert info.value.reason == reason


@pytest.mark.parametrize(("text", "expected"), [
    ("portal.example.com", "portal.example.com"),
    ("  https://Portal.Example.com:8443/login  ", "portal.example.com"),
    ("portal.example.com/login", "portal.example.com"),
    ("portal.example.com:8443", "portal.example.com"),
    ("bücher.example", "xn--bcher-kva.example"),
    ("127.0.0.1", "127.0.0.1"),
    ("[::1]", "::1"),
])
def test_normalize_site(text: str, expected: str) -> None:
    assert sites.normalize_site(text) == expected


@pytest.mark.parametrize("text", ["", "co.uk", "github.io", "exa mple.com", "-bad-.com",
                                  "a" * 64 + ".com", "ftp://example.com", "x..y"])
def test_normalize_site_refuses(text: str) -> None:
    with pytest.raises(sites.SiteError):
        sites.normalize_site(text)


@pytest.mark.parametrize(("host", "unicode", "mixed"), [
    ("example.com", "", ()),
    ("xn--bcher-kva.example", "bücher.example", ()),
    ("xn--80ak6aa92e.com", "аррӏе.com", ()),  # all Cyrillic: one script, still shown decoded
    ("xn--pypal-4ve.com", "pаypal.com", ("CYRILLIC", "LATIN")),  # Cyrillic "а" among Latin
    ("xn--wgv71a119e.jp", "日本語.jp", ()),
])
def test_display_shows_punycode_and_warns_on_mixed_scripts(host: str, unicode: str,
                                                           mixed: tuple[str, ...]) -> None:
    shown = sites.display_host(host)
    assert shown.ascii == host
    assert shown.unicode == unicode
    assert shown.mixed_scripts == mixed


def test_describe_host_for_the_command_line() -> None:
    assert sites.describe_host("example.com") == "example.com"
    assert sites.describe_host("xn--pypal-4ve.com") == (
        "xn--pypal-4ve.com (pаypal.com; warning: mixes CYRILLIC and LATIN letters)")


# (request host, bound websites, imitated website or None)
LOOKALIKES = [
    ("portal.example.com.evil.test", ["portal.example.com"], "portal.example.com"),
    ("example.co.uk.evil.com", ["example.co.uk"], "example.co.uk"),
    ("example.co", ["example.com"], "example.com"),
    ("examp1e.com", ["example.com"], "example.com"),
    ("exampel.com", ["example.com"], "example.com"),  # swapped letters
    ("xn--xample-2of.com", ["example.com"], "example.com"),  # Cyrillic е
    ("paypa1.com", ["paypal.com"], "paypal.com"),
    ("example-login.net", ["example.com"], "example.com"),
    ("login.example.com", ["example.com"], None),  # the same site is no look-alike
    ("acme.org", ["example.com"], None),
    ("x.org", ["y.com"], None),
    ("127.0.0.1", ["example.com"], None),
]


@pytest.mark.parametrize(("host", "bound", "expected"), LOOKALIKES)
def test_lookalikes(host: str, bound: list[str], expected: str | None) -> None:
    assert sites.lookalike_of(host, bound) == expected


def _account(issuer: str, *websites: str) -> Account:
    return Account(secret=b"0123456789", issuer=issuer, name="me", websites=websites)


def test_bound_and_likely_accounts() -> None:
    portal = _account("Example Portal", "portal.example.com")
    bank = _account("Bank", "bank.test")
    acme = _account("ACME Corp")
    assert sites.bound_accounts("login.example.com", [portal, bank, acme]) == [portal]
    assert sites.bound_accounts("example.com.evil.test", [portal, bank, acme]) == []
    assert sites.likely_accounts("sso.acme.org", [portal, bank, acme])[0] is acme
