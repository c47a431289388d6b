"""Show a QR code in a window of its own: ``python show_qr.py TITLE PAYLOAD [SCALE]``.

Prints ``shown`` once the window has been painted (the test then knows it is on screen).
"""

from __future__ import annotations

import io
import sys

import segno
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QLabel


class Shown(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.announced = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.announced:
            self.announced = True
            QTimer.singleShot(0, lambda: print("shown", flush=True))


def main() -> int:
    title, payload = sys.argv[1], sys.argv[2]
    scale = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    app = QApplication(sys.argv[:1])
    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=scale, border=4)
    label = Shown()
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue())
    label.setPixmap(pixmap)
    label.setStyleSheet("background: white")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setWindowTitle(title)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
