"""The list as seen: titles elided in the middle (full text in the tool tip), and the
toast never covering the last row."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from authenticator.core.account import Account
from authenticator.ui.codes.row_parts import Geometry, paint_labels
from tests.helpers.gui import create_vault

LONG = Account(secret=b"12345678901234567890",
               issuer="TBS Certificate Authority Customer Service Portal",
               name="alice.longname@example.com")


class RecordingPainter(QPainter):
    """Paints for real and records the strings drawn."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args):  # type: ignore[no-untyped-def]
        self.texts.extend(a for a in args if isinstance(a, str))
        return super().drawText(*args)


def test_long_titles_elide_in_the_middle_with_the_full_text_in_the_tooltip(qtbot, window):
    create_vault(qtbot, window)
    window.session.add_many([LONG])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    index = window.proxy.index(0, 0)
    view = window.codes.view
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 560, window.codes.delegate.sizeHint(option, index).height())
    image = QImage(560, option.rect.height(), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    # the row's labels, as painted into its cached layer
    geometry = Geometry(option.font, option.rect)
    paint_labels(painter, geometry, index, option.font,
                 QColor("black"), QColor("grey"))
    painter.end()
    title = next(t for t in painter.texts if t.startswith("TBS"))
    assert "…" in title and title.endswith("Portal")  # both ends kept
    name = next(t for t in painter.texts if "example.com" in t or t.startswith("alice"))
    assert name.startswith("alice") and name.endswith("example.com")
    tooltip = index.data(0x0003)  # Qt.ToolTipRole
    assert LONG.issuer in tooltip and LONG.name in tooltip


def test_toast_never_covers_the_last_row(qtbot, window, timebase):
    create_vault(qtbot, window)
    window.session.add_many([Account(secret=bytes([i]) * 20, issuer=f"Site {i:02}",
                                     name="me") for i in range(1, 30)])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 29)
    view = window.codes.view
    view.scrollToBottom()
    window.notify("Copied Site 29, clears in 30 s")
    qtbot.waitUntil(window.codes.toast.isVisible)

    def last_row_in_page() -> QRect:
        view.scrollToBottom()
        last = view.visualRect(window.proxy.index(28, 0))
        return QRect(view.viewport().mapTo(window.codes, last.topLeft()), last.size())

    toast = window.codes.toast.geometry()
    qtbot.waitUntil(lambda: last_row_in_page().bottom() < toast.top())
    viewport_bottom = view.viewport().mapTo(window.codes, view.viewport().rect().bottomLeft())
    assert viewport_bottom.y() < toast.top()  # nothing of the list lies under the toast
    window.codes.toast.dismiss()
    assert window.codes.layout().contentsMargins().bottom() == 10  # the page's own margin
