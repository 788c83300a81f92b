"""h200claims: who is involved, what numbers are claimed, and who said what, in Chinese news.

    >>> import h200claims
    >>> result = h200claims.extract(text)
    >>> result.quotes, result.claims, result.to_gold()
"""
from h200claims.errors import H200ClaimsError, H200ClaimsInputError
from h200claims.models import (
    ArticleClaims,
    Claim,
    Entity,
    Mention,
    Quantity,
    QuantityClaim,
    Quote,
    QuoteClaim,
    Span,
)
from h200claims.pipeline import Extractor, extract
from h200claims.text.read import read_file
from h200claims.text.script import simplified_view, to_simplified

__version__ = "0.1.0"

__all__ = [
    "ArticleClaims", "Claim", "Entity", "Extractor", "H200ClaimsError", "H200ClaimsInputError",
    "Mention", "Quantity", "QuantityClaim", "Quote", "QuoteClaim", "Span", "extract", "read_file",
    "simplified_view", "to_simplified", "__version__",
]
