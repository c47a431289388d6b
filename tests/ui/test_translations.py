"""The French translation is complete, consistent with the sources and loaded by the app."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from authenticator.resources import resource
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.platform.translations import install_translator
from authenticator.ui.settings.dialog import SettingsDialog
from authenticator.ui.vault.strength import estimate_strength
from tests.helpers.quickpick import menu_letters

ROOT = Path(__file__).resolve().parents[2]
TS = resource("translations", "authenticator_fr.ts")
QM = resource("translations", "authenticator_fr.qm")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ACCELERATOR = re.compile(r"&(?!amp;|gt;|lt;|quot;|&)\w")

Key = tuple[str, str]  # (context, source)


def tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def read_ts(path: Path) -> dict[Key, tuple[str, bool]]:
    """(context, source) -> (translation, finished)."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own files
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = " | ".join(forms) if forms and all(f.strip() for f in forms) else (
                "" if forms else translation.text or "")
            entries[(name, message.findtext("source") or "")] = (text, finished)
    return entries


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory) -> set[Key]:
    """What lupdate finds in the sources today."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for p in (ROOT / "authenticator" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(out)],
                   check=True, capture_output=True, cwd=ROOT, timeout=60)
    return set(read_ts(out))


@pytest.fixture(scope="module")
def committed() -> dict[Key, tuple[str, bool]]:
    return read_ts(TS)


def test_every_visible_string_has_a_finished_french_translation(current_sources, committed):
    assert len(current_sources) > 300  # the extraction really ran over the UI
    missing = sorted(key for key in current_sources
                     if key not in committed or not committed[key][1]
                     or not committed[key][0].strip())
    assert missing == [], "run `make translations` and translate: " + repr(missing[:10])


def test_placeholders_and_accelerators_are_kept(committed):
    for (context, source), (translations, _) in committed.items():
        for translation in translations.split(" | "):  # each plural form on its own
            assert sorted(PLACEHOLDER.findall(source)) == sorted(
                PLACEHOLDER.findall(translation)), (context, source, translation)
        assert bool(ACCELERATOR.search(source)) == bool(ACCELERATOR.search(translations)), (
            context, source, translations)


def test_no_accelerator_letter_is_used_twice_in_the_settings_dialog(committed):
    contexts = {"SettingsDialog", "ClockSettingsBox", "QuickPickSettings", "CopyGestureSection",
                "PrivacySection"}
    letters = [ACCELERATOR.search(t).group()[1].lower()  # type: ignore[union-attr]
               for (context, _), (t, _) in committed.items()
               if context in contexts and ACCELERATOR.search(t)]
    assert len(letters) == len(set(letters)), letters


def test_compiled_qm_matches_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True,
                   capture_output=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` to rebuild the .qm"


@pytest.fixture
def french(qapp) -> Iterator[QApplication]:
    assert install_translator(qapp, "fr") == "fr"
    yield qapp
    install_translator(qapp, "en")  # English: nothing installed


def test_french_welcome_page_and_add_dialog(qtbot, french, window, timebase):
    welcome = window.welcome
    assert welcome.create_button.text() == "&Créer le coffre"
    assert welcome.create_button.accessibleName() == "Créer le coffre"
    assert estimate_strength("")[1].startswith("Utilisez une longue phrase de passe")
    dialog = EnrollDialog(timebase.now, lambda accounts: accounts, None,
                          list_cameras=lambda: [])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ajouter un compte"
    texts = [dialog.routes.item(i).text() for i in range(dialog.routes.count())]
    assert texts[-1] == "Saisir une clé"
    dialog.show_route(Route.MANUAL)
    assert dialog.add_button.text() == "&Ajouter"


def test_english_is_the_fallback(qtbot, qapp, window):
    assert install_translator(qapp, "en") == ""
    assert window.welcome.create_button.text() == "&Create vault"


def test_language_choice_is_saved(qtbot, app_settings):
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""  # follows the system by default
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    assert app_settings.get("language") == "fr"
    assert SettingsDialog(app_settings).language.currentText() == "Français"


def test_main_menu_accelerators_are_unique_in_english(qtbot, window):
    letters = menu_letters(window)
    assert len(letters) == len(set(letters)), letters


def test_main_menu_accelerators_are_unique_in_french(qtbot, french, app_settings, timebase,
                                                     vault_path):
    from authenticator.storage.kdf import KdfParams
    from authenticator.ui.common.session import VaultSession
    from tests.helpers.windows import make_window

    win = make_window(VaultSession(vault_path, kdf=KdfParams.for_tests()), app_settings,
                     timebase)
    qtbot.addWidget(win)
    letters = menu_letters(win)
    assert len(letters) == len(set(letters)), letters



def test_plurals_use_qt_numerus_forms_in_english_and_french(qapp):
    from PySide6.QtCore import QCoreApplication

    def added(n: int) -> str:
        return QCoreApplication.translate("TransferActions", "Added %n account(s)", "", n)

    install_translator(qapp, "en")
    assert [added(n) for n in (1, 2)] == ["Added 1 account", "Added 2 accounts"]
    install_translator(qapp, "fr")
    try:
        assert [added(n) for n in (0, 1, 2)] == ["0 compte ajouté", "1 compte ajouté",
                                                 "2 comptes ajoutés"]
    finally:
        install_translator(qapp, "en")


def test_every_numerus_message_has_the_french_forms():
    root = ET.parse(TS).getroot()  # noqa: S314 - our own file
    numerus = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert len(numerus) >= 5
    for message in numerus:
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all("%n" in f for f in forms), message.findtext("source")
    assert not any("compte(s)" in (m.findtext("translation") or "")
                   for m in root.iter("message"))
