"""h200claims: who is involved, what numbers are claimed, and who said what, in Chinese news.

Start here:

    >>> import h200claims
    >>> r = h200claims.extract("美國商務部長盧特尼克表示，美方將抽取約25%的分潤。")
    >>> [e.name for e in r.entities]          # actors, grouped across scripts and languages
    ['US Department of Commerce', 'Howard Lutnick', 'United States']
    >>> [q.text for q in r.quantities], [q.text for q in r.quotes]
    (['約25%'], ['美方將抽取約25%的分潤'])
    >>> [c.type for c in r.claims]            # every quote, and every amount with who states it
    ['quote', 'quantity']

Then: ``h200claims.Extractor`` (config, user lexicon, ``pipe``), ``r.to_dataframe()``,
``r.to_gold()``, the command line ``h200claims extract|eval|eval-ner|show``, and ``docs/``
(architecture, annotation format, model card, quality, performance).
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
