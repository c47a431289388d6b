"""GUI entry point: application object, single instance, theme, tray, main window."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from authenticator import __version__
from authenticator.core import options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from authenticator.ui.browser.feature import BrowserFeature
    from authenticator.ui.clock.check import ClockCheck
    from authenticator.ui.codes.gestures import ListGestures
    from authenticator.ui.codes.icon_packs import IconPacks
    from authenticator.ui.codes.privacy import PrivacyMode
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.settings import AppSettings
    from authenticator.ui.common.ticker import SecondTicker
    from authenticator.ui.common.timebase import TimeBase
    from authenticator.ui.enroll.hooks import EnrollHooks
    from authenticator.ui.main_window import MainWindow
    from authenticator.ui.platform.single_instance import SingleInstance
    from authenticator.ui.platform.tray import Tray
    from authenticator.ui.quickpick.controller import QuickPick
    from authenticator.ui.settings import SettingsFeature
    from authenticator.ui.transfer.menu import TransferActions

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


@dataclass
class FirstScreen:
    """The features that act on what the first paint shows: the clock's correction of the
    codes and its banner, hidden codes, the copy gesture, icons; and the settings entry."""

    clock: ClockCheck
    settings: SettingsFeature
    gestures: ListGestures
    privacy: PrivacyMode
    icon_packs: IconPacks


@dataclass
class Features(FirstScreen):
    """The controllers of every installed feature (tests and the tray reach them here)."""

    enroll: EnrollHooks
    transfer: TransferActions
    quickpick: QuickPick
    browser: BrowserFeature


#: The features in the order of their entries in the main menu, row menu and settings
#: (ui/window_host.py keeps these places whatever the order of installation).
ORDER = ("enroll", "transfer", "clock", "settings", "quickpick",
         "gestures", "privacy", "icon_packs", "browser")


def _at(host: MainWindow, name: str) -> MainWindow:
    host.installing(ORDER.index(name))  # where what it registers goes
    return host


def install_first_screen(host: MainWindow) -> FirstScreen:
    """The features the first paint needs; :func:`install_rest` can wait until after it."""
    from authenticator.ui import clock, settings
    from authenticator.ui.codes import gestures, icon_packs, privacy

    return FirstScreen(
        clock=clock.install(_at(host, "clock")),
        settings=settings.install(_at(host, "settings")),
        # the code list's own options (they reach the main window's list: ui/codes)
        gestures=gestures.install(_at(host, "gestures")),
        privacy=privacy.install(_at(host, "privacy")),
        icon_packs=icon_packs.install(_at(host, "icon_packs")),
    )


def install_rest(host: MainWindow, first: FirstScreen) -> Features:
    """The features with nothing on the first screen: adding, import/export, the quick pick,
    the browser extension (each has ``install(host)``, the one place that plugs them in)."""
    from authenticator.ui import browser, enroll, quickpick, transfer

    features = Features(
        **vars(first),
        enroll=enroll.install(_at(host, "enroll")),
        transfer=transfer.install(_at(host, "transfer")),
        quickpick=quickpick.install(_at(host, "quickpick")),
        browser=browser.install(_at(host, "browser")),
    )
    host.installing(len(ORDER))
    return features


def install_features(host: MainWindow) -> Features:
    """Every feature at once (the app installs the rest after the first paint: start())."""
    return install_rest(host, install_first_screen(host))


def build_window(session: VaultSession, settings: AppSettings, timebase: TimeBase, *,
                 ticker: SecondTicker | None = None) -> MainWindow:
    """The main window with every feature installed (``window.features``)."""
    from authenticator.ui.main_window import MainWindow

    window = MainWindow(session, settings, timebase, ticker=ticker)
    window.features = install_features(window)  # the main window implements the host
    return window


def instance_name(vault_path: str | None, last_vault: str) -> str:
    """The single-instance channel of the vault the GUI would open (``authenticator pick``
    finds the running app with it)."""
    from authenticator.ui.platform.single_instance import server_name

    path = choose_vault_path(vault_path, last_vault)
    return server_name(str(path.resolve() if path.exists() else path))


def application() -> QApplication:
    """The application object, named (settings, desktop file, single instance use it)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Authenticator")
    app.setOrganizationName("Authenticator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("authenticator")
    return app


def configure(app: QApplication, settings: AppSettings) -> None:
    """What the settings choose before any window: folders of file dialogs, language."""
    from authenticator.ui.common.files import bind_settings
    from authenticator.ui.platform.translations import install_translator

    bind_settings(settings)  # file dialogs open in the folder used last time
    install_translator(app, settings.get("language"))


@dataclass
class Started:
    """What :func:`start` set up (the event loop is the caller's)."""

    window: MainWindow
    instance: SingleInstance
    tray: Tray | None = None
    """Made at once when the app starts in the tray, else just after the first paint."""


def start(app: QApplication, settings: AppSettings, path: Path, name: str, *,
          start_minimized: bool = False, pick: bool = False) -> Started:
    """Everything between the settings and the event loop: single instance ``name``, theme,
    the main window with its features, the tray; the window shown (unless it starts in
    the tray), the remembered key tried. The benchmark (benchmarks/gui.py) starts the app
    through here too, so what it measures is what users get.

    What is not on screen waits for the window's first paint (ui/common/first_paint.py):
    the features with nothing on the first screen (:func:`install_rest`; installed at once
    when something asks for them sooner, such as a quick pick request), the tray icon and
    the application-wide event filters (window fitting, input for auto-lock), which would
    otherwise see, and convert to Python, every event of start-up.
    """
    from authenticator.ui.common.first_paint import after_first_paint
    from authenticator.ui.common.fit import WindowFitter, install_window_fitter
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.theme import apply_theme
    from authenticator.ui.common.timebase import TimeBase
    from authenticator.ui.platform.single_instance import SingleInstance

    instance = SingleInstance(name)
    instance.listen()

    apply_theme(app, settings.get("theme"))
    session = VaultSession(Path(path))
    from authenticator.ui.main_window import MainWindow

    window = MainWindow(session, settings, TimeBase())
    first = install_first_screen(window)

    def features() -> Features:
        """Every feature, the rest installed now if the first paint has not come yet."""
        if window.features is None:
            window.features = install_rest(window, first)
        return cast(Features, window.features)

    def theme_changed(name: str) -> None:
        if name == options.THEME.name:
            apply_theme(app, settings.get(options.THEME))

    settings.changed.connect(theme_changed)
    instance.raise_requested.connect(window.raise_window)
    instance.pick_requested.connect(lambda: features().quickpick.show_box())

    def quit_app() -> None:
        if window.features is not None:
            features().quickpick.close()
        app.quit()

    window.quit_requested.connect(quit_app)
    app.setQuitOnLastWindowClosed(False)
    started = Started(window, instance)

    def add_tray() -> Tray:
        from authenticator.ui.platform.tray import Tray

        tray = Tray(window)
        tray.show()
        tray.add_quick_pick(features().quickpick.action)
        tray.fill_favourites()  # the vault may be unlocked already (remembered key)
        started.tray = tray
        return tray

    # The main window is fitted (tall enough for wrapped text, inside the screen) when shown;
    # every other window by the application-wide fitter installed after the first paint.
    own_fitter = WindowFitter(window)
    window.installEventFilter(own_fitter)

    def after_start() -> None:
        features()
        window.removeEventFilter(own_fitter)
        own_fitter.deleteLater()
        install_window_fitter(app)
        window.watch_input()
        if started.tray is None:
            add_tray()

    in_tray = start_minimized or pick or bool(settings.get("start_minimized"))
    if not in_tray or not add_tray().available():
        window.show()
        after_first_paint(window, after_start)
    else:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, after_start)  # no paint to wait for
    if pick:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: features().quickpick.show_box())
    session.try_remembered()  # "remember on this computer": unlock without the password
    return started


