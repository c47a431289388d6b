"""Render README screenshots of the real main window from a demo vault of made-up accounts.

Run with ``make screenshots`` (offscreen Qt, no display needed; works under Xvfb too).
Writes ``main-light.png``, ``main-dark.png``, ``welcome.png`` and ``add.png`` into the
folder given as the first argument.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from authenticator.core.account import Account, OtpKind, decode_base32
from authenticator.storage.kdf import KdfParams
from authenticator.ui.app import build_window
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
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
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


if __name__ == "__main__":
    raise SystemExit(main())
