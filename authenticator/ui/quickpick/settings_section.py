"""The "Quick pick" section of the settings dialog: the global shortcut and which mechanism
carries it (X11 key grab, Windows hotkey, the desktop's GlobalShortcuts portal, or none),
how to bind one on Wayland without the portal, and whether Enter types the code instead of
copying it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QVBoxLayout,
)

from authenticator.core import options
from authenticator.ui.quickpick.backends import Session
from authenticator.ui.quickpick.keys import DEFAULT_SHORTCUT
from authenticator.ui.quickpick.texts import pick_command, reason_text


class QuickPickSettings(QGroupBox):
    def __init__(self, pick: Any, parent: Any = None, settings: Any = None) -> None:
        """``pick``: the feature's controller (``controller.QuickPick``); ``settings``: the
        settings dialog's draft (else the store: saved at once, the shortcut re-registered
        as the store announces the change)."""
        super().__init__(parent)
        self.pick = pick
        self.setTitle(self.tr("Quick pick"))
        self.settings = settings = pick.host.settings if settings is None else settings
        layout = QVBoxLayout(self)
        kind = pick.session_kind
        row = QHBoxLayout()
        self.enabled = QCheckBox(self.tr("Open it from any program with the shortc&ut"))
        self.enabled.setChecked(settings.get(options.PICK_SHORTCUT_ENABLED))
        self.keys = QKeySequenceEdit(QKeySequence(settings.get(options.PICK_SHORTCUT)
                                                  or DEFAULT_SHORTCUT))
        self.keys.setMaximumSequenceLength(1)
        self.keys.setClearButtonEnabled(True)
        self.keys.setAccessibleName(self.tr("Quick pick shortcut"))
        row.addWidget(self.enabled)
        row.addWidget(self.keys, 1)
        layout.addLayout(row)
        self.mechanism = QLabel()
        self.mechanism.setWordWrap(True)
        layout.addWidget(self.mechanism)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(False)
        layout.addWidget(self.status)
        if kind in (Session.X11, Session.WINDOWS, Session.WAYLAND):
            self.enabled.toggled.connect(self.keys.setEnabled)
            self.keys.setEnabled(self.enabled.isChecked())
        if kind not in (Session.X11, Session.WINDOWS):
            # the desktop binds the key (Wayland: unless its portal does it for us)
            self.enabled.hide()
            self.keys.hide()
        self.types = QCheckBox(self.tr("&Enter types the code into the window you were in "
                                       "(Shift+Enter copies)"))
        self.types.setChecked(settings.get(options.PICK_TYPES) and pick.typing_possible)
        layout.addWidget(self.types)
        self.types_note = QLabel()
        self.types_note.setWordWrap(True)
        layout.addWidget(self.types_note)
        if not pick.typing_possible:
            self.types.setEnabled(False)
            self.types.hide()
            self.types_note.setText(self._why_no_typing(kind))
        else:
            self.types_note.hide()
        self.show_status()
        pick.status_changed.connect(self.show_status)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_text)

    def _fit_text(self) -> None:
        """Wrapped rich text: once laid out, make the dialog tall enough for the width the
        labels really got (QLabel guesses its height for another width)."""
        grew = False
        for label in (self.status, self.types_note):
            needed = label.heightForWidth(label.width()) if label.isVisible() else -1
            if needed > label.height():
                label.setMinimumHeight(needed)
                grew = True
        if grew:
            self.window().adjustSize()

    def show_status(self) -> None:
        kind = self.pick.session_kind
        self.mechanism.setText(self._mechanism_text())
        if kind is Session.WAYLAND:
            # The portal's shortcut is chosen here; without a portal, only the explanation.
            portal = self.pick.portal_state
            offered = portal not in ("unavailable", "") or (
                portal == "" and not self.pick.host.settings.get(options.PICK_SHORTCUT_ENABLED))
            self.enabled.setVisible(offered)
            self.keys.setVisible(offered)
        self.status.setText(self._status_text())
        if self.isVisible():  # the desktop answered while the dialog is open
            QTimer.singleShot(0, self, self._fit_text)

    def _mechanism_text(self) -> str:
        mechanism = self.pick.mechanism
        if mechanism == "x11":
            return self.tr("Global shortcut: registered with the X server (key grab).")
        if mechanism == "windows":
            return self.tr("Global shortcut: registered with Windows (hotkey).")
        if mechanism == "portal":
            return self.tr("Global shortcut: registered through the desktop's "
                           "GlobalShortcuts portal.")
        if self.pick.portal_state == "starting":
            return self.tr("Global shortcut: asking the desktop's GlobalShortcuts portal…")
        return self.tr("Global shortcut: none registered by the app.")

    def _status_text(self) -> str:
        kind = self.pick.session_kind
        command = f"<code>{self.pick_command()}</code>"
        enabled = self.pick.host.settings.get(options.PICK_SHORTCUT_ENABLED)
        portal = self.pick.portal_state
        if kind is Session.WAYLAND and enabled and self.pick.shortcut_error:
            text = self.tr("The shortcut could not be registered: {reason}. Choose another "
                           "one.").format(reason=reason_text(self.pick.shortcut_error))
        elif kind is Session.WAYLAND and portal == "active":
            bound = (self.pick.portal.trigger_description
                     or self.pick.host.settings.get(options.PICK_SHORTCUT) or DEFAULT_SHORTCUT)
            text = self.tr("In any program: press {keys} (your desktop's settings can change "
                           "it), type a few letters of the account, then Enter.").format(
                keys=html.escape(bound))
        elif kind is Session.WAYLAND and portal == "starting":
            text = self.tr("Asking the desktop to register the shortcut…")
        elif kind is Session.WAYLAND and not enabled and portal != "unavailable":
            text = self.tr("Off. The command {command} opens the box too.").format(
                command=command)
        elif kind is Session.WAYLAND:
            text = self.tr(
                "On Wayland an app cannot register a global shortcut itself: bind the "
                "command {command} to a key in your desktop's settings.<br>"
                "<b>GNOME</b>: Settings → Keyboard → View and Customise Shortcuts → Custom "
                "Shortcuts → +, command {command}.<br>"
                "<b>KDE Plasma</b>: System Settings → Keyboard → Shortcuts → Add New → "
                "Command or Script, command {command}.").format(command=command)
            if portal == "refused":
                text = self.tr("The desktop did not register the shortcut.") + " " + text
        elif kind is Session.MACOS:
            text = self.tr("On macOS, run {command} from a launcher or a Shortcuts action "
                           "bound to a key.").format(command=command)
        elif kind is Session.OTHER:
            text = self.tr("This display has no global shortcuts: run {command} to open "
                           "the box.").format(command=command)
        elif not self.pick.host.settings.get(options.PICK_SHORTCUT_ENABLED):
            text = self.tr("Off. The command {command} opens the box too.").format(
                command=command)
        elif self.pick.shortcut_error:
            text = self.tr("The shortcut could not be registered: {reason}. Choose another "
                           "one.").format(reason=reason_text(self.pick.shortcut_error))
        else:
            text = self.tr("In any program: press the shortcut, type a few letters of the "
                           "account, then Enter.")
        return text

    def pick_command(self) -> str:
        return pick_command()

    def _why_no_typing(self, kind: Session) -> str:
        if kind is Session.WAYLAND:
            return self.tr("Typing the code for you is not available on Wayland: the desktop "
                           "does not let one app type into another's windows. Codes are "
                           "copied instead.")
        if kind is Session.MACOS:
            return self.tr("Typing the code for you is not available on macOS: typing into "
                           "other apps needs accessibility rights this app does not ask for. "
                           "Codes are copied instead.")
        return self.tr("Typing the code for you is not available on this display. Codes are "
                       "copied instead.")

    def save(self) -> None:
        s = self.settings
        sequence = self.keys.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if len(sequence) > options.PICK_SHORTCUT.max_length:
            sequence = ""
        s.set(options.PICK_SHORTCUT_ENABLED, self.enabled.isChecked())
        s.set(options.PICK_SHORTCUT, sequence or DEFAULT_SHORTCUT)
        if self.types.isEnabled():
            s.set(options.PICK_TYPES, self.types.isChecked())
