"""Quick start: run `python examples/quickstart.py`."""
import h200claims

text = "美國商務部長盧特尼克表示，美方將從交易中抽取25%的分潤。他強調，最先進的晶片不在出口範圍內。"
result = h200claims.extract(text, date="2025-12-10")
names = {e.id: e.name for e in result.entities}
for c in result.claims:
    if c.type == "quote":
        print(f"{names.get(c.speaker, c.speaker_text)} ({c.cue}): {c.content}")
    else:
        print(f"{c.quantity.text}: {c.quantity.kind} {c.quantity.value} {c.quantity.unit}, "
              f"measure={c.measure}, subject={c.subject}, source={c.source}")
