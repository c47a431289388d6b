"""How the code list answers the mouse and the keyboard.

- A left click copies the row's code (as documented), or only selects it when the user
  chose "double click" in the settings; then a double click copies. Right-click, the
  arrow keys and the row menu only select: they never copy.
- Printable keys typed while the list has focus go to the search field (the base class
  would jump to a row whose label starts with the letter, which looks like a filter that
  does not filter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox

from authenticator.core import options

if TYPE_CHECKING:
    from authenticator.ui.host import CodeList, Host

SETTING = options.COPY_GESTURE
CLICK, DOUBLE_CLICK = SETTING.choices


class ListGestures(QObject):
    """Routes clicks of the host's code list to copying per the setting; sends typing to
    the search field."""

    def __init__(self, codes: CodeList, settings: Any) -> None:
        self.view = view = codes.view_widget()
        super().__init__(view)
        self.codes, self.settings = codes, settings
        view.clicked.connect(self._clicked)
        view.doubleClicked.connect(self._double_clicked)
        view.installEventFilter(self)

    @property
    def gesture(self) -> str:
        return str(self.settings.get(SETTING))  # validated by the store

    def _clicked(self, index: QModelIndex) -> None:
        if self.gesture == CLICK:
            self.codes.copy_row(index)

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.gesture == DOUBLE_CLICK:
            self.codes.copy_row(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and is_typing(event)):
            self.codes.type_in_search(event.text())
            return True
        return False


def is_typing(event: QKeyEvent) -> bool:
    """A printable character without Ctrl/Alt/Meta (which are shortcuts)."""
    text = event.text()
    blocked = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier)
    return (bool(text) and text.isprintable() and not text.isspace()
            and not (event.modifiers() & blocked))


class CopyGestureSection(QGroupBox):
    """Settings section: copy with a single click (default) or a double click."""

    def __init__(self, settings: Any, parent: Any = None) -> None:
        """``settings``: the store or the settings dialog's draft of it."""
        super().__init__(parent)
        self.setTitle(self.tr("Code list"))
        self.settings = settings
        form = QFormLayout(self)
        self.gesture = QComboBox()
        self.gesture.addItem(self.tr("A single click (a click also selects)"), CLICK)
        self.gesture.addItem(self.tr("A double click (a single click only selects)"),
                             DOUBLE_CLICK)
        self.gesture.setCurrentIndex(max(0, self.gesture.findData(settings.get(SETTING))))
        self.gesture.setAccessibleName(self.tr("Copy a code with"))
        form.addRow(self.tr("Cop&y a code with:"), self.gesture)

    def save(self) -> None:
        self.settings.set(SETTING, self.gesture.currentData())


def install(host: Host) -> ListGestures:
    """Wire the gestures into the host's code list and its settings dialog."""
    host.add_settings_section(lambda dialog, draft: CopyGestureSection(draft, dialog))
    return ListGestures(host.code_list, host.settings)
