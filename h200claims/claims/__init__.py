"""Stage 4, claims: typed claims joining speakers, quantities and subjects."""
