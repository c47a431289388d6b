"""The Add dialog's screen route when the grab comes back empty (Wayland): every answer of
the desktop's screenshot portal, against a fake portal service on a private bus; the
drag-a-box overlay across two monitors; Esc; macOS."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from shiboken6 import isValid

from authenticator.core.account import Account
from authenticator.core.uri import format_uri
from authenticator.ui.common.portal import Outcome
from authenticator.ui.enroll.dialog import EnrollDialog
from authenticator.ui.enroll.region import split_picture
from tests.desktop.fake import FakePortal, offline_portal
from tests.helpers.synthetic import paste, qr_image

ACCOUNT = Account(secret=bytes(range(20)), issuer="Portal", name="bob@example.com")
LABEL = "Portal (bob@example.com)"

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="dbus-daemon is not installed (Debian: dbus)")


def null_grab() -> list[QImage]:
    return [QImage()]  # what QScreen.grabWindow gives on Wayland


def qr_picture(path: Path, module_px: int = 5, size: tuple[int, int] = (1280, 800),
               at: tuple[int, int] = (700, 300)) -> Path:
    """A desktop screenshot with the account's QR code on it, as the portal writes it."""
    screen = np.full((size[1], size[0]), 200, dtype=np.uint8)
    paste(screen, qr_image(format_uri(ACCOUNT), module_px=module_px), *at)
    height, width = screen.shape
    QImage(screen.data, width, height, width, QImage.Format.Format_Grayscale8).save(str(path))
    return path


@pytest.fixture
def fake_portal(tmp_path):
    made: list[FakePortal] = []

    def start(mode: str | None, picture: Path | None = None) -> FakePortal:
        fake = FakePortal(mode, picture or qr_picture(tmp_path / "screen.png"))
        made.append(fake)
        return fake

    yield start
    for fake in made:
        fake.stop()


@pytest.fixture
def open_dialog(qtbot, timebase, fake_portal):  # dialogs close before the fake bus stops
    made: list[EnrollDialog] = []
    added: list[Account] = []

    def make(track: bool = True, **kwargs) -> EnrollDialog:
        kwargs.setdefault("list_cameras", lambda: [])
        kwargs.setdefault("grab", null_grab)
        kwargs.setdefault("grab_delay_ms", 0)
        kwargs.setdefault("portal", offline_portal)
        dialog = EnrollDialog(timebase.now, lambda a: added.extend(a) or a, None, **kwargs)
        if track:
            qtbot.addWidget(dialog)
            made.append(dialog)
        dialog.move(0, 0)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make
    for dialog in made:
        if isValid(dialog):
            dialog.close()


def press_scan(qtbot, dialog: EnrollDialog) -> None:
    qtbot.mouseClick(dialog.scan_screen_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, dialog: EnrollDialog) -> str:
    qtbot.waitUntil(lambda: not dialog.screen_route.busy and not dialog.scan_pending(),
                    timeout=15_000)
    return dialog.message.text() if dialog.message.isVisible() else ""


def wait_text(qtbot, dialog: EnrollDialog, fake: FakePortal, text: str) -> None:
    try:
        qtbot.waitUntil(lambda: text in dialog.message.text(), timeout=20_000)
    except Exception:  # say what was shown and what the portal saw
        raise AssertionError(f"shown {dialog.message.text()!r}; portal log "
                             f"{fake.output()!r}") from None


def wait_review(qtbot, dialog: EnrollDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.review_page,
                    timeout=20_000)


def test_empty_grab_asks_the_portal_and_finds_the_account(qtbot, open_dialog, fake_portal):
    fake = fake_portal("success")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    wait_review(qtbot, dialog)
    assert dialog.review_page.labels() == [LABEL]
    calls = fake.calls()
    assert len(calls) == 1 and calls[0]["options"]["interactive"] is False  # type: ignore[index]
    written = fake.written()
    assert len(written) == 1 and not Path(written[0]).exists()  # deleted once read
    assert dialog.screen_route.tiles == []  # nor is the picture kept in memory


def test_the_user_is_told_before_a_desktop_that_asks(qtbot, open_dialog, fake_portal,
                                                     monkeypatch):
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    fake = fake_portal("hold")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    qtbot.waitUntil(lambda: len(fake.calls()) == 1, timeout=20_000)
    text = dialog.message.text()
    assert "Your desktop will ask whether Authenticator may take a screenshot" in text
    fake.release()  # the user allows it
    wait_review(qtbot, dialog)


def test_cancel_in_the_desktop_dialog_is_quiet_and_offers_other_routes(qtbot, open_dialog,
                                                                       fake_portal):
    fake = fake_portal("cancel")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    wait_text(qtbot, dialog, fake, "cancelled")
    assert "No QR code" not in dialog.message.text()
    assert dialog.screen_fallback.isVisible() and dialog.scan_screen_button.isEnabled()


