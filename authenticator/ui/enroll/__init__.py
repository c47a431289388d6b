"""Adding accounts: the Add dialog and its routes (camera, screen, image, paste, typed key)."""
