"""The browser extension's app side: answers requests from the native host.

Requests come over :class:`BrowserServer`; :func:`authenticator.browser.service.decide`
says what to do; this class does it: reply at once, ask the user (pair this browser? which
account? fill now?), or wait for the vault to be unlocked. It keeps the list of recent
fills the user can look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from authenticator.browser import protocol
from authenticator.browser.pairing import PairingStore, default_path
from authenticator.core import options
from authenticator.ui.browser.server import BrowserServer

# What answers a request (the decisions, the sites, the dialogs) loads with the first
# request or the first look at the settings, not with the app: start-up only listens.
if TYPE_CHECKING:
    from authenticator.browser.service import Decision, Request
    from authenticator.ui.browser.dialogs import FillRecord
    from authenticator.ui.host import Host

UNLOCK_WAIT = 120.0  # seconds a fill waits for the vault to be unlocked
DENIED_QUIET = 600.0  # after "Don't allow", the same extension is not asked again for 10 min
MAX_RECENT = 100
VAULT_QUESTIONS = ("choose", "confirm")
IGNORED_SITES = options.BROWSER_IGNORED_SITES  # in the vault: sites not for any account
MAX_WAITING = 32  # questions queued or fills waiting for the unlock; beyond: "busy"


@dataclass
class Pending:
    conn: Any
    request: Request
    since: float  # monotonic


@dataclass
class Question:
    key: tuple[str, ...]
    make: Callable[[], QDialog]
    done: Callable[[QDialog, bool, list[Pending]], None]
    pending: list[Pending]
    dialog: QDialog | None = None


def _host_of(url: str | None) -> str:
    from authenticator.browser import sites

    try:
        return sites.parse_url(url or "").host
    except sites.SiteError:
        return ""


class BrowserFeature(QObject):
    def __init__(self, host: Host, store: PairingStore | None = None,
                 address: str | None = None) -> None:
        super().__init__(host.window())
        self.host = host
        self.store = store if store is not None else PairingStore(default_path())
        self.server = BrowserServer(address, self)
        self.server.received.connect(self._on_message)
        self.server.disconnected.connect(self._on_gone)
        self.recent: list[FillRecord] = []
        self.waiting_unlock: list[Pending] = []
        self.questions: list[Question] = []  # the first one is on screen
        self._denied: dict[str, float] = {}
        host.session.unlocked.connect(self._on_unlocked)
        host.session.locked.connect(self._on_locked)
        host.add_tick_hook(self._tick)
        host.add_settings_section(self._settings_section)
        self.recent_action = QAction(self.tr("Recent browser &fills…"), self)
        self.recent_action.triggered.connect(self.show_recent)
        host.add_menu_action(self.recent_action)
        self.listening = self.server.listen()

    def _settings_section(self, dialog: QDialog, _draft: Any) -> QWidget:
        from authenticator.ui.browser.settings_section import BrowserSettingsBox

        return BrowserSettingsBox(self.store, dialog)

    # -- requests ---------------------------------------------------------------------------
    def _on_message(self, conn: Any, envelope: dict[str, Any]) -> None:
        from authenticator.browser import service

        request = service.parse_request(envelope)
        if isinstance(request, str):
            message = envelope.get("message")
            request_id = message.get("id") if isinstance(message, dict) else None
            self.server.send(conn, protocol.error_reply(request, request_id))
            return
        self.handle(conn, request)

    def _reply(self, pending: Pending, reply: dict[str, Any]) -> None:
        if pending.request.id is not None:
            reply = {**reply, "id": pending.request.id}
        self.server.send(pending.conn, reply)

    def handle(self, conn: Any, request: Request) -> None:
        from authenticator.browser import service

        pending = Pending(conn, request, self.host.time.monotonic())
        pairing = self.store.check(request.key, request.origin or None)
        if pairing is not None:
            self.store.touch(pairing.id)
        session = self.host.session
        decision = service.decide(
            request, pairing=pairing, unlocked=session.is_unlocked,
            accounts=session.accounts(), now=self.host.time.now(),
            ask_before_fill=self.store.ask_before_fill,
            pairing_denied=self._recently_denied(request.origin), ignored=self._ignored())
        self._act(pending, decision)

    def _act(self, pending: Pending, decision: Decision) -> None:
        from authenticator.core.otp import code_at
        from authenticator.ui.browser.dialogs import (
            ChooseAccountDialog,
            ConfirmFillDialog,
            PairDialog,
        )

        request, action = pending.request, decision.action
        host = decision.site.host if decision.site else _host_of(request.url)
        if action == "reply":
            self._reply(pending, decision.reply)
            if request.kind == "fill":
                self._record_reply(host, decision)
        elif action in ("pair", "choose", "confirm", "unlock") and self._too_busy():
            self._reply(pending, {"status": "busy", "error": "too many requests are waiting"})
        elif action == "pair":
            self._ask(Question(("pair", request.origin),
                               lambda: PairDialog(request.browser, self.host.window()),
                               self._paired, [pending]))
        elif action == "unlock":
            self.waiting_unlock.append(pending)
            self.host.raise_window()  # shows the unlock page; the fill follows the unlock
        elif action == "choose":
            accounts, remember = decision.accounts, decision.remember
            self._ask(Question(("choose", host),
                               lambda: ChooseAccountDialog(host, accounts, remember,
                                                           self.host.window()),
                               self._chosen, [pending]))
        elif action == "confirm":
            account = decision.accounts[0]
            self._ask(Question(("confirm", host, account.id),
                               lambda: ConfirmFillDialog(host, account, self.host.window()),
                               lambda _d, ok, waiting: self._confirmed(ok, waiting, account.id),
                               [pending]))
        elif action == "copy":
            account = decision.accounts[0]
            self.host.clipboard.copy(code_at(account, self.host.time.now()))
            self.host.notify(self.tr("Copied {label} for the browser").format(
                label=account.label))
            self._reply(pending, decision.reply)
        elif action == "raise":
            self.host.raise_window()
            self._reply(pending, decision.reply)

    def _too_busy(self) -> bool:
        waiting = len(self.waiting_unlock) + sum(len(q.pending) for q in self.questions)
        return waiting >= MAX_WAITING

    def _record(self, host: str, account: str, result: str) -> None:
        from authenticator.ui.browser.dialogs import FillRecord

        self.recent.append(FillRecord(self.host.time.now(), host, account, result))
        del self.recent[:-MAX_RECENT]

    def _record_reply(self, host: str, decision: Decision) -> None:
        reply = decision.reply
        if reply.get("status") == "ok":
            self._record(host, str(reply.get("account", "")), self.tr("Filled"))
        elif reply.get("reason") == "lookalike":
            self._record(host, "", self.tr("Refused: looks like a bound site"))
            self.host.notify(self.tr("Blocked a code request from {site}: it only looks like "
                                     "one of your sites.").format(site=host), seconds=8.0)
        elif reply.get("reason") == "ignored":
            self._record(host, "", self.tr("Not for this site"))
        elif reply.get("reason") == "insecure":
            self._record(host, "", self.tr("Refused: not https"))
        elif reply.get("status") == "refused":
            self._record(host, "", self.tr("Refused"))
        elif reply.get("status") == "unpaired":
            self._record(host, "", self.tr("Refused: browser not paired"))

    # -- questions (one on screen at a time) ---------------------------------------------------
    def _ask(self, question: Question) -> None:
        for existing in self.questions:
            if existing.key == question.key:
                existing.pending.extend(question.pending)
                return
        self.questions.append(question)
        if len(self.questions) == 1:
            self._show_next()

    def _show_next(self) -> None:
        # Questions about accounts never show over a locked vault: they are dropped.
        while self.questions and not self.host.session.is_unlocked and \
                self.questions[0].key[0] in VAULT_QUESTIONS:
            for pending in self.questions.pop(0).pending:
                self._reply(pending, {"status": "cancelled"})
        if not self.questions:
            return
        question = self.questions[0]
        dialog = question.make()
        question.dialog = dialog
        dialog.finished.connect(lambda result, q=question: self._answered(q, result))
        self.host.raise_window()
        dialog.open()

    def _answered(self, question: Question, result: int) -> None:
        if question in self.questions:
            self.questions.remove(question)
        if question.dialog is not None:
            question.dialog.deleteLater()
            accepted = result == QDialog.DialogCode.Accepted.value
            question.done(question.dialog, accepted, question.pending)
        self._show_next()

    def current_question(self) -> QDialog | None:
        return self.questions[0].dialog if self.questions else None

    def _paired(self, dialog: QDialog, ok: bool, waiting: list[Pending]) -> None:
        for pending in waiting:
            request = pending.request
            if ok:
                _record, key = self.store.pair(request.browser, request.origin)
                self._reply(pending, {"status": "paired", "key": key})
            else:
                if getattr(dialog, "declined", False):  # "Don't allow", not closed by a lock
                    self._denied[request.origin] = self.host.time.monotonic()
                self._reply(pending, {"status": "denied"})

    def _ignored(self) -> frozenset[str]:
        return frozenset(self.host.settings.get(IGNORED_SITES))  # () while locked

    def _recently_denied(self, origin: str) -> bool:
        when = self._denied.get(origin)
        return when is not None and self.host.time.monotonic() - when < DENIED_QUIET

    def _chosen(self, dialog: QDialog, ok: bool, waiting: list[Pending]) -> None:
        from authenticator.browser import sites
        from authenticator.ui.browser.dialogs import ChooseAccountDialog

        assert isinstance(dialog, ChooseAccountDialog)
        session = self.host.session
        account = session.get(dialog.chosen_id() or "") if ok else None
        if dialog.never and session.is_unlocked:
            domain = sites.registrable_domain(dialog.host) or dialog.host
            ignored = self._ignored()
            if len(domain) <= IGNORED_SITES.max_length and len(ignored) < IGNORED_SITES.max_items:
                self.host.settings.set(IGNORED_SITES, tuple(sorted(ignored | {domain})))  # saved
            for pending in waiting:
                self._reply(pending, {"status": "refused", "reason": "ignored"})
                self._record(dialog.host, "", self.tr("Not for this site"))
            return
        if account is None:
            for pending in waiting:
                self._reply(pending, {"status": "cancelled"})
                self._record(dialog.host, "", self.tr("Cancelled"))
            return
        if dialog.remember.isChecked() and dialog.host not in account.websites:
            account = account.evolve(websites=(*account.websites, dialog.host))
            session.update(account)
        for pending in waiting:
            self._send_code(pending, dialog.host, account.id)

    def _confirmed(self, ok: bool, waiting: list[Pending], account_id: str) -> None:
        for pending in waiting:
            if ok:
                self._send_code(pending, "", account_id)
            else:
                self._reply(pending, {"status": "cancelled"})

    def _send_code(self, pending: Pending, host: str, account_id: str) -> None:
        from authenticator.browser import service

        account = self.host.session.get(account_id)
        if account is None:  # locked or deleted meanwhile
            self._reply(pending, {"status": "cancelled"})
            return
        self._reply(pending, service.code_reply(account, self.host.time.now()))
        site = host or _host_of(pending.request.url)
        self._record(site, account.label, self.tr("Filled"))

    # -- life cycle ---------------------------------------------------------------------------
    def _on_unlocked(self) -> None:
        waiting, self.waiting_unlock = self.waiting_unlock, []
        for pending in waiting:
            self.handle(pending.conn, pending.request)

    def _on_locked(self) -> None:
        shown = self.current_question()
        if shown is not None and self.questions[0].key[0] in VAULT_QUESTIONS:
            shown.reject()  # _answered then drops the queued account questions too
        else:
            self._drop_vault_questions()

    def _drop_vault_questions(self) -> None:
        for question in [q for q in self.questions[1:] if q.key[0] in VAULT_QUESTIONS]:
            self.questions.remove(question)
            for pending in question.pending:
                self._reply(pending, {"status": "cancelled"})

    def _on_gone(self, conn: Any) -> None:
        self.waiting_unlock = [p for p in self.waiting_unlock if p.conn is not conn]
        for question in list(self.questions):
            question.pending = [p for p in question.pending if p.conn is not conn]
            if not question.pending:
                if question.dialog is not None:
                    question.dialog.reject()  # nobody waits for the answer any more
                elif question in self.questions:
                    self.questions.remove(question)

    def _tick(self) -> None:
        now = self.host.time.monotonic()
        expired = [p for p in self.waiting_unlock if now - p.since > UNLOCK_WAIT]
        for pending in expired:
            self.waiting_unlock.remove(pending)
            self._reply(pending, {"status": "locked", "error": "Authenticator stayed locked"})

    def show_recent(self) -> None:
        from authenticator.ui.browser.dialogs import RecentFillsDialog

        RecentFillsDialog(self.recent, self.host.window()).exec()

    def close(self) -> None:
        self.server.close()
