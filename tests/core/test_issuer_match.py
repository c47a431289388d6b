"""Issuer names -> brand slugs, with normalisation and alternative names."""

from __future__ import annotations

import pytest

from authenticator.core.issuer_match import match_slug

KNOWN = {"google", "github", "x", "protonmail", "proton", "steam", "battledotnet", "1password"}
TITLES = {"protonmail": "Proton Mail", "battledotnet": "Battle.net", "1password": "1Password"}


@pytest.mark.parametrize("issuer, slug", [
    ("Google", "google"), ("Google LLC", "google"), ("google.com", "google"),
    ("accounts.google.com", "google"), ("Gmail", "google"), ("GOOGLE  Inc.", "google"),
    ("https://github.com/login", "github"), ("GitHub, Inc.", "github"),
    ("Twitter", "x"), ("Proton Mail", "protonmail"), ("ProtonMail", "protonmail"),
    ("Proton", "proton"), ("Steam Guard", "steam"), ("Battle.net", "battledotnet"),
    ("Blizzard", "battledotnet"), ("1Password", "1password"), ("Gööglé", "google"),
])
def test_known_issuers_match(issuer, slug):
    assert match_slug(issuer, KNOWN, TITLES) == slug


@pytest.mark.parametrize("issuer", ["", "Example Bank", "AWS", "googol", "My Company VPN"])
def test_others_keep_their_initials(issuer):
    assert match_slug(issuer, KNOWN, TITLES) == ""
