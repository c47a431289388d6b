"""What the clock feature's tests share: the feature on a fake host, banners' buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from authenticator.core.account import Account
from authenticator.ui.clock.check import ClockCheck

KEY = bytes(range(1, 21))


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button(banner: Any, text: str) -> Any:
    return next(b for b in banner.buttons if text in b.text().replace("&", ""))


def enable_checks(host: Any, check: ClockCheck, *servers: str,
                  timeout: float = 2.0) -> ClockCheck:
    """As if the person had said yes to checks against ``servers`` earlier."""
    host.settings.set("time_check_asked", True)
    host.settings.set("time_check_enabled", True)
    host.settings.set("time_servers", ", ".join(servers))
    check.timeout = timeout
    return check


def start_with_account(qtbot: Any, host: Any) -> Account:
    """A new vault (on a fake host) holding one time-based account."""
    host.create_vault(qtbot)
    account = Account(secret=KEY, issuer="Example", name="alice")
    host.session.add(account)
    return account


def wait_check(qtbot: Any, check: ClockCheck) -> None:
    qtbot.waitUntil(lambda: not check.checking, timeout=10_000)
