"""Clock check: internet time check, warnings, correction, compare with another device."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.ui.clock.check import ClockCheck
    from authenticator.ui.host import Host


def install(host: Host) -> ClockCheck:
    """Banners, the periodic check, the code-time correction and the settings section."""
    from authenticator.ui.clock.check import ClockCheck

    return ClockCheck(host)
