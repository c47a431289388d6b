"""The Add dialog: every way to enroll a key, then a confirmation with the first code.

Routes: scan with a camera, scan the screen, open an image, paste (image or link), type
a key. Dropping or pasting onto the dialog or the main window opens it pre-filled
(see ``enroll_hooks``). Google Authenticator exports list their accounts with
checkboxes; multi-part exports are collected in any order. Decoding of images and
screenshots runs in a worker; the camera has its own thread (``enroll_camera``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, SignalInstance
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authenticator.core.account import Account
from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import MigrationAssembler, MigrationBatch, part_ranges
from authenticator.core.otp import code_at
from authenticator.scan.camera import CameraInfo, FrameSource
from authenticator.scan.decoders import decoder_note
from authenticator.scan.pipeline import ScanError, ScanProblem
from authenticator.ui.common.account_form import ManualEntryForm
from authenticator.ui.common.files import open_file_name
from authenticator.ui.common.icons import icon
from authenticator.ui.common.messages import describe, error_sentence, sentence
from authenticator.ui.common.secret_field import make_secret_field
from authenticator.ui.common.widgets import mark_error
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.enroll.camera import (
    CameraPage,
    CameraThread,
    ListCameras,
    OpenCamera,
    default_list_cameras,
    default_open_camera,
)
from authenticator.ui.enroll.duplicates import add_accounts_checked
from authenticator.ui.enroll.pages import ConfirmationPage, ReviewPage, heading
from authenticator.ui.enroll.region import RegionOverlay, screen_geometries
from authenticator.ui.enroll.screen import PortalFactory, ScreenRoute, default_portal
from authenticator.ui.enroll.sources import (
    Incoming,
    clipboard_incoming,
    grab_screens,
    incoming_from_mime,
    parse_links,
    qimage_to_gray,
)

if TYPE_CHECKING:
    import numpy as np

    from authenticator.scan.pipeline import ScanResult
    from authenticator.ui.common.clipboard import SecureClipboard
    from authenticator.ui.enroll.clock_note import ClockNote
    from authenticator.ui.host import Host

IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff"
GRAB_DELAY_MS = 350  # time for the compositor to remove our windows before the grab


class Route(Enum):
    CAMERA = "camera"
    SCREEN = "screen"
    IMAGE = "image"
    PASTE = "paste"
    MANUAL = "manual"


def _scan_arrays(arrays: Sequence[np.ndarray]) -> list[ScanResult]:
    from authenticator.scan.pipeline import scan_array

    return [scan_array(a) for a in arrays]


def _scan_paths(paths: Sequence[str]) -> list[ScanResult]:
    from authenticator.scan.pipeline import scan_file

    return [scan_file(p) for p in paths]


class EnrollDialog(QDialog):
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
        self._open_camera = open_camera
        self._list_cameras = list_cameras
        self._closed = False
        self._job = 0
        self._camera: CameraThread | None = None
        self._assembler: MigrationAssembler | None = None
        self._export_parts = 0
        self._pending_job = 0
        self.added: list[Account] = []
        self.screen_route = ScreenRoute(self, grab=grab, grab_delay_ms=grab_delay_ms,
                                        portal=portal, geometries=geometries)
        self._build()
        if ticked is not None:
            ticked.connect(self.tick)
        else:
            self._timer = QTimer(self)
            self._timer.timeout.connect(self.tick)
            self._timer.start(1000)
        self.resize(760, 520)
        self.show_route(Route.SCREEN)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.routes = QListWidget()
        self.routes.setAccessibleName(self.tr("Ways to add an account"))
        self.routes.setIconSize(QSize(22, 22))
        self.routes.setFixedWidth(200)
        self.routes.setSpacing(2)
        labels = {
            Route.CAMERA: (self.tr("Scan with camera"), "camera"),
            Route.SCREEN: (self.tr("Scan screen"), "screen"),
            Route.IMAGE: (self.tr("Open an image"), "image"),
            Route.PASTE: (self.tr("Paste a link or image"), "link"),
            Route.MANUAL: (self.tr("Type a key"), "key"),
        }
        self._route_order = list(labels)
        for text, icon_name in labels.values():
            QListWidgetItem(icon(icon_name), text, self.routes)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setVisible(False)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages = QStackedWidget()
        self.camera_page = CameraPage()
        self.screen_page = self._screen_page()
        self.image_page = self._image_page()
        self.paste_page = self._paste_page()
        self.form = ManualEntryForm(self._now)
        self.review_page = ReviewPage()
        self.done_page = ConfirmationPage()
        self._route_pages: dict[Route, QWidget] = {
            Route.CAMERA: self.camera_page, Route.SCREEN: self.screen_page,
            Route.IMAGE: self.image_page, Route.PASTE: self.paste_page,
            Route.MANUAL: self.form}
        for page in (*self._route_pages.values(), self.review_page, self.done_page):
            self.pages.addWidget(page)

        self.add_another_button = QPushButton(self.tr("Add &another"))
        self.add_another_button.setAccessibleName(self.tr("Add another account"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add"))
        self.add_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_another_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)

        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.pages, 1)
        self.decoder_note = QLabel()
        self.decoder_note.setWordWrap(True)
        self.decoder_note.setEnabled(False)  # a quiet, greyed hint
        self.decoder_note.setAccessibleName(self.tr("Scanner note"))
        note = decoder_note()
        if note:
            self.decoder_note.setText(self.tr(
                "Note: the optional ZBar decoder is not installed (Debian/Ubuntu: sudo "
                "apt-get install libzbar0). Scanning still works with the other decoders."))
        self.decoder_note.setVisible(False)
        right.addWidget(self.decoder_note)
        top = QHBoxLayout()
        top.addWidget(self.routes)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)

        self.paste_action = QAction(self.tr("Paste"), self)
        self.paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.paste_action.triggered.connect(self.paste_from_clipboard)
        self.addAction(self.paste_action)

        self.routes.installEventFilter(self)  # QListWidget swallows Ctrl+V otherwise
        self.routes.currentRowChanged.connect(self._route_row_changed)
        self.camera_page.camera_chosen.connect(self._start_camera)
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

    @staticmethod
    def _page(title: str, body: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        text = QLabel(body)
        text.setWordWrap(True)
        layout.addWidget(heading(title))
        layout.addWidget(text)
        return page, layout

    def _button(self, text: str, icon_name: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        if icon_name:
            button.setIcon(icon(icon_name))
        return button

    def _screen_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Scan a QR code on your screen"), self.screen_route.intro())
        self.scan_screen_button = self._button(self.tr("&Scan screen"), "screen")
        self.scan_screen_button.clicked.connect(self.scan_screen)
        row = QHBoxLayout()
        row.addWidget(self.scan_screen_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.screen_fallback = QWidget()
        fallback = QHBoxLayout(self.screen_fallback)
        fallback.setContentsMargins(0, 0, 0, 0)
        to_image = self._button(self.tr("Open an image instead"), "image")
        to_image.clicked.connect(lambda: self.show_route(Route.IMAGE))
        to_paste = self._button(self.tr("Paste instead"), "link")
        to_paste.clicked.connect(lambda: self.show_route(Route.PASTE))
        fallback.addWidget(to_image)
        fallback.addWidget(to_paste)
        fallback.addStretch(1)
        self.screen_fallback.setVisible(False)
        layout.addWidget(self.screen_fallback)
        layout.addStretch(1)
        return page

    def _image_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Open an image of the QR code"),
            self.tr("Choose a screenshot or photo of the QR code. You can also drop an "
                    "image file onto this window."))
        self.open_image_button = self._button(self.tr("&Choose image…"), "image")
        self.open_image_button.clicked.connect(self.open_image)
        row = QHBoxLayout()
        row.addWidget(self.open_image_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _paste_page(self) -> QWidget:
        page, layout = self._page(
            self.tr("Paste a link or an image"),
            self.tr("Copy the QR code image (right click, Copy image) or its otpauth:// "
                    "link, then press Ctrl+V here. Google Authenticator export links "
                    "work too."))
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("otpauth://totp/…")
        self.link_edit.setAccessibleName(self.tr("Link"))
        self.link_reveal = make_secret_field(self.link_edit)  # links hold the key
        # Deferred: the same Enter would otherwise also press Add on the review page.
        self.link_edit.returnPressed.connect(lambda: QTimer.singleShot(0, self._use_link))
        self.paste_button = self._button(self.tr("&Paste from clipboard"), "copy")
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        row = QHBoxLayout()
        row.addWidget(self.link_edit, 1)
        row.addWidget(self.paste_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- routes ---------------------------------------------------------------------------
    def current_route(self) -> Route | None:
        row = self.routes.currentRow()
        return self._route_order[row] if 0 <= row < len(self._route_order) else None

    def show_route(self, route: Route) -> None:
        row = self._route_order.index(route)
        if self.routes.currentRow() == row:
            self._route_row_changed(row)
        else:
            self.routes.setCurrentRow(row)

    def _route_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._route_order):
            return
        route = self._route_order[row]
        self.stop_camera()
        self.screen_route.cancel()  # another route chosen: a pending screen scan ends
        self.clear_message()
        self.screen_fallback.setVisible(False)
        self.pages.setCurrentWidget(self._route_pages[route])
        self.decoder_note.setVisible(bool(self.decoder_note.text()) and route in (
            Route.CAMERA, Route.SCREEN, Route.IMAGE, Route.PASTE))
        if route is Route.CAMERA:
            self._find_cameras()
        elif route is Route.MANUAL:
            self.form.key.setFocus()
        self._update_buttons()

    def start_over(self) -> None:
        """From the confirmation step back to the routes, for the next account."""
        self.added = []
        self._assembler = None
        self.routes.setEnabled(True)
        for edit in (self.form.issuer, self.form.name, self.form.key):
            edit.clear()
        self.link_edit.clear()
        self.show_route(self.current_route() or Route.SCREEN)

    def _update_buttons(self) -> None:
        page = self.pages.currentWidget()
        done = page is self.done_page
        self.add_another_button.setVisible(done)
        self.add_button.setVisible(page in (self.form, self.review_page))
        if page is self.form:
            self.add_button.setEnabled(self.form.account is not None)
        elif page is self.review_page:
            self.add_button.setEnabled(bool(self.checked_accounts()))
        self.close_button.setText(self.tr("&Done") if done else self.tr("Cancel"))

    # -- messages -------------------------------------------------------------------------
    def show_error(self, error: str | AuthenticatorError) -> None:
        """Show an error: a sentence already translated, or a typed error."""
        text = error if isinstance(error, str) else describe(error)
        self._show_message(sentence(text), error=True)

    def show_info(self, text: str) -> None:
        self._show_message(text, error=False)

    def _show_message(self, text: str, *, error: bool) -> None:
        """The message line; its ``error`` property says whether it reports a failure
        (shown in the one error look, ``mark_error``)."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        if error:
            mark_error(self.message)
        else:
            self.message.setStyleSheet("QLabel { border-radius: 6px; padding: 8px;"
                                       " background: #E8F1FD; color: #0B3A75; }")
        self.message.setVisible(True)

    def has_error(self) -> bool:
        """An error is shown (not a hint or progress note)."""
        return self.message.isVisible() and bool(self.message.property("error"))

    def clear_message(self) -> None:
        self.message.clear()
        self.message.setProperty("error", False)
        self.message.setVisible(False)

    # -- camera ---------------------------------------------------------------------------
    def _find_cameras(self) -> None:
        self.camera_page.set_cameras([])
        self.camera_page.show_placeholder(self.tr("Looking for cameras…"))
        job = self._next_job()
        run_in_background(self._list_cameras, partial(self._cameras_found, job),
                          partial(self._cameras_not_found, job), context=self)

    def _cameras_not_found(self, job: int, error: AuthenticatorError) -> None:
        self._cameras_found(job, [], error)

    def _cameras_found(self, job: int, cameras: list[CameraInfo],
                       error: AuthenticatorError | None = None) -> None:
        if not self._current(job) or self.current_route() is not Route.CAMERA:
            return
        self.camera_page.set_cameras(cameras)
        if not cameras:
            self.camera_page.show_placeholder(self.tr("No camera"))
            self.camera_page.status.clear()
            self.show_error(error or self.tr(
                "No camera was found. Plug in a webcam and choose this route again, or "
                "scan the QR code from your screen or an image instead."))
            return
        self._start_camera(cameras[0].index)

    def _start_camera(self, index: int) -> None:
        self.stop_camera()
        self.clear_message()
        self.camera_page.show_starting()
        opener = self._open_camera

        def open_source() -> FrameSource:
            return opener(index)

        thread = CameraThread(open_source, self)
        thread.preview.connect(self.camera_page.show_frame)
        thread.hint.connect(self._camera_hint)
        thread.failed.connect(self._camera_failed)
        thread.found.connect(self._camera_found)
        self._camera = thread
        thread.start()

    def stop_camera(self) -> None:
        """Stop capturing and release the device (route change, close, result)."""
        thread, self._camera = self._camera, None
        if thread is not None:
            thread.stop()
            thread.deleteLater()

    @property
    def camera_running(self) -> bool:
        return self._camera is not None and self._camera.isRunning()

    def _camera_hint(self, hint: AuthenticatorError | None) -> None:
        if hint is not None:
            self.show_error(hint)
        elif self._assembler is None:
            self.clear_message()

    def _camera_failed(self, error: AuthenticatorError) -> None:
        if self.sender() is not self._camera:
            return
        self.camera_page.show_placeholder(self.tr("The camera is not available"))
        self.camera_page.status.clear()
        self.show_error(error)

    def _camera_found(self, outcome: list[Account] | MigrationBatch) -> None:
        if self.sender() is not self._camera:
            return
        if isinstance(outcome, MigrationBatch):
            self.accept_found([], [outcome])
        else:
            self.accept_found(list(outcome), [])

    # -- screen (see enroll/screen.py) ----------------------------------------------
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
        self._scan(work, on_nothing)

    def scan_pending(self) -> bool:
        return self._pending_job == self._job and self._job != 0

    def cancel_jobs(self) -> None:
        """Forget running decodes (their results are dropped)."""
        if self.scan_pending():
            self.unsetCursor()
        self._next_job()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.screen_route.cancel():
            return  # Esc during a screen scan stops it quietly; the dialog stays
        super().keyPressEvent(event)

    # -- image files, pasted images, links ---------------------------------------------
    def open_image(self) -> None:
        path = open_file_name(
            self, self.tr("Open an image of the QR code"),
            self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER))
        if path is not None:
            self.receive(Incoming(paths=[str(path)]))

    def paste_from_clipboard(self) -> None:
        incoming = clipboard_incoming(any_text=True)
        if incoming is None:
            self.show_error(self.tr("The clipboard holds no image and no link. Copy the QR "
                                    "code image or its otpauth:// link first."))
            return
        self.receive(incoming)

    def _use_link(self) -> None:
        text = self.link_edit.text().strip()
        if text:
            self.receive(Incoming(text=text))

    def receive(self, incoming: Incoming) -> None:
        """Handle dropped or pasted data (also used to open the dialog pre-filled)."""
        if self.pages.currentWidget() in (self.review_page, self.done_page):
            self.start_over()
        self.clear_message()
        if incoming.paths:
            self._select_route_quietly(Route.IMAGE)
            paths = list(incoming.paths)
            self._scan(lambda: _scan_paths(paths))
        elif incoming.image is not None:
            self._select_route_quietly(Route.PASTE)
            gray = qimage_to_gray(incoming.image)
            self._scan(lambda: _scan_arrays([gray]))
        elif incoming.text:
            self._select_route_quietly(Route.PASTE)
            try:
                accounts, batches = parse_links(incoming.text)
            except AuthenticatorError as err:
                self.show_error(err)
                return
            self.link_edit.clear()
            self.accept_found(accounts, batches)

    def _select_route_quietly(self, route: Route) -> None:
        if self.current_route() is not route:
            self.show_route(route)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if incoming_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        incoming = incoming_from_mime(event.mimeData())
        if incoming is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.receive(incoming))

    # -- decoding in a worker -----------------------------------------------------------
    def _next_job(self) -> int:
        self._job += 1
        return self._job

    def _current(self, job: int) -> bool:
        return not self._closed and job == self._job

    def _scan(self, work: Callable[[], list[ScanResult]],
              on_nothing: Callable[[str], None] | None = None) -> None:
        job = self._next_job()
        self._pending_job = job
        self.show_info(self.tr("Looking for a QR code…"))
        self.setCursor(Qt.CursorShape.BusyCursor)

        def done(results: list[ScanResult]) -> None:
            if not self._current(job):
                return
            self._pending_job = 0
            self.unsetCursor()
            accounts = [a for r in results for a in r.accounts]
            batches = [b for r in results for b in r.migration_batches]
            if accounts or batches:
                self.accept_found(accounts, batches)
                return
            failure = next((r.failure() for r in results if r.problem is not None),
                           ScanError(ScanProblem.NO_QR))
            if on_nothing is not None:
                on_nothing(error_sentence(failure))
            else:
                self.show_error(failure)

        def failed(error: AuthenticatorError) -> None:
            if self._current(job):
                self._pending_job = 0
                self.unsetCursor()
                self.show_error(error)

        run_in_background(work, done, failed, context=self)

    # -- results ------------------------------------------------------------------------
    def accept_found(self, accounts: list[Account], batches: list[MigrationBatch]) -> None:
        """Plain accounts go to the review list; export parts wait until all are read."""
        for batch in batches:
            if self._assembler is None:
                self._assembler = MigrationAssembler()
                self._export_parts = batch.batch_size
            try:
                self._assembler.add(batch)
            except AuthenticatorError as err:
                self.show_error(err)
                return
        assembler = self._assembler
        if assembler is not None and not assembler.complete:
            self._show_missing(assembler)
            return
        skipped: list[str] = []
        if assembler is not None:
            accounts = accounts + assembler.accounts()
            skipped = assembler.skipped
            self._assembler = None
        self.show_review(accounts, skipped, from_export=bool(batches))

    def _show_missing(self, assembler: MigrationAssembler) -> None:
        missing = assembler.missing()
        size = self._export_parts
        read = assembler.received()  # linear: an export may claim up to 100 parts
        text = self.tr("Read part {read} of {n} of a Google Authenticator export. "
                       "Scan part {next} of {n} next.").format(
            read=part_ranges(read), n=size, next=missing[0])
        if len(missing) > 1:
            text += " " + self.tr("Still missing: parts {parts}.").format(
                parts=part_ranges(missing))
        self.show_info(text)

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
        return code_at(self.added[0], self._now()) if self.added else ""

    def tick(self) -> None:
        if not self._closed and self.pages.currentWidget() is self.done_page:
            self.done_page.refresh(self._now())

    def copy_code(self) -> None:
        code = self.current_code()
        if not code:
            return
        if self._clipboard is not None:
            self._clipboard.copy(code)
        else:
            QGuiApplication.clipboard().setText(code)
        self.done_page.show_copied()

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
        self._closed = True
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
