"""Optional network time check (SNTP). Nothing here sends a packet unless called.

The app only calls this when the user enabled the time check (or ran
``authenticator clock``); the interpretation of offsets is in
:mod:`authenticator.core.drift`.
"""

from authenticator.timesync.sntp import (
    DEFAULT_SERVERS,
    ClockResult,
    Sample,
    TimeCheckError,
    measure_offset,
    parse_server,
    query_server,
)

__all__ = [
    "DEFAULT_SERVERS",
    "ClockResult",
    "Sample",
    "TimeCheckError",
    "measure_offset",
    "parse_server",
    "query_server",
]
