"""The browser feature, driven as a person would: the questions it asks (allow this
browser? which account? fill now?), Settings (ask before each fill, Revoke), the websites
field of the edit dialog and the list of recent fills. Requests arrive over the real local
socket, from a client speaking the native host's framing. The feature is installed alone
on a fake host (tests/helpers/fake_host.py), with the settings feature where the test
opens the settings."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel

from authenticator.browser import protocol
from authenticator.browser.pairing import PairingStore
from authenticator.core import options
from authenticator.core.account import Account
from authenticator.core.otp import code_at
from authenticator.ui import browser, settings
from authenticator.ui.browser.dialogs import (
    ChooseAccountDialog,
    ConfirmFillDialog,
    PairDialog,
    RecentFillsDialog,
)
from authenticator.ui.browser.feature import BrowserFeature
from authenticator.ui.browser.settings_section import BrowserSettingsBox
from authenticator.ui.common.account_form import EditAccountDialog
from authenticator.ui.settings.dialog import SettingsDialog
from tests.helpers.gui import on_next_modal

ORIGIN = "chrome-extension://bgdnohhekfobinafpcfklnnhffikjaam/"


class Client:
    """One native host connection to the feature's socket."""

    def __init__(self, qtbot: Any, path: str) -> None:
        self.qtbot = qtbot
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.setblocking(False)
        self.decoder = protocol.FrameDecoder()
        self.replies: list[Any] = []
        self.next_id = 1

    def send(self, **message: Any) -> int:
        message.setdefault("id", self.next_id)
        self.next_id += 1
        self.sock.sendall(protocol.encode({"origin": ORIGIN, "message": message}))
        return int(message["id"])

    def _poll(self) -> None:
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        self.replies.extend(self.decoder.feed(data))

    def reply(self, request_id: int) -> dict[str, Any]:
        found: list[dict[str, Any]] = []

        def arrived() -> bool:
            self._poll()
            found[:] = [r for r in self.replies if r.get("id") == request_id]
            return bool(found)

        self.qtbot.waitUntil(arrived, timeout=5000)
        return found[0]

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def feature(qtbot, fake_host, tmp_path: Path):
    fake_host.create_vault(qtbot)
    fake_host.session.add(Account(secret=b"12345678901234567890", issuer="Example Portal",
                               name="alice", websites=("portal.example.com",)))
    fake_host.session.add(Account(secret=b"abcdefghijabcdefghij", issuer="ACME", name="bob"))
    feat = browser.install(fake_host)  # on the test's own runtime folder
    assert feat.listening
    feat.store = PairingStore(tmp_path / "browser.json")
    yield feat
    feat.close()  # before the host goes: no connection outlives the test


@pytest.fixture
def client(qtbot, feature):
    c = Client(qtbot, feature.server.address)
    yield c
    c.close()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def question(qtbot, feature, kind: type[QDialog]) -> Any:
    qtbot.waitUntil(lambda: isinstance(feature.current_question(), kind)
                    and feature.current_question().isVisible(), timeout=5000)
    return feature.current_question()


def paired_key(qtbot, feature, client) -> str:
    rid = client.send(type="pair", browser="Chromium 156 on Linux")
    dialog = question(qtbot, feature, PairDialog)
    assert "Chromium 156 on Linux" in " ".join(label.text()
                                               for label in dialog.findChildren(QLabel))
    click(qtbot, dialog.ok_button)
    answer = client.reply(rid)
    assert answer["status"] == "paired"
    return str(answer["key"])


def portal(host) -> Account:
    return next(a for a in host.session.accounts() if a.issuer == "Example Portal")


