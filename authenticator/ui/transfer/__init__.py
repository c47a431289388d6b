"""Moving keys between devices and apps: QR for another device, Google export, backups, import."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.ui.host import Host
    from authenticator.ui.transfer.menu import TransferActions


def install(host: Host) -> TransferActions:
    """The Import…, Export, Back up… and Restore… menu entries and the per-account "Show QR"."""
    from authenticator.ui.transfer.menu import TransferActions

    return TransferActions(host)
