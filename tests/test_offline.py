"""The offline promise: with the time check off (the default) the app opens no network
connection at all.

Every entry point through which the app's Python code could reach another machine is
patched to refuse non-loopback addresses and record the attempt: Python's sockets and
name resolution, and Qt's (``QAbstractSocket.connectToHost`` for ``QTcpSocket`` /
``QUdpSocket`` / ``QSslSocket``, ``QUdpSocket.writeDatagram``, ``QNetworkAccessManager``
requests, ``QHostInfo`` and ``QDnsLookup``). Patching records *what* was tried, so a
quietly swallowed failure still fails the test; a network namespace with only loopback
(``unshare -rn``) would stop the traffic but the app swallows network errors by design,
so such a test would pass even while the app tried to connect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import segno
from PySide6.QtCore import Qt, QUrl
from PySide6.QtNetwork import (
    QAbstractSocket,
    QDnsLookup,
    QHostAddress,
    QHostInfo,
    QNetworkAccessManager,
    QNetworkRequest,
    QTcpSocket,
    QUdpSocket,
)
from PySide6.QtWidgets import QFileDialog

from authenticator.core.account import Account
from authenticator.core.otp import code_at
from authenticator.portability.registry import import_file
from authenticator.scan.pipeline import scan_file
from authenticator.storage.kdf import KdfParams
from authenticator.ui.codes.model import Role
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.main_window import MainWindow
from tests.helpers.gui import T0, create_vault, on_next_modal, unlock
from tests.helpers.windows import make_window
from tests.timesync.sntp_server import FakeSntpServer

LINK = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"


def _is_local(address: Any) -> bool:
    """AF_UNIX paths and loopback IP addresses are local; everything else is not."""
    if isinstance(address, str | bytes):
        return True  # an AF_UNIX path (or abstract name)
    if isinstance(address, tuple) and address:
        host = address[0]
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if isinstance(host, QHostAddress):
            return host.isLoopback()
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False  # a host name: resolving it would already be network use
    return False


class NetworkGuard:
    def __init__(self) -> None:
        self.attempts: list[str] = []

    def check(self, what: str, address: Any) -> None:
        if not _is_local(address):
            self.attempts.append(f"{what}({address!r})")
            raise OSError(f"network use blocked by the offline test: {what}")


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    guard = NetworkGuard()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_create = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        guard.check("connect", address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        guard.check("connect_ex", address)
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: bytes, *args: Any) -> int:
        guard.check("sendto", args[-1])
        return real_sendto(self, data, *args)  # type: ignore[arg-type]

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        guard.check("create_connection", address)
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        guard.check("getaddrinfo", (host, port))
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    _guard_qt(guard, monkeypatch)
    return guard


def _guard_qt(guard: NetworkGuard, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's own network entry points (the app reaches C++ networking only through these)."""

    def wrap(cls: Any, name: str, address_of: Any) -> None:
        real = getattr(cls, name)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            guard.check(f"{cls.__name__}.{name}", address_of(*args))
            return real(*args, **kwargs)

        monkeypatch.setattr(cls, name, guarded)

    def host_port(_self: Any, host: Any, port: Any = 0, *_rest: Any) -> Any:
        return (host, port)

    def url_of(_self: Any, request: Any, *_rest: Any) -> Any:
        url = request.url() if isinstance(request, QNetworkRequest) else QUrl(request)
        return (url.host(), url.port())

    def datagram_to(_self: Any, *args: Any) -> Any:
        if len(args) >= 3:  # writeDatagram(data, host, port)
            return (args[1], args[2])
        datagram = args[0]  # writeDatagram(QNetworkDatagram)
        return (datagram.destinationAddress(), datagram.destinationPort())

    wrap(QAbstractSocket, "connectToHost", host_port)
    wrap(QUdpSocket, "writeDatagram", datagram_to)
    for name in ("get", "post", "put", "head", "deleteResource", "sendCustomRequest"):
        wrap(QNetworkAccessManager, name, url_of)
    wrap(QNetworkAccessManager, "connectToHost", host_port)
    wrap(QNetworkAccessManager, "connectToHostEncrypted", host_port)
    monkeypatch.setattr(QHostInfo, "lookupHost", staticmethod(
        lambda name, *a, **k: guard.check("QHostInfo.lookupHost", (name, 0))))
    monkeypatch.setattr(QHostInfo, "fromName", staticmethod(
        lambda name: guard.check("QHostInfo.fromName", (name, 0)) or QHostInfo()))
    real_lookup = QDnsLookup.lookup

    def lookup(self: QDnsLookup) -> None:
        guard.check("QDnsLookup.lookup", (self.name(), 0))
        real_lookup(self)

    monkeypatch.setattr(QDnsLookup, "lookup", lookup)


