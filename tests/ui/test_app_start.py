"""Which vault the GUI opens at start-up."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

from authenticator import portability
from authenticator.ui.app import choose_vault_path


def test_last_opened_vault_is_reopened(tmp_path, monkeypatch):
    monkeypatch.delenv("AUTHENTICATOR_VAULT", raising=False)
    chosen = tmp_path / "elsewhere.authvault"
    chosen.write_bytes(b"x")
    assert choose_vault_path(None, str(chosen)) == chosen
    # --vault and the environment still win; a vanished file falls back to the default.
    assert choose_vault_path(str(tmp_path / "cli.authvault"), str(chosen)) == \
        tmp_path / "cli.authvault"
    monkeypatch.setenv("AUTHENTICATOR_VAULT", str(tmp_path / "env.authvault"))
    assert choose_vault_path(None, str(chosen)) == tmp_path / "env.authvault"
    monkeypatch.delenv("AUTHENTICATOR_VAULT")
    chosen.unlink()
    assert choose_vault_path(None, str(chosen)).name == "vault.authvault"


# -- what start-up does before the first paint, and what it leaves for after -----------------

#: Modules the first paint does not need: they load when the user opens what uses them.
LATER = ("cv2", "pyzbar", "zxingcpp", "selenium", "numpy",
         "authenticator.scan", "authenticator.timesync",
         "authenticator.core.migration", "authenticator.browser.service",
         "authenticator.ui.enroll.dialog", "authenticator.ui.browser.dialogs",
         "authenticator.ui.quickpick.box", "authenticator.ui.platform.tray",
         "authenticator.ui.transfer.qr", "authenticator.ui.settings.dialog",
         # every format's reader and writer; the menu needs only the light export registry
         *(f"authenticator.portability.{m.name}"
           for m in pkgutil.iter_modules(portability.__path__) if m.name != "exporters"))

START_AND_PAINT = r'''
import linecache, os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from authenticator.ui.app import application, configure, start
from authenticator.ui.common.settings import AppSettings

folder = Path(sys.argv[1])
app = application()
settings = AppSettings(folder / "settings.ini")
configure(app, settings)
started = start(app, settings, folder / "vault.authvault", "authenticator-test-" + str(os.getpid()))
painted = []

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(True)
        return False

watch = Watch()
started.window.installEventFilter(watch)
while not painted:
    app.processEvents()
print(" ".join(m for m in sys.argv[2:] if m in sys.modules) or "-")
print(sum("authenticator" in name for name in linecache.cache))
print(type(started.window.pages.currentWidget()).__name__)
started.instance.close()
'''


def test_first_paint_loads_nothing_it_does_not_show(tmp_path):
    """The real start (ui/app.py: start) up to the first paint, in a fresh interpreter."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", START_AND_PAINT, str(tmp_path), *LATER],
                         capture_output=True, text=True, env=env, check=True, timeout=300)
    loaded, in_linecache = out.stdout.split("\n")[:2]
    assert loaded == "-"
    # PySide6's import hook reads our modules' bytes, not their source via linecache
    # (ui/__init__.py): no copy of them is kept in memory.
    assert in_linecache == "0"


def test_the_unlock_page_paints_before_the_crypto_library_loads(tmp_path):
    """A locked vault: the real start shows its unlock page without loading ``cryptography``
    (issue #18); the library loads when the password is tried (storage/container.py, kdf.py)."""
    from authenticator.storage import KdfParams, Vault

    Vault.create(tmp_path / "vault.authvault", "a password", kdf=KdfParams.for_tests()).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", START_AND_PAINT, str(tmp_path), "cryptography"],
                         capture_output=True, text=True, env=env, check=True, timeout=300)
    loaded, _, page = out.stdout.split("\n")[:3]
    assert page == "UnlockPage"
    assert loaded == "-"


def test_two_seconds_after_the_first_paint_qtnetwork_is_still_not_loaded(tmp_path):
    """Issue #18: every feature is installed by then, the browser extension's server and the
    single-instance channel listening; on Unix sockets neither needs QtNetwork (~3 MiB)."""
    settle = ("while not painted:\n    app.processEvents()\n"
              "from PySide6.QtCore import QTimer\n"
              "QTimer.singleShot(2000, lambda: app.exit(0))\n"
              "app.exec()\n"
              "assert started.window.features.browser.listening\n")
    code = START_AND_PAINT.replace("while not painted:\n    app.processEvents()\n", settle)
    assert code != START_AND_PAINT
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path), "PySide6.QtNetwork"],
                         capture_output=True, text=True, env=env, check=True, timeout=300)
    assert out.stdout.split("\n")[0] == "-"