def run_gui(vault_path: str | None = None, start_minimized: bool = False,
            pick: bool = False) -> int:
    """Open the app (``pick``: hidden in the tray when there is one, with the quick pick
    box shown), or ask the one already running for this vault to show itself/the box."""
    from authenticator.core.errors import AuthenticatorError
    from authenticator.ui.platform.check import x11_problem

    problem = x11_problem()
    if problem:
        raise AuthenticatorError(problem)  # the CLI prints it as one "error:" line

    from authenticator.ui.common.settings import AppSettings
    from authenticator.ui.platform.single_instance import MESSAGE, PICK, notify_running

    app = application()
    settings = AppSettings()
    configure(app, settings)

    path = choose_vault_path(vault_path, settings.get("last_vault"))
    name = instance_name(vault_path, settings.get("last_vault"))
    if notify_running(name, message=PICK if pick else MESSAGE):
        if not pick:
            print("Authenticator is already running: its window was brought to the front.",
                  file=sys.stderr)
        return 0
    started = start(app, settings, path, name, start_minimized=start_minimized, pick=pick)
    window = started.window
    if os.environ.get(SMOKE_TEST_ENV):  # packaging smoke test: prove the window opens
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"window shown: {window.isVisible()}, page: "
                  f"{type(window.pages.currentWidget()).__name__}")
            window.really_quit = True
            window.close()

        QTimer.singleShot(500, report)
    code = app.exec()
    started.instance.close()
    return int(code)
