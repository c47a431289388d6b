"""The Add dialog's review step: the accounts found, each with a checkbox, and the parts of
a Google Authenticator export collected (in any order) until all are read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from authenticator.core.account import Account
from authenticator.core.migration import MigrationBatch
from authenticator.core.migration_parts import MigrationAssembler, part_ranges
from authenticator.ui.common.checklist import AccountChecklist, CheckRow
from authenticator.ui.enroll.confirm import heading


class ReviewPage(QWidget):
    """The accounts found (each with a checkbox, all ticked) and what cannot be added."""

    selection_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Choose the accounts to add")))
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.found_list = AccountChecklist()
        self.found_list.setAccessibleName(self.tr("Accounts found"))
        layout.addWidget(self.found_list, 1)
        self.skipped_note = QLabel()
        self.skipped_note.setWordWrap(True)
        self.skipped_note.setAccessibleName(self.tr("Accounts that cannot be added"))
        layout.addWidget(self.skipped_note)
        self.found_list.checks_changed.connect(self.selection_changed)

    def show_accounts(self, accounts: list[Account], skipped: list[str],
                      from_export: bool) -> None:
        self.found_list.blockSignals(True)
        self.found_list.set_rows(
            CheckRow(a, (a.safe_label or self.tr("(no name)"),)) for a in accounts)
        self.found_list.blockSignals(False)
        if from_export:
            text = self.tr("This Google Authenticator export holds %n account(s). Untick "
                           "the ones you don't want.", "", len(accounts))
        else:
            text = self.tr("Found %n account(s). Untick the ones you don't want.", "",
                           len(accounts))
        self.text.setText(text)
        self.skipped_note.setText(
            self.tr("Cannot be added: {reasons}").format(reasons="; ".join(skipped))
            if skipped else "")
        self.selection_changed.emit()

    def labels(self) -> list[str]:
        return self.found_list.texts()

    def checked_accounts(self) -> list[Account]:
        return self.found_list.checked_accounts()


class ExportParts(QObject):
    """The parts of one Google Authenticator export read so far (multi-part exports are
    one QR code a part, scanned in any order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._assembler: MigrationAssembler | None = None
        self._size = 0

    @property
    def collecting(self) -> bool:
        """Some parts of an export are in (a hint must not hide the progress note)."""
        return self._assembler is not None

    def reset(self) -> None:
        self._assembler = None

    def add(self, batches: list[MigrationBatch]) -> None:
        """Take these parts; raises AuthenticatorError for a part of another export."""
        for batch in batches:
            if self._assembler is None:
                self._assembler = MigrationAssembler()
                self._size = batch.batch_size
            self._assembler.add(batch)

    def missing_note(self) -> str:
        """What is still to scan ("" when no export is waiting for parts)."""
        assembler = self._assembler
        if assembler is None or assembler.complete:
            return ""
        missing = assembler.missing()
        size = self._size
        read = assembler.received()  # linear: an export may claim up to 100 parts
        text = self.tr("Read part {read} of {n} of a Google Authenticator export. "
                       "Scan part {next} of {n} next.").format(
            read=part_ranges(read), n=size, next=missing[0])
        if len(missing) > 1:
            text += " " + self.tr("Still missing: parts {parts}.").format(
                parts=part_ranges(missing))
        return text

    def take(self) -> tuple[list[Account], list[str]]:
        """The accounts of the complete export and what it could not hold; then forget it."""
        assembler, self._assembler = self._assembler, None
        if assembler is None:
            return [], []
        return assembler.accounts(), list(assembler.skipped)
