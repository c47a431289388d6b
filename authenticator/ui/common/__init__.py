"""Shared widgets, workers, theme, clipboard, ticker, error messages used by every feature."""
