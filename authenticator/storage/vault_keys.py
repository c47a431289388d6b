"""The password and "remember on this computer" half of :class:`~.vault.Vault`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from authenticator.storage import container, remember
from authenticator.storage.container import SLOT_KEYRING, SLOT_PASSWORD, Slot
from authenticator.storage.errors import KeyringUnavailableError, VaultError
from authenticator.storage.kdf import KdfParams, calibrate_kdf

if TYPE_CHECKING:
    from authenticator.storage.vault_sync import SaveReport


class KeysMixin:
    """Needs the vault's ``_slots``, ``_vault_id``, ``_pending``, ``_dirty``, ``save`` and
    the ``_master_key``/``_writable`` accessors."""

    _slots: tuple[Slot, ...]
    _vault_id: str
    _pending: tuple[bytes, tuple[Slot, ...]] | None
    _dirty: bool

    def _master_key(self) -> bytes:
        raise NotImplementedError

    def _writable(self) -> bytes:
        raise NotImplementedError

    def save(self) -> SaveReport:
        raise NotImplementedError

    def verify_password(self, password: str) -> bool:
        """True if ``password`` opens this vault's password slot (runs the KDF)."""
        key = self._master_key()
        for slot in self._slots:
            if slot.type == SLOT_PASSWORD and \
                    container.unlock_with_password(slot, password, self._vault_id) == key:
                return True
        return False

    def change_password(self, new_password: str, kdf: KdfParams | None = None) -> SaveReport:
        """Rotate the master key: a new random key re-encrypts the content, wrapped for
        ``new_password``; this computer's keyring slot is re-wrapped, other computers'
        are dropped (they unlock with the new password once). Old copies of the file (a
        sync tool's history, backups) still open with the old password and show the
        content as it was then, never anything added later.

        ``kdf`` defaults to the current slot's parameters. If saving fails the old password
        and key stay in force and the error is raised.
        """
        self._writable()
        current = next((s.kdf for s in self._slots if s.kdf is not None), None)
        params = kdf or current or calibrate_kdf()
        new_key = os.urandom(container.MASTER_KEY_LENGTH)
        slots: list[Slot] = [container.password_slot(new_key, new_password, params,
                                                     self._vault_id)]
        for slot in self._my_keyring_slots():
            name = remember.entry_name(self._vault_id, slot.id)
            slot_key = remember.load_key(slot.service, name)
            if slot_key is not None:
                slots.append(container.wrap(new_key, slot_key, self._vault_id, SLOT_KEYRING,
                                            service=slot.service, slot_id=slot.id))
        self._pending = (new_key, tuple(slots))
        try:
            return self.save()
        finally:
            self._pending = None

    def _my_keyring_slots(self) -> list[Slot]:
        return [s for s in self._slots if s.type == SLOT_KEYRING
                and remember.load_key(s.service, remember.entry_name(self._vault_id, s.id))]

    def is_remembered(self) -> bool:
        """True if this computer's keyring can unlock the vault."""
        self._master_key()
        return bool(self._my_keyring_slots())

    def enable_remember(self, service_name: str = remember.DEFAULT_SERVICE) -> SaveReport:
        """Remember the vault on this computer: a new slot whose key lives in the OS keyring
        (only a keyring that encrypts at rest; see ``remember.check_backend``)."""
        key = self._writable()
        slot_id = container.new_id()
        slot_key, reason = remember.store_key(service_name,
                                              remember.entry_name(self._vault_id, slot_id))
        if slot_key is None:
            raise KeyringUnavailableError(f"{reason}; the vault cannot be remembered here")
        slot = container.wrap(key, slot_key, self._vault_id, SLOT_KEYRING, service=service_name,
                              slot_id=slot_id)
        self._slots = (*self._slots, slot)
        self._dirty = True
        try:
            return self.save()
        except VaultError:
            self._slots = tuple(s for s in self._slots if s.id != slot.id)
            remember.delete_key(service_name, remember.entry_name(self._vault_id, slot.id))
            raise

    def disable_remember(self) -> SaveReport:
        """Forget the keyring slot(s) of this computer (other computers keep theirs)."""
        from authenticator.storage.vault_sync import SaveReport

        self._writable()
        mine = self._my_keyring_slots()
        if not mine:
            return SaveReport()
        self._slots = tuple(s for s in self._slots if s not in mine)
        self._dirty = True
        report = self.save()
        for slot in mine:
            remember.delete_key(slot.service, remember.entry_name(self._vault_id, slot.id))
        return report