@pytest.mark.parametrize("mode", ["deny", "deny-error"])
def test_a_refusal_explains_what_to_do(qtbot, open_dialog, fake_portal, mode):
    fake = fake_portal(mode)
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    wait_text(qtbot, dialog, fake, "refused")
    assert "Open an image" in dialog.message.text()
    assert dialog.screen_fallback.isVisible() and dialog.scan_screen_button.isEnabled()
    assert fake.written() == []


@pytest.mark.parametrize("mode", [None, "no-interface"])
def test_no_portal_or_no_screenshot_interface(qtbot, open_dialog, fake_portal, mode):
    fake = fake_portal(mode)
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    wait_text(qtbot, dialog, fake, "no screenshot service")
    assert "Wayland" in dialog.message.text() and dialog.screen_fallback.isVisible()


def test_no_reply_times_out_and_a_late_picture_is_still_deleted(qtbot, open_dialog,
                                                                fake_portal):
    fake = fake_portal("hold")
    answers = []

    def portal(parent):
        client = fake.portal(parent, timeout_ms=200)  # the ~15 s default, shortened
        client.finished.connect(lambda a: answers.append(a.outcome))
        return client

    dialog = open_dialog(portal=portal)
    press_scan(qtbot, dialog)
    wait_text(qtbot, dialog, fake, "did not answer")
    assert answers == [Outcome.NO_REPLY]
    fake.release()  # the desktop answers after all, with a picture
    qtbot.waitUntil(lambda: len(fake.written()) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not Path(fake.written()[0]).exists(), timeout=20_000)
    assert dialog.pages.currentWidget() is dialog.screen_page  # nothing happens with it


