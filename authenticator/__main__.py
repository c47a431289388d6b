"""``python -m authenticator``: same as the ``authenticator`` console script."""

from authenticator.cli import main

raise SystemExit(main())
