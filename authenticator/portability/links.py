"""Text files of links: ``otpauth://`` lists and Google Authenticator export links.

One link per line; blank lines and lines starting with ``#`` or ``//`` are ignored. This
covers Ente Auth's plain export (its ``codeDisplay`` parameter is ignored), WinAuth's text
export, hand-made lists, and files of ``otpauth-migration://`` links (one line per QR code,
possibly several exports; missing parts are reported). Both kinds may be mixed.
"""

from __future__ import annotations

from authenticator.core.errors import AuthenticatorError
from authenticator.core.links import LinkKind, link_kind, parse_link
from authenticator.core.migration import MigrationBatch
from authenticator.core.migration_parts import MigrationAssembler
from authenticator.portability._json import decode_text
from authenticator.portability.base import EntryCollector, ImportFailed, ImportResult

_COMMENT_PREFIXES = ("#", "//")
#: Detection looks at the first lines only: the first must be a link of the importer's kind
#: and most of them links (a stray note line must not hide a list of links).
_SNIFF_LINES = 10


def _link_lines(text: str) -> list[tuple[int, str]]:
    """``(line number, text)`` of the lines that are not blank or comments."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.strip().startswith(_COMMENT_PREFIXES)
    ]


def _detect(data: bytes, kind: LinkKind) -> bool:
    text = decode_text(data[: 64 * 1024])
    if text is None:
        text = decode_text(data[: 64 * 1024].rpartition(b"\n")[0]) or ""
    kinds = [link_kind(line) for _, line in _link_lines(text)[:_SNIFF_LINES]]
    links = sum(k is not LinkKind.OTHER for k in kinds)
    return bool(kinds) and kinds[0] is kind and 2 * links > len(kinds)


def load_links(data: bytes, format_name: str, label: str) -> ImportResult:
    """Accounts from a text of links (one per line), problems per line."""
    text = decode_text(data)
    if text is None:
        raise ImportFailed(f"this {label} file is damaged: it is not text")
    collector = EntryCollector(format_name)
    exports: dict[int, tuple[MigrationAssembler, int]] = {}  # batch id -> (parts, size)
    for number, line in _link_lines(text):
        where = f"line {number}"
        if link_kind(line) is LinkKind.OTHER:
            collector.problem(where, None, "this line is not an otpauth:// link")
            continue
        try:
            found = parse_link(line)
            if isinstance(found, MigrationBatch):
                assembler, _ = exports.setdefault(
                    found.batch_id, (MigrationAssembler(), found.batch_size))
                assembler.add(found)
        except AuthenticatorError as exc:
            collector.problem(where, None, str(exc))
            continue
        if not isinstance(found, MigrationBatch):
            collector.result.accounts.append(found)
            continue
        for reason in found.skipped:
            collector.problem(f"{where}, part {found.part} of {found.batch_size}", None,
                              reason)
    for number, (assembler, size) in enumerate(exports.values(), start=1):
        collector.result.accounts.extend(assembler.accounts())
        missing = assembler.missing()
        if missing:
            which = "export" if len(exports) == 1 else f"export {number}"
            parts = ", ".join(str(m) for m in missing)
            verb = "parts" if len(missing) > 1 else "part"
            collector.problem(f"Google Authenticator {which}", None,
                              f"{verb} {parts} of {size} missing; add the remaining codes")
    if not collector.result.accounts and not collector.result.problems:
        raise ImportFailed(f"this {label} file contains no links")
    return collector.result


class OtpauthListImporter:
    """Ente Auth plain export, WinAuth, or any list of otpauth:// links."""

    name = "otpauth"
    label = "otpauth link list"

    def detect(self, data: bytes) -> bool:
        return _detect(data, LinkKind.OTPAUTH)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        return load_links(data, self.name, self.label)


class GoogleMigrationImporter:
    """Text of ``otpauth-migration://`` links (Google Authenticator "Transfer accounts")."""

    name = "google-migration"
    label = "Google Authenticator export"

    def detect(self, data: bytes) -> bool:
        return _detect(data, LinkKind.MIGRATION)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def load(self, data: bytes, password: str | None) -> ImportResult:
        return load_links(data, self.name, self.label)