def test_the_guard_catches_real_attempts(guard: NetworkGuard) -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)  # TEST-NET-1
    with pytest.raises(OSError, match="blocked"):
        socket.getaddrinfo("pool.ntp.org", 123)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, \
            pytest.raises(OSError, match="blocked"):
        sock.sendto(b"x", ("192.0.2.1", 123))
    assert len(guard.attempts) == 3
    socket.getaddrinfo("127.0.0.1", 123)  # loopback stays allowed
    assert len(guard.attempts) == 3


def test_the_guard_catches_qt_network_use(qapp: Any, guard: NetworkGuard) -> None:
    tcp = QTcpSocket()
    with pytest.raises(OSError, match="blocked"):
        tcp.connectToHost("192.0.2.1", 443)
    udp = QUdpSocket()
    with pytest.raises(OSError, match="blocked"):
        udp.writeDatagram(b"x", QHostAddress("192.0.2.1"), 123)
    manager = QNetworkAccessManager()
    with pytest.raises(OSError, match="blocked"):
        manager.get(QNetworkRequest(QUrl("https://example.com/")))
    with pytest.raises(OSError, match="blocked"):
        QHostInfo.fromName("pool.ntp.org")
    dns = QDnsLookup(QDnsLookup.Type.A, "pool.ntp.org")
    with pytest.raises(OSError, match="blocked"):
        dns.lookup()
    assert [a.split("(")[0] for a in guard.attempts] == [
        "QAbstractSocket.connectToHost", "QUdpSocket.writeDatagram",
        "QNetworkAccessManager.get", "QHostInfo.fromName", "QDnsLookup.lookup"]
    udp.writeDatagram(b"x", QHostAddress("127.0.0.1"), 9)  # loopback stays allowed
    assert len(guard.attempts) == 5


