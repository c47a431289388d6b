"""Authenticator: a desktop TOTP authenticator."""

__version__ = "0.1.0"
