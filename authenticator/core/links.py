"""Which kind of authenticator link a text is, and the one place that parses either kind.

``otpauth://`` links describe one account (:mod:`authenticator.core.uri`);
``otpauth-migration://`` links are one part of a Google Authenticator export
(:mod:`authenticator.core.migration`). The scanner, the Add dialog, the link-list importer
and the command line all tell them apart here.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from authenticator.core.account import Account
from authenticator.core.uri import UriError, parse_uri

if TYPE_CHECKING:
    from authenticator.core.migration import MigrationBatch

# Scheme and colon only: "otpauth:totp/..." is a damaged link, not plain text.
MIGRATION_PREFIX = "otpauth-migration:"
OTPAUTH_PREFIX = "otpauth:"


class LinkKind(Enum):
    OTPAUTH = "otpauth"
    MIGRATION = "migration"
    OTHER = "other"


def link_kind(text: str) -> LinkKind:
    """The kind of link ``text`` is, by its scheme (case and surrounding blanks ignored)."""
    lowered = text.strip()[: len(MIGRATION_PREFIX)].lower()
    if lowered.startswith(MIGRATION_PREFIX):
        return LinkKind.MIGRATION
    if lowered.startswith(OTPAUTH_PREFIX):
        return LinkKind.OTPAUTH
    return LinkKind.OTHER


def parse_link(text: str) -> Account | MigrationBatch:
    """One account (``otpauth://``) or one export part (``otpauth-migration://``).

    Raises :class:`UriError` (one sentence, never the secret) for a damaged link or a text
    that is no authenticator link.
    """
    kind = link_kind(text)
    if kind is LinkKind.MIGRATION:
        # Loaded with the first export link: the window's start-up does not need it.
        from authenticator.core.migration import parse_migration_uri

        return parse_migration_uri(text)
    if kind is LinkKind.OTPAUTH:
        return parse_uri(text)
    raise UriError("this is not an otpauth:// link")