def test_pyside_import_hook_answers_as_before():
    import inspect

    import shibokensupport.feature as feature  # type: ignore[import-not-found]

    import authenticator.core.otp
    import authenticator.ui.common.fit
    from authenticator.ui import _mentions_pyside

    assert feature._mod_uses_pyside is _mentions_pyside
    for module in (authenticator.ui.common.fit, authenticator.core.otp, os, sys):
        try:
            before = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            before = False
        assert _mentions_pyside(module) is before
    assert _mentions_pyside(authenticator.ui.common.fit) is True


def _start(qapp, folder: Path, **options):
    from authenticator.ui.app import start
    from authenticator.ui.common.settings import AppSettings

    settings = AppSettings(folder / "settings.ini")
    return start(qapp, settings, folder / "vault.authvault",
                 f"authenticator-test-{os.getpid()}-{folder.name}", **options)


def _stop(qapp, started) -> None:
    started.instance.close()
    started.window.really_quit = True
    started.window.close()
    qapp.setQuitOnLastWindowClosed(True)


def test_tray_and_app_wide_filters_follow_the_first_paint(qtbot, qapp, tmp_path):
    started = _start(qapp, tmp_path)
    window = started.window
    qtbot.addWidget(window)
    try:
        # start() returned, nothing painted yet: the window only is there
        assert window.isVisible()
        assert started.tray is None
        assert not window._watching_input
        assert window.features is None  # adding, transfer, quick pick, browser: after it
        qtbot.waitUntil(lambda: started.tray is not None, timeout=10_000)
        assert window._watching_input  # auto-lock sees input anywhere from now on
        assert window.features.enroll is not None and window.features.browser is not None
        tray = started.tray
        assert window.features.quickpick.action in tray.menu.actions()
        assert window.quit_action in tray.menu.actions()
        assert "unlock to see them" in tray.favourites_title.text()  # filled at once
    finally:
        _stop(qapp, started)


def test_starting_in_the_tray_makes_the_tray_at_once(qtbot, qapp, tmp_path):
    started = _start(qapp, tmp_path, start_minimized=True)
    window = started.window
    qtbot.addWidget(window)
    try:
        assert started.tray is not None
        # no tray on this desktop (offscreen): the window shows after all, as before
        assert window.isVisible() is not started.tray.available()
        qtbot.waitUntil(lambda: window._watching_input, timeout=10_000)
    finally:
        _stop(qapp, started)


def _names(callables) -> list[str]:
    return [f"{c.__module__}.{c.__qualname__}" for c in callables]


def _places(window) -> tuple[list[str], list[str], list[str]]:
    """Main menu entries, row-menu hooks and settings sections, in order."""
    menu = [action.text() or ("---" if action.isSeparator() else action.objectName())
            for action in window.main_menu.actions()]
    return menu, _names(window.rows.menu_hooks), _names(window.settings_sections())


def test_features_installed_after_the_paint_keep_their_places(qtbot, qapp, tmp_path):
    """The menu, the row menu and the settings read in ORDER, as when all install at once."""
    from authenticator.ui.app import build_window
    from authenticator.ui.common.session import VaultSession
    from authenticator.ui.common.settings import AppSettings
    from authenticator.ui.common.timebase import TimeBase

    at_once = build_window(VaultSession(tmp_path / "other.authvault"),
                           AppSettings(tmp_path / "other.ini"), TimeBase())
    qtbot.addWidget(at_once)
    started = _start(qapp, tmp_path)
    qtbot.addWidget(started.window)
    try:
        qtbot.waitUntil(lambda: started.window.features is not None, timeout=10_000)
        menu, hooks, sections = _places(started.window)
        assert (menu, hooks, sections) == _places(at_once)
        # the order is not the order of installation: enroll/transfer came after the clock
        assert menu.index(started.window.features.transfer.import_action.text()) < \
            menu.index(started.window.features.clock.compare_action.text())
        assert len(hooks) >= 3 and len(sections) >= 4
    finally:
        _stop(qapp, started)


def test_a_quick_pick_request_before_the_first_paint_is_answered(qtbot, qapp, tmp_path):
    started = _start(qapp, tmp_path)
    window = started.window
    qtbot.addWidget(window)
    try:
        assert window.features is None
        started.instance.pick_requested.emit()  # `authenticator pick` at once after start
        quick = window.features.quickpick
        qtbot.waitUntil(lambda: quick._box is not None and quick._box.isVisible(),
                        timeout=10_000)
    finally:
        _stop(qapp, started)
