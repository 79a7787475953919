#!/usr/bin/env python3
"""Builds Corpus/corpus.gold.jsonl from Corpus/labels/*.gold.jsonl and the report files.

A label line with a `source` (a structured-format file) is copied as it is. Otherwise its id is
`reports/<file>#<n>`; the n-th report of the file (split on lines that
start with `=== REPORT`, as Falx splits them) becomes the gold line's `text`.
"""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent / "Corpus"

def split(text):
    lines = text.split("\n")
    if not any(l.rstrip("\r").startswith("=== REPORT") or l.rstrip("\r") == "\f" for l in lines):
        return [text] if text.strip() else []
    parts, cur, seen = [], [], False
    for i, l in enumerate(lines):
        t = l.rstrip("\r")
        if t.startswith("=== REPORT") or t == "\f":
            if seen or "".join(cur).strip():
                parts.append("".join(cur))
            seen = True
            cur = []
        else:
            cur.append(l + ("\n" if i < len(lines) - 1 else ""))
    parts.append("".join(cur))
    return parts

out = []
for labels in sorted((root / "labels").glob("*.gold.jsonl")):
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if "source" in rec:
            # Structured formats (HL7, CDA, FHIR): `falx eval` reads the source file itself.
            if not (root / rec["source"]).exists():
                sys.exit(f"{labels.name}:{n}: {rec['source']} does not exist")
            out.append({"id": rec["id"], "source": rec["source"], "labels": rec["labels"]})
            continue
        path, _, num = rec["id"].partition("#")
        text = (root / path).read_bytes().decode("utf-8-sig")
        parts = split(text)
        k = int(num or 1)
        if k > len(parts):
            sys.exit(f"{labels.name}:{n}: {rec['id']} names record {k} but the file holds {len(parts)}")
        out.append({"id": rec["id"], "text": parts[k - 1], "labels": rec["labels"]})

with open(root / "corpus.gold.jsonl", "w", encoding="utf-8") as f:
    for rec in out:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(f"{len(out)} gold records written to {root / 'corpus.gold.jsonl'}")
