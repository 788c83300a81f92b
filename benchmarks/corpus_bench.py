"""Corpus benchmark: a generated corpus of N articles, extracted to JSONL and to a Parquet
dataset side by side, then five typical queries timed on the dataset.

    python benchmarks/corpus_bench.py [--articles 10000] [--jobs 2] [--keep DIR] [--scale 100000]

``--scale N``: the extracted dataset's rows copied, with new article ids, into a dataset of N
articles in parts of one batch each (as N/100 articles' worth of runs would leave it), then the
queries timed over those parts, ``h200claims compact`` timed, and the queries timed again.

The articles are recombined from templates written for this benchmark (not the seeds): an outlet
line, a dateline, two to four paragraphs in which invented officials and companies state amounts,
with names, numbers, dates and outlets varied, half of them in Simplified script. The queries are
the ones ``QUERIES`` lists (tests/test_corpus.py runs them too); each should take under 1 s.
"""
from __future__ import annotations

import argparse
import datetime
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES: dict[str, tuple[str, dict]] = {
    "top speakers": ("""SELECT speaker_actor, count(*) AS quotes FROM quotes WHERE speaker_actor IS NOT NULL
                        GROUP BY 1 ORDER BY quotes DESC, 1 LIMIT 20""", {}),
    "quotes of one actor": ("""SELECT a.date, q.speaker_text, q.text FROM quotes q JOIN articles a USING (article_id, batch)
                               WHERE q.speaker_actor = $actor ORDER BY a.date""", {"actor": "trump"}),
    "claim groups": ("""SELECT subject_actor, measure, value, unit, articles, outlets, first_date FROM claim_groups
                        ORDER BY articles DESC, first_date LIMIT 20""", {}),
    "actors per month": ("""SELECT date_trunc('month', a.date) AS month, count(DISTINCT e.actor) AS actors
                            FROM entities e JOIN articles a USING (article_id, batch) GROUP BY 1 ORDER BY 1""", {}),
    "co-occurring actors": ("SELECT actor_a, actor_b, articles FROM actor_pairs ORDER BY articles DESC, 1, 2 LIMIT 20",
                            {}),
    "claim conflicts": ("""SELECT subject_actor, measure, period, said_a, outlet_a, said_b, outlet_b FROM claim_conflicts
                           ORDER BY subject_actor, measure_key, date_a LIMIT 20""", {}),
    "claim timeline": ("""SELECT period, value, unit, articles FROM claim_timeline
                          WHERE subject_actor = $subject ORDER BY period, value LIMIT 50""", {"subject": "tsmc"}),
}

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐溫藍蔣石古紀姚連馮歐程湯黃"
GIVEN = ["志明", "淑芬", "家豪", "怡君", "建宏", "雅婷", "俊傑", "美玲", "冠廷", "佩珊", "承翰", "欣怡", "宗翰", "思妤",
         "文雄", "麗華", "柏宇", "詩涵", "明哲", "宜蓁", "國華", "秀英", "振宇", "惠雯"]
TITLES = ["部長", "次長", "董事長", "總經理", "發言人", "立委", "分析師", "院長", "執行長", "局長"]
BODIES = ["經濟部", "財政部", "金管會", "國發會", "中央銀行", "主計總處", "台積電", "聯發科", "鴻海", "華碩",
          "日月光", "廣達", "台達電", "中華電信", "國泰金控", "富邦金控"]