def test_esc_while_the_portal_is_asked_cancels_quietly(qtbot, open_dialog, fake_portal):
    fake = fake_portal("hold")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    qtbot.waitUntil(lambda: len(fake.calls()) == 1, timeout=20_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the scan stopped, the dialog stays
    assert not dialog.message.isVisible() and dialog.scan_screen_button.isEnabled()
    fake.release()
    qtbot.waitUntil(lambda: len(fake.written()) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not Path(fake.written()[0]).exists(), timeout=20_000)
    assert not dialog.message.isVisible()


def test_closing_the_dialog_while_waiting_still_deletes_the_picture(qtbot, open_dialog,
                                                                    fake_portal):
    fake = fake_portal("hold")
    dialog = open_dialog(track=False, portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    qtbot.waitUntil(lambda: len(fake.calls()) == 1, timeout=20_000)
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not isValid(dialog))
    fake.release()
    qtbot.waitUntil(lambda: len(fake.written()) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not Path(fake.written()[0]).exists(), timeout=20_000)


def test_drag_a_box_on_the_portal_picture_across_two_monitors(qtbot, open_dialog,
                                                              fake_portal, tmp_path):
    # Two 3840x1080 monitors side by side; the portal's picture spans both. The QR code on
    # the right monitor is too small to be found at full scale: drag a box around it.
    picture = qr_picture(tmp_path / "wide.png", module_px=1, size=(7680, 1080),
                         at=(6800, 500))
    fake = fake_portal("success", picture)
    monitors = [QRect(0, 0, 3840, 1080), QRect(3840, 0, 3840, 1080)]
    dialog = open_dialog(portal=lambda parent: fake.portal(parent),
                         geometries=lambda: list(monitors))
    press_scan(qtbot, dialog)
    try:
        qtbot.waitUntil(lambda: len(dialog.screen_route.overlays) == 2, timeout=20_000)
    except Exception:
        raise AssertionError(f"{dialog.message.text()!r} {fake.output()!r} "
                             f"{dialog.screen_route.busy} {dialog.scan_pending()}") from None
    assert not Path(fake.written()[0]).exists()  # deleted before the box is even drawn
    left, right = dialog.screen_route.overlays
    assert left.geometry() == monitors[0] and right.geometry() == monitors[1]
    assert (right.screenshot.width(), right.screenshot.height()) == (3840, 1080)
    start, end = QPoint(6800 - 3840 - 15, 485), QPoint(6800 - 3840 + 57 + 15, 500 + 57 + 15)
    qtbot.mousePress(right, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(right, end)
    qtbot.mouseRelease(right, Qt.MouseButton.LeftButton, pos=end)
    wait_review(qtbot, dialog)
    assert dialog.review_page.labels() == [LABEL]
    assert not isValid(left) and not isValid(right)  # both overlays are gone


def test_x11_grabs_of_two_monitors_each_get_an_overlay(qtbot, open_dialog):
    # Before, the box could only be drawn on the dialog's monitor: here the QR code is on
    # the other one (too small to be found at full scale).
    monitors = [QRect(0, 0, 3840, 1080), QRect(3840, 0, 3840, 1080)]
    code = qr_image(format_uri(ACCOUNT), module_px=1)
    screens = []
    for index in range(2):
        gray = np.full((1080, 3840), 230, dtype=np.uint8)
        gray[10:20, 10 + index * 5:30] = 0  # not blank
        if index == 1:
            paste(gray, code, 900, 250)
        screens.append(QImage(gray.data, 3840, 1080, 3840,
                              QImage.Format.Format_Grayscale8).copy())
    dialog = open_dialog(grab=lambda: list(screens), geometries=lambda: list(monitors))
    press_scan(qtbot, dialog)
    qtbot.waitUntil(lambda: len(dialog.screen_route.overlays) == 2, timeout=20_000)
    left, right = dialog.screen_route.overlays
    assert [o.geometry() for o in (left, right)] == monitors
    assert dialog.overlay is left  # the keyboard focus is on the dialog's monitor
    start, end = QPoint(885, 235), QPoint(900 + code.shape[1] + 15, 250 + code.shape[0] + 15)
    qtbot.mousePress(right, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(right, end)
    qtbot.mouseRelease(right, Qt.MouseButton.LeftButton, pos=end)
    wait_review(qtbot, dialog)
    assert dialog.review_page.labels() == [LABEL]
    assert dialog.screen_route.tiles == []


def test_esc_on_the_overlay_cancels_quietly(qtbot, open_dialog):
    gray = np.full((480, 640), 230, dtype=np.uint8)
    gray[100:200, 100:200] = 0  # something, but no QR code
    image = QImage(gray.data, 640, 480, 640, QImage.Format.Format_Grayscale8).copy()
    dialog = open_dialog(grab=lambda: [image])
    press_scan(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.overlay is not None and dialog.overlay.isVisible(),
                    timeout=20_000)
    qtbot.keyClick(dialog.overlay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.overlay is None)
    assert not dialog.message.isVisible()  # no "No QR code found in this image"
    assert dialog.isVisible() and dialog.scan_screen_button.isEnabled()


def test_macos_empty_grab_explains_the_screen_recording_permission(qtbot, open_dialog):
    dialog = open_dialog()
    dialog.screen_route.platform = "darwin"
    press_scan(qtbot, dialog)
    text = wait_idle(qtbot, dialog)
    assert "Screen Recording" in text and "Privacy & Security" in text
    assert dialog.screen_fallback.isVisible()


def test_windows_empty_grab_keeps_todays_explanation(qtbot, open_dialog, fake_portal):
    fake = fake_portal("success")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    dialog.screen_route.platform = "win32"
    press_scan(qtbot, dialog)
    text = wait_idle(qtbot, dialog)
    assert "did not let the app read the screen" in text and fake.calls() == []


def test_split_picture_follows_the_monitor_layout():
    gray = np.zeros((600, 1600), dtype=np.uint8)
    gray[:, 800:] = 255
    tiles = split_picture(gray, [QRect(0, 0, 800, 600), QRect(800, 0, 800, 600)])
    assert [t.gray.shape for t in tiles] == [(600, 800), (600, 800)]
    assert int(tiles[0].gray.max()) == 0 and int(tiles[1].gray.min()) == 255
    hidpi = np.zeros((1200, 3200), dtype=np.uint8)  # the same layout at scale 2
    assert [t.gray.shape for t in split_picture(hidpi, [QRect(0, 0, 800, 600),
                                                        QRect(800, 0, 800, 600)])] == [
        (1200, 1600), (1200, 1600)]
    odd = np.zeros((500, 500), dtype=np.uint8)  # does not match: kept whole
    whole = split_picture(odd, [QRect(0, 0, 800, 600), QRect(800, 0, 800, 600)])
    assert len(whole) == 1 and whole[0].gray.shape == (500, 500)



def test_esc_while_decoding_cancels_quietly(qtbot, open_dialog):
    from authenticator.ui.common.worker import pending_jobs

    rng = np.random.default_rng(1)
    noise = (rng.random((1800, 5000)) * 255).astype(np.uint8)  # slow to search, no QR
    image = QImage(noise.data, 5000, 1800, 5000, QImage.Format.Format_Grayscale8).copy()
    dialog = open_dialog(grab=lambda: [image])
    press_scan(qtbot, dialog)
    qtbot.waitUntil(dialog.scan_pending)
    assert dialog.overlay is None  # still decoding
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not dialog.message.isVisible()
    qtbot.waitUntil(lambda: pending_jobs() == 0, timeout=60_000)  # the worker ends...
    assert dialog.overlay is None and not dialog.message.isVisible()  # ...unheard
    assert dialog.scan_screen_button.isEnabled()


def test_after_a_cancel_the_desktop_tool_can_be_asked_interactively(qtbot, open_dialog,
                                                                     fake_portal):
    fake = fake_portal("first-cancel")
    dialog = open_dialog(portal=lambda parent: fake.portal(parent))
    press_scan(qtbot, dialog)
    wait_text(qtbot, dialog, fake, "cancelled")
    tool = dialog.screen_route.tool_button
    assert tool is not None and tool.isVisible()
    qtbot.mouseClick(tool, Qt.MouseButton.LeftButton)
    assert "screenshot tool opens" in dialog.message.text()  # said before it opens
    wait_review(qtbot, dialog)
    assert dialog.review_page.labels() == [LABEL]
    assert [c["options"]["interactive"] for c in fake.calls()] == [False, True]  # type: ignore[index]
    assert not Path(fake.written()[0]).exists()
