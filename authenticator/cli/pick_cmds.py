"""``authenticator pick``: show the quick pick box, from a desktop shortcut or a script.

Asks the running app (through its single-instance channel) to show the box; when the app
is not running it starts it, hidden in the tray where there is one, with the box shown.
Bind it to a key in the desktop's settings where an app cannot register a global
shortcut itself (Wayland).
"""

from __future__ import annotations

import argparse
import sys

from authenticator.cli.common import AddCommand


def cmd_pick(args: argparse.Namespace) -> int:
    vault = getattr(args, "vault", None)
    # Fast path, the app is running: only QtCore (QtNetwork too where there are no Unix
    # sockets: Windows), no GUI start-up.
    from PySide6.QtCore import QSettings

    from authenticator.ui.app import instance_name
    from authenticator.ui.platform.single_instance import PICK, notify_running

    last = QSettings("Authenticator", "Authenticator").value("last_vault", "")
    if notify_running(instance_name(vault, str(last or "")), message=PICK):
        return 0
    if args.no_start:
        print("error: Authenticator is not running", file=sys.stderr)
        return 1
    from authenticator.ui.app import run_gui

    return run_gui(vault_path=vault, start_minimized=True, pick=True)


def register(add: AddCommand) -> None:
    p = add("pick", cmd_pick, "show the quick pick box of the running app (starts it in the "
            "tray if needed): bind this to a key", vault=False)
    p.add_argument("--vault", metavar="PATH",
                   help="the vault of the app to ask (default: as the window opens it)")
    p.add_argument("--no-start", action="store_true",
                   help="only ask a running app; exit 1 when none is running")
