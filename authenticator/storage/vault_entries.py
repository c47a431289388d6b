"""The accounts and settings half of :class:`~.vault.Vault`: reading them, and editing in
memory (add, update, remove with a tombstone, move; vault settings by name). Saving, merging
and keys are the other mixins' part."""

from __future__ import annotations

import copy
from typing import Any

from authenticator.core.account import Account
from authenticator.core.clock import Clock
from authenticator.storage.content import Tombstone
from authenticator.storage.errors import AccountNotFoundError, DuplicateAccountError, VaultError
from authenticator.storage.merge import same_setting


class EntriesMixin:
    """Needs the vault's in-memory state (set up by ``Vault.__init__``/``_adopt``) and the
    ``_master_key``/``_writable`` accessors."""

    _accounts: list[Account]
    _tombstones: dict[str, Tombstone]
    _settings: dict[str, Any]
    _base_settings: dict[str, Any]
    _invalid: list[dict[str, Any]]
    _clock: Clock
    _dirty: bool

    def _master_key(self) -> bytes:
        raise NotImplementedError

    def _writable(self) -> bytes:
        raise NotImplementedError

    @property
    def accounts(self) -> list[Account]:
        self._master_key()
        return list(self._accounts)

    @property
    def invalid_entries(self) -> int:
        """Account entries in the file that break the account rules (kept, not shown)."""
        return len(self._invalid)

    @property
    def is_dirty(self) -> bool:
        """True when there are changes not yet saved (accounts or settings)."""
        return self._dirty or self._settings != self._base_settings

    @property
    def settings(self) -> dict[str, Any]:
        """A copy of the vault settings (changing it changes nothing: see set_setting)."""
        return copy.deepcopy(self._settings)

    def setting(self, name: str, default: Any = None) -> Any:
        """The vault setting ``name`` as stored (a copy), or ``default``. Validating it is
        the caller's part (``core.options``): the file may come from anywhere."""
        return copy.deepcopy(self._settings.get(name, default))

    def set_setting(self, name: str, value: Any) -> None:
        """Change one vault setting (any JSON value; saved with the next save)."""
        import json

        self._writable()
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            raise VaultError(f"the vault setting {name} cannot be saved: not a JSON value") \
                from None
        if name not in self._settings or not same_setting(self._settings[name], value):
            self._settings[name] = copy.deepcopy(value)
            self._dirty = True

    def tags(self) -> list[str]:
        """All tags (groups) in use, in order of first appearance."""
        return list(dict.fromkeys(t for a in self.accounts for t in a.tags))

    def _index(self, account_id: str) -> int:
        self._master_key()
        for index, account in enumerate(self._accounts):
            if account.id == account_id:
                return index
        raise AccountNotFoundError("that account is no longer in the vault")

    def get(self, account_id: str) -> Account:
        return self._accounts[self._index(account_id)]

    def find(self, query: str) -> list[Account]:
        """Accounts whose issuer, name or a tag contains ``query`` (case-insensitive)."""
        needle = query.strip().casefold()
        return [a for a in self.accounts
                if not needle or needle in a.issuer.casefold() or needle in a.name.casefold()
                or any(needle in tag.casefold() for tag in a.tags)]

    # -- editing ----------------------------------------------------------------------
    def add(self, account: Account, index: int | None = None) -> None:
        """Add at ``index`` (default: the end). Re-adding a deleted id undoes the deletion."""
        self._writable()
        if any(a.id == account.id for a in self._accounts):
            raise DuplicateAccountError()
        if not account.created or not account.modified:  # new: stamped with our clock
            now = self._clock.now()
            account = account.evolve(created=account.created or now,
                                     modified=account.modified or now)
        tomb = self._tombstones.pop(account.id, None)
        if tomb is not None:
            revision = max(account.revision, (tomb.revision or 0) + 1)
            account = account.evolve(modified=max(self._clock.now(), tomb.deleted + 1e-6,
                                                  account.modified), revision=revision)
        position = len(self._accounts) if index is None else index
        self._accounts.insert(position, account)
        self._dirty = True

    def update(self, account: Account) -> None:
        """Replace the account with the same id; ``modified`` and ``revision`` are bumped."""
        self._writable()
        index = self._index(account.id)
        old = self._accounts[index]
        if account == old:
            return
        changes: dict[str, Any] = {}
        if account.modified <= old.modified:
            changes["modified"] = max(self._clock.now(), old.modified + 1e-6)
        if account.revision <= old.revision:
            changes["revision"] = old.revision + 1
        if changes:
            changes.setdefault("modified", account.modified)
            account = account.evolve(**changes)
        self._accounts[index] = account
        self._dirty = True

    def remove(self, account_id: str) -> Account:
        """Delete the account (a tombstone makes the deletion survive a merge)."""
        self._writable()
        account = self._accounts.pop(self._index(account_id))
        self._tombstones[account_id] = Tombstone(max(self._clock.now(), account.modified),
                                                 account.revision)
        self._dirty = True
        return account

    def move(self, account_id: str, new_index: int) -> None:
        """Move to ``new_index`` in the manual order (clamped to the list)."""
        self._writable()
        account = self._accounts.pop(self._index(account_id))
        self._accounts.insert(max(0, min(new_index, len(self._accounts))), account)
        self._dirty = True
