"""A separate program with one text field (another process, Qt on xcb): the window that
has the focus before the quick pick box appears. Each line read on stdin is a command:
``text`` prints the field's text on one line, ``clipboard`` the clipboard's text,
``quit`` prints the field's text and exits."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

TITLE = "Target field"


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle(TITLE)
    layout = QVBoxLayout(window)
    field = QLineEdit()
    field.setPlaceholderText("the code goes here")
    layout.addWidget(field)
    window.resize(360, 80)
    window.move(60, 60)
    window.show()
    field.setFocus()

    def command() -> None:
        line = sys.stdin.readline()
        if line.strip() == "clipboard":
            print(QApplication.clipboard().text(), flush=True)
            return
        print(field.text(), flush=True)
        if not line or line.strip() == "quit":
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
