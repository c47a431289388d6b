"""Suite-wide test configuration.

Hypothesis: the suite must not depend on the machine's speed (a busy 2-core machine made the
"input generation is slow" health check fail a newcomer's first `make test`). The profile
below turns off every wall-clock check: deadlines and the time-based health checks. Tests
still choose how many examples they run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import keyring
import pytest
from hypothesis import HealthCheck, settings

from tests.helpers.keyring import MemoryKeyring

settings.register_profile(
    "suite",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
    print_blob=True,
)
settings.load_profile("suite")


@pytest.fixture(autouse=True)
def _private_user_folders(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own runtime and config folders: a window built by a test starts
    the browser feature, whose socket and pairing file must never land in the real ones
    (nor collide with another test run on the same machine). Short paths: a Unix socket
    path is limited to ~100 characters."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="auth-t-")
    monkeypatch.setenv("XDG_RUNTIME_DIR", f"{folder}/run")
    monkeypatch.setenv("XDG_CONFIG_HOME", f"{folder}/config")
    yield
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The system keyring replaced by one in memory for the test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's garbage on the main thread, at its end.

    Python's cyclic garbage collector runs in whichever thread happens to allocate when a
    threshold is crossed: left to itself it may destroy a test's unparented Qt objects (a
    vault session and its file watcher, say) inside a worker-pool thread of a LATER test,
    which Qt answers with "Socket notifiers cannot be enabled or disabled from another
    thread" or an abort. Collecting here keeps every Qt destructor on the GUI thread.
    """
    yield
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