def test_allowing_a_browser_then_filling_a_bound_site(qtbot, fake_host, feature, client) -> None:
    unpaired = client.reply(client.send(type="fill", key="x" * 43,
                                        url="https://portal.example.com/"))
    assert unpaired["status"] == "unpaired" and "code" not in unpaired
    key = paired_key(qtbot, feature, client)
    assert feature.store.pairings[0].name == "Chromium 156 on Linux"
    answer = client.reply(client.send(type="fill", key=key,
                                      url="https://login.portal.example.com/2fa"))
    assert answer["code"] == code_at(portal(fake_host), fake_host.time.now())
    assert feature.recent[-1].site == "login.portal.example.com"


def test_dont_allow_keeps_it_unpaired_and_quiet(qtbot, feature, client) -> None:
    rid = client.send(type="pair", browser="Firefox")
    click(qtbot, question(qtbot, feature, PairDialog).cancel_button)
    assert client.reply(rid)["status"] == "denied"
    assert client.reply(client.send(type="pair", browser="Firefox"))["status"] == "denied"
    assert feature.current_question() is None and feature.store.pairings == []


def test_an_unbound_site_asks_which_account_and_remembers(qtbot, fake_host, feature,
                                                          client) -> None:
    key = paired_key(qtbot, feature, client)
    rid = client.send(type="fill", key=key, url="https://sso.acme.org/login")
    dialog = question(qtbot, feature, ChooseAccountDialog)
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert labels[0] == "ACME (bob)"  # likely accounts first, by issuer
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "<b>sso.acme.org</b> wants a code. Which account is for this site?" in text
    assert "acme.org" in dialog.remember.text()
    assert dialog.remember.isChecked()
    click(qtbot, dialog.ok_button)
    acme = next(a for a in fake_host.session.accounts() if a.issuer == "ACME")
    assert client.reply(rid)["code"] == code_at(acme, fake_host.time.now())
    assert acme.websites == ("sso.acme.org",)
    again = client.reply(client.send(type="fill", key=key, url="https://www.acme.org/"))
    assert again["code"] == code_at(acme, fake_host.time.now())  # no second question


