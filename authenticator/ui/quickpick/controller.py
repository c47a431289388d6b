"""The quick pick feature: the box, the global shortcut, copying or typing the code.

"Type it for me": the window that had the focus is noted before the box appears; after
the box hides, that window is activated again and, once it has the focus back and no
modifier key is held any more (the shortcut's Ctrl+Alt, Shift+Enter's Shift), the code is
typed into it. If the focus does not come back within a moment the code is copied
instead: it is never typed into some other window.

The global shortcut: an X11 key grab, a Windows hotkey, or on Wayland the desktop's
GlobalShortcuts portal where it has one (``portal_shortcut``); elsewhere the user binds
``authenticator pick`` in the desktop's own settings (the settings section explains how).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication

from authenticator.core import options
from authenticator.core.account import Account
from authenticator.core.otp import code_at
from authenticator.ui.quickpick.backends import (
    BackendError,
    Hotkey,
    Input,
    Session,
    can_register_shortcut,
    can_type,
    detect_session,
    make_hotkey,
    make_input,
)
from authenticator.ui.quickpick.keys import (
    DEFAULT_SHORTCUT,
    ShortcutError,
    parse_shortcut,
    portal_trigger,
)
from authenticator.ui.quickpick.texts import reason_text

if TYPE_CHECKING:
    from authenticator.ui.quickpick.box import QuickPickBox

TYPE_POLL_MS = 15
TYPE_ATTEMPTS = 100  # ~1.5 s for the focus to come back and the modifiers to be released
REACTIVATE_EVERY = 20
# Registering the shortcut loads the X11/Windows library: after the first paint.
REGISTER_DELAY_MS = 300


class QuickPick(QObject):
    _pressed = Signal()  # emitted by the shortcut's thread, delivered on the GUI thread
    status_changed = Signal()

    def __init__(self, host: Any, session_kind: Session | None = None,
                 input_factory: Any = None, hotkey_factory: Any = None,
                 register_delay_ms: int = REGISTER_DELAY_MS,
                 portal_factory: Any = None) -> None:
        """``portal_factory(parent)``: the GlobalShortcuts client used on Wayland
        (``portal_shortcut.PortalShortcut`` unless a test passes another)."""
        super().__init__(host.window())
        self.host = host
        self.session_kind = session_kind or detect_session(QGuiApplication.platformName())
        self._input_factory = input_factory or make_input
        self._hotkey_factory = hotkey_factory or make_hotkey
        self._input: Input | None = None
        self.input_error: str | None = None
        self._hotkey: Hotkey | None = None
        self.shortcut_error: str | None = None
        self.registered_shortcut = ""
        self._portal_factory = portal_factory
        self.portal: Any = None  # PortalShortcut once tried (Wayland)
        self._target: int | None = None
        self._typing: tuple[Account, int] | None = None  # account, attempts so far
        self._box: QuickPickBox | None = None
        self._closed = False
        self._pressed.connect(self.show_box, Qt.ConnectionType.QueuedConnection)
        self.action = QAction(self.tr("Quick pic&k…"), host.window())
        self.action.triggered.connect(self.show_box)
        host.add_menu_action(self.action)
        host.add_tick_hook(self._tick)
        host.add_settings_section(self._settings_section)
        host.settings.changed.connect(self._setting_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(TYPE_POLL_MS)
        self._timer.timeout.connect(self._type_step)
        QTimer.singleShot(register_delay_ms, self, self._after_start)

    def _after_start(self) -> None:
        """Once the app is up: register the shortcut, and build the box (hidden) so the
        first press shows it as fast as the next ones."""
        if self._closed:
            return
        self.apply_settings()
        box = self.box
        box.ensurePolished()
        box.winId()  # the native window, created now rather than on the first show

    # -- the box --------------------------------------------------------------------------
    @property
    def box(self) -> QuickPickBox:
        if self._box is None:
            from authenticator.ui.quickpick.box import QuickPickBox  # built after start-up

            self._box = QuickPickBox(self.host.session, self.host.time.now)
            # A window of its own (shown while the main one hides in the tray), gone with it
            # (this controller is the main window's child: destroyed with it).
            self.destroyed.connect(self._box.deleteLater)
            self._box.chosen.connect(self._chosen)
            self._box.dismissed.connect(self._give_focus_back)
            self._box.unlock_requested.connect(self.host.session.unlock)
        return self._box

    def show_box(self) -> None:
        box = self.box
        if box.isVisible():
            box.raise_()
            box.activateWindow()
            return
        self._cancel_typing()
        self._target = self._note_target()
        types = self.host.settings.get(options.PICK_TYPES)
        box.set_hint(types_by_default=types and self.typing_possible,
                     can_type=self.typing_possible)
        box.open()

    def _note_target(self) -> int | None:
        inp = self._get_input()
        if inp is None:
            return None
        try:
            window = inp.active_window()
        except Exception:  # X errors: typing falls back to copying
            return None
        return window or None

    def _tick(self) -> None:
        if self._box is not None:
            self._box.tick()

    def close(self) -> None:
        """Stop the shortcut and the typing (the app quits, or tests end)."""
        self._closed = True
        self._cancel_typing()
        self._stop_hotkey()
        if self.portal is not None:
            self.portal.close()
        if self._input is not None:
            self._input.close()
            self._input = None
        if self._box is not None:
            self._box.hide()
            self._box.deleteLater()
            self._box = None

    # -- settings -------------------------------------------------------------------------
    @property
    def typing_possible(self) -> bool:
        return can_type(self.session_kind) and self._get_input() is not None

    def _get_input(self) -> Input | None:
        if self._input is None and self.input_error is None:
            if not can_type(self.session_kind):
                self.input_error = "typing into other windows is not available here"
                return None
            try:
                self._input = self._input_factory(self.session_kind)
            except BackendError as exc:
                self.input_error = str(exc)
        return self._input

    def apply_settings(self) -> None:
        """(Re-)register the global shortcut from the settings."""
        self._stop_hotkey()
        self.shortcut_error = None
        settings = self.host.settings
        text = settings.get(options.PICK_SHORTCUT) or DEFAULT_SHORTCUT
        if self.session_kind is Session.WAYLAND:
            self._apply_portal(bool(settings.get(options.PICK_SHORTCUT_ENABLED)), text)
            return
        if not settings.get(options.PICK_SHORTCUT_ENABLED) or not can_register_shortcut(
                self.session_kind):
            self.status_changed.emit()
            return
        try:
            combo = parse_shortcut(text)
            self._hotkey = self._hotkey_factory(self.session_kind, combo, self._pressed.emit)
            self.registered_shortcut = text
        except (ShortcutError, BackendError) as exc:
            self.shortcut_error = str(exc)
        self.status_changed.emit()

    def _setting_changed(self, name: str) -> None:
        if not self._closed and name in (options.PICK_SHORTCUT_ENABLED.name,
                                         options.PICK_SHORTCUT.name):
            self.apply_settings()

    def _apply_portal(self, enabled: bool, text: str) -> None:
        """Wayland: (re-)bind through the desktop's GlobalShortcuts portal (asynchronous:
        ``status_changed`` follows its answers)."""
        try:
            trigger = portal_trigger(parse_shortcut(text)) if enabled else ""
        except ShortcutError as exc:
            self.shortcut_error, trigger = str(exc), ""
        portal = self.portal
        if portal is not None and trigger and trigger == portal.trigger and (
                portal.state in ("starting", "active")):
            self.status_changed.emit()  # already bound (or being bound) to that key
            return
        if portal is not None and not trigger:
            portal.close()
        if trigger:  # a new start() ends the session of the previous key
            if portal is None:
                portal = self.portal = self._make_portal()
            portal.start(trigger, self.tr("Show the quick pick box of Authenticator"))
        self.status_changed.emit()

    def _make_portal(self) -> Any:
        if self._portal_factory is not None:
            portal = self._portal_factory(self)
        else:
            from authenticator.ui.quickpick.portal_shortcut import PortalShortcut

            portal = PortalShortcut(self)
        portal.activated.connect(self.show_box)
        portal.changed.connect(self._portal_changed)
        return portal

    def _portal_changed(self) -> None:
        active = self.portal is not None and self.portal.state == "active"
        self.registered_shortcut = (self.host.settings.get(options.PICK_SHORTCUT)
                                    or DEFAULT_SHORTCUT) if active else ""
        self.status_changed.emit()

    @property
    def mechanism(self) -> str:
        """Which global shortcut is working now: "x11", "windows", "portal" or "none"."""
        if self._hotkey is not None:
            return "windows" if self.session_kind is Session.WINDOWS else "x11"
        if self.portal is not None and self.portal.state == "active":
            return "portal"
        return "none"

    @property
    def portal_state(self) -> str:
        """"" before the portal was tried, else ``portal_shortcut.State``'s value."""
        return str(self.portal.state) if self.portal is not None else ""

    def _stop_hotkey(self) -> None:
        if self._hotkey is not None:
            with contextlib.suppress(Exception):
                self._hotkey.stop()
            self._hotkey = None
            self.registered_shortcut = ""

    def _settings_section(self, dialog: Any, draft: Any) -> Any:
        from authenticator.ui.quickpick.settings_section import QuickPickSettings

        return QuickPickSettings(self, dialog, draft)

    # -- copying and typing ---------------------------------------------------------------
    def _chosen(self, account: Account, alternate: bool) -> None:
        wants_typing = self.host.settings.get(options.PICK_TYPES) != alternate
        self.box.hide()
        if not wants_typing:
            self._copy(account)
            self._give_focus_back()
        elif not self.typing_possible:
            self._copy(account, self.tr("Typing is not available here: the code was copied "
                                        "instead."))
        elif self._target is None:
            self._copy(account, self.tr("No window had the focus: the code was copied "
                                        "instead."))
        else:
            assert self._input is not None
            self._typing = (account, 0)
            with contextlib.suppress(Exception):
                self._input.activate(self._target)
            self._timer.start()

    def _give_focus_back(self) -> None:
        """After Esc or a copy: back to the window the user was in (the window manager
        usually does it; on X11 and Windows we ask explicitly, in case it picks another)."""
        if self._input is not None and self._target is not None:
            with contextlib.suppress(Exception):
                self._input.activate(self._target)

    def _cancel_typing(self) -> None:
        self._timer.stop()
        self._typing = None

    def _type_step(self) -> None:
        if self._typing is None or self._input is None or self._target is None:
            self._cancel_typing()
            return
        account, attempts = self._typing
        attempts += 1
        self._typing = (account, attempts)
        inp = self._input
        try:
            held = inp.modifiers_held()
            back = inp.focus_is_in(self._target)
            if not back and attempts % REACTIVATE_EVERY == 0:
                inp.activate(self._target)
        except Exception:
            held, back = False, False
        if (held or not back) and attempts < TYPE_ATTEMPTS:
            return
        self._cancel_typing()
        if not back:
            self._copy(account, self.tr("Could not get back to your window: the code was "
                                        "copied instead."))
            return
        code = self._fresh_code(account)
        try:
            inp.type_text(code)
        except Exception as exc:
            self._copy(account, self.tr("Could not type the code ({reason}): it was copied "
                                        "instead.").format(reason=reason_text(str(exc))))
            return
        self._record_use(account)
        self.host.notify(self.tr("Typed the code for {label}").format(label=account.label))

    def _fresh_code(self, account: Account) -> str:
        current = self.host.session.get(account.id) or account
        return code_at(current, self.host.time.now())

    def _copy(self, account: Account, note: str = "") -> None:
        self.host.clipboard.copy(self._fresh_code(account))
        text = self.host.clipboard.copied_notice(account.label)
        self._record_use(account)
        self.host.notify(f"{note} {text}" if note else text, seconds=6.0 if note else 4.0)

    def _record_use(self, account: Account) -> None:
        session = self.host.session
        current = session.get(account.id)
        if current is not None:
            session.record_use(current.evolve(last_used=self.host.time.now(),
                                              modified=current.modified))
