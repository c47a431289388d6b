"""The Add dialog used as a person would: camera, screen, image, drop, paste, typing."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
import segno
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from authenticator.core.account import Account
from authenticator.core.migration import encode_migration_uris
from authenticator.core.otp import code_at, group_code
from authenticator.core.uri import format_uri
from authenticator.scan.camera import CameraError, CameraInfo
from authenticator.ui import enroll
from authenticator.ui.enroll.dialog import EnrollDialog, Route
from authenticator.ui.enroll.sources import Incoming
from tests.desktop.fake import offline_portal
from tests.helpers.checklist import click_check
from tests.helpers.gui import create_vault, on_next_modal
from tests.helpers.synthetic import SyntheticVideoSource, paste, qr_image

GITHUB = Account(secret=bytes.fromhex("48656c6c6f21deadbeef"), issuer="GitHub", name="alice")
STRONG = Account(secret=bytes(range(20)), issuer="Portal", name="bob@example.com")


def qr_png(payload: str, scale: int = 5) -> bytes:
    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_qimage(payload: str, scale: int = 5) -> QImage:
    return QImage.fromData(qr_png(payload, scale))


class Added:
    """Stands in for MainWindow.add_accounts_checked in dialog-only tests."""

    def __init__(self) -> None:
        self.accounts: list[Account] = []

    def __call__(self, accounts: list[Account]) -> list[Account]:
        self.accounts.extend(accounts)
        return accounts


@pytest.fixture
def added() -> Added:
    return Added()


@pytest.fixture
def make_dialog(qtbot, timebase, added):
    made: list[EnrollDialog] = []

    def make(**kwargs) -> EnrollDialog:
        kwargs.setdefault("list_cameras", lambda: [])
        kwargs.setdefault("portal", offline_portal)  # never the desktop's real portal
        dialog = EnrollDialog(timebase.now, added, None, **kwargs)
        qtbot.addWidget(dialog)
        dialog.move(0, 0)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.close()


def review_labels(dialog: EnrollDialog) -> list[str]:
    return dialog.review_page.labels()


def wait_review(qtbot, dialog: EnrollDialog, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.review_page
                    or (dialog.message.isVisible() and "Looking" not in dialog.message.text()
                        and dialog.pages.currentWidget() is not dialog.review_page
                        and dialog.has_error()),
                    timeout=timeout)
    assert dialog.pages.currentWidget() is dialog.review_page, dialog.message.text()


def wait_error(qtbot, dialog: EnrollDialog, timeout: int = 10_000) -> str:
    qtbot.waitUntil(dialog.has_error, timeout=timeout)
    return dialog.message.text()


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_error_state_is_set_by_errors_only_and_shows_in_red(qtbot, make_dialog):
    dialog = make_dialog()
    dialog.show_info("Looking for a QR code…")
    assert dialog.message.isVisible() and not dialog.has_error()
    info = dialog.message.grab().toImage().pixelColor(3, dialog.message.height() // 2)
    dialog.show_error("no QR code found")
    assert dialog.has_error() and dialog.message.property("error") is True
    error = dialog.message.grab().toImage().pixelColor(3, dialog.message.height() // 2)
    assert error.red() > error.blue() and info.blue() > info.red()  # what the user sees
    dialog.clear_message()
    assert not dialog.has_error()


# -- camera -------------------------------------------------------------------------------


def test_camera_route_reads_a_qr_code_and_releases_the_camera(qtbot, make_dialog, added,
                                                             timebase):
    source = SyntheticVideoSource(format_uri(GITHUB), frames=3000, show_from=3)
    opened: list[int] = []

    def open_camera(index: int) -> SyntheticVideoSource:
        opened.append(index)
        return source

    dialog = make_dialog(open_camera=open_camera,
                         list_cameras=lambda: [CameraInfo(2, "Fake webcam")])
    qtbot.mouseClick(dialog.routes.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.routes.visualItemRect(dialog.routes.item(0)).center())
    assert dialog.current_route() is Route.CAMERA
    wait_review(qtbot, dialog)
    assert opened == [2]
    assert dialog.camera_page.chooser.currentText() == "Fake webcam"
    assert dialog.camera_page.preview.pixmap() is not None
    assert source.released  # a result ends the capture: the camera light goes off
    assert review_labels(dialog) == ["GitHub (alice)"]
    click(qtbot, dialog.add_button)
    assert [a.secret for a in added.accounts] == [GITHUB.secret]
    assert dialog.done_page.code_label.text() == group_code(code_at(GITHUB, timebase.now()))


def test_camera_is_released_when_route_changes_and_on_close(qtbot, make_dialog):
    first = SyntheticVideoSource("nothing to see", frames=100_000, show_from=10**9)
    second = SyntheticVideoSource("nothing to see", frames=100_000, show_from=10**9)
    sources = iter([first, second])
    dialog = make_dialog(open_camera=lambda _i: next(sources),
                         list_cameras=lambda: [CameraInfo(0, "Cam")])
    dialog.show_route(Route.CAMERA)
    qtbot.waitUntil(lambda: dialog.camera_running and not first.released
                    and dialog.camera_page.preview.pixmap() is not None
                    and not dialog.camera_page.preview.pixmap().isNull())
    dialog.show_route(Route.MANUAL)
    assert first.released and not dialog.camera_running
    dialog.show_route(Route.CAMERA)
    qtbot.waitUntil(lambda: dialog.camera_running)
    click(qtbot, dialog.close_button)
    assert second.released and not dialog.camera_running


def test_no_camera_says_so_and_what_to_try(qtbot, make_dialog):
    dialog = make_dialog(list_cameras=lambda: [])
    dialog.show_route(Route.CAMERA)
    text = wait_error(qtbot, dialog)
    assert "No camera was found" in text and "screen" in text


def test_busy_camera_shows_the_reason(qtbot, make_dialog):
    def busy(index: int):
        raise CameraError(f"camera {index} opened but sends no picture: it is probably busy")

    dialog = make_dialog(open_camera=busy, list_cameras=lambda: [CameraInfo(0, "Cam")])
    dialog.show_route(Route.CAMERA)
    assert wait_error(qtbot, dialog) == ("Camera 0 opened but sends no picture: it is "
                                         "probably busy.")
    assert not dialog.camera_running


# -- screen -------------------------------------------------------------------------------


def test_screen_route_finds_a_qr_code_shown_in_another_window(qtbot, make_dialog):
    shown = QLabel()
    shown.setPixmap(QPixmap.fromImage(qr_qimage(format_uri(STRONG), 4)))
    qtbot.addWidget(shown)
    shown.move(520, 560)  # clear of the dialog at the top left of the 800x800 test screen
    shown.show()
    qtbot.waitUntil(lambda: shown.windowHandle().isExposed())  # offscreen exposes late
    dialog = make_dialog(grab_delay_ms=0)
    assert dialog.current_route() is Route.SCREEN
    click(qtbot, dialog.scan_screen_button)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["Portal (bob@example.com)"]
    assert dialog.windowOpacity() == 1.0  # stepped back in after the grab


def test_screen_region_selection_decodes_a_code_too_small_to_find(qtbot, make_dialog):
    # A wide screenshot (like three 4K monitors side by side) with a tiny QR code: at the
    # whole-image scale its modules are sub-pixel; the dragged region, enlarged, decodes.
    screenshot = np.full((900, 7800), 255, dtype=np.uint8)
    code = qr_image(format_uri(STRONG), module_px=2)
    paste(screenshot, code, 5000, 400)
    height, width = screenshot.shape
    image = QImage(screenshot.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    dialog = make_dialog(grab=lambda: [image], grab_delay_ms=0)
    click(qtbot, dialog.scan_screen_button)
    qtbot.waitUntil(lambda: dialog.overlay is not None and dialog.overlay.isVisible(),
                    timeout=20_000)
    overlay = dialog.overlay
    sx, sy = overlay.width() / width, overlay.height() / height
    top_left = QPoint(int((5000 - 20) * sx), int((400 - 20) * sy))
    bottom_right = QPoint(int((5000 + code.shape[1] + 20) * sx) + 2,
                          int((400 + code.shape[0] + 20) * sy) + 2)
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=top_left)
    qtbot.mouseMove(overlay, bottom_right)
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=bottom_right)
    wait_review(qtbot, dialog, timeout=20_000)
    assert review_labels(dialog) == ["Portal (bob@example.com)"]


def test_black_screen_grab_explains_and_offers_other_routes(qtbot, make_dialog):
    black = QImage(640, 480, QImage.Format.Format_RGB32)
    black.fill(0)
    dialog = make_dialog(grab=lambda: [black], grab_delay_ms=0)
    click(qtbot, dialog.scan_screen_button)
    text = wait_error(qtbot, dialog)
    assert "Wayland" in text and "Open an image" in text
    assert dialog.screen_fallback.isVisible()


# -- image files and drops --------------------------------------------------------------


def test_image_file_route(qtbot, make_dialog, monkeypatch, tmp_path: Path):
    path = tmp_path / "qr.png"
    path.write_bytes(qr_png(format_uri(GITHUB)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    dialog = make_dialog()
    dialog.show_route(Route.IMAGE)
    click(qtbot, dialog.open_image_button)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["GitHub (alice)"]


def test_decoy_qr_codes_are_ignored_and_a_lone_link_is_explained(qtbot, make_dialog,
                                                                 monkeypatch, tmp_path):
    page = np.full((500, 900), 255, dtype=np.uint8)
    paste(page, qr_image("https://example.com/help", module_px=4), 40, 60)
    paste(page, qr_image(format_uri(GITHUB), module_px=4), 480, 60)
    both = tmp_path / "both.png"
    _ok, encoded = cv2.imencode(".png", page)
    both.write_bytes(encoded.tobytes())
    decoy = tmp_path / "decoy.png"
    decoy.write_bytes(qr_png("https://example.com/help"))
    chosen = iter([str(both), str(decoy)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (next(chosen), "")))
    dialog = make_dialog()
    dialog.show_route(Route.IMAGE)
    click(qtbot, dialog.open_image_button)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["GitHub (alice)"]
    dialog.show_route(Route.IMAGE)
    click(qtbot, dialog.open_image_button)
    assert wait_error(qtbot, dialog) == ("This QR code contains a web address, not an "
                                         "authenticator key.")


def drop(qtbot, target, mime: QMimeData) -> bool:
    pos = QPointF(target.width() / 2, target.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def file_mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_drop_image_file_onto_dialog(qtbot, make_dialog, tmp_path):
    path = tmp_path / "dropped.png"
    path.write_bytes(qr_png(format_uri(STRONG)))
    dialog = make_dialog()
    text_only = QMimeData()
    text_only.setText("just words")
    assert not drop(qtbot, dialog, text_only)
    assert drop(qtbot, dialog, file_mime(path))
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["Portal (bob@example.com)"]


def finish_in_dialog(qtbot, expect_labels: list[str]):
    """Modal handler: wait for the review list, add, then press Done."""

    def handler(dialog):
        assert isinstance(dialog, EnrollDialog)
        wait_review(qtbot, dialog)
        assert review_labels(dialog) == expect_labels
        click(qtbot, dialog.add_button)
        assert dialog.pages.currentWidget() is dialog.done_page
        click(qtbot, dialog.close_button)

    return on_next_modal(qtbot, handler)


def listed(host) -> list[str]:
    """The issuers of the vault's accounts (the list the window would show)."""
    return [a.issuer for a in host.session.accounts()]


