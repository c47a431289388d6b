"""Adding accounts whose key may already be in the vault: skip, replace or keep both."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from authenticator.core.account import Account
from authenticator.ui.host import Host


def add_accounts_checked(host: Host, accounts: list[Account]) -> list[Account]:
    """Add, asking what to do with keys already in the vault. Returns what was added.

    (The strings keep the translation context they had in the main window.)
    """
    session = host.session
    added: list[Account] = []
    for account in accounts:
        if not session.is_unlocked:  # locked while a question was open
            break
        duplicate = session.duplicate_of(account)
        if duplicate is not None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                QCoreApplication.translate("MainWindow", "Key already here"),
                QCoreApplication.translate(
                    "MainWindow", "This key is already in the vault as {label}.").format(
                        label=duplicate.safe_label), parent=host.window())
            skip = box.addButton(QCoreApplication.translate("MainWindow", "&Skip"),
                                 QMessageBox.ButtonRole.RejectRole)
            replace = box.addButton(QCoreApplication.translate("MainWindow", "&Replace"),
                                    QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QCoreApplication.translate("MainWindow", "&Keep both"),
                          QMessageBox.ButtonRole.ActionRole)
            box.setDefaultButton(skip)
            box.exec()
            clicked = box.clickedButton()
            if clicked is None or clicked is skip or not session.is_unlocked:
                continue
            if box.clickedButton() is replace:
                session.update(account.evolve(id=duplicate.id, created=duplicate.created))
                added.append(account)
                continue
        session.add(account)
        added.append(account)
    if added:
        host.select_account(added[-1].id)
    return added
