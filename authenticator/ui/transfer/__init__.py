"""Moving keys between devices and apps: QR for another device, Google export, backups, import."""
