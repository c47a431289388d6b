"""The one base class for every error a user may see.

Every message is a single sentence meant for a person and never contains a secret.
The CLI prints ``error: <message>`` for these and exits 1; the GUI shows the message.
"""


class AuthenticatorError(Exception):
    """Base of all user-facing errors. ``str(err)`` is one clear line, never a secret."""
