"""The one settings store: every option declared in ``core/options.py``, read typed and
validated, written through :meth:`AppSettings.set` or a :class:`SettingsDraft`, and
announced by ``changed(name)``.

App options live in a per-user QSettings file (kept outside the vault because some apply
before unlocking: theme, tray, start-up); vault options live in the vault (reached through
the session bound with :meth:`AppSettings.bind_vault`: defaults while it is locked). A
value read back that is damaged or hostile gives the option's default, never an error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, overload

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal, SignalInstance

from authenticator.core.options import OPTIONS, Option, Scope, option

T = TypeVar("T")

class VaultSettings(Protocol):
    """What the store needs of the vault session (``ui.common.session.VaultSession``)."""

    unlocked: SignalInstance
    locked: SignalInstance
    accounts_changed: SignalInstance  # also after merging another device's save

    @property
    def is_unlocked(self) -> bool: ...

    def setting(self, name: str) -> Any: ...

    def set_settings(self, values: Mapping[str, Any]) -> None: ...


def _make_private(file: Path) -> None:
    """Create the settings file 0600 in folders created 0700 before Qt writes it (Qt would
    make them 0644/0755; it keeps the mode of a file that exists)."""
    import os

    from authenticator.storage.atomic import ensure_dir

    with contextlib.suppress(OSError):  # settings are a convenience: never fail start-up
        ensure_dir(file.parent)
        fd = os.open(file, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)


def _option(key: Option[T] | str) -> Option[T]:
    return option(key) if isinstance(key, str) else key


class AppSettings(QObject):
    """Typed access to every option: ``get(THEME) -> str``, ``set(THEME, "dark")``.

    A name (``get("theme")``) works too; a name nobody declared is a KeyError, a value
    that is not valid for its option a ValueError (both are bugs, not user input).
    """

    changed = Signal(str)
    """``changed(name)``: the option ``name`` has a new value (set here, by a draft, or
    by a merge of the vault with another device's save)."""

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if path is None:
            self._q = QSettings("Authenticator", "Authenticator")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        if self._q.fileName():
            _make_private(Path(self._q.fileName()))
        self._vault: VaultSettings | None = None
        self._vault_values: dict[str, Any] = {}  # last known, to tell what a merge changed

    # -- the vault's settings ------------------------------------------------------------
    def bind_vault(self, vault: VaultSettings) -> None:
        """Vault options are read from and written to ``vault`` from now on."""
        if self._vault is not None:
            with contextlib.suppress(RuntimeError):  # that session is gone already
                for signal in (self._vault.unlocked, self._vault.locked,
                               self._vault.accounts_changed):
                    signal.disconnect(self._vault_refreshed)
        self._vault = vault
        for signal in (vault.unlocked, vault.locked, vault.accounts_changed):
            signal.connect(self._vault_refreshed)
        self._vault_values = self._read_vault()

    @property
    def has_vault(self) -> bool:
        """True when vault options can be changed (a vault is bound and unlocked)."""
        return self._vault is not None and self._vault.is_unlocked

    def _read_vault(self) -> dict[str, Any]:
        return {o.name: self._get_vault(o) for o in OPTIONS.values() if o.scope is Scope.VAULT}

    def _get_vault(self, opt: Option[T]) -> T:
        vault = self._vault
        if vault is None or not vault.is_unlocked:
            return opt.default
        return opt.parse(vault.setting(opt.name))

    def _vault_refreshed(self) -> None:
        """Unlocked, locked, or merged: announce the vault options whose value changed."""
        old, self._vault_values = self._vault_values, self._read_vault()
        for name, value in self._vault_values.items():
            if old.get(name) != value:
                self.changed.emit(name)

    # -- reading and writing ---------------------------------------------------------------
    @overload
    def get(self, key: Option[T]) -> T: ...

    @overload
    def get(self, key: str) -> Any: ...

    def get(self, key: Option[Any] | str) -> Any:
        opt = _option(key)
        if opt.scope is Scope.VAULT:
            return self._get_vault(opt)
        return opt.parse(self._q.value(opt.name))

    @overload
    def set(self, key: Option[T], value: T) -> None: ...

    @overload
    def set(self, key: str, value: Any) -> None: ...

    def set(self, key: Option[Any] | str, value: Any) -> None:
        self.apply({_option(key).name: value})

    def apply(self, values: Mapping[str, Any]) -> list[str]:
        """Write several options at once (all are checked before any is written; vault
        options are saved in one save), then emit ``changed`` for each that changed.
        Returns their names."""
        checked = {name: option(name).check(value) for name, value in values.items()}
        changed = [name for name, value in checked.items() if self.get(name) != value]
        to_vault: dict[str, Any] = {}
        for name in changed:
            opt = option(name)
            value = checked[name]
            if opt.scope is Scope.VAULT:
                to_vault[name] = list(value) if isinstance(value, tuple) else value
            else:
                self._q.setValue(name, value)
        if to_vault:
            if self._vault is None:
                raise KeyError(f"no vault for the settings {', '.join(to_vault)}")
            self._vault_values.update({n: checked[n] for n in to_vault})
            self._vault.set_settings(to_vault)
        for name in changed:
            self.changed.emit(name)
        return changed

    def draft(self) -> SettingsDraft:
        """A copy to edit (the settings dialog): nothing changes until ``draft.apply()``."""
        return SettingsDraft(self)

    # -- window geometry (not an option: bytes only Qt reads) ------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    def sync(self) -> None:
        self._q.sync()


class SettingsDraft:
    """Pending changes over a store, read and written like the store itself (sections of
    the settings dialog take either). ``apply()`` writes them through the store."""

    def __init__(self, store: AppSettings) -> None:
        self.store = store
        self._pending: dict[str, Any] = {}

    @property
    def has_vault(self) -> bool:
        return self.store.has_vault

    @overload
    def get(self, key: Option[T]) -> T: ...

    @overload
    def get(self, key: str) -> Any: ...

    def get(self, key: Option[Any] | str) -> Any:
        opt = _option(key)
        return self._pending[opt.name] if opt.name in self._pending else self.store.get(opt)

    @overload
    def set(self, key: Option[T], value: T) -> None: ...

    @overload
    def set(self, key: str, value: Any) -> None: ...

    def set(self, key: Option[Any] | str, value: Any) -> None:
        opt = _option(key)
        self._pending[opt.name] = opt.check(value)

    def apply(self) -> list[str]:
        """Write the pending changes (see :meth:`AppSettings.apply`) and sync the file."""
        pending, self._pending = self._pending, {}
        changed = self.store.apply(pending)
        self.store.sync()
        return changed
