"""Stage 1, text: reading files, the offset-keeping Simplified view, body detection, sentences."""
