"""The Add dialog facing an export link that claims an absurd number of parts."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt

from authenticator.core.account import Account
from authenticator.core.migration import MAX_BATCH_SIZE
from authenticator.ui.enroll.dialog import EnrollDialog, Route


def _dialog(qtbot, timebase, added: list[Account]) -> EnrollDialog:
    def add(accounts: list[Account]) -> list[Account]:
        added.extend(accounts)
        return accounts

    dialog = EnrollDialog(timebase.now, add, None, list_cameras=lambda: [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _error(qtbot, dialog: EnrollDialog) -> str:
    qtbot.waitUntil(lambda: dialog.message.isVisible() and "FDECEA" in dialog.message.styleSheet(),
                    timeout=10_000)
    return dialog.message.text()


def _claiming(parts: int) -> str:
    def varint(value: int) -> bytes:
        out = bytearray()
        while True:
            byte, value = value & 0x7F, value >> 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                return bytes(out)

    entry = b"\x0a\x0a" + b"0123456789" + b"\x12\x05alice" + b"\x30\x02"
    payload = b"\x0a" + varint(len(entry)) + entry + b"\x18" + varint(parts) + b"\x20\x00"
    return "otpauth-migration://offline?data=" + base64.b64encode(payload).decode()


def test_a_link_claiming_100000_parts_is_refused_with_the_limit(qtbot, timebase) -> None:
    added: list[Account] = []
    dialog = _dialog(qtbot, timebase, added)
    dialog.show_route(Route.PASTE)
    dialog.link_edit.setText(_claiming(100_000))
    qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)
    message = _error(qtbot, dialog)
    assert f"at most {MAX_BATCH_SIZE}" in message
    assert added == []
    dialog.link_edit.setText(_claiming(MAX_BATCH_SIZE))  # the limit itself is fine
    qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"of {MAX_BATCH_SIZE}" in dialog.message.text(), timeout=10_000)
    assert f"Still missing: parts 2-{MAX_BATCH_SIZE}." in dialog.message.text()
