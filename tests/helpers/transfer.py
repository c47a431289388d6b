"""What the transfer feature's tests share: accounts, the password gate, its dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from authenticator.core.account import Account, OtpKind
from authenticator.ui.transfer.common import PasswordGate
from tests.helpers.fake_host import PASSWORD

GITHUB = Account(secret=b"12345678901234567890", issuer="GitHub", name="octo@example.com")
GITLAB = Account(secret=b"gitlab-secret-0123456", issuer="GitLab", name="octo")
SLOW = Account(secret=b"sixty-seconds-key!!!", issuer="Slowbank", name="me", period=60)
HOTP = Account(secret=b"\x07" * 20, issuer="VPN", name="me", kind=OtpKind.HOTP, counter=3)


def pass_gate(qtbot: Any, transfer: Any, password: str = PASSWORD) -> None:
    """Type the vault password into the gate the feature opened, and press OK."""
    gate = transfer.dialog
    assert isinstance(gate, PasswordGate)
    assert not gate.ok_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(gate.password, password)
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)


def wait_dialog(qtbot: Any, transfer: Any, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(transfer.dialog, kind), timeout=10_000)
    return transfer.dialog
