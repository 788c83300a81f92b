"""Lexicon.find (an Aho-Corasick automaton) finds what a longest-first trie alternation finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from h200claims.data import lexicon
from h200claims.patterns import trie_pattern

WORDS = st.lists(st.text(alphabet="abcd", min_size=1, max_size=5), min_size=1, max_size=10, unique=True)


def _lex(words: list[str]) -> lexicon.Lexicon:
    return lexicon.Lexicon(tuple(lexicon.LexEntry(f"e{i}", "ORG", w, (w,)) for i, w in enumerate(words)))


@settings(max_examples=400, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abcdx", max_size=40), cut=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_find_is_the_trie_alternation(words, text, cut):
    a, b = sorted(min(c, len(text)) for c in cut)
    want = [m.span() for m in re.compile(trie_pattern(words)).finditer(text, a, b) if m.end() > m.start()]
    assert _lex(words).find(text, a, b) == want


def test_a_shorter_name_where_a_longer_one_was_still_possible_at_the_end():
    # pyahocorasick's iter_long drops 'c' here ('bcc' was still possible when the text ended)
    assert _lex(["c", "bcc"]).find("xbc") == [(2, 3)]
    assert _lex(["c", "bcc"]).find("xbcx", 0, 3) == [(2, 3)]


def test_the_package_lexicon_finds_names_on_the_view():
    lex = lexicon.default()
    view = "台积电与中华电信"
    assert [view[s:e] for s, e in lex.find(view)] == ["台积电", "中华电信"]
