"""``python -m h200claims`` runs the command line."""
import sys

from h200claims.cli import main

sys.exit(main())
