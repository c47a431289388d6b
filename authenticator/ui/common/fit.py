"""Windows that fit: tall enough for their wrapped labels, never larger than the screen.

Qt sizes a top-level window from its layout's size hint, which ignores height-for-width:
a label that wraps to two lines then gets the height of one and is cut at top and bottom
(French makes it likelier). And at QT_SCALE_FACTOR=2 a window's hint can exceed a small
screen. One application-wide filter fixes both when a window is first shown: it grows the
window to the height its layout needs at its width, then keeps it inside the screen's
available geometry.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QMainWindow, QScrollArea, QWidget


def fit_window(window: QWidget) -> None:
    layout = window.layout()
    screen = window.screen() or QApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect()
    width, height = window.width(), window.height()
    if available.isValid():
        frame = window.frameGeometry().size() - window.size()
        width = min(width, available.width() - frame.width())
    if layout is not None:
        layout.activate()
        # Qt caps a new window at 2/3 of the screen; a page that scrolls may use it all.
        height = max(height, layout.totalSizeHint().height())
        if layout.hasHeightForWidth():
            height = max(height, layout.totalHeightForWidth(width))
    if available.isValid():
        frame = window.frameGeometry().size() - window.size()
        height = min(height, available.height() - frame.height())
        window.setMaximumSize(max(window.maximumWidth(), width),
                              max(window.maximumHeight(), height))
    if (width, height) != (window.width(), window.height()):
        window.setMinimumSize(min(window.minimumWidth(), width),
                              min(window.minimumHeight(), height))
        window.resize(width, height)
    if available.isValid():
        geometry = window.frameGeometry()
        x = min(max(geometry.x(), available.left()), available.right() - geometry.width() + 1)
        y = min(max(geometry.y(), available.top()), available.bottom() - geometry.height() + 1)
        if (x, y) != (geometry.x(), geometry.y()):
            window.move(x, y)


_NOT_WINDOWS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen,
                Qt.WindowType.Desktop)


_SHOW = QEvent.Type.Show  # bound once: the filter sees every event of the app


class WindowFitter(QObject):
    """Fits every window and dialog when it is shown (menus, tool tips and pop-ups aside)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Dialogs and main windows only: overlays (a region picker spanning monitors) and
        # other frameless windows place themselves.
        if (event.type() == _SHOW and isinstance(watched, (QDialog, QMainWindow))
                and watched.isWindow() and watched.windowType() not in _NOT_WINDOWS
                and not watched.windowFlags() & Qt.WindowType.FramelessWindowHint):
            fit_window(watched)
        return False


def install_window_fitter(app: QApplication) -> WindowFitter:
    fitter = getattr(app, "_authenticator_fitter", None)
    if isinstance(fitter, WindowFitter):
        return fitter
    fitter = WindowFitter(app)
    app.installEventFilter(fitter)
    app._authenticator_fitter = fitter  # type: ignore[attr-defined]
    return fitter


class FittingScrollArea(QScrollArea):
    """Holds a tall page: asks for the page's full size (so nothing scrolls when the screen
    is big enough) but can shrink to a small screen, then scrolls instead of squashing."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        page = self.page
        hint = page.sizeHint()
        if page.hasHeightForWidth():
            hint.setHeight(max(hint.height(), page.heightForWidth(hint.width())))
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.page.minimumSizeHint().width()
                     + self.verticalScrollBar().sizeHint().width(), 120)
