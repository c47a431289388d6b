"""The shared account checklist (ui/common/checklist.py): what a person clicks and sees."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from authenticator.core.account import Account
from authenticator.ui.common.checklist import AccountChecklist, CheckRow
from authenticator.ui.common.password_file import PasswordFileForm
from tests.helpers.checklist import check_box_centre, click_check

ACCOUNTS = [Account(secret=bytes([i]) * 20, issuer=f"Site{i}", name=f"user{i}")
            for i in range(4)]


def shown(qtbot, headers=()) -> AccountChecklist:
    view = AccountChecklist(headers)
    qtbot.addWidget(view)
    view.resize(400, 240)
    view.show()
    qtbot.waitExposed(view)
    return view


def rows(refused_last: bool = False) -> list[CheckRow]:
    """A row per account, all ticked; the last one refused (greyed) if asked."""
    out = [CheckRow(a, (a.label,)) for a in ACCOUNTS[:-1]]
    last = ACCOUNTS[-1]
    out.append(CheckRow(last, (last.label + " — refused",), checked=False, enabled=False)
               if refused_last else CheckRow(last, (last.label,)))
    return out


def test_clicking_a_box_unticks_then_ticks_its_account(qtbot):
    view = shown(qtbot)
    view.set_rows(rows())
    changes = []
    view.checks_changed.connect(lambda: changes.append(view.checked_accounts()))
    click_check(qtbot, view, 1)
    assert [a.issuer for a in view.checked_accounts()] == ["Site0", "Site2", "Site3"]
    assert not view.is_checked(1)
    click_check(qtbot, view, 1)
    assert [a.issuer for a in view.checked_accounts()] == ["Site0", "Site1", "Site2", "Site3"]
    assert len(changes) == 2


def test_clicking_the_text_does_not_tick_and_space_does(qtbot):
    view = shown(qtbot)
    view.set_rows(rows())
    text = check_box_centre(view, 0)
    text.setX(text.x() + 120)  # on the label, right of the box
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text)
    assert view.is_checked(0)
    assert view.currentIndex().row() == 0  # the row is selected instead
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not view.is_checked(0)


def test_a_refused_row_is_greyed_has_no_box_and_is_never_chosen(qtbot):
    view = shown(qtbot)
    view.set_rows(rows(refused_last=True))
    index = view.model().index(3, 0)
    assert not index.flags() & Qt.ItemFlag.ItemIsEnabled
    assert index.data(Qt.ItemDataRole.CheckStateRole) is None
    click_check(qtbot, view, 3)
    view.set_checked(3, True)
    view.set_all_checked(True)
    assert ACCOUNTS[3] not in view.checked_accounts()
    assert view.texts() == [a.label for a in ACCOUNTS[:3]] + [ACCOUNTS[3].label + " — refused"]


def test_select_all_and_none_tick_every_row_that_can_be_chosen(qtbot):
    view = shown(qtbot)
    view.set_rows(rows())
    changes = []
    view.checks_changed.connect(lambda: changes.append(1))
    view.set_all_checked(False)
    assert view.checked_accounts() == []
    view.set_all_checked(True)
    assert view.checked_accounts() == ACCOUNTS
    view.set_all_checked(True)  # nothing changes: no signal
    assert len(changes) == 2
    assert all(view.is_checked(r) for r in range(view.count()))


def test_with_headers_it_is_a_table_with_the_box_in_the_first_column(qtbot):
    view = shown(qtbot, ["Issuer", "Name", "Status"])
    view.set_rows(CheckRow(a, (a.issuer, a.name, "New"), checked=i % 2 == 0)
                  for i, a in enumerate(ACCOUNTS))
    assert view.horizontalHeader().isVisible()
    assert view.model().headerData(2, Qt.Orientation.Horizontal) == "Status"
    assert view.texts(2) == ["New"] * 4
    assert view.model().index(0, 1).data(Qt.ItemDataRole.CheckStateRole) is None
    assert [a.issuer for a in view.checked_accounts()] == ["Site0", "Site2"]
    click_check(qtbot, view, 1)
    assert [a.issuer for a in view.checked_accounts()] == ["Site0", "Site1", "Site2"]


def test_password_file_form_checks_the_two_passwords(qtbot, tmp_path: Path):
    browsed = []
    form = PasswordFileForm(path=None, file_name="File", placeholder="Where",
                            choose_name="Choose", browse=lambda: browsed.append(1),
                            password_label="&Password:", password_name="Password",
                            again_name="Again", browse_auto_default=False)
    qtbot.addWidget(form)
    form.show()
    changes = []
    form.changed.connect(lambda: changes.append(1))
    assert not form.has_path() and not form.passwords_ok()
    qtbot.keyClicks(form.path, "~/backup.authvault")
    assert form.target() == Path("~/backup.authvault").expanduser()
    qtbot.keyClicks(form.password, "correct horse")
    qtbot.keyClicks(form.confirm, "correct hose")
    assert form.mismatch() and not form.passwords_ok()
    form.confirm.clear()
    qtbot.keyClicks(form.confirm, "correct horse")
    assert form.passwords_ok() and not form.mismatch()
    qtbot.mouseClick(form.browse_button, Qt.MouseButton.LeftButton)
    assert browsed == [1] and not form.browse_button.autoDefault()
    form.clear_passwords()
    assert form.password.text() == form.confirm.text() == ""
    assert changes  # every edit is announced
