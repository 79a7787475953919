#!/usr/bin/env python3
"""Write reports/hf-NNN.txt, hf.gold.jsonl and src/meta.json from b1..b4."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import b1, b2, b3, b4

ROOT = os.path.dirname(HERE)
R = sorted(b1.R + b2.R + b3.R + b4.R, key=lambda r: r["n"])
assert [r["n"] for r in R] == list(range(1, 81)), [r["n"] for r in R]
os.makedirs(os.path.join(ROOT, "reports"), exist_ok=True)
gold, meta = [], []
for r in R:
    name = "reports/hf-%03d.txt" % r["n"]
    with open(os.path.join(ROOT, name), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(r["text"])
    gold.append(json.dumps({"id": name + "#1", "labels": r["labels"], "source": name}, ensure_ascii=False))
    meta.append({"n": r["n"], "style": r["style"], "tags": r["tags"], "hard": r["hard"], "labels": r["labels"]})
with open(os.path.join(ROOT, "hf.gold.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
    fh.write("\n".join(gold) + "\n")
with open(os.path.join(HERE, "meta.json"), "w", encoding="utf-8", newline="\n") as fh:
    json.dump(meta, fh, indent=1, ensure_ascii=False)
print("wrote %d reports" % len(R))
