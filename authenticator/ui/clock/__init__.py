"""Clock check: internet time check, warnings, correction, compare with another device."""
