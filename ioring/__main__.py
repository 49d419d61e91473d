"""``python -m ioring`` runs the CLI."""

from ioring.cli import main

raise SystemExit(main())
