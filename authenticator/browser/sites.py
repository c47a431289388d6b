"""Which site asks for a code, and which accounts belong to it.

Matching is by registrable domain ("eTLD+1", from the public suffix list shipped offline by
the ``publicsuffixlist`` package): ``login.example.co.uk`` matches a binding to
``example.co.uk``; ``example.co.uk.evil.com`` does not (its registrable domain is
``evil.com``). Host names are kept in ASCII (punycode), the form browsers put in URLs, so a
Cyrillic "а" can never pass for a Latin "a". Plain http is refused except on loopback, and
a frame must be on the same site as its page and be bound itself.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:
    from authenticator.core.account import Account

_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_psl: Any = None


class SiteError(AuthenticatorError, ValueError):
    """A web address or domain that cannot be used (the message says why). Kinds: ``empty``,
    ``idna``, ``characters``, ``public-suffix`` (field ``host``), ``too-long``, ``malformed``,
    ``scheme``, ``no-host``."""


class Refused(AuthenticatorError):
    """A request we answer with nothing; ``reason`` is a stable code for the extension."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _list() -> Any:
    global _psl
    if _psl is None:
        from publicsuffixlist import PublicSuffixList  # ~50 ms: only when first needed

        _psl = PublicSuffixList()
    return _psl


@dataclass(frozen=True)
class Site:
    scheme: str
    host: str  # ASCII (punycode), lower case, no trailing dot; IPv6 without brackets
    port: int | None = None

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}" + (f":{self.port}" if self.port else "")


# -- host names -----------------------------------------------------------------------------
def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    if is_ip(host):
        return ipaddress.ip_address(host).is_loopback
    return host == "localhost" or host.endswith(".localhost")


def to_ascii(host: str) -> str:
    """``Portal.Example.COM.`` -> ``portal.example.com``; Unicode labels -> punycode."""
    text = host.strip().rstrip(".").lower()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if not text:
        raise SiteError("the domain is empty", kind="empty")
    if is_ip(text):
        return ipaddress.ip_address(text).compressed
    if not text.isascii():
        try:
            text = text.encode("idna").decode("ascii")
        except (UnicodeError, ValueError):
            raise SiteError("the domain is not a valid international name", kind="idna") from None
    labels = text.split(".")
    if len(text) > 253 or not all(_LABEL.match(label) for label in labels):
        raise SiteError("the domain contains characters a host name cannot have", kind="characters")
    return text


def registrable_domain(host: str) -> str | None:
    """The part of ``host`` one owner controls (``example.co.uk``); an IP address or a
    loopback name stands for itself; None for a public suffix (``co.uk``, ``github.io``)."""
    if is_ip(host) or is_loopback(host):
        return host
    result = _list().privatesuffix(host)
    return str(result) if result else None


def normalize_site(text: str) -> str:
    """What a user typed (``https://Portal.example.com/login``, ``portal.example.com``) ->
    the ASCII host name stored in an account's websites."""
    raw = text.strip()
    if "://" in raw:
        return parse_url(raw).host
    host = raw.split("/", 1)[0]
    if host.count(":") == 1:  # host:port
        host = host.split(":", 1)[0]
    ascii_host = to_ascii(host)
    if registrable_domain(ascii_host) is None:
        raise SiteError(f"{ascii_host} is a public suffix shared by many sites: give the "
                        "site's own domain", kind="public-suffix", host=ascii_host)
    return ascii_host


def parse_url(url: str) -> Site:
    if not isinstance(url, str) or len(url) > 8192:
        raise SiteError("the web address is missing or too long", kind="too-long")
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        raise SiteError("the web address is malformed", kind="malformed") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SiteError("only http and https web addresses have sites", kind="scheme")
    if not host:
        raise SiteError("the web address has no host", kind="no-host")
    return Site(scheme, to_ascii(host), port)


# -- requests ---------------------------------------------------------------------------------
def check_request(url: str, top_url: str | None = None) -> Site:
    """The site a code request comes from, or :class:`Refused`.

    ``url`` is the frame's own address as the browser reports it; ``top_url`` the page's
    when the request comes from a frame inside it.
    """
    try:
        site = parse_url(url)
    except SiteError as exc:
        raise Refused("bad-url", str(exc)) from None
    if site.scheme != "https" and not is_loopback(site.host):
        raise Refused("insecure", f"{site.host} is not using https: codes are only given to "
                                  "secure pages")
    domain = registrable_domain(site.host)
    if domain is None:
        raise Refused("public-suffix", f"{site.host} is a public suffix, not a site")
    if top_url is not None and top_url != url:
        try:
            top = parse_url(top_url)
        except SiteError:
            raise Refused("cross-site-frame", "the page around the frame has no site") from None
        if registrable_domain(top.host) != domain:
            raise Refused("cross-site-frame",
                          f"a frame from {site.host} inside a page from {top.host}")
    return site


