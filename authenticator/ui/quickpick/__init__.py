"""Quick pick: a code from anywhere in two keystrokes (global shortcut, search box, copy
or type it into the window you were in). ``install(host)`` plugs it into the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.ui.host import Host
    from authenticator.ui.quickpick.controller import QuickPick


def install(host: Host) -> QuickPick:
    from authenticator.ui.quickpick.controller import QuickPick

    return QuickPick(host)
