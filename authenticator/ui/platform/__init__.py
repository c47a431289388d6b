"""Desktop integration: tray, single instance, platform checks, translations."""
