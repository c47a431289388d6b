"""Decoding QR codes without a vault: scan."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from authenticator.cli.common import (
    AddCommand,
    say,
)
from authenticator.core.errors import AuthenticatorError


def cmd_scan(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from authenticator.core.uri import format_uri
    from authenticator.scan.decoders import decoder_note
    from authenticator.scan.pipeline import scan_file

    note = decoder_note()
    if note:
        say(f"note: {note}")
    report: list[dict[str, Any]] = []
    failed = False
    for image in args.images:
        try:
            result = scan_file(Path(image))
            accounts = list(result.accounts)
            for batch in result.migration_batches:
                accounts.extend(batch.accounts)
            error = None if accounts else (result.error or "no authenticator key found")
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
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failed else 0




def register(add: AddCommand) -> None:
    p = add("scan", cmd_scan, "decode the QR codes in image files", vault=False)
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
