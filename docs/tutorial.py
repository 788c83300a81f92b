# %% [markdown]
# # h200claims tutorial: from `extract()` to a DataFrame of claims
#
# Run it as a script (`python docs/tutorial.py`) or open it as a notebook (jupytext / VS Code
# cells). Every cell runs on the fixtures bundled with the repository.

# %%
from pathlib import Path

import h200claims

ROOT = Path(__file__).resolve().parent.parent if "__file__" in globals() else Path.cwd()
text = (ROOT / "fixtures/articles/002_7cdbda35982f72d8.txt").read_text(encoding="utf-8")

# %% [markdown]
# ## 1. One call
# `extract()` returns an `ArticleClaims` (a pydantic model). Offsets index the text you passed in.

# %%
result = h200claims.extract(text)
print(result.date, "body ranges:", result.body)
print(len(result.entities), "entities,", len(result.quantities), "quantities,", len(result.quotes), "quotes,",
      len(result.claims), "claims")

# %% [markdown]
# ## 2. Actors: every mention, aliases across scripts and languages, titles and affiliation

# %%
for e in result.entities:
    if e.label == "PERSON":
        print(f"{e.name:<16} mentions={[m.text for m in e.mentions]} titles={e.titles} affiliation={e.affiliation}")

# %% [markdown]
# ## 3. Quantities, normalised

# %%
for q in result.quantities[:8]:
    print(f"{q.text:<22} {q.kind:<9} value={q.value} unit={q.unit} approx={q.approx} bound={q.bound} "
          f"from={q.from_value} to={q.to_value} (rule: {q.rule})")
    assert text[q.start:q.end] == q.text  # offsets are exact

# %% [markdown]
# ## 4. Quotes, with the speaker resolved

# %%
names = {e.id: e.name for e in result.entities}
for q in result.quotes[:6]:
    print(f"[{q.kind}] {names.get(q.speaker, q.speaker_text)} ({q.cue}): {q.text[:40]}")

# %% [markdown]
# ## 5. Claims: typed, discriminated on `type`

# %%
for c in result.claims:
    if c.type == "quantity" and c.quantity.kind == "multiple":
        print(c.quantity.text, "| measure:", c.measure, "| subject:", c.subject, "| compared with:", c.comparison,
              "| source:", c.source)

# %% [markdown]
# ## 6. A DataFrame (needs pandas), JSON, and the gold format for scoring

# %%
try:
    df = result.to_dataframe()
    print(df[["type", "who_name", "kind", "content", "value", "unit"]].head(10).to_string())
except ImportError:
    print("pip install pandas to get a DataFrame")
json_text = result.model_dump_json()
again = h200claims.ArticleClaims.model_validate_json(json_text)
assert again == result
gold = result.to_gold()
print(sorted(gold))

# %% [markdown]
# ## 7. Many articles, the same pipeline, a worker process each

# %%
extractor = h200claims.Extractor()
texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/articles").glob("*.txt"))]
for r in extractor.pipe(texts, n_process=2):
    print(len(r.claims), "claims")
