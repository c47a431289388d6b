"""Decoding QR codes without a vault: scan."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from authenticator.cli.common import AddCommand, print_json, say
from authenticator.core.errors import AuthenticatorError

if TYPE_CHECKING:
    from authenticator.scan.pipeline import ScanResult


def cmd_scan(args: argparse.Namespace) -> int:
    from pathlib import Path

    from authenticator.core.uri import format_uri
    from authenticator.scan.decoders import decoder_note
    from authenticator.scan.pipeline import scan_file

    if not args.images and not args.screen:
        print("error: give image files to scan, or --screen", file=sys.stderr)
        return 2
    note = decoder_note()
    if note:
        say(f"note: {note}")
    report: list[dict[str, Any]] = []
    failed = False
    def scan_image(image: str) -> Callable[[], list[ScanResult]]:
        return lambda: [scan_file(Path(image))]

    sources = [(image, scan_image(image)) for image in args.images]
    if args.screen:
        sources.append(("screen", _scan_screen))
    for image, scan in sources:
        try:
            results = scan()
            accounts = [a for r in results for a in r.accounts]
            for result in results:
                for batch in result.migration_batches:
                    accounts.extend(batch.accounts)
            error = None if accounts else (
                next((r.error for r in results if r.error), None)
                or "no authenticator key found")
        except AuthenticatorError as exc:
            accounts, error = [], str(exc)
        failed |= error is not None
        report.append({"file": image, "accounts": accounts, "error": error})
        if not args.json:
            if error:
                print(f"error: {image}: {error}", file=sys.stderr)
            for account in accounts:
                print(format_uri(account))
    if args.json:
        for entry in report:
            entry["accounts"] = [a.to_public_json() for a in entry["accounts"]]
        print_json(report)
    return 1 if failed else 0


def _scan_screen() -> list[ScanResult]:
    """Every screen (X11 grab, or the desktop's portal on Wayland: its picture is deleted
    as soon as it is read)."""
    from authenticator.scan.pipeline import scan_array
    from authenticator.ui.platform.capture import capture_screens

    return [scan_array(gray) for gray in capture_screens(notify=say)]


def register(add: AddCommand) -> None:
    p = add("scan", cmd_scan, "decode the QR codes in image files (or on the screen)",
            vault=False)
    p.add_argument("images", nargs="*", metavar="IMAGE")
    p.add_argument("--screen", action="store_true",
                   help="read every screen (asks the desktop's screenshot service on "
                        "Wayland)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
