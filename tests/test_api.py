import json
from pathlib import Path

import pytest

import h200claims
from conftest import ROOT, read_seed, seed_names
from h200claims import ArticleClaims, H200ClaimsInputError
from h200claims.output.schema import schema_json


def test_schema_file_is_in_sync():
    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == schema_json(), \
        "run: python -m h200claims.output.schema > docs/schema.json"


@pytest.mark.parametrize("name", seed_names())
def test_extract_returns_valid_result_for_each_seed(seed_results, name):
    r = seed_results[name]
    assert isinstance(r, ArticleClaims)
    text = read_seed(name)
    assert r.text == text and r.body
    for item in r.spans():
        assert text[item.start:item.end] == item.text
        assert item.rule
        assert r.body and any(a <= item.start and item.end <= b for a, b in r.body)
    again = ArticleClaims.model_validate_json(r.model_dump_json())
    assert again == r


def test_to_gold_has_the_guideline_fields(seed_results):
    g = seed_results[seed_names()[2]].to_gold()
    assert set(g) == {"article", "sha256", "date", "body", "entities", "mentions", "quantities", "quotes"}
    assert g["date"] == "2025-12-10"
    json.dumps(g, ensure_ascii=False)


def test_offsets_are_validated():
    with pytest.raises(ValueError):
        ArticleClaims(text="abc", quantities=[h200claims.Quantity(start=0, end=1, text="b", rule="x", kind="count")])


def test_one_line_api_and_date_override():
    r = h200claims.extract("美國商務部長盧特尼克表示，此事將由總統決定。", date="2025-12-01")
    assert r.date == "2025-12-01"


def test_bad_input_type_is_a_clear_error():
    with pytest.raises(H200ClaimsInputError, match="must be str"):
        h200claims.extract(b"bytes")  # type: ignore[arg-type]


def test_max_chars():
    ex = h200claims.Extractor(max_chars=10)
    with pytest.raises(H200ClaimsInputError, match="max_chars"):
        ex.extract("中" * 11)


def test_pipe_matches_extract(extractor):
    texts = [read_seed(n) for n in seed_names()[:2]]
    assert [r.model_dump() for r in extractor.pipe(texts)] == [extractor.extract(t).model_dump() for t in texts]
    assert [r.model_dump() for r in extractor.pipe(texts, n_process=2)] == [extractor.extract(t).model_dump() for t in texts]


def test_py_typed_shipped():
    assert (Path(h200claims.__file__).parent / "py.typed").exists()
