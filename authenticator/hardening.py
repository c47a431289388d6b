"""Process hardening done first at start-up: no core dumps, not attachable (Linux).

A core dump of the unlocked window holds the decrypted keys and the vault password. Both
the CLI and the GUI call :func:`harden_process` before anything reads a password.
"""

from __future__ import annotations

import ctypes
import sys

PR_SET_DUMPABLE = 4
PT_DENY_ATTACH = 31


def _warn(message: str, *args: object) -> None:
    """Logged only when something fails (logging loads then, not at every start)."""
    import logging

    logging.getLogger(__name__).warning(message, *args)


def _no_core_dumps() -> bool:
    try:
        import resource
    except ImportError:  # Windows: no core files (minidumps are opt-in per app)
        return True
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as err:
        _warn("could not disable core dumps: %s", err)
        return False
    return True


def _not_dumpable() -> bool:
    """Linux: also stops core dumps through a pipe handler (systemd-coredump, apport,
    which ignore RLIMIT_CORE) and ptrace attach by other processes of the same user."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        # The process's own symbols: libc is loaded already (ctypes.util.find_library would
        # import subprocess and run ldconfig for it: 15 ms of every start).
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            _warn("prctl(PR_SET_DUMPABLE, 0) failed: errno %d", ctypes.get_errno())
            return False
    except (OSError, AttributeError) as err:
        _warn("could not make the process non-dumpable: %s", err)
        return False
    return True


def _deny_attach() -> None:
    """macOS: the equivalent of PR_SET_DUMPABLE for debuggers (ptrace PT_DENY_ATTACH)."""
    if sys.platform != "darwin":
        return
    try:
        libc = ctypes.CDLL(None)
        libc.ptrace(PT_DENY_ATTACH, 0, 0, 0)
    except (OSError, AttributeError) as err:
        _warn("could not deny debugger attach: %s", err)


def harden_process() -> bool:
    """Disable core dumps (RLIMIT_CORE 0) and, on Linux, set PR_SET_DUMPABLE 0; on macOS
    deny debugger attach. True when everything that applies here succeeded."""
    ok = _no_core_dumps()
    ok = _not_dumpable() and ok
    _deny_attach()
    return ok
