"""Our own encrypted backups (the vault file format written by ``storage.export_backup``).

Read from bytes through the storage layer's container and content codecs, so no temporary
copy is ever written; storage errors become :class:`ImportFailed` with the same sentence.
"""

from __future__ import annotations

from authenticator.core.account import Account
from authenticator.portability.base import (
    EntryCollector,
    ImportFailed,
    ImportResult,
    require_password,
)
from authenticator.storage import VaultError, WrongPasswordError, container, content


class BackupImporter:
    name = "backup"
    label = "Authenticator backup"

    def detect(self, data: bytes) -> bool:
        return data.startswith(container.MAGIC)

    def is_encrypted(self, data: bytes) -> bool:
        return True

    def load(self, data: bytes, password: str | None) -> ImportResult:
        try:
            parsed = container.parse(data)
            key = parsed.unlock(require_password(password, self.label))
            decoded = content.decode(parsed.decrypt(key))
        except WrongPasswordError:
            raise ImportFailed("wrong password for this Authenticator backup "
                               "(or the file was modified)") from None
        except VaultError as exc:
            raise ImportFailed(str(exc)) from None
        collector = EntryCollector(self.name)
        collector.result.accounts.extend(decoded.accounts)
        for number, item in enumerate(decoded.invalid, start=1):  # same rules as any import
            collector.add(f"invalid entry {number}", item.get("issuer") or item.get("name"),
                          Account.from_storage_json, item)
        return collector.result
