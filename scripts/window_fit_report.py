"""Open the main window and every dialog, print which ones do not fit the screen.

Used by tests/ui/test_fit.py under Xvfb at QT_SCALE_FACTOR=2 on a 1400x900 screen; prints
one line per window: ``NAME ok`` or ``NAME outside WxH+X+Y of WxH+X+Y``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QWidget


def report(app: QApplication, name: str, window: QWidget) -> str:
    window.show()
    for _ in range(20):
        app.processEvents()
    screen = window.screen() or app.primaryScreen()
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    fits = available.contains(frame)
    short = [label.text()[:30] for label in window.findChildren(QLabel)
             if label.isVisibleTo(window) and label.wordWrap() and label.text()
             and label.height() < label.heightForWidth(label.width())]
    layout = window.layout()
    squashed = layout is not None and (
        window.height() < layout.totalMinimumSize().height())
    shots = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--shots=")), "")
    if shots:
        window.grab().save(str(Path(shots) / f"fit-{name}.png"))
    window.close()
    app.processEvents()
    if fits and not short and not squashed:
        return f"{name} ok"
    if fits:
        return f"{name} squashed {short}"
    return (f"{name} outside {frame.width()}x{frame.height()}+{frame.x()}+{frame.y()} of "
            f"{available.width()}x{available.height()}+{available.x()}+{available.y()}")


def main() -> int:
    app = QApplication(sys.argv[:1])
    from authenticator.core.account import Account
    from authenticator.storage.kdf import KdfParams
    from authenticator.ui.app import build_window
    from authenticator.ui.common.fit import install_window_fitter
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.settings import AppSettings
    from authenticator.ui.common.theme import apply_theme
    from authenticator.ui.common.timebase import FakeTimeBase
    from authenticator.ui.enroll.dialog import EnrollDialog, Route
    from authenticator.ui.platform.translations import install_translator
    from authenticator.ui.settings.dialog import SettingsDialog
    from authenticator.ui.transfer.backups import BackupDialog, RestoreDialog

    install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "en")
    apply_theme(app, "light")
    if "--no-fit" not in sys.argv:
        install_window_fitter(app)
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(tmp / "settings.ini")
    session = VaultSession(tmp / "v.authvault", kdf=KdfParams.for_tests())
    window = build_window(session, settings, FakeTimeBase(1_767_225_613.0))
    lines = [report(app, "welcome", window)]
    session.create("correct horse battery staple")
    while not session.is_unlocked:
        app.processEvents()
    session.add_many([Account(secret=b"12345678901234567890", issuer="GitHub", name="a")])
    account = session.accounts()[0]
    lines.append(report(app, "main", window))
    window.show()
    lines.append(report(app, "settings", SettingsDialog(settings, window,
                                                        sections=window.settings_sections(),
                                                        vault_path=session.path)))
    enroll = EnrollDialog(lambda: 1_767_225_613.0, lambda a: a, window,
                          list_cameras=lambda: [])
    enroll.show_route(Route.MANUAL)
    lines.append(report(app, "add", enroll))
    lines.append(report(app, "backup", BackupDialog(session, KdfParams.for_tests(),
                                                    lambda _p: None, window)))
    lines.append(report(app, "restore", RestoreDialog(session, lambda _a: None, window)))
    from authenticator.ui.common.account_form import EditAccountDialog
    from authenticator.ui.transfer.qr import GoogleExportDialog, ShowQrDialog
    from authenticator.ui.vault.password_dialog import ChangePasswordDialog

    edit = EditAccountDialog(account, window, verify_password=lambda _p: True,
                             now=lambda: 1_767_225_613.0)
    edit.key_edit.toggle.setChecked(True)
    edit.key_edit._checked(True)  # the key form open, as after the vault password
    lines.append(report(app, "edit", edit))
    lines.append(report(app, "password", ChangePasswordDialog(session, window)))
    lines.append(report(app, "qr", ShowQrDialog(account, lambda: 0.0, lambda _t: None, window)))
    lines.append(report(app, "google", GoogleExportDialog([account], window)))
    print("\n".join(lines))
    window.really_quit = True
    window.lock(confirm_unsaved=False)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
