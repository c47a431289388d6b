"""The questions the browser feature asks, and the list of recent fills."""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from authenticator.browser.sites import display_host, registrable_domain
from authenticator.core.account import Account
from authenticator.ui.common.widgets import error_colour


@dataclass(frozen=True)
class FillRecord:
    when: float  # wall time
    site: str
    account: str
    result: str  # translated, shown as it is


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def site_lines(host: str) -> str:
    """The site as HTML: punycode first (it cannot deceive), then the decoded form."""
    shown = display_host(host)
    text = f"<b>{html.escape(shown.ascii)}</b>"
    if shown.unicode:
        text += f" ({html.escape(shown.unicode)})"
    return text


def site_warning(host: str) -> str:
    """A red paragraph when the name mixes scripts (a homograph trick), else ""."""
    shown = display_host(host)
    if not shown.mixed_scripts:
        return ""
    warning = QCoreApplication.translate(
        "BrowserSite", "Careful: this name mixes {scripts} letters, a trick phishing "
        "sites use to look like another site.").format(
        scripts=" + ".join(s.title() for s in shown.mixed_scripts))
    return f"<p style='color:{error_colour()}'>{html.escape(warning)}</p>"


class _Question(QDialog):
    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _finish(self, ok: str, cancel: str) -> None:
        self.ok_button: QPushButton = self.buttons.addButton(
            ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(cancel)
        self.declined = False  # the person clicked no (not Esc, not closed by a lock)
        self.cancel_button.clicked.connect(lambda: setattr(self, "declined", True))  # first
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.layout_.addWidget(self.buttons)
        self.resize(max(440, self.sizeHint().width()), self.sizeHint().height())


class PairDialog(_Question):
    def __init__(self, browser: str, parent: Any = None) -> None:
        super().__init__(self.tr("Allow this browser?"), parent)
        self.setObjectName("browser-pair")
        name = html.escape(browser or self.tr("A browser"))
        self.layout_.addWidget(_label(self.tr(
            "<b>{browser}</b> asks to receive codes through the Authenticator extension."
            "<p>Allow it only if you have just installed or reset the extension in this "
            "browser. It will only get codes for the websites bound to your accounts; you "
            "can revoke it in Settings.</p>").format(browser=name)))
        self._finish(self.tr("&Allow"), self.tr("&Don't allow"))


class ChooseAccountDialog(_Question):
    def __init__(self, host: str, accounts: list[Account], remember: bool,
                 parent: Any = None) -> None:
        super().__init__(self.tr("Which account?"), parent)
        self.setObjectName("browser-choose")
        self.host = host
        self.layout_.addWidget(_label(self.tr("{site} wants a code. Which account is for this "
                                              "site?").format(site=site_lines(host))
                                      + site_warning(host)))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Accounts"))
        for account in accounts:
            item = QListWidgetItem(account.label)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        rows = max(2, min(8, self.list.count()))  # as tall as the accounts, up to 8 rows
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 18)
                                 + 2 * self.list.frameWidth() + 4)
        self.layout_.addWidget(self.list)
        self.remember = QCheckBox(self.tr("&Remember: always use this account on {domain}")
                                  .format(domain=registrable_domain(host) or host))
        self.remember.setChecked(remember)
        self.remember.setVisible(remember)
        self.layout_.addWidget(self.remember)
        self.never = False
        self.never_button = QPushButton(self.tr("&Not for this site"))
        self.never_button.setToolTip(self.tr("Don't ask again for {domain}; binding an account "
                                             "to it later still works.").format(
            domain=registrable_domain(host) or host))
        self.never_button.clicked.connect(self._never)
        self.never_button.setVisible(remember)  # only for sites no account is bound to
        self.buttons.addButton(self.never_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._finish(self.tr("&Fill code"), self.tr("Cancel"))

    def _never(self) -> None:
        self.never = True
        self.reject()

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, label: str) -> bool:
        """Select the account shown as ``label`` (tests, and the harness driving the app)."""
        for row in range(self.list.count()):
            if self.list.item(row).text() == label:
                self.list.setCurrentRow(row)
                return True
        return False


class ConfirmFillDialog(_Question):
    def __init__(self, host: str, account: Account, parent: Any = None) -> None:
        super().__init__(self.tr("Fill the code?"), parent)
        self.setObjectName("browser-confirm")
        self.layout_.addWidget(_label(self.tr("{site} wants the code of <b>{account}</b>.")
                                      .format(site=site_lines(host),
                                              account=html.escape(account.label))
                                      + site_warning(host)))
        self._finish(self.tr("&Fill code"), self.tr("&Don't fill"))


class RecentFillsDialog(QDialog):
    def __init__(self, records: list[FillRecord], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recent browser fills"))
        layout = QVBoxLayout(self)
        if not records:
            layout.addWidget(QLabel(self.tr("No code was requested by a browser since "
                                            "Authenticator started.")))
        self.table = QTableWidget(len(records), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Site"),
                                              self.tr("Account"), self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, record in enumerate(reversed(records)):
            stamp = time.strftime("%H:%M:%S", time.localtime(record.when))
            for col, text in enumerate((stamp, record.site, record.account, record.result)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setVisible(bool(records))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
