"""Which accounts the quick pick box offers for what the user typed (pure logic, no Qt).

Every word typed must appear (case-insensitive) in the issuer, the name or a tag.
Favourites come first, then the most recently used, then the vault's own order.
"""

from __future__ import annotations

from collections.abc import Sequence

from authenticator.core.account import Account


def matches(account: Account, query: str) -> bool:
    words = query.casefold().split()
    if not words:
        return True
    haystack = "\0".join((account.issuer, account.name, *account.tags)).casefold()
    return all(word in haystack for word in words)


def rank(accounts: Sequence[Account], query: str, limit: int | None = None) -> list[Account]:
    """The accounts matching ``query``, best first: favourites, then recently used."""
    order = {a.id: i for i, a in enumerate(accounts)}
    found = [a for a in accounts if matches(a, query)]
    found.sort(key=lambda a: (not a.favorite, -(a.last_used or 0.0), order[a.id]))
    return found if limit is None else found[:limit]
