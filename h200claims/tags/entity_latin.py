"""Names written in Latin script inside Chinese text: a firm by its English words (Indigo Partners,
Wilkinson & Grist), and an English name with its Chinese name in brackets after it
(Keith Ho（何文基）, Wilkinson & Grist（高露雲律師行）): one entity, both mentions."""
from __future__ import annotations

from functools import lru_cache

from h200claims import data
from h200claims.doc import Doc, MentionCandidate
from h200claims.patterns import compile_fast
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import chinese_name_at, is_cjk, is_latin, name_key, vocab

#: capitalised words joined by spaces, '&' or a lower-case linking word (Bank of America, Wilkinson & Grist)
LATIN_RUN = compile_fast(r"[A-Z][A-Za-z0-9'\-.]*(?:(?: & | and | of | for | the | )[A-Z][A-Za-z0-9'\-.]*){1,5}")
#: the Chinese name in brackets right after a Latin name
CJK_PAREN = compile_fast(r"\(([\u4e00-\u9fff·]{2,12})\)")


@lru_cache(maxsize=1)
def honorifics() -> tuple[str, ...]:
    return tuple(sorted(data.load_json("entity_rules.json")["english_honorifics"], key=len, reverse=True))


def _firm(words: list[str], text: str) -> bool:
    return " & " in text or bool(set(words) & vocab().en_org)


@rule("latin_name")
def latin_names(doc: Doc) -> list[MentionCandidate]:
    """A run of capitalised Latin words that holds an English firm word or '&' is an ORG (Indigo
    Partners, Wilkinson & Grist); a run of two to four capitalised words followed by a Chinese person's
    name in brackets is that person (Keith Ho（何文基）), and a firm's Chinese name in brackets is the
    firm's. The Latin name and the bracketed Chinese name are one entity.

    >>> import h200claims
    >>> [(m.text, m.label) for m in h200claims.extract("訂單來自一家名為Indigo Partners的投資公司。").mentions]
    [('Indigo Partners', 'ORG')]
    """
    voc = vocab()
    view = doc.view
    out: list[MentionCandidate] = []
    for a, b in doc.paragraphs:
        for m in LATIN_RUN.finditer(view, a, b):
            s, e = m.span()
            text = m.group().rstrip(".")
            e = s + len(text)
            if (s > a and (is_latin(view[s - 1]) or view[s - 1] == "(")) or (e < b and is_latin(view[e])):
                continue  # part of a longer Latin run, or an alias the paren rule reads
            while (h := next((x for x in honorifics() if text.startswith(x + " ")), None)) is not None:
                s, text = s + len(h) + 1, text[len(h) + 1:]  # Messrs. Wilkinson & Grist
            words = text.replace("&", " ").split()
            if len(words) < 2 and "&" not in text:
                continue
            if words[-1] in voc.en_not:
                continue
            paren = CJK_PAREN.match(view, e, b)
            inner = paren.group(1) if paren else ""
            if _firm(words, text):
                key = name_key(text)
                out.append(MentionCandidate(s, e, "ORG", "latin_name", key, priority=2))
                if inner and (inner.endswith(voc.org_suffixes) or inner[-1] in voc.paren_org_last or inner.endswith("行")):
                    out.append(MentionCandidate(paren.start(1), paren.end(1), "ORG", "latin_name", key, priority=2))
            elif paren and 2 <= len(words) <= 4 and not any(w.isupper() and len(w) > 1 for w in words) \
                    and chinese_name_at(view, paren.start(1), paren.end(1)) == paren.end(1) \
                    and all(is_cjk(c) for c in inner):
                key = name_key(view[paren.start(1):paren.end(1)])
                out.append(MentionCandidate(s, e, "PERSON", "latin_name", key, priority=2))
                out.append(MentionCandidate(paren.start(1), paren.end(1), "PERSON", "latin_name", key, priority=2))
    return out
