"""Importing the storage package loads no library that only opening a vault needs (issue #18):
the app's unlock page is on screen before the cryptography library loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: Loaded on first use (unlocking, creating, saving, a warning), not by the import.
LATER = ("cryptography", "platformdirs", "ctypes", "socket", "secrets", "logging", "datetime",
         "json", "hashlib")

PROBE = r'''
import sys
from pathlib import Path
from pathlib import Path

before = set(sys.modules)
import authenticator.storage.vault
print(" ".join(sorted({name.split(".")[0] for name in set(sys.modules) - before})))

from authenticator.storage import KdfParams, Vault

path = Path(sys.argv[1]) / "vault.authvault"
Vault.create(path, "a password", kdf=KdfParams.for_tests()).close()
with Vault.open(path, "a password") as vault:
    print(type(vault).__name__, vault.accounts)
print(" ".join(name for name in sys.argv[2:] if name in sys.modules))
'''


def test_importing_the_vault_loads_nothing_only_unlocking_needs(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path), *LATER],
                         capture_output=True, text=True, check=True, timeout=120)
    imported, opened, after_use = out.stdout.split("\n")[:3]
    loaded = set(imported.split())
    assert "authenticator" in loaded  # the probe saw the import
    assert sorted(loaded.intersection(LATER)) == []
    # ... and they load when used: a vault is created and opened with them
    assert opened == "Vault []"
    assert "cryptography" in after_use.split()
