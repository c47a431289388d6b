"""Process hardening at start-up: no core dumps, not dumpable (Linux), and cheap."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHECK = r'''
import ctypes, json, resource, sys
from authenticator.hardening import harden_process
ok = harden_process()
PR_GET_DUMPABLE = 3
dumpable = ctypes.CDLL(None).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
print(json.dumps({"ok": ok, "core": resource.getrlimit(resource.RLIMIT_CORE),
                  "dumpable": dumpable,
                  "loaded": [m for m in ("ctypes.util", "subprocess", "logging")
                             if m in sys.modules]}))
'''


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_hardened_process_leaves_no_core_dump_and_loads_nothing_more():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    result = json.loads(out)
    assert result["ok"] is True
    assert result["core"] == [0, 0]
    assert result["dumpable"] == 0  # core pipes (systemd-coredump, apport), ptrace refused
    assert result["loaded"] == []  # no ldconfig run, no logging set up when nothing failed
