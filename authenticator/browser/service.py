"""What the app answers to each request from the extension: pure decisions, no Qt.

The app side (``ui/browser``) turns a :class:`Decision` into a reply at once or after the
user answered a question (pair this browser? which account? fill now?) or unlocked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from authenticator.browser import sites
from authenticator.browser.pairing import Pairing
from authenticator.core.account import Account
from authenticator.core.otp import code_at, seconds_left

KINDS = ("ping", "pair", "fill", "codes", "copy", "unlock")
TRIGGERS = ("auto", "button", "shortcut", "popup")


@dataclass(frozen=True)
class Request:
    kind: str
    id: int | str | None
    origin: str = ""
    key: str | None = None
    url: str | None = None
    top: str | None = None
    trigger: str = "auto"
    account: str | None = None
    browser: str = ""


def _short(value: Any, limit: int = 8192) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= limit else None


def parse_request(envelope: dict[str, Any]) -> Request | str:
    """The host's envelope ``{"origin": ..., "message": {...}}`` -> a request, or why not."""
    message = envelope.get("message")
    if not isinstance(message, dict):
        return "no message"
    kind = message.get("type")
    if kind not in KINDS:
        return "unknown request type"
    request_id = message.get("id")
    if not ((isinstance(request_id, int) and not isinstance(request_id, bool)
             and 0 <= request_id < 2**53) or _short(request_id, 64)):
        request_id = None
    trigger = message.get("trigger")
    return Request(
        kind=str(kind), id=request_id, origin=_short(envelope.get("origin"), 200) or "",
        key=_short(message.get("key"), 256), url=_short(message.get("url")),
        top=_short(message.get("top")),
        trigger=trigger if trigger in TRIGGERS else "auto",
        account=_short(message.get("account"), 64),
        browser=(_short(message.get("browser"), 100) or "").strip())


@dataclass
class Decision:
    """``action``: ``reply`` (send ``reply`` now), ``pair`` (ask to allow the browser),
    ``unlock`` (wait for the vault), ``choose`` (ask which account; ``remember`` binds the
    site), ``confirm`` (ask before filling ``accounts[0]``), ``copy`` (copy
    ``accounts[0]``'s code, then reply), ``raise`` (show the window, then reply)."""

    action: str
    reply: dict[str, Any] = field(default_factory=dict)
    site: sites.Site | None = None
    accounts: list[Account] = field(default_factory=list)
    remember: bool = False


def reply(status: str, **extra: Any) -> Decision:
    return Decision("reply", {"status": status, **extra})


def code_reply(account: Account, now: float) -> dict[str, Any]:
    return {"status": "ok", "code": code_at(account, now), "account": account.label,
            "digits": account.digits}


def entry(account: Account, now: float) -> dict[str, Any]:
    return {"id": account.id, "label": account.label, "code": code_at(account, now),
            "remaining": round(seconds_left(now, account.period), 1), "period": account.period}


def decide(request: Request, *, pairing: Pairing | None, unlocked: bool,
           accounts: list[Account], now: float, ask_before_fill: bool = False,
           pairing_denied: bool = False, ignored: frozenset[str] = frozenset()) -> Decision:
    """``ignored``: registrable domains the user said are not for any account."""
    if request.kind == "ping":
        return reply("ok", paired=pairing is not None)
    if request.kind == "pair":
        if pairing is not None:
            return reply("paired")
        return reply("denied") if pairing_denied else Decision("pair")
    if pairing is None:
        return reply("unpaired", error="this browser is not paired with Authenticator")
    if request.kind == "unlock":
        return Decision("raise", {"status": "ok"})
    try:
        site = sites.check_request(request.url or "", request.top)
    except sites.Refused as exc:
        return reply("refused", reason=exc.reason, error=str(exc))
    if not unlocked:
        if request.kind == "fill":
            return Decision("unlock", site=site)
        return reply("locked", error="Authenticator is locked")
    usable = [a for a in accounts if a.is_time_based]
    bound = sites.bound_accounts(site.host, usable)
    if request.kind == "codes":
        shown = sites.display_host(site.host)
        note = None
        if not bound:
            note = sites.lookalike_of(site.host, [w for a in usable for w in a.websites])
        return reply("ok", site=shown.ascii, unicode=shown.unicode,
                     mixed_scripts=list(shown.mixed_scripts), lookalike=note,
                     accounts=[entry(a, now) for a in bound])
    if request.account is not None:
        bound = [a for a in bound if a.id == request.account]
        if not bound:
            return reply("refused", reason="not-bound",
                         error="that account is not bound to this site")
    if request.kind == "copy":
        return Decision("copy", {"status": "ok"}, site, bound[:1]) if request.account else \
            reply("refused", reason="not-bound", error="no account given")
    if len(bound) == 1:
        if ask_before_fill:
            return Decision("confirm", site=site, accounts=bound)
        return Decision("reply", code_reply(bound[0], now), site, bound)
    if len(bound) > 1:
        return Decision("choose", site=site, accounts=bound)
    imitated = sites.lookalike_of(site.host, [w for a in usable for w in a.websites])
    if imitated is not None:
        return Decision("reply", {"status": "refused", "reason": "lookalike",
                                  "error": f"{site.host} looks like {imitated}"}, site)
    if sites.registrable_domain(site.host) in ignored:
        return Decision("reply", {"status": "refused", "reason": "ignored",
                                  "error": "you said no account is for this site"}, site)
    if not usable:
        return reply("refused", reason="no-account", error="the vault has no time-based account")
    return Decision("choose", site=site, accounts=sites.likely_accounts(site.host, usable),
                    remember=True)
