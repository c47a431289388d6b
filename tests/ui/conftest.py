"""GUI fixtures: a main window on a temporary vault, cheap KDF, injected time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from authenticator.storage.kdf import KdfParams
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.settings import AppSettings
from authenticator.ui.common.timebase import FakeTimeBase
from authenticator.ui.main_window import MainWindow
from tests.helpers.fake_host import FakeHost, shown_fake_host
from tests.helpers.gui import T0
from tests.helpers.windows import make_window


@pytest.fixture(autouse=True)
def english_plurals(qapp) -> None:
    """What the app installs at start in English: the "1 account" / "2 accounts" forms."""
    from authenticator.ui.common.fit import install_window_fitter
    from authenticator.ui.platform.translations import install_translator

    install_translator(qapp, "en")
    install_window_fitter(qapp)  # as the app does at start (ui/app.py)


@pytest.fixture
def timebase() -> FakeTimeBase:
    return FakeTimeBase(T0)


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "vault.authvault"


@pytest.fixture
def window(qtbot, vault_path: Path, app_settings: AppSettings,
           timebase: FakeTimeBase) -> Iterator[MainWindow]:
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    session = VaultSession(vault_path, kdf=KdfParams.for_tests())
    win = make_window(session, app_settings, timebase)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.lock(confirm_unsaved=False)  # teardown: never stop on an "unsaved changes" question
    win.really_quit = True
    win.close()


@pytest.fixture
def fake_host(qtbot, tmp_path: Path, app_settings: AppSettings,
              timebase: FakeTimeBase) -> Iterator[FakeHost]:
    """A host with no window (tests/helpers/fake_host.py): install one feature on it."""
    yield from shown_fake_host(qtbot, tmp_path, app_settings, timebase)
