"""Adding accounts: the Add dialog and its routes (camera, screen, image, paste, typed key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.ui.enroll.hooks import EnrollHooks
    from authenticator.ui.host import Host


def install(host: Host) -> EnrollHooks:
    """Answer the host's add requests, paste and drops (the dialog loads on first use)."""
    from authenticator.ui.enroll.hooks import EnrollHooks

    return EnrollHooks(host)
