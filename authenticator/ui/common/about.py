"""The About box: version, what the app does, which vault is open, the network promise."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from authenticator import __version__


def show_about(parent: QWidget, vault_path: Path) -> None:
    # Context "MainWindow": where the words were, so their translations still apply.
    QMessageBox.about(parent, QCoreApplication.translate("MainWindow", "About Authenticator"),
                      QCoreApplication.translate("MainWindow", "<h3>Authenticator {version}</h3>"
        "<p>Two-factor codes from keys kept in an encrypted vault on this computer.</p>"
        "<p>Vault: {path}</p>"
        "<p>No network connection is made unless you turn on the clock check.</p>"
    ).format(version=__version__, path=html.escape(str(vault_path))))
