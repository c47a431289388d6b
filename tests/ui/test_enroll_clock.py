"""One time base: the code typed at enrollment matches the list, and a known-wrong clock
is said on the confirmation page with a fix in place (injected offset, no network)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from authenticator.core.otp import code_at, group_code
from authenticator.timesync.sntp import ClockResult
from authenticator.ui.codes.model import Role
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from tests.helpers.gui import create_vault, on_next_modal

KEY = "JBSWY3DPEHPK3PXP"


def measured(win, offset: float) -> None:
    """As if the internet check had found this offset (server minus this computer)."""
    check = win.clock_check
    check.last_result = ClockResult(offset=offset, delay=0.01, servers=("127.0.0.1",),
                                    samples=(), errors=())
    check._show_level()


def enroll(qtbot, win, timebase, handler_after) -> dict:
    seen: dict = {}

    def run(dialog):
        assert isinstance(dialog, EnrollDialog)
        dialog.show_route(Route.MANUAL)
        qtbot.keyClicks(dialog.form.issuer, "Example")
        qtbot.keyClicks(dialog.form.name, "me")
        qtbot.keyClicks(dialog.form.key, KEY)
        seen["preview"] = dialog.form.preview.text()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.pages.currentWidget() is dialog.done_page
        handler_after(dialog, seen)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    errors = on_next_modal(qtbot, run)
    qtbot.mouseClick(win.codes.add_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    return seen


def test_clock_90_s_fast_warns_on_the_confirmation_page_and_fixes_in_place(
        qtbot, window, timebase, tmp_path):
    create_vault(qtbot, window)
    measured(window, -90.0)  # this computer is 1 min 30 s fast
    assert window.clock_check.warning_banner.isVisible()

    def after(dialog, seen):
        note = dialog.clock_note
        account = dialog.added[0]
        seen["visible"] = note.isVisible()
        seen["text"] = note.label.text()
        seen["before"] = dialog.done_page.code_label.text()
        seen["wall code"] = group_code(code_at(account, timebase.wall()))
        dialog.grab().save(str(tmp_path / "confirm.png"))
        qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
        seen["after"] = dialog.done_page.code_label.text()
        seen["true code"] = group_code(code_at(account, timebase.wall() - 90))
        seen["hidden after"] = not note.isVisible()

    seen = enroll(qtbot, window, timebase, after)
    assert seen["visible"]
    assert seen["text"] == ("This computer's clock is 1 min 30 s fast, so the site may "
                            "reject this code.")
    assert seen["before"] == seen["wall code"] == seen["preview"]
    assert seen["after"] == seen["true code"] != seen["before"]
    assert seen["hidden after"]
    assert timebase.correction == -90
    row = window.proxy.index(0, 0)
    assert row.data(Role.CODE) == seen["after"]  # the list and the page agree


def test_small_or_corrected_offsets_say_nothing(qtbot, window, timebase):
    create_vault(qtbot, window)
    measured(window, 7.0)

    def after(dialog, seen):
        seen["visible"] = dialog.clock_note.isVisible()
        seen["code"] = dialog.done_page.code_label.text()

    seen = enroll(qtbot, window, timebase, after)
    assert not seen["visible"]
    assert seen["code"] == window.proxy.index(0, 0).data(Role.CODE)


def test_with_correction_on_every_code_uses_it(qtbot, window, timebase):
    create_vault(qtbot, window)
    measured(window, 90.0)
    window.clock_check.use_measured_correction()

    def after(dialog, seen):
        seen["visible"] = dialog.clock_note.isVisible()
        seen["code"] = dialog.done_page.code_label.text()
        seen["true"] = group_code(code_at(dialog.added[0], timebase.wall() + 90))

    seen = enroll(qtbot, window, timebase, after)
    assert not seen["visible"]
    assert seen["code"] == seen["true"] == seen["preview"]
    assert window.proxy.index(0, 0).data(Role.CODE) == seen["true"]
