"""GUI entry point: application object, single instance, theme, tray, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from authenticator import __version__

if TYPE_CHECKING:
    from authenticator.ui.host import Host

#: Set to 1 to open the window, print what was shown and quit (used by the dist smoke test).
SMOKE_TEST_ENV = "AUTHENTICATOR_SMOKE_TEST"


def choose_vault_path(cli_value: str | None, last_opened: str) -> Path:
    """``--vault``, else ``$AUTHENTICATOR_VAULT``, else the vault opened last time (when it
    still exists: the user picked it with "Open an existing vault file"), else the default."""
    from authenticator.storage.paths import VAULT_ENV, resolve_vault_path

    if not cli_value and not os.environ.get(VAULT_ENV) and last_opened:
        last = Path(last_opened).expanduser()
        if last.is_file():
            return last
    return resolve_vault_path(cli_value)


def install_features(host: Host) -> None:
    """The one place that plugs feature packages into the app (each has ``install(host)``)."""
    from authenticator.ui import browser

    browser.install(host)


def run_gui(vault_path: str | None = None, start_minimized: bool = False) -> int:
    from authenticator.core.errors import AuthenticatorError
    from authenticator.ui.platform.check import x11_problem

    problem = x11_problem()
    if problem:
        raise AuthenticatorError(problem)  # the CLI prints it as one "error:" line

    from PySide6.QtWidgets import QApplication

    from authenticator.ui.common.settings import AppSettings
    from authenticator.ui.common.theme import apply_theme
    from authenticator.ui.common.timebase import TimeBase
    from authenticator.ui.main_window import MainWindow
    from authenticator.ui.platform.single_instance import (
        SingleInstance,
        notify_running,
        server_name,
    )
    from authenticator.ui.platform.translations import install_translator
    from authenticator.ui.platform.tray import Tray
    from authenticator.ui.vault.session import VaultSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Authenticator")
    app.setOrganizationName("Authenticator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("authenticator")
    settings = AppSettings()
    install_translator(app, settings.get("language"))

    path = choose_vault_path(vault_path, settings.get("last_vault"))
    name = server_name(str(path.resolve() if path.exists() else path))
    if notify_running(name):
        print("Authenticator is already running: its window was brought to the front.",
              file=sys.stderr)
        return 0
    instance = SingleInstance(name)
    instance.listen()

    apply_theme(app, settings.get("theme"))
    session = VaultSession(Path(path))
    window = MainWindow(session, settings, TimeBase())
    host: Host = window  # the main window implements the feature host (ui/host.py)
    install_features(host)
    window.settings_changed.connect(lambda: apply_theme(app, settings.get("theme")))
    tray = Tray(window)
    tray.show()
    instance.raise_requested.connect(window.raise_window)
    window.quit_requested.connect(app.quit)
    app.setQuitOnLastWindowClosed(False)
    if not (start_minimized or settings.get("start_minimized")) or not tray.available():
        window.show()
    session.try_remembered()  # "remember on this computer": unlock without the password
    if os.environ.get(SMOKE_TEST_ENV):  # packaging smoke test: prove the window opens
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"window shown: {window.isVisible()}, page: "
                  f"{type(window.pages.currentWidget()).__name__}")
            window.really_quit = True
            window.close()

        QTimer.singleShot(500, report)
    code = app.exec()
    instance.close()
    return int(code)
