"""Editing an account's key and code settings, behind the vault password, with preview."""

from __future__ import annotations

from PySide6.QtCore import Qt

from authenticator.core.account import Account, Algorithm
from authenticator.core.otp import code_at, group_code
from authenticator.ui.common.account_form import EditAccountDialog
from tests.helpers.gui import PASSWORD, create_vault, on_next_modal

ACCOUNT = Account(secret=b"12345678901234567890", issuer="GitHub", name="alice")


def test_key_settings_change_after_the_password_with_a_live_preview(qtbot, timebase):
    checked = []

    def verify(password: str) -> bool:
        checked.append(password)
        return password == "right"

    dialog = EditAccountDialog(ACCOUNT, verify_password=verify, now=timebase.now)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.key_edit
    assert not edit.form.isVisibleTo(dialog)  # the key is not shown before the password
    qtbot.mouseClick(edit.toggle, Qt.MouseButton.LeftButton)
    assert edit.gate.isVisibleTo(dialog) and edit.form.key.text() == ""
    qtbot.keyClicks(edit.password, "wrong")
    qtbot.keyClick(edit.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: edit.error.isVisibleTo(dialog))
    assert not edit.form.isVisibleTo(dialog)
    qtbot.keyClicks(edit.password, "right")
    qtbot.mouseClick(edit.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: edit.form.isVisibleTo(dialog))
    assert checked == ["wrong", "right"]
    form = edit.form
    assert form.preview.text() == group_code(code_at(ACCOUNT, timebase.now()))
    form.digits.setValue(8)
    form.algorithm.setCurrentIndex(form.algorithm.findData(Algorithm.SHA256))
    expected = ACCOUNT.evolve(digits=8, algorithm=Algorithm.SHA256)
    assert form.preview.text() == group_code(code_at(expected, timebase.now()))
    form.key.setText("1")  # invalid: Save is off
    assert not dialog.save_button.isEnabled()
    form.key.setText("JBSWY3DPEHPK3PXP")
    assert dialog.save_button.isEnabled()
    result = dialog.result_account()
    assert result.id == ACCOUNT.id and result.issuer == "GitHub"
    assert (result.digits, result.algorithm) == (8, Algorithm.SHA256)
    assert result.secret == b"Hello!\xde\xad\xbe\xef"


def test_labels_only_edit_keeps_the_key(qtbot, timebase):
    dialog = EditAccountDialog(ACCOUNT, verify_password=lambda p: True, now=timebase.now)
    qtbot.addWidget(dialog)
    dialog.issuer.setText("GitHub Enterprise")
    result = dialog.result_account()
    assert result.secret == ACCOUNT.secret and result.issuer == "GitHub Enterprise"


def test_edit_from_the_window_checks_the_real_vault_password(qtbot, window):
    create_vault(qtbot, window)
    window.session.add_many([ACCOUNT])
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1)
    window.listing.select_account(window.session.accounts()[0].id)

    def change(dialog):
        edit = dialog.key_edit
        edit.toggle.click()
        qtbot.keyClicks(edit.password, PASSWORD)
        edit.unlock_button.click()
        qtbot.waitUntil(lambda: edit.form.isVisibleTo(dialog), timeout=10_000)
        edit.form.digits.setValue(7)
        dialog.accept()

    errors = on_next_modal(qtbot, change)
    window.rows.edit_current()
    assert not errors
    assert window.session.accounts()[0].digits == 7
