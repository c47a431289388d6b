"""Is this key already in the vault? One answer for the Add dialog, import and the CLI.

Two accounts are duplicates when they make the same codes (:meth:`Account.same_key`),
whatever their names.
"""

from __future__ import annotations

from collections.abc import Iterable

from authenticator.core.account import Account


class KeyIndex:
    """Accounts by secret, to find quickly the one an incoming account duplicates."""

    def __init__(self, accounts: Iterable[Account] = ()) -> None:
        self._by_secret: dict[bytes, list[Account]] = {}
        for account in accounts:
            self.add(account)

    def add(self, account: Account) -> None:
        self._by_secret.setdefault(account.secret, []).append(account)

    def find(self, account: Account, *, skip_id: str | None = None) -> Account | None:
        """The first known account with the same key as ``account`` (``skip_id``: not
        this one, e.g. the account's own earlier version); None when the key is new."""
        return next((a for a in self._by_secret.get(account.secret, ())
                     if a.same_key(account) and a.id != skip_id), None)


def duplicate_of(account: Account, existing: Iterable[Account], *,
                 skip_id: str | None = None) -> Account | None:
    """The first of ``existing`` that makes the same codes as ``account``, or None."""
    return KeyIndex(existing).find(account, skip_id=skip_id)
