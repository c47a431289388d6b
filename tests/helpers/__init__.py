"""Shared test fixtures and builders (imported by tests; never a test module itself)."""