OUTLETS = ["晨報財經", "南方日報", "港島新聞網", "星洲商報", "環宇通訊社", "北辰經濟報", "海峽時報網", "東岸電視"]
MEASURES = ["營收", "出口", "獲利", "訂單", "投資", "產能", "出貨量", "研發支出"]
CUES = ["表示", "指出", "強調", "坦言", "透露", "認為"]
WAYS = [("成長", "up"), ("增加", "up"), ("減少", "down"), ("下滑", "down")]
PARAS = [
    "{body}{title}{name}{day}{cue}，今年{measure}預計{way}{pct}%，規模約{money}億元。",
    "{name}{cue}：「{measure}的動能仍然穩健，我們不會調整全年目標。」",
    "根據{body}公布的資料，{month}月{measure}年增{pct}%，連續{n}個月{way}。",
    "{outlet}報導，{body}考慮在{n}年內投入{money}億元擴建產線，{name}對此{cue}，計畫仍在評估。",
    "市場人士{cue}，{body}下半年{measure}可能{way}{pct2}%，須留意匯率與需求變化。",
    "{name}{day}在記者會上{cue}，{body}將與{body2}合作，共同開發新一代產品。",
    "對於外界關注的供應鏈問題，{name}{cue}，{body}已在{n}個國家設立據點，今年第{q}季{measure}較去年同期{way}{pct}%，"
    "但原物料價格上漲，毛利率恐減少約{pct2}個百分點。",
    "{body2}發言人{name2}回應時{cue}：「我們尊重市場機制，也會持續與{body}溝通，希望在{n}週內有具體結論。」",
    "據了解，{body}內部評估，若需求回溫，明年{measure}有機會突破{money}億元，{name2}私下向記者{cue}，目標並不保守。",
    "{outlet}引述知情人士{cue}，{body}與{body2}的談判已進入最後階段，雙方可能在{month}月底前簽署協議，金額逾{money}億元。",
    "{name2}{cue}，過去{n}年{body}的研發投入累計超過{money}億元，占營收比重約{pct2}%，高於同業平均。",
    "針對匯率波動，{body}{title}{name}{cue}，新台幣每升值1%，公司毛利率約減少0.4個百分點，影響仍屬可控。",
]


def article(rng: random.Random, i: int, start: datetime.date) -> str:
    from h200claims import to_simplified

    d = start + datetime.timedelta(days=rng.randrange(365))
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    slots = {"name": name, "title": rng.choice(TITLES), "body": rng.choice(BODIES), "body2": rng.choice(BODIES),
             "cue": rng.choice(CUES), "measure": rng.choice(MEASURES), "way": rng.choice(WAYS)[0],
             "pct": rng.choice([3, 5, 8, 12, 15, 25, 30]), "pct2": round(rng.uniform(1, 20), 1),
             "money": rng.choice([50, 120, 300, 1500, 2.5]), "n": rng.randrange(2, 9), "month": d.month,
             "day": rng.choice(["今天", "昨天", "日前", f"{d.day}日"]), "outlet": rng.choice(OUTLETS),
             "name2": rng.choice(SURNAMES) + rng.choice(GIVEN), "q": rng.randrange(1, 5)}
    paras = [p.format(**slots) for p in rng.sample(PARAS, rng.randrange(5, 10))]
    head = f"{slots['body']}{slots['measure']}動向 {name}：審慎樂觀\n\n{d.isoformat()} 10:{i % 60:02d} 來源：{rng.choice(OUTLETS)}\n\n"
    text = head + "\n\n".join(paras) + "\n"
    return f" date {d.isoformat()}\n" + (to_simplified(text) if i % 2 else text)


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime.date(2025, 1, 1)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"g{i:06d}.txt").write_text(article(rng, i, start), encoding="utf-8")


def run(*args: str) -> float:
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "h200claims", *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(p.stderr)
    return time.perf_counter() - t


