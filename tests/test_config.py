"""The pipeline's config: resolved once per Extractor, names checked, rules really switched off."""
from __future__ import annotations

import subprocess
import sys

import pytest

from h200claims import Extractor, registry
from h200claims.doc import MentionCandidate as C
from h200claims.errors import H200ClaimsComponentError, H200ClaimsConfigError
from h200claims.tags.entity_merge import check_policy, merge, source_of

TEXT = "研究員戴明哲表示，美國商務部將公布新規，出口將增加25%。"


def test_two_extractors_with_different_configs_in_one_process():
    full = Extractor()
    no_quant = Extractor(quantity_rules=[])
    no_quotes = Extractor(disable=["quotes"])
    assert [q.text for q in full.extract(TEXT).quantities] == ["25%"]
    assert no_quant.extract(TEXT).quantities == []
    assert no_quotes.extract(TEXT).quotes == [] and full.extract(TEXT).quotes
    assert [q.text for q in no_quotes.extract(TEXT).quantities] == ["25%"]  # the others still run
    assert full.extract(TEXT).model_dump() == Extractor().extract(TEXT).model_dump()


@pytest.mark.parametrize("kwargs", [{"disable": ["no_such_rule"]}, {"components": ["body", "nope"]},
                                    {"entity_rules": ["lexicon", "nope"]}, {"no_such_setting": 1}])
def test_unknown_names_are_refused_with_the_known_ones(kwargs):
    with pytest.raises(H200ClaimsConfigError) as e:
        Extractor(**kwargs)
    assert "nope" in str(e.value) or "no_such" in str(e.value)
    assert "known" in str(e.value)


def test_a_component_whose_input_never_ran_is_refused():
    with pytest.raises(H200ClaimsConfigError, match="'quantities' requires tokens"):
        Extractor(components=["quantities"])


def test_every_name_is_known_to_the_registry():
    names = registry.rule_names()
    assert {"lexicon", "model", "repeat_name"} <= set(names["entities"])
    assert {"indirect_cue", "headline_colon", "resolve_descriptions"} <= set(names["quotes"])
    for stage in names.values():
        for n in stage:
            Extractor(disable=[n])  # every known name is accepted


def test_a_failing_component_names_itself_and_the_article():
    @registry.component("explodes_for_test", requires=["tokens"])
    def explodes(doc):
        raise RuntimeError("kaboom")

    ex = Extractor(components=["body", "sentences", "tokens", "explodes_for_test"])
    with pytest.raises(H200ClaimsComponentError) as e:
        ex.extract("王小明表示，今年會更好。", source="a.txt")
    assert "explodes_for_test" in str(e.value) and "a.txt" in str(e.value) and "kaboom" in str(e.value)


def test_cli_rejects_an_unknown_ablation_with_one_line():
    p = subprocess.run([sys.executable, "-m", "h200claims", "eval", "--gold", "fixtures/gold", "--articles",
                        "fixtures/articles", "--ablate", "no_such_rule"], capture_output=True, text=True)
    assert p.returncode == 2
    assert "unknown component or rule name(s): no_such_rule" in p.stderr and "Traceback" not in p.stderr


def test_cli_version():
    p = subprocess.run([sys.executable, "-m", "h200claims", "--version"], capture_output=True, text=True)
    assert p.returncode == 0 and p.stdout.startswith("h200claims ")


# ---------------------------------------------------------------- a switched-off rule never runs


def test_a_disabled_quote_rule_does_not_touch_the_speaker_state():
    # two paragraphs: in the second, 他 can only be someone who spoke (no one was introduced there)
    text = "「我們會擴大投資。」，王大明說。\n\n他表示，明年營收將會成長。"
    full = Extractor().extract(text)
    speakers = {q.rule: q.speaker for q in full.quotes}
    assert speakers["direct_speaker_after"] is not None
    assert speakers["indirect_cue"] == speakers["direct_speaker_after"]  # 他 is 王大明, who spoke
    cut = Extractor(disable=["direct_speaker_after"]).extract(text)
    assert [q.rule for q in cut.quotes] == ["indirect_cue"]
    # with the rule off nobody has spoken yet, so 他 resolves to no one
    assert cut.quotes[0].speaker is None


def test_a_disabled_entity_rule_is_not_run():
    text = "研究員戴明哲（Daniel Tai）表示，晶片需求將持續成長。"
    rules = {m.rule for m in Extractor().extract(text).mentions}
    assert "paren_alias" in rules
    assert "paren_alias" not in {m.rule for m in Extractor(disable=["paren_alias"]).extract(text).mentions}


# ---------------------------------------------------------------- the merge policy, on its own


def test_merge_later_tier_fills_only_gaps():
    policy = {"PERSON": [["lexicon", "rules"], ["model"]], "ORG": [["lexicon", "rules"], ["model"]]}
    cands = [C(0, 4, "ORG", "model:crf", "name:a"), C(0, 2, "PERSON", "cue_name", "name:b"),
             C(5, 8, "PERSON", "model:crf", "name:c")]
    got = [(c.start, c.end, c.rule) for c in merge(cands, policy)]
    assert got == [(0, 2, "cue_name"), (5, 8, "model:crf")]


def test_merge_model_first_policy_lets_the_model_win():
    policy = {"PERSON": [["model"], ["lexicon", "rules"]]}
    cands = [C(0, 3, "PERSON", "model:crf", "name:a"), C(0, 2, "PERSON", "cue_name", "name:b")]
    assert [c.rule for c in merge(cands, policy)] == ["model:crf"]


def test_merge_one_tier_longest_wins_and_missing_source_is_dropped():
    policy = {"PERSON": [["rules", "model"]], "PRODUCT": [["lexicon"]]}
    cands = [C(0, 3, "PERSON", "model:crf", "name:a"), C(0, 2, "PERSON", "cue_name", "name:b"),
             C(4, 6, "PRODUCT", "model:crf", "name:p")]
    assert [c.rule for c in merge(cands, policy)] == ["model:crf"]


def test_merge_policy_is_checked():
    assert source_of("model:repeat_name") == "model" and source_of("org_suffix") == "rules"
    with pytest.raises(H200ClaimsConfigError):
        check_policy({"PERSON": [["lexicon"], ["lexicon"]]})
    with pytest.raises(H200ClaimsConfigError):
        Extractor(merge={"PERSON": [["oracle"]]})


def test_merge_policy_from_config_changes_the_result():
    text = "在昨天的會議上林志明表示，公司將擴大投資。"
    assert ("林志明", "model:crf") in [(m.text, m.rule) for m in Extractor().extract(text).mentions]
    no_model_people = dict(Extractor().settings["merge"], PERSON=[["lexicon", "rules"]])
    got = Extractor(merge=no_model_people).extract(text).mentions
    assert "林志明" not in [m.text for m in got]
