"""Qt translations: follow the system language unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from authenticator.resources import resource

_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str = "") -> str:
    """Install our and Qt's translations; returns the language used ("" = English)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English plural forms ("1 account", "2 accounts") for the sources' "%n account(s)";
    # installed first, so a real translation installed after it takes precedence.
    plurals = QTranslator(app)
    if plurals.load("authenticator_en", str(resource("translations"))):
        app.installTranslator(plurals)
        _installed.append(plurals)
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.English:
        return ""
    ours = QTranslator(app)
    if ours.load(locale, "authenticator", "_", str(resource("translations"))):
        app.installTranslator(ours)
        _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        return locale.name().split("_")[0]
    return ""
