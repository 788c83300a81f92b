import pytest

from conftest import read_seed, seed_names
from h200claims import Extractor, to_simplified
from h200claims.tokens.segmenter import align
from h200claims.tokens.spacy_doc import spacy_nlp


@pytest.mark.parametrize("name", seed_names())
def test_traditional_and_simplified_give_the_same_token_offsets(extractor, name):
    trad = read_seed(name)
    simp = to_simplified(trad)
    assert simp != trad and len(simp) == len(trad)
    a = extractor.run(extractor.make_doc(trad))
    b = extractor.run(extractor.make_doc(simp))
    assert a.tokens and a.tokens == b.tokens
    assert a.body == b.body and a.sentences == b.sentences


def test_tokens_tile_each_paragraph(extractor):
    doc = extractor.run(extractor.make_doc(read_seed(seed_names()[1])))
    for a, b in doc.paragraphs:
        inside = [t for t in doc.tokens if a <= t[0] < b]
        assert inside[0][0] == a and inside[-1][1] == b
        assert all(x[1] == y[0] for x, y in zip(inside, inside[1:]))


def test_lexicon_names_are_single_tokens(extractor):
    doc = extractor.run(extractor.make_doc("美國商務部長盧特尼克說，輝達的晶片很好，英伟达也同意，这是事实，大家都知道这一点。"))
    words = {doc.text[s:e] for s, e in doc.tokens}
    assert "輝達" in words and "英伟达" in words


def test_spacy_doc_and_matcher():
    from spacy.matcher import Matcher

    nlp = spacy_nlp()
    text = "輝達執行長黃仁勳表示，H200晶片將出口中國。"
    doc = nlp(text)
    assert doc.text == text
    m = Matcher(nlp.vocab)
    m.add("CHIP", [[{"TEXT": {"REGEX": "^H\\d+$"}}]])
    assert [doc[s:e].text for _, s, e in m(doc)] == ["H200"]
    docs = list(nlp.pipe([text, "英伟达首席执行官黄仁勋说。"]))
    assert [d.text for d in docs] == [text, "英伟达首席执行官黄仁勋说。"]
    assert doc.char_span(0, 2) is not None


def test_pipeline_doc_exports_spacy_doc_with_ents_for_displacy(extractor):
    from spacy import displacy

    doc = extractor.run(extractor.make_doc("川普表示，美國將開放H200晶片出口中國市場，美方抽成百分之二十五，此事引發討論。"))
    sdoc = doc.spacy()
    assert sdoc.text == doc.text
    assert [(e.text, e.label_) for e in sdoc.ents][:3] == [("川普", "PERSON"), ("美國", "GPE"), ("H200", "PRODUCT")]
    html = displacy.render(sdoc, style="ent", page=True)
    assert "川普" in html and "PERSON" in html


def test_align_keeps_offsets_when_segmenter_drops_spaces():
    text = "我愛 北京"
    spans = align(text, ["我", "愛", "北京"])
    assert [text[a:b] for a, b in spans] == ["我", "愛", " ", "北京"]


def test_pkuseg_segmenter_with_a_model_trained_here(tmp_path):
    import spacy_pkuseg

    lines = ["美国 商务部 表示 芯片 出口", "英伟达 执行长 说 今天 市场 很 好",
             "中国 专家 指出 技术 很 重要", "他 认为 政策 将 改变"] * 25
    train = tmp_path / "train.txt"
    train.write_text("\n".join(lines) + "\n", encoding="utf-8")
    test = tmp_path / "test.txt"
    test.write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")
    model = tmp_path / "model"
    spacy_pkuseg.train(str(train), str(test), str(model), train_iter=2)

    ex = Extractor(segmenter="pkuseg", pkuseg_model=model)
    text = "美國商務部表示，晶片出口將改變。中國專家指出，技術很重要。"
    doc = ex.run(ex.make_doc(text))
    words = [text[a:b] for a, b in doc.tokens]
    assert "專家" in words and "商務部" in words
    assert "".join(words) == text
    assert ex.extract(text).text == text


def test_pkuseg_needs_a_model_path():
    with pytest.raises(ValueError, match="pkuseg_model"):
        Extractor(segmenter="pkuseg")


def _jieba_spans(view):
    from h200claims.tokens.segmenter import _jieba_tokenizer

    return [(s, e) for _, s, e in _jieba_tokenizer().tokenize(view, HMM=False)]


@pytest.mark.parametrize("name", seed_names())
def test_fast_dag_segmenter_agrees_with_jieba_on_the_seeds(name):
    from h200claims.text.script import simplified_view
    from h200claims.tokens.segmenter import JiebaSegmenter

    for text in (read_seed(name), to_simplified(read_seed(name))):
        view = simplified_view(text)
        assert JiebaSegmenter()(view) == _jieba_spans(view)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["美国", "商务部", "长", "卢特尼克", "表示", "H200", "AI", "a", "1", "2.5", "%", " ", "\n",
                                 "\r\n", "，", "。", "晶片", "芯片", "中", "国", "的", "😀", "x", "-", "_", "+", "#", "&", "."]),
                max_size=60).map("".join) | st.text(max_size=80))
def test_fast_dag_segmenter_agrees_with_jieba_on_anything(text):
    from h200claims.tokens.segmenter import JiebaSegmenter

    assert JiebaSegmenter()(text) == _jieba_spans(text)


def test_the_cached_prefix_dict_is_the_one_jieba_builds(tmp_path, monkeypatch):
    """The tokenizer read from our cache holds exactly the words and counts that jieba's own
    initialise plus our lexicon names give, and segments the seeds the same."""
    import tempfile

    from h200claims.tokens import segmenter

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    segmenter._tokenizer_for.cache_clear()
    try:
        built = segmenter._tokenizer_for(())
        assert list(tmp_path.glob("h200claims-jieba-*.marshal")), "the first build writes the cache"
        segmenter._tokenizer_for.cache_clear()
        cached = segmenter._tokenizer_for(())
        assert cached is not built and cached.FREQ == built.FREQ and cached.total == built.total
        for name in seed_names():
            text = to_simplified(read_seed(name))
            assert cached.lcut(text, HMM=False) == built.lcut(text, HMM=False)
        (next(tmp_path.glob("h200claims-jieba-*.marshal"))).write_bytes(b"not marshal")  # a broken cache is rebuilt
        segmenter._tokenizer_for.cache_clear()
        assert segmenter._tokenizer_for(()).FREQ == built.FREQ
    finally:
        segmenter._tokenizer_for.cache_clear()


def test_importing_jieba_leaves_no_block_on_pkg_resources():
    import subprocess
    import sys

    code = ("import sys, h200claims; h200claims.extract('輝達今天表示。'); "
            "assert sys.modules.get('pkg_resources', 0) is not None; import importlib.util; "
            "print(importlib.util.find_spec('pkg_resources') is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
