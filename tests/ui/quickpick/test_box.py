"""The quick pick box driven with the keyboard (pytest-qt, offscreen): typing filters,
Enter copies the top match's code, Esc closes, a locked vault asks for the password in
the same box, favourites and recently used come first, Shift+Enter types (fake backend).

The quick pick controller alone on a fake host (tests/helpers/fake_host.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from authenticator.ui.quickpick.backends import Session
from tests.helpers.fake_host import PASSWORD
from tests.helpers.quickpick import (
    DROPBOX,
    GITHUB,
    GITLAB,
    GOOGLE,
    FakeInput,
    expected_code,
    labels,
    make_pick,
    open_box,
)


@pytest.fixture
def unlocked(qtbot, fake_host):
    fake_host.create_vault(qtbot)
    fake_host.session.add_many([GITHUB, GITLAB, GOOGLE, DROPBOX])
    return fake_host


def test_typing_filters_and_enter_copies_the_top_match(qtbot, unlocked, timebase):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    assert set(labels(box)) == {"GitHub", "GitLab", "Google", "Dropbox"}
    qtbot.keyClicks(box.field, "git")
    assert labels(box) == ["GitHub", "GitLab"]
    qtbot.keyClicks(box.field, "l")
    assert labels(box) == ["GitLab"]
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert QGuiApplication.clipboard().text() == expected_code(GITLAB, timebase.now())
    assert box.field.text() == ""  # nothing typed is kept once the box is gone
    assert unlocked.session.get(GITLAB.id).last_used == timebase.now()
    pick.close()


def test_words_match_name_and_issuer_and_down_picks_the_next(qtbot, unlocked, timebase):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "git bob")
    assert labels(box) == ["GitLab"]
    box.field.clear()
    qtbot.keyClicks(box.field, "gi")
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    chosen = box.top_accounts()[1]
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == expected_code(chosen, timebase.now())
    pick.close()


def test_no_match_says_so(qtbot, unlocked):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    QGuiApplication.clipboard().setText("left alone")
    qtbot.keyClicks(box.field, "zzz")
    assert box.top_accounts() == []
    assert box.results.currentWidget() is box.empty
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "left alone"
    pick.close()


def test_escape_closes_without_copying(qtbot, unlocked):
    pick = make_pick(unlocked)
    QGuiApplication.clipboard().setText("left alone")
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "goo")
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert not box.isVisible()
    assert QGuiApplication.clipboard().text() == "left alone"
    pick.close()


def test_copied_code_is_cleared_after_the_delay(qtbot, unlocked, timebase):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "drop")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == expected_code(DROPBOX, timebase.now())
    timebase.advance(unlocked.clipboard.delay_seconds + 1)
    unlocked.tick()
    assert QGuiApplication.clipboard().text() == ""
    pick.close()


def test_favourites_then_recently_used_come_first(qtbot, unlocked, timebase):
    unlocked.session.update(DROPBOX.evolve(favorite=True))
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    assert labels(box)[0] == "Dropbox"
    qtbot.keyClicks(box.field, "goo")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)  # Google is now the most recently used
    timebase.advance(1)
    box = open_box(qtbot, pick)
    assert labels(box) == ["Dropbox", "Google", "GitHub", "GitLab"]
    qtbot.keyClicks(box.field, "o")  # in Dropbox, Google and GitLab's "bob": same order
    assert labels(box) == ["Dropbox", "Google", "GitLab"]
    pick.close()


def test_locked_vault_asks_for_the_password_in_the_box_first(qtbot, unlocked, timebase):
    unlocked.lock()
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    assert box.asking_password
    assert box.top_accounts() == [] and not box.results.isVisible()
    qtbot.keyClicks(box.field, "wrong password")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.error.isVisible(), timeout=10_000)
    assert box.asking_password and box.field.text() == ""
    qtbot.keyClicks(box.field, PASSWORD)
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.asking_password, timeout=10_000)
    assert box.isVisible() and box.field.hasFocus() and box.field.text() == ""
    qtbot.keyClicks(box.field, "hub")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == expected_code(GITHUB, timebase.now())
    pick.close()


def test_works_while_the_main_window_is_hidden(qtbot, unlocked, timebase):
    unlocked.hide()
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "carol")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == expected_code(GOOGLE, timebase.now())
    assert not unlocked.isVisible()  # the main window did not come forward
    pick.close()


def test_losing_the_focus_closes_the_box(qtbot, unlocked):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "goo")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.field.text() == ""
    pick.close()


def test_shift_enter_types_into_the_previous_window(qtbot, unlocked, timebase):
    fake = FakeInput(focus_returns_after=1, held_polls=3)
    pick = make_pick(unlocked, Session.X11, fake)
    QGuiApplication.clipboard().setText("left alone")
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "goo")
    qtbot.keyClick(box.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert not box.isVisible()
    qtbot.waitUntil(lambda: fake.typed != [])
    assert fake.typed == [expected_code(GOOGLE, timebase.now())]
    assert fake.activated[0] == 4242  # the window that was active before the box
    assert not fake.typed_while_held  # waited for Shift to be released
    assert QGuiApplication.clipboard().text() == "left alone"
    pick.close()


def test_the_setting_makes_enter_type_and_shift_enter_copy(qtbot, unlocked, timebase):
    unlocked.settings.set("pick_types", True)
    fake = FakeInput()
    pick = make_pick(unlocked, Session.X11, fake)
    box = open_box(qtbot, pick)
    assert "Shift+Enter copies" in box.hint.text()
    qtbot.keyClicks(box.field, "hub")
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fake.typed != [])
    assert fake.typed == [expected_code(GITHUB, timebase.now())]
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "hub")
    qtbot.keyClick(box.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == expected_code(GITHUB, timebase.now())
    assert len(fake.typed) == 1
    pick.close()


def test_focus_that_never_comes_back_means_copy_not_type(qtbot, unlocked, timebase):
    fake = FakeInput(focus_returns_after=10**6)
    pick = make_pick(unlocked, Session.X11, fake)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "goo")
    qtbot.keyClick(box.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text()
                    == expected_code(GOOGLE, timebase.now()), timeout=10_000)
    assert fake.typed == []
    assert "copied instead" in unlocked.last_notice()
    pick.close()


@pytest.mark.parametrize("session", [Session.WAYLAND, Session.MACOS])
def test_where_typing_is_impossible_shift_enter_copies_and_says_why(qtbot, unlocked, timebase,
                                                                     session):
    pick = make_pick(unlocked, session)
    box = open_box(qtbot, pick)
    assert "Shift" not in box.hint.text()
    qtbot.keyClicks(box.field, "goo")
    qtbot.keyClick(box.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == expected_code(GOOGLE, timebase.now())
    assert "not available" in unlocked.last_notice()
    pick.close()


def test_no_vault_yet_says_how_to_start(qtbot, fake_host):
    pick = make_pick(fake_host)
    pick.show_box()
    qtbot.waitExposed(pick.box)
    assert "no vault yet" in pick.box.prompt.text()
    assert not pick.box.field.isEnabled()
    qtbot.keyClick(pick.box, Qt.Key.Key_Escape)
    assert not pick.box.isVisible()
    pick.close()


def test_the_box_shows_codes_and_countdowns_as_painted(qtbot, unlocked, timebase):
    pick = make_pick(unlocked)
    box = open_box(qtbot, pick)
    qtbot.keyClicks(box.field, "hub")
    row = box.model.row(0)
    assert row is not None
    code = expected_code(GITHUB, timebase.now())
    assert row.code == f"{code[:3]} {code[3:]}" and row.seconds == 20
    timebase.advance(5)
    unlocked.tick()
    assert box.model.row(0).seconds == 15
    image = box.grab().toImage()
    assert image.width() == box.width() and not image.isNull()
    pick.close()


def test_the_box_a_window_of_its_own_is_deleted_with_the_main_window(qtbot, tmp_path,
                                                                     app_settings, timebase):
    from tests.helpers.fake_host import FakeHost

    host = FakeHost(tmp_path / "vault.authvault", app_settings, timebase)
    pick = make_pick(host)
    box = pick.box
    assert box.parent() is None  # a top-level window, not the main window's child
    gone: list[bool] = []
    box.destroyed.connect(lambda: gone.append(True))
    host.deleteLater()  # without closing the quick pick (which deletes the box itself)
    qtbot.waitUntil(lambda: bool(gone))
