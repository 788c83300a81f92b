"""Stage 5, output: the gold format, the HTML and text views, the claims table (the CLI is h200claims/cli.py)."""
