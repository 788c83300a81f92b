"""The batch stage: many files, a pool of worker processes, resumable output."""