@pytest.fixture
def win(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    vault = tmp_path / "vault.authvault"
    settings = AppSettings(tmp_path / "settings.ini")
    window = make_window(VaultSession(vault, kdf=KdfParams.for_tests()), settings,
                        FakeTimeBase(T0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    window.really_quit = True
    window.close()


def test_main_flows_open_no_connection(qtbot: Any, win: MainWindow, guard: NetworkGuard,
                                       tmp_path: Path) -> None:
    create_vault(qtbot, win)
    assert win.clock_check.ask_banner.isVisible()  # asks, does not check by itself

    # The Add dialog as a person uses it: the + button, "Type a key", then "Choose image".
    image = tmp_path / "qr.png"
    segno.make(LINK, error="m").save(str(image), scale=6, border=4)
    add_by_typing(qtbot, win, "Portal", "bob", "gezd gnbv gy3t qojq")
    assert win.proxy.rowCount() == 1
    add_by_image(qtbot, win, image)
    assert sorted(a.issuer for a in win.session.accounts()) == ["Example", "Portal"]
    assert win.proxy.rowCount() == 2
    win.activateWindow()
    qtbot.waitActive(win)
    win.rows.copy_current()
    account: Account = win.proxy.index(0, 0).data(Role.ACCOUNT)
    assert win.clipboard.delay_seconds > 0
    assert win.proxy.index(0, 0).data(Role.RAW_CODE) == code_at(account, win.time.now())

    for _ in range(5):  # the ticking app stays quiet too
        win.time.advance(1)  # type: ignore[attr-defined]
        win.tick()
    win.lock()
    assert win.pages.currentWidget() is win.unlock_page
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.codes, timeout=10_000)
    assert win.proxy.rowCount() == 2

    scanned = scan_file(image)
    assert [a.issuer for a in scanned.all_accounts()] == ["Example"]

    listing = tmp_path / "links.txt"
    listing.write_text(LINK + "\n" + LINK.replace("alice", "bob") + "\n", encoding="utf-8")
    imported = import_file(listing)
    assert sorted(a.name for a in imported.accounts) == ["alice", "bob"]

    assert not win.clock_check.checking
    assert guard.attempts == []


def _route(qtbot: Any, dialog: EnrollDialog, route: Route) -> None:
    """Click the route in the dialog's list, as a person picks it."""
    item = dialog.routes.item(dialog.routes.row_of(route))
    qtbot.mouseClick(dialog.routes.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.routes.visualItemRect(item).center())
    assert dialog.current_route() is route


def _click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _through_add_dialog(qtbot: Any, win: MainWindow, steps: Any) -> None:
    """Open the Add dialog with the window's + button and run ``steps`` on it."""
    done: list[bool] = []

    def handler(dialog: Any) -> None:
        assert isinstance(dialog, EnrollDialog)
        steps(dialog)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.done_page)
        _click(qtbot, dialog.close_button)
        done.append(True)

    errors = on_next_modal(qtbot, handler)
    qtbot.mouseClick(win.codes.add_button, Qt.MouseButton.LeftButton)  # exec() returns
    assert errors == [] and done == [True]


def add_by_typing(qtbot: Any, win: MainWindow, issuer: str, name: str, key: str) -> None:
    def steps(dialog: EnrollDialog) -> None:
        _route(qtbot, dialog, Route.MANUAL)
        qtbot.keyClicks(dialog.form.issuer, issuer)
        qtbot.keyClicks(dialog.form.name, name)
        qtbot.keyClicks(dialog.form.key, key)
        _click(qtbot, dialog.add_button)

    _through_add_dialog(qtbot, win, steps)


def add_by_image(qtbot: Any, win: MainWindow, image: Path) -> None:
    def steps(dialog: EnrollDialog) -> None:
        _route(qtbot, dialog, Route.IMAGE)
        _click(qtbot, dialog.open_image_button)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.review_page,
                        timeout=10_000)
        _click(qtbot, dialog.add_button)

    # The file chooser is the platform's own dialog: it answers with the file.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getOpenFileName",
                      staticmethod(lambda *a, **k: (str(image), "")))
        _through_add_dialog(qtbot, win, steps)


def test_time_check_on_uses_only_the_configured_server(qtbot: Any, win: MainWindow,
                                                       guard: NetworkGuard) -> None:
    with FakeSntpServer(offset=90.0) as server:
        win.settings.set("time_check_asked", True)
        win.settings.set("time_check_enabled", True)
        win.settings.set("time_servers", server.address)
        create_vault(qtbot, win)
        qtbot.waitUntil(lambda: win.clock_check.warning_banner.isVisible(), timeout=10_000)
        assert server.requests >= 1
    assert "slow; sites may reject your codes" in win.clock_check.warning_banner.label.text()
    assert guard.attempts == []


def test_time_check_with_public_servers_is_what_the_guard_would_catch(
        qtbot: Any, win: MainWindow, guard: NetworkGuard) -> None:
    # Proves the guard sees the app's own network use: the public servers (the default)
    # are blocked here, so the check fails quietly, with no banner and no dialog.
    win.settings.set("time_check_asked", True)
    win.settings.set("time_check_enabled", True)
    create_vault(qtbot, win)
    qtbot.waitUntil(lambda: not win.clock_check.checking, timeout=10_000)
    assert any(a.startswith("getaddrinfo") for a in guard.attempts)
    assert not win.clock_check.warning_banner.isVisible()
    assert "could not reach any server" in win.clock_check.status_text()