def scaled(src: Path, dst: Path, n: int) -> None:
    """``src``'s committed parts copied, article ids suffixed per copy, until ``dst`` holds ``n`` articles."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from h200claims.corpus.schema import TABLES
    from h200claims.corpus.store import Dataset

    ds = Dataset(str(src))
    parts = sorted(ds.committed())
    shutil.rmtree(dst, ignore_errors=True)
    out = Dataset(str(dst))
    out.prepare()
    tables = {(t, b): pq.read_table(ds.part(t, b)) for t in TABLES for b in parts}
    keys = pq.read_table(ds.part("actor_keys", "all"))
    per_copy = sum(tables[("articles", b)].num_rows for b in parts)
    copies = -(-n // per_copy)
    all_keys = []
    for k in range(copies):
        suffix = f"{k:05x}"

        def renamed(t: pa.Table) -> pa.Table:
            if "article_id" in t.column_names:
                t = t.set_column(t.column_names.index("article_id"), "article_id",
                                 pc.binary_join_element_wise(pc.utf8_slice_codeunits(t["article_id"], 0, 11),
                                                             pa.scalar(suffix), ""))
            return t
        for b in parts:
            for t in TABLES:
                out.put_table(out.part(t, f"{suffix}{b[:11]}"), renamed(tables[(t, b)]), t)
        all_keys.append(renamed(keys))
    out.put_table(out.part("actor_keys", "all"), pa.concat_tables(all_keys), "actor_keys")


def time_queries(ds: Path, label: str) -> None:
    import h200claims.corpus as corpus

    t = time.perf_counter()
    con = corpus.open(str(ds))
    files = len(list(ds.rglob("*.parquet")))
    print(f"[{label}] open the dataset (views over {files} files) {1000 * (time.perf_counter() - t):.0f} ms")
    top = (con.execute(QUERIES["top speakers"][0]).fetchall() or [None])[0]
    for name, (sql, params) in QUERIES.items():
        if name == "quotes of one actor" and top:
            params = {"actor": top[0]}
        times = []
        for _ in range(5):
            t = time.perf_counter()
            rows = con.execute(sql, params).fetchall()
            times.append(time.perf_counter() - t)
        print(f"[{label}] query {name:<22} median {statistics.median(times) * 1000:7.1f} ms  ({len(rows)} rows)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="keep the generated articles and dataset here")
    ap.add_argument("--scale", type=int, default=0, metavar="N", help="also time a dataset of N articles (see above)")
    args = ap.parse_args()
    import h200claims.corpus as corpus

    tmp = Path(args.keep or tempfile.mkdtemp())
    arts, jsonl, ds = tmp / "articles", tmp / "claims.jsonl", tmp / "dataset"
    for p in (jsonl, ds):
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    if not arts.exists() or len(list(arts.glob("*.txt"))) != args.articles:
        shutil.rmtree(arts, ignore_errors=True)
        generate(arts, args.articles)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in arts.glob("*.txt"))
    print(f"{args.articles} generated articles, {chars / 1e6:.1f} M characters, --jobs {args.jobs}")
    t_jsonl = run("extract", str(arts), "-o", str(jsonl), "--jobs", str(args.jobs))
    t_parquet = run("extract", str(arts), "--format", "parquet", "-o", str(ds), "--jobs", str(args.jobs))
    t_resume = run("extract", str(arts), "--format", "parquet", "-o", str(ds), "--jobs", str(args.jobs))
    size = sum(p.stat().st_size for p in ds.rglob("*.parquet"))
    print(f"extract JSONL   {t_jsonl:7.1f} s  ({jsonl.stat().st_size / 1e6:.1f} MB)")
    print(f"extract Parquet {t_parquet:7.1f} s  ({size / 1e6:.1f} MB in {len(list(ds.rglob('*.parquet')))} files)")
    print(f"re-run Parquet  {t_resume:7.1f} s  (adds nothing)")
    time_queries(ds, f"{args.articles} articles")
    if args.scale:
        big = tmp / f"dataset{args.scale}"
        t = time.perf_counter()
        scaled(ds, big, args.scale)
        n = corpus.open(str(big)).execute("SELECT count(*) FROM articles").fetchone()[0]
        print(f"{n} articles copied into {len(list(big.rglob('*.parquet')))} files in {time.perf_counter() - t:.1f} s")
        time_queries(big, f"{n} articles, parts of one batch")
        t_compact = run("compact", str(big))
        print(f"compact {t_compact:.1f} s")
        time_queries(big, f"{n} articles, compacted")


if __name__ == "__main__":
    main()
