"""The Add dialog: every way to enroll a key, then a confirmation with the first code.

Routes: scan with a camera, scan the screen, open an image, paste (image or link), type
a key. Dropping or pasting onto the dialog or the main window opens it pre-filled
(see ``hooks``). Google Authenticator exports list their accounts with checkboxes;
multi-part exports are collected in any order (``review``). Decoding of images and
screenshots runs in a worker (``scanning``); the camera has its own thread (``camera``),
the screen route its own steps (``screen``). This module puts the pieces together.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, SignalInstance
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QWidget

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import MigrationBatch
from authenticator.ui.enroll.camera import (
    CameraRoute,
    ListCameras,
    OpenCamera,
    default_list_cameras,
    default_open_camera,
)
from authenticator.ui.enroll.duplicates import add_accounts_checked
from authenticator.ui.enroll.intake import Intake
from authenticator.ui.enroll.layout import EnrollLayout
from authenticator.ui.enroll.region import RegionOverlay, screen_geometries
from authenticator.ui.enroll.review import ExportParts
from authenticator.ui.enroll.routes import SCANNING, Route
from authenticator.ui.enroll.scanning import ScanJobs
from authenticator.ui.enroll.screen import PortalFactory, ScreenRoute, default_portal
from authenticator.ui.enroll.sources import Incoming, grab_screens, incoming_from_mime

if TYPE_CHECKING:
    from authenticator.scan.pipeline import ScanResult
    from authenticator.ui.common.clipboard import SecureClipboard
    from authenticator.ui.enroll.clock_note import ClockNote
    from authenticator.ui.host import Host

__all__ = ["EnrollDialog", "Route", "open_enroll_dialog"]

GRAB_DELAY_MS = 350  # time for the compositor to remove our windows before the grab


class EnrollDialog(EnrollLayout):
    """Add one or more accounts. ``add_accounts`` adds (asking about duplicates) and
    returns what was really added; the dialog then shows the confirmation step."""

    def __init__(
        self,
        now: Callable[[], float],
        add_accounts: Callable[[list[Account]], list[Account]],
        clipboard: SecureClipboard | None = None,
        parent: QWidget | None = None,
        *,
        open_camera: OpenCamera = default_open_camera,
        list_cameras: ListCameras = default_list_cameras,
        grab: Callable[[], list[QImage]] = grab_screens,
        grab_delay_ms: int = GRAB_DELAY_MS,
        portal: PortalFactory = default_portal,
        geometries: Callable[[], list[QRect]] = screen_geometries,
        ticked: SignalInstance | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add account"))
        self.setAcceptDrops(True)
        self._now = now
        self._add_accounts = add_accounts
        self._clipboard = clipboard
        self.jobs = ScanJobs(self, self)
        self.intake = Intake(self, self)
        self.export_parts = ExportParts(self)
        self.added: list[Account] = []
        self.screen_route = ScreenRoute(self, grab=grab, grab_delay_ms=grab_delay_ms,
                                        portal=portal, geometries=geometries)
        self._build(now, clipboard, self.screen_route.intro())
        self.camera = CameraRoute(self, self.camera_page, self.jobs, open_camera,
                                  list_cameras, self)
        self._connect()
        if ticked is not None:
            ticked.connect(self.tick)
        else:
            self._timer = QTimer(self)
            self._timer.timeout.connect(self.tick)
            self._timer.start(1000)
        self.resize(760, 520)
        self.show_route(Route.SCREEN)

    # -- wiring ---------------------------------------------------------------------------
    def _connect(self) -> None:
        self.paste_action = QAction(self.tr("Paste"), self)
        self.paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.paste_action.triggered.connect(self.paste_from_clipboard)
        self.addAction(self.paste_action)

        self.routes.installEventFilter(self)  # QListWidget swallows Ctrl+V otherwise
        self.routes.currentRowChanged.connect(self._route_row_changed)
        self.screen_page.scan_requested.connect(self.scan_screen)
        self.screen_page.image_instead.connect(lambda: self.show_route(Route.IMAGE))
        self.screen_page.paste_instead.connect(lambda: self.show_route(Route.PASTE))
        self.image_page.open_requested.connect(self.open_image)
        self.paste_page.paste_requested.connect(self.paste_from_clipboard)
        self.paste_page.link_entered.connect(self.intake.use_link)
        self.form.account_changed.connect(lambda _a: self._update_buttons())
        self.review_page.selection_changed.connect(self._update_buttons)
        self.done_page.copy_requested.connect(self.copy_code)
        self.add_button.clicked.connect(self._add_clicked)
        self.close_button.clicked.connect(self._close_clicked)
        self.add_another_button.clicked.connect(self.start_over)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.routes and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Paste)):
            self.paste_from_clipboard()
            return True
        return super().eventFilter(watched, event)

    # -- routes ---------------------------------------------------------------------------
    def current_route(self) -> Route | None:
        return self.routes.current_route()

    def show_route(self, route: Route) -> None:
        row = self.routes.row_of(route)
        if self.routes.currentRow() == row:
            self._route_row_changed(row)
        else:
            self.routes.setCurrentRow(row)

    def _route_row_changed(self, row: int) -> None:
        route = self.routes.route_at(row)
        if route is None:
            return
        self.stop_camera()
        self.screen_route.cancel()  # another route chosen: a pending screen scan ends
        self.clear_message()
        self.screen_fallback.setVisible(False)
        self.pages.setCurrentWidget(self._route_pages[route])
        self.decoder_note.setVisible(bool(self.decoder_note.text()) and route in SCANNING)
        if route is Route.CAMERA:
            self.camera.find_cameras()
        elif route is Route.MANUAL:
            self.form.key.setFocus()
        self._update_buttons()

    def start_over(self) -> None:
        """From the confirmation step back to the routes, for the next account."""
        self.added = []
        self.export_parts.reset()
        self.routes.setEnabled(True)
        for edit in (self.form.issuer, self.form.name, self.form.key):
            edit.clear()
        self.link_edit.clear()
        self.show_route(self.current_route() or Route.SCREEN)

    # -- camera (see camera.py) ------------------------------------------------------
    def stop_camera(self) -> None:
        """Stop capturing and release the device (route change, close, result)."""
        self.camera.stop()

    @property
    def camera_running(self) -> bool:
        return self.camera.running

    def collecting_export(self) -> bool:
        return self.export_parts.collecting

    # -- screen (see screen.py) -----------------------------------------------------
    def scan_screen(self) -> None:
        """Step our windows aside, read every screen (or ask the portal), decode."""
        self.screen_route.start()

    @property
    def overlay(self) -> RegionOverlay | None:
        """The drag-a-box overlay on the dialog's monitor (None when not shown)."""
        overlays = self.screen_route.overlays
        return overlays[self.screen_route.focused_tile()] if overlays else None

    def scan_job(self, work: Callable[[], list[ScanResult]],
                 on_nothing: Callable[[str], None] | None = None) -> None:
        self.jobs.scan(work, on_nothing)

    def scan_pending(self) -> bool:
        return self.jobs.pending()

    def cancel_jobs(self) -> None:
        """Forget running decodes (their results are dropped)."""
        self.jobs.cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.screen_route.cancel():
            return  # Esc during a screen scan stops it quietly; the dialog stays
        super().keyPressEvent(event)

    # -- image files, pasted images, links (see intake.py) -----------------------------
    def open_image(self) -> None:
        self.intake.open_image()

    def paste_from_clipboard(self) -> None:
        self.intake.paste_from_clipboard()

    def receive(self, incoming: Incoming) -> None:
        """Handle dropped or pasted data (also used to open the dialog pre-filled)."""
        self.intake.receive(incoming)

    def on_result_page(self) -> bool:
        return self.pages.currentWidget() in (self.review_page, self.done_page)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if incoming_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        incoming = incoming_from_mime(event.mimeData())
        if incoming is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.receive(incoming))

    # -- results ------------------------------------------------------------------------
    def accept_found(self, accounts: list[Account], batches: list[MigrationBatch]) -> None:
        """Plain accounts go to the review list; export parts wait until all are read."""
        try:
            self.export_parts.add(batches)
        except AuthenticatorError as err:
            self.show_error(err)
            return
        waiting = self.export_parts.missing_note()
        if waiting:
            self.show_info(waiting)
            return
        more, skipped = self.export_parts.take()
        self.show_review(accounts + more, skipped, from_export=bool(batches))

    def show_review(self, accounts: list[Account], skipped: list[str],
                    from_export: bool) -> None:
        self.stop_camera()
        self.review_page.show_accounts(accounts, skipped, from_export)
        self.clear_message()
        self.pages.setCurrentWidget(self.review_page)
        self._update_buttons()
        self.add_button.setFocus()

    def checked_accounts(self) -> list[Account]:
        return self.review_page.checked_accounts()

    def _add_clicked(self) -> None:
        page = self.pages.currentWidget()
        if page is self.form:
            chosen = [self.form.account] if self.form.account else []
        elif page is self.review_page:
            chosen = self.checked_accounts()
        else:
            return
        if not chosen:
            return
        added = self._add_accounts(chosen)
        if not added:
            self.show_info(self.tr("Nothing new was added: the key is already in your "
                                   "list."))
            return
        self.show_done(added)

    # -- confirmation -------------------------------------------------------------------
    def show_done(self, added: list[Account]) -> None:
        self.added = added
        self.done_page.show_accounts(added, self._now())
        self.clear_message()
        self.pages.setCurrentWidget(self.done_page)
        self._update_buttons()
        self.close_button.setFocus()

    def add_clock_note(self, uncorrected_offset: Callable[[], float | None],
                       use_corrected: Callable[[], None]) -> ClockNote:
        """Warn on the confirmation page when the clock is known to be off (see clock_note)."""
        from authenticator.ui.enroll.clock_note import ClockNote

        note = ClockNote(uncorrected_offset, use_corrected, self.tick, self.done_page)
        self.done_page.add_note(note)
        self.clock_note = note
        self.pages.currentChanged.connect(lambda _index: note.update_state())
        return note

    def current_code(self) -> str:
        return self.done_page.current_code() if self.added else ""

    def tick(self) -> None:
        if not self.jobs.closed and self.pages.currentWidget() is self.done_page:
            self.done_page.refresh(self._now())

    def copy_code(self) -> None:
        self.done_page.copy_code()

    # -- closing ------------------------------------------------------------------------
    def _close_clicked(self) -> None:
        if self.pages.currentWidget() is self.done_page:
            self.accept()
        else:
            self.reject()

    def done(self, result: int) -> None:
        self._shut_down()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shut_down()
        super().closeEvent(event)

    def _shut_down(self) -> None:
        self.jobs.closed = True
        self.stop_camera()
        self.screen_route.shut_down()


# -- entry point from the enroll feature -------------------------------------------------


def open_enroll_dialog(host: Host, incoming: Incoming | None = None) -> None:
    """Open the Add dialog over the window (pre-filled with dropped or pasted data)."""
    if not host.session.is_unlocked:
        return
    dialog = EnrollDialog(host.time.now, partial(add_accounts_checked, host), host.clipboard,
                          host.window(), ticked=host.ticked)
    clock = host.clock_advisor()
    if clock is not None:
        dialog.add_clock_note(clock.uncorrected_offset, clock.use_measured_correction)
    if incoming is not None:
        dialog.receive(incoming)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
