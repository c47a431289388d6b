"""One rule for fields that hold a key (a typed key, a pasted otpauth:// link): masked
while typing or pasting, with an eye button in the field to show it (and hide it again).

Masked by default because people add accounts while sharing their screen; the toggle is
there because a typed key must be checked against what the site shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from authenticator.ui.common.icons import icon


def make_secret_field(edit: QLineEdit) -> QAction:
    """Mask ``edit`` and add its reveal toggle (returned; checked = shown in clear)."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    reveal = QAction(icon("eye"), "", edit)
    reveal.setCheckable(True)

    def toggled(shown: bool) -> None:
        edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        reveal.setIcon(icon("eye-off" if shown else "eye"))
        if shown:
            reveal.setText(QCoreApplication.translate("SecretField", "Hide the key"))
        else:
            reveal.setText(QCoreApplication.translate("SecretField", "Show the key"))
        reveal.setToolTip(reveal.text())

    reveal.toggled.connect(toggled)
    toggled(False)
    edit.addAction(reveal, QLineEdit.ActionPosition.TrailingPosition)
    return reveal
