"""Import from another authenticator app: read in a worker, ask a password, preview, add.

Nothing is written before the person presses Import; then every checked account is added
and the vault is saved once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.portability.base import ImportFailed, ImportResult, PasswordRequired
from authenticator.portability.registry import (
    IMPORTERS,
    ImportPlan,
    import_file,
    importer_named,
    plan_import,
)
from authenticator.ui.common.checklist import AccountChecklist, CheckRow
from authenticator.ui.common.messages import error_sentence
from authenticator.ui.common.session import VaultSession
from authenticator.ui.common.widgets import button_row, push_button
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.transfer.common import message_label


def _format_label(format_name: str) -> str:
    try:
        return importer_named(format_name).label
    except ImportFailed:
        return format_name


@dataclass
class _NeedsPassword:
    message: str


class ImportPreview(QWidget):
    """What an import would add: new accounts checked, duplicates unchecked, problems listed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = AccountChecklist([self.tr("Issuer"), self.tr("Name"), self.tr("Type"),
                                       self.tr("Status")])
        self.table.setAccessibleName(self.tr("Accounts found"))
        layout.addWidget(self.table, 3)
        self.problems_title = QLabel()
        layout.addWidget(self.problems_title)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Entries that could not be read"))
        # Reasons can be long (a file name, what to do instead): wrap rather than scroll.
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.problems, 1)
        self.table.checks_changed.connect(self.changed)
        self.on_change: Callable[[], None] = lambda: None

    def changed(self) -> None:
        self.on_change()

    def set_plan(self, plan: ImportPlan) -> None:
        self.table.blockSignals(True)
        rows: list[tuple[Account, str, bool]] = [(a, self.tr("New"), True) for a in plan.new]
        for incoming, existing in plan.duplicates:
            rows.append((incoming, self.tr("Already here as {label}").format(
                label=existing.safe_label), False))
        self.table.set_rows(
            CheckRow(account, (account.issuer or "—", account.name,
                               account.kind.value.upper(), status), checked=checked)
            for account, status, checked in rows)
        self.table.blockSignals(False)
        self.summary.setText(self.tr("{new} new, {dup} already in this vault (unchecked), "
                                     "{bad} could not be read.").format(
            new=len(plan.new), dup=len(plan.duplicates), bad=len(plan.problems)))
        self.problems.clear()
        for problem in plan.problems:
            self.problems.addItem(str(problem))
        self.problems_title.setText(self.tr("Could not be read:"))
        self.problems_title.setVisible(bool(plan.problems))
        self.problems.setVisible(bool(plan.problems))
        self.changed()

    def rows(self) -> list[tuple[str, str, bool]]:
        """(issuer, status, checked) per row, in table order (for tests and screen readers)."""
        return [(issuer, status, self.table.is_checked(r)) for r, (issuer, status) in
                enumerate(zip(self.table.texts(0), self.table.texts(3), strict=True))]

    def set_checked(self, row: int, checked: bool) -> None:
        self.table.set_checked(row, checked)

    def checked_accounts(self) -> list[Account]:
        return self.table.checked_accounts()


