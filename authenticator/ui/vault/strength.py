"""A rough password strength hint (no dictionary download, no network).

Score 0..4 from an entropy estimate over the character classes used, with penalties for
repetition and very common passwords. It is a hint for people, not a guarantee.
"""

from __future__ import annotations

import math
import string

from PySide6.QtCore import QCoreApplication

COMMON = {
    "password", "123456", "12345678", "123456789", "qwerty", "azerty", "letmein",
    "iloveyou", "admin", "welcome", "monkey", "dragon", "motdepasse", "abc123",
    "password1", "1234567890", "qwertyuiop", "sunshine", "football", "baseball",
}


def entropy_bits(password: str) -> float:
    if not password:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in password):
        pool += 26
    if any(c in string.ascii_uppercase for c in password):
        pool += 26
    if any(c in string.digits for c in password):
        pool += 10
    if any(c in string.punctuation or c == " " for c in password):
        pool += 33
    if any(ord(c) > 127 for c in password):
        pool += 100
    distinct = len(set(password))
    effective_length = min(len(password), distinct * 2)
    return effective_length * math.log2(max(pool, 2))


def estimate_strength(password: str) -> tuple[int, str]:
    """(score 0..4, hint for a person, in the user's language)."""
    if not password:
        return 0, QCoreApplication.translate(
            "PasswordStrength", "Use a long passphrase, for example four unrelated words.")
    if password.lower() in COMMON:
        return 0, QCoreApplication.translate(
            "PasswordStrength", "This password is one of the most common: anyone would guess it.")
    bits = entropy_bits(password)
    if bits < 40:
        return 1, QCoreApplication.translate(
            "PasswordStrength", "Weak: add more words or characters.")
    if bits < 60:
        return 2, QCoreApplication.translate(
            "PasswordStrength", "Fair: a few more characters would make it much stronger.")
    if bits < 80:
        return 3, QCoreApplication.translate("PasswordStrength", "Good.")
    return 4, QCoreApplication.translate("PasswordStrength", "Strong.")