@pytest.fixture
def enrolling(qtbot, fake_host):
    """The enroll feature alone on a fake host (tests/helpers/fake_host.py), unlocked."""
    fake_host.create_vault(qtbot)
    enroll.install(fake_host)
    return fake_host


def test_drop_image_file_onto_main_window(qtbot, enrolling, tmp_path):
    host = enrolling
    path = tmp_path / "dropped.png"
    path.write_bytes(qr_png(format_uri(GITHUB)))
    errors = finish_in_dialog(qtbot, ["GitHub (alice)"])
    text_only = QMimeData()
    text_only.setText("just words")
    assert not drop(qtbot, host.list_area, text_only)
    assert drop(qtbot, host.list_area, file_mime(path))
    qtbot.waitUntil(lambda: listed(host) == ["GitHub"], timeout=15_000)
    assert not errors


# -- paste --------------------------------------------------------------------------------


def test_paste_image_and_link_into_dialog(qtbot, make_dialog):
    dialog = make_dialog()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.routes.setFocus()
    QGuiApplication.clipboard().setImage(qr_qimage(format_uri(GITHUB)))
    qtbot.keyClick(dialog.routes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["GitHub (alice)"]

    QGuiApplication.clipboard().setText(format_uri(STRONG))
    dialog.routes.setFocus()
    qtbot.keyClick(dialog.routes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == ["Portal (bob@example.com)"]

    QGuiApplication.clipboard().setText("hello there")
    dialog.routes.setFocus()
    qtbot.keyClick(dialog.routes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "not an authenticator link" in wait_error(qtbot, dialog)


def test_paste_link_anywhere_in_main_window(qtbot, enrolling):
    host = enrolling
    QGuiApplication.clipboard().setText("hello there")
    host.list_area.setFocus()
    qtbot.keyClick(host.list_area, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "no QR code image and no otpauth:// link" in host.last_notice()
    assert QApplication.activeModalWidget() is None
    QGuiApplication.clipboard().setText(format_uri(STRONG))
    errors = finish_in_dialog(qtbot, ["Portal (bob@example.com)"])
    qtbot.keyClick(host.list_area, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: listed(host) == ["Portal"], timeout=10_000)
    assert not errors


def test_paste_into_search_field_still_pastes_text(qtbot, window):
    create_vault(qtbot, window)
    QGuiApplication.clipboard().setText("git")
    window.codes.search.setFocus()
    qtbot.keyClick(window.codes.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.codes.search.text() == "git"
    assert QApplication.activeModalWidget() is None


# -- typing a key -------------------------------------------------------------------------


def test_manual_route_shows_reason_and_blocks_add_for_bad_keys(qtbot, make_dialog, added):
    dialog = make_dialog()
    dialog.show_route(Route.MANUAL)
    form = dialog.form
    qtbot.keyClicks(form.issuer, "Example")
    qtbot.keyClicks(form.key, "JBSW Y3DP 1")
    assert "1 (perhaps I or L)" in form.status.text()
    assert not dialog.add_button.isEnabled()
    form.key.clear()
    qtbot.keyClicks(form.key, "jbsw y3dp ehpk 3pxp")
    assert dialog.add_button.isEnabled()
    form.issuer.clear()
    assert "Give the issuer or the account a name" in form.status.text()
    assert not dialog.add_button.isEnabled()
    qtbot.keyClicks(form.name, "me")
    click(qtbot, dialog.add_button)
    assert added.accounts[0].secret_b32 == "JBSWY3DPEHPK3PXP"
    assert "80 bits" in dialog.done_page.weak_note.text()


# -- Google Authenticator exports ------------------------------------------------------


def test_migration_parts_out_of_order_then_choose_accounts(qtbot, make_dialog, added):
    accounts = [Account(secret=bytes([i]) * 20, issuer=f"Site{i}", name=f"user{i}")
                for i in range(6)]
    links = encode_migration_uris(accounts, max_bytes=300, batch_id=7)
    assert len(links) == 2
    dialog = make_dialog()
    dialog.show_route(Route.PASTE)
    dialog.link_edit.setText(links[1])
    qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Scan part 1 of 2 next" in dialog.message.text())
    assert dialog.pages.currentWidget() is dialog.paste_page
    dialog.link_edit.setText(links[0])
    qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)
    wait_review(qtbot, dialog)
    assert review_labels(dialog) == [a.label for a in accounts]
    click_check(qtbot, dialog.review_page.found_list, 2)
    click(qtbot, dialog.add_button)
    assert [a.issuer for a in added.accounts] == ["Site0", "Site1", "Site3", "Site4", "Site5"]
    assert "Also added" in dialog.done_page.more_note.text()


# -- duplicates and the confirmation step --------------------------------------------------


def test_duplicate_is_skipped_and_the_dialog_says_nothing_was_added(qtbot, enrolling):
    host = enrolling
    host.session.add(GITHUB)
    seen: dict[str, str] = {}

    def choose_skip(box):
        assert isinstance(box, QMessageBox)
        seen["question"] = box.text()
        next(b for b in box.buttons() if b.text().replace("&", "") == "Skip").click()

    def handler(dialog):
        dialog.receive(Incoming(text=format_uri(GITHUB.evolve(issuer="Again"))))
        assert review_labels(dialog) == ["Again (alice)"]
        box_errors = on_next_modal(qtbot, choose_skip)
        click(qtbot, dialog.add_button)
        assert not box_errors
        seen["message"] = dialog.message.text()
        assert dialog.pages.currentWidget() is dialog.review_page
        click(qtbot, dialog.close_button)

    errors = on_next_modal(qtbot, handler)
    host.add_requested.emit(None)  # the Add button, the menu or Ctrl+N
    assert not errors
    assert "already in the vault as GitHub (alice)" in seen["question"]
    assert "Nothing new was added" in seen["message"]
    assert listed(host) == ["GitHub"]


def test_confirmation_shows_live_code_countdown_and_copies(qtbot, enrolling, timebase):
    host = enrolling
    seen: dict[str, object] = {}

    def handler(dialog):
        dialog.show_route(Route.PASTE)
        dialog.link_edit.setText(format_uri(GITHUB))
        qtbot.keyClick(dialog.link_edit, Qt.Key.Key_Return)
        wait_review(qtbot, dialog)
        click(qtbot, dialog.add_button)
        seen["code"] = dialog.done_page.code_label.text()
        seen["countdown"] = dialog.done_page.countdown.text()
        seen["hint"] = dialog.done_page.hint.text()
        seen["weak"] = dialog.done_page.weak_note.text()
        timebase.advance(20)  # into the next 30-second step
        dialog.tick()
        seen["next_code"] = dialog.done_page.code_label.text()
        click(qtbot, dialog.done_page.copy_button)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        click(qtbot, dialog.close_button)

    errors = on_next_modal(qtbot, handler)
    now = timebase.now()
    host.add_requested.emit(None)
    assert not errors
    assert seen["code"] == group_code(code_at(GITHUB, now))
    assert seen["countdown"] == "Changes in 20 s"
    assert "finish turning on two-factor authentication" in str(seen["hint"])
    assert "80 bits" in str(seen["weak"])
    assert seen["next_code"] == group_code(code_at(GITHUB, now + 20))
    assert seen["next_code"] != seen["code"]
    assert seen["clipboard"] == code_at(GITHUB, now + 20)
    assert host.clipboard.holds_ours()  # the app's clipboard: it clears itself later
    assert listed(host) == ["GitHub"]


def test_missing_zbar_is_mentioned_on_scan_routes_only(qtbot, make_dialog, monkeypatch):
    from authenticator.scan import decoders

    monkeypatch.setattr(decoders, "_pyzbar_loads", lambda: False)
    dialog = make_dialog()
    dialog.show_route(Route.IMAGE)
    assert dialog.decoder_note.isVisible()
    assert "libzbar0" in dialog.decoder_note.text()
    dialog.show_route(Route.MANUAL)
    assert not dialog.decoder_note.isVisible()


def test_no_note_when_every_decoder_loads(qtbot, make_dialog, monkeypatch):
    from authenticator.scan import decoders

    monkeypatch.setattr(decoders, "_pyzbar_loads", lambda: True)
    dialog = make_dialog()
    dialog.show_route(Route.IMAGE)
    assert not dialog.decoder_note.isVisible()


def test_screen_grab_steps_our_window_aside_then_back(qtbot, make_dialog):
    seen = {}
    holder = {}

    def grab():
        dialog = holder["dialog"]
        seen["opacity"], seen["pos"] = dialog.windowOpacity(), dialog.pos()
        return [QImage()]  # nothing readable: the explanation path

    dialog = make_dialog(grab=grab, grab_delay_ms=0)
    holder["dialog"] = dialog
    before = dialog.pos()
    click(qtbot, dialog.scan_screen_button)
    qtbot.waitUntil(lambda: "pos" in seen)
    assert seen["opacity"] == 0.0
    assert not dialog.screen().geometry().contains(seen["pos"])  # off every screen
    qtbot.waitUntil(lambda: dialog.scan_screen_button.isEnabled())
    assert dialog.pos() == before and dialog.windowOpacity() == 1.0