def test_cancelling_the_question_gives_nothing(qtbot, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    rid = client.send(type="fill", key=key, url="https://sso.acme.org/login")
    click(qtbot, question(qtbot, feature, ChooseAccountDialog).cancel_button)
    assert client.reply(rid) == {"status": "cancelled", "id": rid}


def test_ask_before_each_fill_from_settings(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)

    def tick_and_ok(dialog: QDialog) -> None:
        box = dialog.findChild(BrowserSettingsBox)
        # on the box itself (a check box only takes clicks on its box and its text)
        qtbot.mouseClick(box.ask, Qt.MouseButton.LeftButton, pos=QPoint(8, box.ask.height() // 2))
        assert box.ask.isChecked()
        dialog.accept()

    errors = on_next_modal(qtbot, tick_and_ok)
    settings.install(fake_host)
    fake_host.open_settings()
    assert errors == [] and feature.store.ask_before_fill
    rid = client.send(type="fill", key=key, url="https://portal.example.com/")
    click(qtbot, question(qtbot, feature, ConfirmFillDialog).cancel_button)
    assert client.reply(rid)["status"] == "cancelled"
    rid = client.send(type="fill", key=key, url="https://portal.example.com/")
    click(qtbot, question(qtbot, feature, ConfirmFillDialog).ok_button)
    assert client.reply(rid)["code"] == code_at(portal(fake_host), fake_host.time.now())


def test_revoke_in_settings(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)

    def revoke(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        box = dialog.findChild(BrowserSettingsBox)
        assert len(box.revoke_buttons) == 1
        click(qtbot, next(iter(box.revoke_buttons.values())))
        dialog.accept()

    errors = on_next_modal(qtbot, revoke)
    settings.install(fake_host)
    fake_host.open_settings()
    assert errors == []
    assert feature.store.pairings == []
    answer = client.reply(client.send(type="fill", key=key, url="https://portal.example.com/"))
    assert answer["status"] == "unpaired" and "code" not in answer


def test_a_locked_vault_fills_after_unlock(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    fake_host.lock()
    raised = fake_host.raised
    rid = client.send(type="fill", key=key, url="https://portal.example.com/")
    qtbot.waitUntil(lambda: len(feature.waiting_unlock) == 1)
    assert fake_host.raised > raised  # the window comes forward, on its unlock page
    locked = client.reply(client.send(type="codes", key=key, url="https://portal.example.com/"))
    assert locked["status"] == "locked"  # the popup says "Unlock Authenticator"
    assert not [r for r in client.replies if r.get("id") == rid]
    fake_host.unlock(qtbot)
    assert client.reply(rid)["code"] == code_at(portal(fake_host), fake_host.time.now())


def test_a_lookalike_is_refused_and_the_user_told(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    answer = client.reply(client.send(type="fill", key=key,
                                      url="https://portal.example.com.evil.test/"))
    assert answer["reason"] == "lookalike" and "code" not in answer
    assert feature.current_question() is None
    assert "only looks like" in fake_host.last_notice()


def test_recent_fills_are_listed(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    client.reply(client.send(type="fill", key=key, url="https://portal.example.com/"))
    seen: list[list[str]] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, RecentFillsDialog)
        table = dialog.table
        seen.extend([table.item(r, c).text() for c in range(1, 4)]
                    for r in range(table.rowCount()))
        dialog.reject()

    errors = on_next_modal(qtbot, read)
    feature.recent_action.trigger()
    assert errors == []
    assert seen == [["portal.example.com", "Example Portal (alice)", "Filled"]]


def test_the_edit_dialog_edits_the_websites(qtbot, fake_host, feature) -> None:
    dialog = EditAccountDialog(portal(fake_host), fake_host)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.websites.text() == "portal.example.com"
    dialog.websites.clear()
    qtbot.keyClicks(dialog.websites, "https://Portal.Example.com/login, co.uk")
    assert not dialog.save_button.isEnabled() and dialog.websites_error.isVisible()
    assert "public suffix" in dialog.websites_error.text()
    dialog.websites.clear()
    qtbot.keyClicks(dialog.websites, "https://Portal.Example.com/login, ")
    dialog.websites.insert("bücher.example")  # pasted: QTest cannot type non-ASCII keys
    assert dialog.save_button.isEnabled() and not dialog.websites_error.isVisible()
    assert dialog.result_account().websites == ("portal.example.com", "xn--bcher-kva.example")


def test_a_second_window_leaves_the_socket_to_the_first(qtbot, fake_host, feature) -> None:
    other = BrowserFeature(fake_host, feature.store, feature.server.address)
    assert not other.listening and "another" in other.server.error
    other.close()


def test_a_flood_of_requests_is_bounded(qtbot, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    ids = [client.send(type="fill", key=key, url=f"https://site{i}.test/") for i in range(40)]
    busy = client.reply(ids[-1])
    assert busy["status"] == "busy"
    assert sum(len(q.pending) for q in feature.questions) == 32
    assert len(feature.questions) == 32  # one question per site, shown one at a time


def test_copy_from_the_popup_uses_the_clearing_clipboard(qtbot, fake_host, feature,
                                                        client) -> None:
    key = paired_key(qtbot, feature, client)
    account = portal(fake_host)
    answer = client.reply(client.send(type="copy", key=key, url="https://portal.example.com/",
                                      account=account.id))
    assert answer["status"] == "ok" and "code" not in answer  # the code stays in the app
    assert fake_host.clipboard.holds_ours()
    assert fake_host.clipboard.clipboard.text() == code_at(account, fake_host.time.now())
    refused = client.reply(client.send(type="copy", key=key, url="https://evil.test/",
                                       account=account.id))
    assert refused["status"] == "refused"


def test_locking_drops_account_questions_and_is_not_a_refusal(qtbot, fake_host, feature,
                                                              client) -> None:
    key = paired_key(qtbot, feature, client)
    first = client.send(type="fill", key=key, url="https://sso.acme.org/")
    second = client.send(type="fill", key=key, url="https://other.test/")
    question(qtbot, feature, ChooseAccountDialog)
    pair = client.send(type="pair", browser="Firefox")  # queued behind the account questions
    fake_host.lock()
    assert client.reply(first)["status"] == "cancelled"
    assert client.reply(second)["status"] == "cancelled"  # never shown over the lock screen
    dialog = question(qtbot, feature, PairDialog)  # pairing needs no vault: still asked
    fake_host.lock()  # already locked: nothing more happens
    dialog.reject()  # closed, not "Don't allow": no quiet time
    assert client.reply(pair)["status"] == "denied"
    again = client.send(type="pair", browser="Firefox")
    question(qtbot, feature, PairDialog)
    assert not [r for r in client.replies if r.get("id") == again]


def test_not_for_this_site_stops_the_questions(qtbot, fake_host, feature, client) -> None:
    key = paired_key(qtbot, feature, client)
    rid = client.send(type="fill", key=key, url="https://login.shop.test/")
    click(qtbot, question(qtbot, feature, ChooseAccountDialog).never_button)
    assert client.reply(rid)["reason"] == "ignored"
    assert fake_host.session.vault.settings["browser_ignored_sites"] == ["shop.test"]
    assert fake_host.settings.get(options.BROWSER_IGNORED_SITES) == ("shop.test",)
    again = client.reply(client.send(type="fill", key=key, url="https://www.shop.test/"))
    assert again["reason"] == "ignored" and feature.current_question() is None
    assert feature.recent[-1].result == "Not for this site"
    # Binding an account to it later still works (the binding comes first).
    acme = next(a for a in fake_host.session.accounts() if a.issuer == "ACME")
    fake_host.session.update(acme.evolve(websites=("shop.test",)))
    bound = client.reply(client.send(type="fill", key=key, url="https://www.shop.test/"))
    assert bound["code"] == code_at(acme, fake_host.time.now())


def _connect_as(uid: int, path: str) -> int:
    """Fork a child that drops to ``uid``, connects to ``path`` and sends a ping; the exit
    status says what happened: 0 answered, 2 refused or closed, 3 could not connect."""
    import os

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.setgid(uid)
            os.setuid(uid)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(path)
            except OSError:
                os._exit(3)
            sock.settimeout(5)
            try:
                sock.sendall(protocol.encode({"origin": ORIGIN,
                                              "message": {"type": "ping", "id": 1}}))
                data = sock.recv(100)
            except OSError:
                os._exit(2)
            os._exit(0 if data else 2)
        finally:
            os._exit(4)
    return pid


@pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED") or __import__("os").getuid() != 0,
                    reason="needs root (to act as another user) and SO_PEERCRED (Linux)")
def test_other_users_cannot_reach_or_use_the_socket(qtbot, fake_host, feature, tmp_path) -> None:
    import os

    nobody = 65534
    pid = _connect_as(nobody, feature.server.address)  # the real folder is 0700: no entry
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 3
    # Even through a folder opened to everyone, the app closes a stranger's connection.
    import shutil
    import tempfile

    from authenticator.ui.browser.server import BrowserServer

    open_folder = Path(tempfile.mkdtemp(prefix="auth-open-", dir="/tmp"))
    server = BrowserServer(str(open_folder / "browser.sock"))
    assert server.listen()  # which closes the folder (0700) and the socket (0600)...
    os.chmod(open_folder, 0o777)  # noqa: S103 (...opened on purpose: others can reach it)
    os.chmod(server.address, 0o777)  # noqa: S103
    got: list[Any] = []
    server.received.connect(lambda conn, message: got.append(message))
    pid = _connect_as(nobody, server.address)
    status = 0

    def child_done() -> bool:
        nonlocal status
        done, status = os.waitpid(pid, os.WNOHANG)
        return done == pid
    qtbot.waitUntil(child_done, timeout=10_000)
    server.close()
    shutil.rmtree(open_folder)
    assert os.waitstatus_to_exitcode(status) == 2 and got == []
