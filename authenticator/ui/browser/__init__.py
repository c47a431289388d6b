"""Fill codes into login pages through the browser extension (see feature.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authenticator.ui.browser.feature import BrowserFeature
    from authenticator.ui.host import Host


def install(host: Host) -> BrowserFeature:
    from authenticator.ui.browser.feature import BrowserFeature

    return BrowserFeature(host)
