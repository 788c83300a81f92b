"""Paragraphs and sentences with offsets, aware of quote marks.

A sentence ends at 。！？!? outside quote marks, or at a line break (not one after a comma or a
colon, where a scrape broke a sentence in two). A terminator inside
「…」 does not end the sentence that contains the quote; a closing mark right after a
terminator (…。」) ends the sentence after the mark. A line break resets the quote depth, so an
unclosed 「 cannot swallow the rest of the article.
"""
from __future__ import annotations

import re

TERMINATORS = frozenset("。！？!?")
OPEN = {"「": "」", "『": "』", "“": "”", "《": "》"}
CLOSE = {v: k for k, v in OPEN.items()}
MAX_DEPTH = 64


#: a line that ends in one of these stops mid-sentence: a scrape broke it, the next line carries on
CONTINUES = frozenset("，,、：:；;")


def paragraphs(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-blank lines inside the given ranges, stripped, as (start, end); a line that ends
    mid-sentence (公司發言人表示，⏎將擴大投資。) runs on into the next non-blank line."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        pos = a
        joined = False
        for raw in text[a:b].split("\n"):
            s = pos + len(raw) - len(raw.lstrip())
            e = pos + len(raw.rstrip())
            if e > s:
                if joined and out:
                    out[-1] = (out[-1][0], e)
                else:
                    out.append((s, e))
                joined = text[e - 1] in CONTINUES
            pos += len(raw) + 1
    return out


#: the only characters the sentence splitter has to look at
_MARKS = re.compile("[" + re.escape("".join(TERMINATORS) + "".join(OPEN) + "".join(CLOSE) + '"') + "]")


def sentences(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end); whitespace around them is left out."""
    a, b = para
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = a
    skip_to = a
    for m in _MARKS.finditer(text, a, b):
        i = m.start()
        if i < skip_to:
            continue
        c = text[i]
        if c in OPEN and len(stack) < MAX_DEPTH:
            stack.append(OPEN[c])
        elif c in CLOSE and stack:
            if c in stack:
                while stack and stack.pop() != c:
                    pass
            if not stack and i > a and text[i - 1] in TERMINATORS and _closes_quote(text, i, b):
                out.append((start, i + 1))
                start = i + 1
        elif c == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            elif len(stack) < MAX_DEPTH:
                stack.append('"')
        elif c in TERMINATORS and not stack:
            j = i + 1
            while j < b and text[j] in TERMINATORS:
                j += 1
            out.append((start, j))
            start = j
            skip_to = j
    if start < b:
        out.append((start, b))
    return [s for s in (_strip(text, x) for x in out) if s[1] > s[0]]


def _closes_quote(text: str, i: int, b: int) -> bool:
    """After 。」 the sentence ends unless a cue or comma follows in the same clause."""
    nxt = text[i + 1] if i + 1 < b else ""
    return nxt not in "，,、：:"


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
