"""Corpus benchmark: a generated corpus of N articles, extracted to JSONL and to a Parquet
dataset side by side, then five typical queries timed on the dataset.

    python benchmarks/corpus_bench.py [--articles 10000] [--jobs 2] [--keep DIR]

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="keep the generated articles and dataset here")
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
    con = corpus.open(str(ds))
    top = (con.execute(QUERIES["top speakers"][0]).fetchall() or [None])[0]
    for name, (sql, params) in QUERIES.items():
        if name == "quotes of one actor" and top:
            params = {"actor": top[0]}
        times = []
        for _ in range(5):
            t = time.perf_counter()
            rows = con.execute(sql, params).fetchall()
            times.append(time.perf_counter() - t)
        print(f"query {name:<22} median {statistics.median(times) * 1000:7.1f} ms  ({len(rows)} rows)")
    t = time.perf_counter()
    corpus.open(str(ds))
    print(f"open the dataset (views over {len(list(ds.rglob('*.parquet')))} files) {1000 * (time.perf_counter() - t):.0f} ms")


if __name__ == "__main__":
    main()
