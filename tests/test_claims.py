"""Claims: the three seed claims the product was specified from, and the same patterns on our own sentences."""
from conftest import read_seed
from h200claims import Extractor, QuantityClaim, QuoteClaim, to_simplified
from h200claims.testing import extractor


def qclaims(result, text=None):
    return [c for c in result.claims if isinstance(c, QuantityClaim) and (text is None or c.quantity.text == text)]


def test_us_cut_of_h200_sales_25_and_earlier_15(seed_results):
    r = seed_results["002_7cdbda35982f72d8.txt"]
    cut = [c for c in qclaims(r, "25%") if c.source == "trump"]
    assert cut and cut[0].subject == "us" and cut[0].quantity.value == 25 and cut[0].measure == "分潤"
    earlier = qclaims(r, "15%")[0]
    assert earlier.quantity.value == 15 and earlier.source == "trump" and earlier.subject == "us"
    r1 = seed_results["001_9c644102490ad7ac.txt"]
    c1 = qclaims(r1, "25%")[0]  # 抽取H200對中國「核准客戶」銷售額的25%: the sales are H200's (the seed's gold)
    assert (c1.subject, c1.source, c1.quantity.value) == ("h200", "trump", 25)


def test_h200_about_6x_h20(seed_results):
    c = qclaims(seed_results["001_9c644102490ad7ac.txt"], "6倍")[0]
    assert (c.subject, c.comparison, c.measure, c.quantity.value, c.quantity.approx) == ("h200", "h20", "效能", 6, True)
    assert c.source == "article"


def test_compute_gap_10x_to_at_most_5x_per_the_think_tank(seed_results):
    r = seed_results["002_7cdbda35982f72d8.txt"]
    c = qclaims(r, "約10倍縮小至最多5倍")[0]
    q = c.quantity
    assert (q.from_value, q.to_value, q.approx, q.bound) == (10, 5, True, "le")
    assert c.source == "ifp" and c.measure == "AI運算力差距"
    ifp = {e.id: e for e in r.entities}["ifp"]
    assert ifp.name == "Institute for Progress"


def test_every_gold_quote_is_a_quote_claim(seed_results):
    from conftest import read_gold, seed_names
    for name in seed_names():
        r = seed_results[name]
        claims = [c for c in r.claims if isinstance(c, QuoteClaim)]
        assert len(claims) == len(r.quotes)
        for g in read_gold(name)["quotes"]:
            hit = [c for c in claims if min(c.evidence.end, g["end"]) - max(c.evidence.start, g["start"]) > 0]
            assert hit or g["speaker_text"] in ("該活動", "研討會", "文件"), g["text"][:20]


def test_same_patterns_on_our_own_sentences():
    text = "經濟部長簡世雄表示，政府將從每筆交易中抽取12%的規費，較去年的8%明顯提高。"
    r = extractor().extract(text)
    a, b = qclaims(r, "12%")[0], qclaims(r, "8%")[0]
    assert a.source == b.source and a.source is not None and a.measure == "規費" and b.measure == "規費"
    text = "據悉，B300的效能約為目前H100晶片的4倍。"
    c = qclaims(extractor().extract(text), "4倍")[0]
    assert (c.subject, c.comparison, c.measure, c.source) == ("b300", "h100", "效能", "article")
    text = "華府智庫「科技前瞻研究院」報告指出，兩國在晶片產能上的差距將從原本約8倍縮小至最多3倍。"
    c = qclaims(extractor().extract(text))[0]
    assert c.quantity.from_value == 8 and c.quantity.to_value == 3 and c.measure == "晶片產能差距"
    assert c.source is not None and c.source != "article"


def test_simplified_claims_match(seed_results):
    trad = read_seed("002_7cdbda35982f72d8.txt")
    simp = extractor().extract(to_simplified(trad))
    a = [(c.type, c.evidence.start, c.evidence.end) for c in seed_results["002_7cdbda35982f72d8.txt"].claims]
    assert a == [(c.type, c.evidence.start, c.evidence.end) for c in simp.claims]


def test_dataframe(seed_results):
    df = seed_results["002_7cdbda35982f72d8.txt"].to_dataframe()
    assert {"type", "who", "content", "value", "measure"} <= set(df.columns)
    assert (df["type"] == "quote").sum() == len(seed_results["002_7cdbda35982f72d8.txt"].quotes)


def test_a_clause_reaches_a_bounded_distance_in_run_on_text():
    """A scrape's run-on line holds many amounts in one clause; each reads at most CLAUSE_REACH
    characters around itself, which keeps the claim stage linear in the article's length."""
    from h200claims.claims.context import CLAUSE_REACH, clause_of

    ex = Extractor(components=["whole_body", "sentences", "tokens", "entities", "quantities"])
    doc = ex.run(ex.make_doc("營收增25%" * 400))
    q = doc.quantities[200]
    s, e = clause_of(doc, q)
    assert q.start - s <= CLAUSE_REACH and e - q.end <= CLAUSE_REACH and s < q.start
