"""The time servers the clock check asks."""

from __future__ import annotations


def parse_server_list(text: str) -> list[str]:
    """Servers typed by the user, separated by commas, spaces or lines; empty = defaults."""
    from authenticator.timesync.sntp import DEFAULT_SERVERS  # sockets only when checking

    servers = [s for s in text.replace(",", " ").split() if s]
    return servers or list(DEFAULT_SERVERS)
