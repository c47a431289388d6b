"""Command line: the GUI by default, subcommands for scripts (docs/architecture.md).

Exit status: 0 success, 1 error (one ``error: ...`` line on stderr, never a traceback),
2 usage error. Subcommands other than ``gui`` never import Qt or OpenCV at start-up:
heavy modules are imported inside the command that needs them. Each command group is a
module with a ``register(add)`` function, listed in ``COMMAND_GROUPS``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from authenticator import __version__
from authenticator.cli import (
    browser_cmds,
    clock_cmds,
    pick_cmds,
    scan_cmds,
    transfer_cmds,
    vault_cmds,
)
from authenticator.cli.common import Parser, add_vault_options
from authenticator.cli.safe_output import SafeStream
from authenticator.core.errors import AuthenticatorError

COMMAND_GROUPS = (vault_cmds, scan_cmds, transfer_cmds, clock_cmds, pick_cmds, browser_cmds)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="authenticator",
        description="Desktop TOTP authenticator. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"authenticator {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="on an unexpected internal error, print its traceback")
    vault_opts = Parser(add_help=False)
    add_vault_options(vault_opts)
    parser.add_argument("--vault", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--minimized", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str,
            vault: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_,
                           parents=[vault_opts] if vault else [])
        p.set_defaults(func=func)
        return p

    for group in COMMAND_GROUPS:
        group.register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from authenticator.hardening import harden_process

    harden_process()  # before any password is read: no core dumps, not attachable
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(stdout), SafeStream(stderr)
    try:
        return _main(argv)
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        args.minimized = getattr(args, "minimized", False)
        func = vault_cmds.cmd_gui
    try:
        return int(func(args))
    except AuthenticatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `authenticator list | head -1`
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except EOFError:
        print("error: no input", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or 'input/output error'}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: never a traceback, never a message with data
        if getattr(args, "debug", False):  # ... unless asked for (may show data: debugging)
            import traceback

            traceback.print_exc()
        print(f"error: unexpected internal error ({type(exc).__name__})", file=sys.stderr)
        return 1
