"""Browser integration without Qt: the native-messaging protocol, site matching, pairing,
host manifests and the native host program (``authenticator browser-host``).

The app side (the local server, prompts, the code computation) is ``ui/browser``; the
extension's source is ``browser/extension/`` at the top of the repository.
"""
