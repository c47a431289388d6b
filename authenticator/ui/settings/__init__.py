"""Settings: the dialog (app options, backups to keep, remember on this computer) and the
sections other features registered with the host."""

from __future__ import annotations

from PySide6.QtCore import QObject

from authenticator.core.errors import AuthenticatorError
from authenticator.ui.common.messages import describe, sentence
from authenticator.ui.host import Host


class SettingsFeature(QObject):
    """Answers the host's ``settings_requested`` with the settings dialog."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        host.settings_requested.connect(self.open_settings)

    def open_settings(self) -> None:
        from authenticator.ui.settings.dialog import SettingsDialog

        host = self.host
        session = host.session
        vault = session.vault
        remembered = session.is_remembered() if vault else None
        dialog = SettingsDialog(host.settings, host.window(), remembered=remembered,
                                sections=host.settings_sections(), vault_path=session.path)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        dialog.save()  # through the store: vault options are saved with the vault
        if session.is_unlocked and dialog.remember.isChecked() != remembered:
            try:
                session.set_remembered(dialog.remember.isChecked())
            except AuthenticatorError as exc:
                host.notify(sentence(describe(exc), full_stop=False), seconds=8.0)
        host.apply_settings()


def install(host: Host) -> SettingsFeature:
    return SettingsFeature(host)
