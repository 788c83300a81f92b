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


class H200ClaimsConfigError(H200ClaimsError, ValueError):
    """A pipeline that cannot be built: an unknown component or rule name, a missing step."""


class H200ClaimsComponentError(H200ClaimsError):
    """A component failed on an article: names the component and the article; the cause is chained."""

    def __init__(self, component: str, source: str | None, cause: BaseException) -> None:
        self.component = component
        self.source = source
        where = source or "<text>"
        super().__init__(f"component {component!r} failed on {where}: {type(cause).__name__}: {cause}")
