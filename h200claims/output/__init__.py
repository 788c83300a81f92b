"""Stage 5, output: gold format, scoring, HTML view, tables and the command line."""
