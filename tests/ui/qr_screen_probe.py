"""Run in a child process (the scale factor is fixed when Qt starts): open the QR dialogs
on a 1400x900 offscreen screen, grab them as shown and decode the grabs with the app's
own scanner. Prints one JSON object; ``tests/ui/test_qr_on_screen.py`` checks it."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QApplication, QWidget

from authenticator.core.account import Account
from authenticator.scan.pipeline import scan_bytes
from authenticator.ui.transfer.qr import GoogleExportDialog, ShowQrDialog


def accounts(n: int) -> list[Account]:
    return [Account(secret=bytes([i % 251 + 1]) * 20, issuer=f"Example Service {i}",
                    name=f"someone.with.a.long.name{i}@example.com") for i in range(n)]


def png(widget: QWidget) -> bytes:
    pixmap = widget.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data.data())


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def inside(widget: QWidget, dialog: QWidget) -> bool:
    rect = widget.qr.code_rect().translated(widget.qr.mapTo(dialog, widget.qr.rect().topLeft()))
    return dialog.rect().contains(rect)


def google(app: QApplication, n: int, save: str | None) -> dict:
    dialog = GoogleExportDialog(accounts(n))
    dialog.show()
    settle(app)
    dialog.next_button.click()
    settle(app)
    out: dict = {"pages": len(dialog.links), "sizes": {}}
    for name in ("default", "minimum"):
        if name == "minimum":
            dialog.resize(1, 1)
            settle(app)
        names: list[str] = []
        indexes: list[int] = []
        visible: list[bool] = []
        modules: list[int] = []
        for page in range(len(dialog.links)):
            dialog.show_page(page)
            settle(app)
            data = png(dialog)
            if save and page == 0:
                with open(f"{save}-google{n}-{name}.png", "wb") as f:
                    f.write(data)
            result = scan_bytes(data)
            names.extend(a.name for a in result.all_accounts())
            indexes.extend(b.batch_index for b in result.migration_batches)
            visible.append(inside(dialog, dialog))
            modules.append(dialog.qr.module_pixels())
        out["sizes"][name] = {"size": [dialog.width(), dialog.height()], "names": names,
                              "indexes": indexes, "inside": visible, "module_px": modules,
                              "buttons": [b.text() for b in (dialog.previous_button,
                                          dialog.page_next_button, dialog.done_button,
                                          dialog.close_button, dialog.next_button)
                                          if b.isVisible()]}
    dialog.done(0)
    return out


def show_qr(app: QApplication, save: str | None) -> dict:
    account = accounts(1)[0]
    dialog = ShowQrDialog(account, lambda: 0.0, lambda text: None)
    dialog.show()
    settle(app)
    out: dict = {}
    for name in ("default", "minimum"):
        if name == "minimum":
            dialog.resize(1, 1)
            settle(app)
        data = png(dialog)
        if save:
            with open(f"{save}-showqr-{name}.png", "wb") as f:
                f.write(data)
        result = scan_bytes(data)
        out[name] = {"size": [dialog.width(), dialog.height()],
                     "names": [a.name for a in result.accounts], "inside": inside(dialog, dialog),
                     "module_px": dialog.qr.module_pixels()}
    dialog.done(0)
    return out


def main() -> None:
    save = sys.argv[1] if len(sys.argv) > 1 else None
    app = QApplication([])
    screen = app.primaryScreen()
    report = {"screen": [screen.availableGeometry().width(), screen.availableGeometry().height()],
              "ratio": screen.devicePixelRatio(), "show_qr": show_qr(app, save),
              "google": {str(n): google(app, n, save) for n in (1, 6, 40)},
              "expected": {str(n): [a.name for a in accounts(n)] for n in (1, 6, 40)}}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
