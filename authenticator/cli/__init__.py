"""Command line interface (see cli.main)."""

from authenticator.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