class ImportDialog(QDialog):
    """Import one file from another app (format detected from its content)."""

    def __init__(self, session: VaultSession, path: Path,
                 done: Callable[[list[Account]], None], parent: Any = None,
                 *, reader: Callable[[Path, str | None], ImportResult] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self._done = done
        self._reader = reader
        self.busy = False
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.setMinimumSize(560, 440)
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading {file}…").format(file=path.name))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # Some files cannot be told apart by their content (a WinAuth list from a plain one,
        # an old andOTP file from random data): the user can say which app made it.
        format_row = QHBoxLayout()
        self.format_choice = QComboBox()
        self.format_choice.setAccessibleName(self.tr("App that made the file"))
        self.format_choice.addItem(self.tr("Detected from the content"), None)
        for importer in sorted(IMPORTERS, key=lambda i: i.label.lower()):
            self.format_choice.addItem(importer.label, importer.name)
        format_label = QLabel(self.tr("Read &as:"))
        format_label.setBuddy(self.format_choice)
        format_row.addWidget(format_label)
        format_row.addWidget(self.format_choice, 1)
        layout.addLayout(format_row)
        self.format_choice.currentIndexChanged.connect(lambda _i: self._format_chosen())
        self.password_row = QWidget()
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password of the exported file"))
        self.password.setAccessibleName(self.tr("Password of the exported file"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open with this password"))
        self.open_button.clicked.connect(self._retry)
        self.password.returnPressed.connect(self._retry)
        row.addWidget(self.password, 1)
        row.addWidget(self.open_button)
        self.password_row.hide()
        layout.addWidget(self.password_row)
        self.error = message_label()
        layout.addWidget(self.error)
        self.preview = ImportPreview()
        self.preview.hide()
        self.preview.on_change = self._update
        layout.addWidget(self.preview, 1)
        self.cancel_button = push_button(self.tr("Cancel"), self.tr("Cancel"), self.reject)
        self.import_button = push_button(self.tr("&Import"), self.tr("Import"), self._import)
        self.import_button.setDefault(True)
        layout.addLayout(button_row(self.cancel_button, self.import_button))
        self._update()
        self._start(None)

    def _start(self, password: str | None) -> None:
        self.busy = True
        self.error.hide()
        self.open_button.setEnabled(False)
        self.format_choice.setEnabled(False)
        path, chosen, custom = self.path, self.format_choice.currentData(), self._reader

        def read(p: Path, pw: str | None) -> ImportResult:
            if custom is not None:
                return custom(p, pw)
            return import_file(p, password=pw, format_name=chosen)

        def work() -> ImportResult | _NeedsPassword:
            try:
                return read(path, password)
            except PasswordRequired as exc:
                return _NeedsPassword(str(exc))

        run_in_background(work, self._read_done, self._read_failed, context=self)

    def _format_chosen(self) -> None:
        if self.busy:
            return
        self.preview.hide()
        self.password_row.hide()
        self.password.clear()
        self.status.setText(self.tr("Reading {file}…").format(file=self.path.name))
        self._update()
        self._start(None)

    def _retry(self) -> None:
        if not self.busy and self.password.text():
            self.status.setText(self.tr("Decrypting {file}…").format(file=self.path.name))
            self._start(self.password.text())

    def _read_done(self, result: object) -> None:
        self.busy = False
        self.open_button.setEnabled(True)
        self.format_choice.setEnabled(True)
        if isinstance(result, _NeedsPassword):
            self.status.setText(self.tr("This file is encrypted. Enter the password it was "
                                        "exported with."))
            self.password_row.show()
            self.password.setFocus()
            return
        assert isinstance(result, ImportResult)
        self.password.clear()
        self.password_row.hide()
        plan = plan_import(self.session.accounts(), result)
        label = _format_label(result.format_name)
        self.status.setText(self.tr("Found in this {format} file (nothing is added until you "
                                    "press Import):").format(format=label))
        self.preview.set_plan(plan)
        self.preview.show()
        self._update()

    def _read_failed(self, error: AuthenticatorError) -> None:
        self.busy = False
        self.open_button.setEnabled(True)
        self.format_choice.setEnabled(True)
        self.error.setText(error_sentence(error))
        self.error.show()
        if self.password_row.isVisible():
            self.status.setText(self.tr("This file is encrypted. Enter the password it was "
                                        "exported with."))
            self.password.clear()
            self.password.setFocus()
        else:
            self.status.setText(self.tr("Could not import {file}.").format(file=self.path.name))
        self._update()

    def _update(self) -> None:
        n = len(self.preview.checked_accounts()) if self.preview.isVisibleTo(self) else 0
        self.import_button.setEnabled(n > 0)
        self.import_button.setText(self.tr("&Import %n account(s)", "", n))

    def _import(self) -> None:
        accounts = self.preview.checked_accounts()
        if not accounts:
            return
        self.session.add_many(accounts)
        self.accept()
        self._done(accounts)
