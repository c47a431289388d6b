"""Render README screenshots of the real main window from a demo vault of made-up accounts.

Run with ``make screenshots`` (offscreen Qt, no display needed; works under Xvfb too).
Writes ``main-light.png``, ``main-dark.png``, ``welcome.png`` and ``add.png`` into the
folder given as the first argument; with ``--lang fr`` the French ``main-fr.png`` and
``settings-fr.png``; with ``--hidpi`` (run under QT_SCALE_FACTOR=2) crops of the list and
of the Add dialog at twice the pixels, ``hidpi-list.png`` and ``hidpi-add.png``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.storage.kdf import KdfParams
from authenticator.ui.app import build_window
from authenticator.ui.common.fit import install_window_fitter
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.theme import apply_theme
from authenticator.ui.common.timebase import FakeTimeBase

# Made-up accounts with made-up keys (the base32 of well-known test strings).
DEMO = [
    ("GitHub", "alice@example.com", "JBSWY3DPEHPK3PXP", OtpKind.TOTP, True, ()),
    ("Google", "alice.smith@gmail.com", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", OtpKind.TOTP,
     False, ()),
    ("Proton Mail", "alice@proton.me", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U", OtpKind.TOTP, False,
     ("personal",)),
    ("Amazon Web Services", "root (production)", "ORSXG5BAMJQXGZJTGIQGC3DQNBQWE5DF",
     OtpKind.TOTP, False, ("work",)),
    ("Steam", "alice_gamer", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA", OtpKind.STEAM, False, ()),
    ("Example Bank", "card ending 4242", "NB2HI4DTHIXS653XO4XGK6DBNVYGYZJOMNXW2===",
     OtpKind.HOTP, False, ()),
]


def wait_for(app: QApplication, condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("screenshot: timed out")
        app.processEvents()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_window_fitter(app)
    if "--lang" in sys.argv[1:]:
        return variant(app, out, sys.argv[sys.argv.index("--lang") + 1])
    if "--hidpi" in sys.argv[1:]:
        return variant(app, out, "", hidpi=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        time_base = FakeTimeBase(1_767_225_613.0)  # 26 s into a step: shows the countdown
        settings = AppSettings(folder / "settings.ini")
        settings.set("time_check_asked", True)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            session = VaultSession(folder / f"demo-{theme}.authvault", kdf=KdfParams.for_tests())
            window = build_window(session, settings, time_base)
            window.resize(520, 600)
            window.show()
            if theme == "light":
                window.welcome.password.setText("a demo password")
                window.welcome.confirm.setText("a demo password")
                app.processEvents()
                window.grab().save(str(out / "welcome.png"))
            session.create("a demo password")
            wait_for(app, lambda s=session: s.is_unlocked)
            for issuer, name, key, kind, favourite, tags in DEMO:
                session.add(Account(secret=decode_base32(key), issuer=issuer, name=name,
                                    kind=kind, favorite=favourite, tags=tags))
            window.tick()
            window.codes.view.setCurrentIndex(window.proxy.index(1, 0))
            time_base.advance(1)
            window.tick()
            app.processEvents()
            window.grab().save(str(out / f"main-{theme}.png"))
            if theme == "light":
                def grab_dialog() -> None:
                    dialog = QApplication.activeModalWidget()
                    if dialog is None:
                        QTimer.singleShot(20, grab_dialog)
                        return
                    app.processEvents()
                    dialog.grab().save(str(out / "add.png"))
                    dialog.close()

                QTimer.singleShot(50, grab_dialog)
                window.add_account()
            window.really_quit = True
            window.close()
    print(f"screenshots written to {out}")
    return 0


def demo_window(app: QApplication, folder: Path, settings: AppSettings,
                time_base: FakeTimeBase) -> Any:
    session = VaultSession(folder / "demo.authvault", kdf=KdfParams.for_tests())
    window = build_window(session, settings, time_base)
    window.resize(520, 600)
    window.show()
    session.create("a demo password")
    wait_for(app, lambda: session.is_unlocked)
    for issuer, name, key, kind, favourite, tags in DEMO:
        session.add(Account(secret=decode_base32(key), issuer=issuer, name=name, kind=kind,
                            favorite=favourite, tags=tags))
    window.tick()
    window.codes.view.setCurrentIndex(window.proxy.index(1, 0))
    app.processEvents()
    return window


def variant(app: QApplication, out: Path, language: str, hidpi: bool = False) -> int:
    """French main window and settings, or HiDPI crops (list rows, Add dialog form)."""
    from authenticator.ui.enroll.dialog import EnrollDialog, Route
    from authenticator.ui.platform.translations import install_translator
    from authenticator.ui.settings.dialog import SettingsDialog

    install_translator(app, language)
    apply_theme(app, "light")
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(Path(tmp) / "settings.ini")
        settings.set("time_check_asked", True)
        time_base = FakeTimeBase(1_767_225_613.0)
        window = demo_window(app, Path(tmp), settings, time_base)
        if hidpi:
            shot = window.grab()
            ratio = shot.devicePixelRatio()
            shot.copy(0, 0, int(520 * ratio), int(260 * ratio)).save(str(out / "hidpi-list.png"))
            dialog = EnrollDialog(time_base.now, lambda accounts: accounts, window,
                                  list_cameras=lambda: [])
            dialog.show()
            dialog.show_route(Route.MANUAL)
            dialog.form.issuer.setText("Example")
            dialog.form.key.setText("JBSW Y3DP 1O08")
            app.processEvents()
            dialog.grab().save(str(out / "hidpi-add.png"))
            dialog.close()
        else:
            window.grab().save(str(out / f"main-{language}.png"))
            dialog = SettingsDialog(settings, window,
                                    sections=window.settings_sections(),
                                    vault_path=window.session.path)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / f"settings-{language}.png"))
            dialog.close()
        window.really_quit = True
        window.lock(confirm_unsaved=False)
        window.close()
    print(f"screenshots ({language or 'hidpi'}) written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
