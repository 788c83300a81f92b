"""Errors raised at the library's edge."""
from __future__ import annotations


class H200ClaimsError(Exception):
    """Base class for every error this library raises on purpose."""


class H200ClaimsInputError(H200ClaimsError, ValueError):
    """Input that cannot be read or processed: names the file (if any) and the reason."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)
