"""Every word the rules learnt from the seed articles works in sentences of our own: one
templated sentence per entry, in both scripts, for the lists the seeds exercised most (speech cues,
adverbs and openers before a cue, titles, unnamed-source nouns, measure nouns, change verbs)."""
from __future__ import annotations

import pytest

from h200claims import Extractor, data, to_simplified

Q = data.load_json("quotes.json")
E = data.load_json("entity_rules.json")
C = data.load_json("claims.json")
QTY = data.load_json("quantities.json")
CUES = data.read_tsv("quote_cues.tsv")
WEAK = {c[0] for c in CUES if c[1] != "strong"}


def both(text):
    return [text, to_simplified(text)]


@pytest.fixture(scope="module")
def ex():
    return Extractor()


@pytest.mark.parametrize("cue", [c[0] for c in CUES if c[0] not in WEAK and len(c[0]) >= 2])
def test_every_cue_reports_speech(ex, cue):
    for t in both(f"研究員鄭光宇{cue}，明年全球晶片需求將持續增加。"):
        quotes = ex.extract(t).quotes
        assert quotes and quotes[0].text.startswith(("明年全球", "明年全球")), (cue, [q.text for q in quotes])


@pytest.mark.parametrize("adverb", [a for a in Q["adverbs"] if len(a) >= 2])
def test_adverbs_between_speaker_and_cue(ex, adverb):
    for t in both(f"經濟部長龔明鑫{adverb}表示，出口訂單將持續成長。"):
        r = ex.extract(t)
        assert r.quotes and r.quotes[0].speaker is not None, (adverb, r.quotes)


@pytest.mark.parametrize("opener", Q["sentence_openers"])
def test_sentence_openers_before_a_cue(ex, opener):
    for t in both(f"{opener}，經濟部長龔明鑫表示，出口訂單將持續成長。"):
        r = ex.extract(t)
        assert r.quotes and r.quotes[0].speaker is not None, (opener, r.quotes)


@pytest.mark.parametrize("title", [t for t in E["titles"] if len(t) >= 2])
def test_titles_before_a_new_name(ex, title):
    for t in both(f"公司{title}蘇振廷指出，明年的投資計畫不會改變。"):
        r = ex.extract(t)
        person = next((e for e in r.entities if e.label == "PERSON"), None)
        assert person is not None and person.mentions[0].text in ("蘇振廷", "苏振廷"), (title, r.mentions)


@pytest.mark.parametrize("role", [r for r in Q["role_nouns"] if len(r) >= 2])
def test_unnamed_sources_keep_no_speaker(ex, role):
    for t in both(f"{role}表示，這項政策的影響仍有待觀察。"):
        r = ex.extract(t)
        assert r.quotes and r.quotes[0].speaker is None, (role, r.quotes)


@pytest.mark.parametrize("noun", C["measure_nouns"])
def test_measure_nouns_name_what_is_measured(ex, noun):
    for t in both(f"該公司今年的{noun}增加了25%。"):
        claims = [c for c in ex.extract(t).claims if c.type == "quantity"]
        assert claims and claims[0].measure is not None and to_simplified(noun) in to_simplified(claims[0].measure), (noun, claims)


@pytest.mark.parametrize("verb", QTY["change_verbs"])
def test_change_verbs(ex, verb):
    for t in both(f"關稅將從15%{verb}至25%。"):
        qs = ex.extract(t).quantities
        assert qs and (qs[0].from_value, qs[0].to_value) == (15, 25), (verb, qs)
