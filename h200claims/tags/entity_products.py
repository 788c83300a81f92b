"""Products named by a model code: written right after their maker (波音|787, 空客|A320) or before the
kind of thing they are (C919|飛機, A321neo|客機, 787|新機)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import alternation, compile_fast
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import is_cjk, is_latin, name_key
from h200claims.text.script import simplified_view as v

#: a model code: a few capitals, three or four digits, a few letters (C919, A321neo, 787, RON95)
CODE = compile_fast(r"(?<![A-Za-z0-9.,%])[A-Z]{0,3}[0-9]{3,4}[A-Za-z]{0,3}(?![A-Za-z0-9.,%])")


@lru_cache(maxsize=1)
def product_nouns() -> Any:
    """The kinds of product a model code is written before (飛機, 客機, 車型), data/entity_rules.json."""
    return compile_fast(alternation(v(x) for x in data.load_json("entity_rules.json")["product_kind_nouns"]))


@rule("product_code")
def product_codes(doc: Doc) -> list[MentionCandidate]:
    """A model code right after a company's name or before a kind of product is a PRODUCT; a year
    (2025年), an amount, a count after a body (世衛組織|191個), a flight (海航|182航班) or a code alone is not.

    >>> import h200claims
    >>> [(m.text, m.label) for m in h200claims.extract("2025年訂購100架C919飛機與空客A321neo。").mentions]
    [('C919', 'PRODUCT'), ('空客', 'ORG'), ('A321neo', 'PRODUCT')]
    """
    view = doc.view
    makers = {c.end for c in doc.candidates if c.label == "ORG"}
    out = []
    for a, b in doc.paragraphs:
        for m in CODE.finditer(view, a, b):
            s, e = m.span()
            code = m.group()
            if code.isdigit() and (view.startswith(("年", "万", "亿", "元", "人", "家", "件", "%"), e)
                                   or 1900 <= int(code) <= 2100):
                continue  # 2025年, 3600万
            after = view[e:e + 1]
            if (s in makers and not (code.isdigit() and is_cjk(after))) or product_nouns().match(view, e):
                if not (s > 0 and is_latin(view[s - 1])):
                    out.append(MentionCandidate(s, e, "PRODUCT", "product_code", name_key(code), priority=1))
    return out
