"""Stage 3, tags: entity mentions, quantities and quotes over the shared Doc."""
