#!/usr/bin/env python3
"""Reviews a change in the Corpus golden audit against the gold labels.

After `scripts/golden.sh`, every value of Tests/FalxCLITests/Fixtures/golden/corpus.golden.csv that
differs from the committed version (REV, default HEAD) is printed as BETTER (now equals the gold
label), WORSE (equalled it before) or SAME (wrong before and after), or NOGOLD for columns the gold
labels do not cover, with a count of each at the end. A change whose rows are all BETTER or NOGOLD
improved what the labels measure; any WORSE row needs a reason in the commit message. A column the
committed version does not have (a schema change adds it at the end) is counted once as NEW COLUMN,
not per value.

    scripts/golden.sh && python3 scripts/golden-vs-gold.py [REV]
"""
import csv
import io
import json
import subprocess
import sys
from collections import Counter

GOLDEN = "Tests/FalxCLITests/Fixtures/golden/corpus.golden.csv"


def gold_labels(path="Corpus/corpus.gold.jsonl"):
    labels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            flat = {k: v for k, v in record["labels"].items() if not isinstance(v, dict)}
            flat.update(record["labels"].get("findings", {}))
            flat.update(record["labels"].get("symptoms", {}))
            labels[record["id"]] = flat
    return labels


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    before_text = subprocess.run(["git", "show", f"{rev}:{GOLDEN}"], check=True, capture_output=True, text=True).stdout
    before = {row["record_id"]: row for row in csv.DictReader(io.StringIO(before_text))}
    with open(GOLDEN, encoding="utf-8") as f:
        after = {row["record_id"]: row for row in csv.DictReader(f)}
    gold = gold_labels()
    counts = Counter()
    old_columns = set(next(iter(before.values()), {}).keys())
    new_columns = [c for c in next(iter(after.values()), {}).keys() if c not in old_columns]
    for column in new_columns:
        counts["NEW COLUMN"] += 1
        print("NEW COLUMN", column)
    for record_id, row in after.items():
        old = before.get(record_id)
        if old is None:
            counts["NEW ROW"] += 1
            print("NEW ROW", record_id)
            continue
        labels = gold.get(record_id, {})
        for column, value in row.items():
            if column in new_columns or old.get(column) == value:
                continue
            if column in labels:
                want = "" if labels[column] is None else str(labels[column])
                was, now = old[column] == want, value == want
                tag = "BETTER" if now and not was else "WORSE" if was and not now else "SAME"
            else:
                tag = "NOGOLD"
            counts[tag] += 1
            print(f"{tag:7} {record_id} {column}: {old[column]!r} -> {value!r}")
    for record_id in before.keys() - after.keys():
        counts["GONE ROW"] += 1
        print("GONE ROW", record_id)
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no change")


if __name__ == "__main__":
    main()
