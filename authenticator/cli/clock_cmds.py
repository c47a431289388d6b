"""The internet time check: clock."""

from __future__ import annotations

import argparse

from authenticator.cli.common import AddCommand


def cmd_clock(args: argparse.Namespace) -> int:
    import json

    from authenticator.cli.clock_words import describe_offset
    from authenticator.timesync.sntp import DEFAULT_SERVERS, measure_offset

    result = measure_offset(args.server or DEFAULT_SERVERS)
    if args.json:
        print(json.dumps({"offset": round(result.offset, 6), "delay": round(result.delay, 6),
                          "server": result.server}))
    else:
        print(f"offset {result.offset:+.3f} s, delay {result.delay * 1000:.0f} ms "
              f"({result.server})")
        print(describe_offset(result.offset))
    return 0


def register(add: AddCommand) -> None:
    p = add("clock", cmd_clock, "check this computer's clock against time servers (network)",
            vault=False)
    p.add_argument("--server", action="append", metavar="HOST[:PORT]")
    p.add_argument("--json", action="store_true", help="machine-readable output")