def same_site(host: str, binding: str) -> bool:
    try:
        mine, theirs = registrable_domain(host), registrable_domain(normalize_site(binding))
    except SiteError:
        return False
    return mine is not None and mine == theirs


def bound_accounts(host: str, accounts: Iterable[Account]) -> list[Account]:
    """Accounts with a website on the same registrable domain as ``host``."""
    return [a for a in accounts if any(same_site(host, w) for w in a.websites)]


def likely_accounts(host: str, accounts: Sequence[Account]) -> list[Account]:
    """All accounts, those whose issuer or name resembles the site's name first."""
    domain = registrable_domain(host) or host
    name = domain.split(".")[0]

    def score(account: Account) -> int:
        words = re.split(r"[^a-z0-9]+", f"{account.issuer} {account.name}".casefold())
        if name in words:
            return 0
        return 1 if any(w and (w in name or name in w) for w in words if len(w) > 2) else 2

    return sorted(accounts, key=score)


# -- what the user sees -------------------------------------------------------------------
@dataclass(frozen=True)
class HostDisplay:
    ascii: str  # what we show first: the punycode form, which cannot deceive
    unicode: str  # the decoded form ("" when it is the same)
    mixed_scripts: tuple[str, ...]  # scripts mixed inside one label ("CYRILLIC", "LATIN")


_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "CJK": "CJK", "HANGUL": "CJK"}


def scripts_of(text: str) -> set[str]:
    found = set()
    for ch in text:
        if ch.isalpha():
            word = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            found.add(_SCRIPT_GROUPS.get(word, word))
    return found


def unicode_host(host: str) -> str:
    if "xn--" not in host:
        return host
    try:
        return host.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return host


def display_host(host: str) -> HostDisplay:
    decoded = unicode_host(host)
    mixed: set[str] = set()
    for label in decoded.split("."):
        scripts = scripts_of(label)
        if len(scripts) > 1:
            mixed |= scripts
    return HostDisplay(host, decoded if decoded != host else "", tuple(sorted(mixed)))


def describe_host(host: str) -> str:
    """One line for the command line: ``xn--... (unicode; mixes CYRILLIC and LATIN)``."""
    shown = display_host(host)
    extra = [shown.unicode] if shown.unicode else []
    if shown.mixed_scripts:
        extra.append("warning: mixes " + " and ".join(shown.mixed_scripts) + " letters")
    return shown.ascii + (f" ({'; '.join(extra)})" if extra else "")


# -- look-alikes ------------------------------------------------------------------------------
_CONFUSABLE = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ԁ": "d", "ѕ": "s", "ԛ": "q", "ɡ": "g", "ο": "o", "ν": "v", "α": "a",
    "ι": "i", "κ": "k", "τ": "t", "ρ": "p", "0": "o", "1": "l", "ӏ": "l", "_": "-",
})


def skeleton(label: str) -> str:
    text = unicodedata.normalize("NFKC", unicode_host(label)).casefold().translate(_CONFUSABLE)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    return text.replace("rn", "m").replace("vv", "w").replace("i", "l")


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def lookalike_of(host: str, bound: Iterable[str]) -> str | None:
    """The bound website that ``host`` imitates, if any: it embeds the bound domain
    (``example.com.evil.test``), swaps the public suffix (``example.co``), or spells the
    name with confusable or one changed letter (``examp1e.com``, ``еxample.com``)."""
    domain = registrable_domain(host)
    if domain is None or is_ip(host):
        return None
    labels = host.split(".")
    name = skeleton(domain.split(".")[0])
    for website in bound:
        try:
            theirs = registrable_domain(to_ascii(website))
        except SiteError:
            continue
        if not theirs or theirs == domain or is_ip(theirs):
            continue
        their_labels = theirs.split(".")
        n = len(their_labels)
        if any(labels[i:i + n] == their_labels for i in range(len(labels) - n + 1)):
            return website
        their_name = skeleton(their_labels[0])
        if len(their_name) < 4:
            continue  # "x.com" vs "y.com": too short to say one imitates the other
        if name == their_name or (len(their_name) >= 5 and _one_edit_apart(name, their_name)):
            return website
        if any(their_name in re.split(r"-+", skeleton(label)) for label in labels[:-1]):
            return website
    return None
