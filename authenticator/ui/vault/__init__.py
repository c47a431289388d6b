"""Opening, creating and locking the vault: session, welcome/unlock pages, password dialogs."""
