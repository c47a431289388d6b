"""The camera route: a capture thread reading a FrameSource, its page, and the route's
controller (find the cameras, start one, hand what it reads to the dialog).

The thread opens the source, reads frames, sends a small preview and feeds a
:class:`FrameScanner` (central crop, at most 10 decodes a second, a payload must be read
twice). Only plain data (QImage copies, accounts, messages) crosses back to the GUI
thread. The source is released when the thread ends: route change, dialog closed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from authenticator.core.errors import AuthenticatorError
from authenticator.core.migration import MigrationBatch
from authenticator.scan.camera import CameraError, CameraInfo, FrameScanner, FrameSource
from authenticator.ui.common.worker import run_in_background
from authenticator.ui.enroll.routes import Route

if TYPE_CHECKING:
    import numpy as np

    from authenticator.core.account import Account
    from authenticator.ui.enroll.scanning import ScanJobs

OpenCamera = Callable[[int], FrameSource]
ListCameras = Callable[[], list[CameraInfo]]

PREVIEW_WIDTH = 480
PREVIEW_INTERVAL = 1 / 15  # seconds between preview frames
STOPPED = CameraError("the camera stopped sending pictures: check that it is still plugged in, "
                      "then choose it again", kind="stopped")
NO_DECODER = CameraError("no QR code reader could be loaded on this computer; type the key "
                         "instead", kind="no-decoder")


def default_open_camera(index: int) -> FrameSource:
    from authenticator.scan.camera import OpenCvCamera

    return OpenCvCamera(index)


def default_list_cameras() -> list[CameraInfo]:
    from authenticator.scan.camera import list_cameras

    return list_cameras()


def frame_to_qimage(frame: np.ndarray) -> QImage:
    """A QImage copy of a BGR or grey frame, shrunk to the preview width."""
    import numpy as np

    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        image = QImage(frame.data, width, height, frame.strides[0],
                       QImage.Format.Format_Grayscale8)
    else:
        image = QImage(frame.data, width, height, frame.strides[0],
                       QImage.Format.Format_BGR888)
    if width > PREVIEW_WIDTH:
        return image.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.FastTransformation)
    return image.copy()


class CameraThread(QThread):
    """Reads frames until interrupted; the source is always released on the way out."""

    preview = Signal(QImage)
    found = Signal(object)  # list[Account] | MigrationBatch
    hint = Signal(object)  # ScanError | None: why the QR code in view is not a key
    failed = Signal(object)  # AuthenticatorError

    def __init__(self, open_source: Callable[[], FrameSource], parent: Any = None) -> None:
        super().__init__(parent)
        self._open_source = open_source

    def run(self) -> None:
        try:
            source = self._open_source()
        except AuthenticatorError as err:
            self.failed.emit(err.with_traceback(None))
            return
        except Exception as err:  # a driver problem must not kill the app
            name = type(err).__name__
            self.failed.emit(CameraError(f"the camera could not be started ({name})",
                                         kind="failed", name=name))
            return
        try:
            self._loop(source)
        finally:
            source.release()

    def _loop(self, source: FrameSource) -> None:
        scanner = FrameScanner()
        if not scanner.can_decode:
            self.failed.emit(NO_DECODER)
            return
        last_preview = 0.0
        last_hint: str | None = None  # the hint's English text: a new one is shown
        while not self.isInterruptionRequested():
            frame = source.read()
            if frame is None:
                if not self.isInterruptionRequested():
                    self.failed.emit(STOPPED)
                return
            now = time.monotonic()
            if now - last_preview >= PREVIEW_INTERVAL:
                last_preview = now
                self.preview.emit(frame_to_qimage(frame))
            try:
                outcome = scanner.feed(frame, now)
            except Exception:  # noqa: S112 - one bad frame must not end the scan
                continue
            if scanner.message != last_hint:
                last_hint = scanner.message
                self.hint.emit(scanner.hint)
            if outcome is not None:
                self.found.emit(outcome)
            self.msleep(10)  # real cameras block in read(); test sources must not spin

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(3000)


class CameraPage(QWidget):
    """Camera chooser, live preview and a one-line status."""

    camera_chosen = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Camera"))
        row.addWidget(QLabel(self.tr("Camera:")))
        row.addWidget(self.chooser, 1)
        layout.addLayout(row)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Camera preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(320, 240))
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #202020; color: #DDDDDD; border-radius: 6px;")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Camera status"))
        layout.addWidget(self.status)
        self.chooser.activated.connect(lambda i: self.camera_chosen.emit(self.chooser.itemData(i)))

    def set_cameras(self, cameras: list[CameraInfo]) -> None:
        self.chooser.clear()
        for camera in cameras:
            self.chooser.addItem(camera.name, camera.index)
        self.chooser.setEnabled(len(cameras) > 1)

    def show_starting(self) -> None:
        self.show_placeholder(self.tr("Starting the camera…"))
        self.status.setText(self.tr("Hold the QR code in the middle of the picture, about "
                                    "a hand's width from the camera."))

    def show_frame(self, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)

    def show_placeholder(self, text: str) -> None:
        self.preview.clear()
        self.preview.setText(text)


class CameraHost(Protocol):
    """What the camera route needs from the Add dialog."""

    def show_error(self, error: str | AuthenticatorError) -> None: ...
    def clear_message(self) -> None: ...
    def accept_found(self, accounts: list[Account], batches: list[MigrationBatch]) -> None: ...
    def current_route(self) -> Route | None: ...
    def collecting_export(self) -> bool: ...


class CameraRoute(QObject):
    """Lists the cameras in a worker, runs one :class:`CameraThread` at a time."""

    def __init__(self, host: CameraHost, page: CameraPage, jobs: ScanJobs,
                 open_camera: OpenCamera, list_cameras: ListCameras,
                 parent: QObject) -> None:
        super().__init__(parent)
        self._owner = parent  # late results are dropped once it is deleted
        self._host = host
        self._page = page
        self._jobs = jobs
        self._open_camera = open_camera
        self._list_cameras = list_cameras
        self._camera: CameraThread | None = None
        page.camera_chosen.connect(self.start)

    def find_cameras(self) -> None:
        self._page.set_cameras([])
        self._page.show_placeholder(self.tr("Looking for cameras…"))
        job = self._jobs.next()
        run_in_background(self._list_cameras, partial(self._cameras_found, job),
                          partial(self._cameras_not_found, job), context=self._owner)

    def _cameras_not_found(self, job: int, error: AuthenticatorError) -> None:
        self._cameras_found(job, [], error)

    def _cameras_found(self, job: int, cameras: list[CameraInfo],
                       error: AuthenticatorError | None = None) -> None:
        if not self._jobs.current(job) or self._host.current_route() is not Route.CAMERA:
            return
        self._page.set_cameras(cameras)
        if not cameras:
            self._page.show_placeholder(self.tr("No camera"))
            self._page.status.clear()
            self._host.show_error(error or self.tr(
                "No camera was found. Plug in a webcam and choose this route again, or "
                "scan the QR code from your screen or an image instead."))
            return
        self.start(cameras[0].index)

    def start(self, index: int) -> None:
        self.stop()
        self._host.clear_message()
        self._page.show_starting()
        opener = self._open_camera

        def open_source() -> FrameSource:
            return opener(index)

        thread = CameraThread(open_source, self._owner)
        thread.preview.connect(self._page.show_frame)
        thread.hint.connect(self._hint)
        thread.failed.connect(self._failed)
        thread.found.connect(self._found)
        self._camera = thread
        thread.start()

    def stop(self) -> None:
        """Stop capturing and release the device (route change, close, result)."""
        thread, self._camera = self._camera, None
        if thread is not None:
            thread.stop()
            thread.deleteLater()

    @property
    def running(self) -> bool:
        return self._camera is not None and self._camera.isRunning()

    def _hint(self, hint: AuthenticatorError | None) -> None:
        if hint is not None:
            self._host.show_error(hint)
        elif not self._host.collecting_export():
            self._host.clear_message()

    def _failed(self, error: AuthenticatorError) -> None:
        if self.sender() is not self._camera:
            return
        self._page.show_placeholder(self.tr("The camera is not available"))
        self._page.status.clear()
        self._host.show_error(error)

    def _found(self, outcome: list[Account] | MigrationBatch) -> None:
        if self.sender() is not self._camera:
            return
        if isinstance(outcome, MigrationBatch):
            self._host.accept_found([], [outcome])
        else:
            self._host.accept_found(list(outcome), [])
