"""Which known brand an issuer names: normalisation and alternative names (pure logic).

"Google LLC", "google.com", "accounts.google.com" and "Gmail" all name Google; "AWS" and
"Amazon Web Services" name nothing we ship, so they keep their initials.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Company-form suffixes and words that do not tell brands apart.
_NOISE = {"inc", "llc", "ltd", "limited", "corp", "corporation", "co", "gmbh", "ag", "sa",
          "sas", "bv", "plc", "the", "account", "accounts", "login", "id", "auth", "2fa"}
_TLDS = {"com", "org", "net", "io", "dev", "me", "co", "uk", "de", "fr", "app", "ch", "eu"}
_SUBDOMAINS = {"www", "accounts", "account", "login", "id", "auth", "my", "app", "secure"}

# Alternative names people or services use for a brand -> its slug.
ALIASES = {
    "gmail": "google", "googlemail": "google", "youtube": "google", "googleworkspace": "google",
    "twitter": "x", "xcom": "x", "proton": "proton", "protonvpn": "proton",
    "protonpass": "proton", "facebookmeta": "facebook", "meta": "facebook",
    "icloud": "apple", "appleid": "apple", "steamguard": "steam", "valve": "steam",
    "battlenet": "battledotnet", "blizzard": "battledotnet", "psn": "playstation",
    "playstationnetwork": "playstation", "sony": "playstation", "tutanota": "tuta",
    "epic": "epicgames", "ubisoftconnect": "ubisoft", "uplay": "ubisoft",
    "pythonpackageindex": "pypi", "dockerhub": "docker", "bitwardenvault": "bitwarden",
    "agilebits": "1password", "transferwise": "wise", "mozillaaccounts": "mozilla",
    "firefoxaccounts": "firefox",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def candidates(issuer: str) -> list[str]:
    """Normalised keys to look up, most specific first."""
    text = _fold(issuer).strip()
    if not text:
        return []
    keys: list[str] = []
    host = re.sub(r"^[a-z]+://", "", text).split("/")[0]
    if "." in host and " " not in host:  # a domain: google.com, accounts.google.com
        labels = [p for p in host.split(".") if p and p not in _SUBDOMAINS]
        while labels and labels[-1] in _TLDS:
            labels.pop()
        if labels:
            keys.append(labels[-1])
    words = [w for w in re.split(r"[^0-9a-z]+", text) if w and w not in _NOISE]
    if words:
        keys.append("".join(words))
        keys.append(words[0])
    return list(dict.fromkeys(keys))


class BrandIndex:
    """The known slugs and their folded titles, folded once: :meth:`match` per issuer."""

    def __init__(self, known: Iterable[str], titles: dict[str, str] | None = None) -> None:
        self.known = frozenset(known)
        self.by_title = {re.sub(r"[^0-9a-z]+", "", _fold(title)): slug
                         for slug, title in (titles or {}).items()}

    def match(self, issuer: str) -> str:
        """The slug of the brand ``issuer`` names among the known slugs, or ""."""
        for key in candidates(issuer):
            for slug in (key, ALIASES.get(key, ""), self.by_title.get(key, "")):
                if slug and slug in self.known:
                    return slug
        return ""


def match_slug(issuer: str, known: Iterable[str], titles: dict[str, str] | None = None) -> str:
    """The slug of the brand ``issuer`` names among ``known`` slugs, or "" (one lookup:
    for many, build a :class:`BrandIndex` once)."""
    return BrandIndex(known, titles).match(issuer)
