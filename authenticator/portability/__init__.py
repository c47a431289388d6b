"""Import from other authenticators and export to portable formats (no GUI here)."""
