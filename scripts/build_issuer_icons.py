"""Extract the issuer icons the app ships from Simple Icons (CC0), via `simple-icons-pack`.

Run by hand when the list changes (`pip install simple-icons-pack`; not needed at run
time): writes resources/issuer_icons/icons.json with, per icon, its slug, title, brand
colour and SVG path. Icons whose entry carries a licence of its own (not CC0) are left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# Issuers people commonly protect with TOTP (slugs of Simple Icons).
SLUGS = """
google github gitlab protonmail proton steam dropbox facebook x discord apple paypal
cloudflare bitwarden 1password nextcloud reddit twitch instagram digitalocean coinbase
binance npm pypi docker atlassian okta zoom epicgames ubisoft mailchimp namecheap gandi ovh
hetzner stripe shopify wordpress tuta mastodon playstation battledotnet evernote notion
figma tiktok snapchat wise revolut n26 robinhood bitbucket jetbrains vercel netlify mozilla
firefox ebay uber airbnb tesla
""".split()  # noqa: SIM905 (easier to edit as words)

OUT = Path(__file__).resolve().parents[1] / "resources" / "issuer_icons" / "icons.json"


def main() -> int:
    import simple_icons_pack

    icons = []
    for slug in SLUGS:
        icon = simple_icons_pack.get_icon(slug)
        if icon is None or icon.license is not None:
            print(f"skipped {slug}", file=sys.stderr)
            continue
        path = re.search(r'<path d="([^"]+)"', icon.svg)
        if path is None:
            continue
        icons.append({"slug": icon.slug, "title": icon.title, "hex": icon.hex,
                      "path": path.group(1)})
    from importlib.metadata import version

    source = f"Simple Icons (CC0-1.0) via simple-icons-pack {version('simple-icons-pack')}"
    OUT.write_text(json.dumps({"source": source, "icons": icons}, indent=0) + "\n",
                   encoding="utf-8")
    print(f"{len(icons)} icons written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
