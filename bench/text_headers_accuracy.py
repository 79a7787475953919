#!/usr/bin/env python3
"""Metadata accuracy per field of falx's text-header reading on the labelled sets in bench/text-headers.

The development set (h*.txt) was used while building the reader; the held-out set (v*.txt) was written
and labelled before falx first ran on it.

Usage: FALX=$(swift build --show-bin-path)/falx python3 bench/text_headers_accuracy.py
Each report is audited with its own --date-order; a field counts as right when the audit column equals
the label exactly (empty labels included: reading a value that is not there is wrong too). The age is
checked against the labelled birth and study dates, or the labelled age when the report states it.
"""
import csv
import io
import json
import os
import subprocess

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "text-headers")
FALX = os.environ.get("FALX", "falx")
FIELDS = ["accession", "patient_id", "birth_date", "sex", "procedure", "study_datetime", "interpreter", "facility"]


def audit(path, order):
    out = subprocess.run([FALX, "audit", path, "--quiet", "--date-order", order], capture_output=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))
    return rows[0]


def age(birth, study):
    if len(birth) < 10 or len(study) < 10:
        return ""
    b, s = [tuple(int(x) for x in d[:10].split("-")) for d in (birth, study)]
    years = s[0] - b[0] - (1 if (s[1], s[2]) < (b[1], b[2]) else 0)
    return str(years)


KEYS = [f for f in FIELDS if f != "birth_date"] + ["age"]
labels = [json.loads(line) for line in open(os.path.join(HERE, "labels.jsonl"), encoding="utf-8")]
for name in ["development", "heldout"]:
    items = [item for item in labels if item.get("set", "development") == name]
    right = {f: 0 for f in KEYS}
    wrong = {f: [] for f in KEYS}
    for item in items:
        row = audit(os.path.join(HERE, item["file"]), item["date_order"])
        exp = item["expected"]
        # No birth-date column: the age stands for it.
        want = {f: exp[f] for f in KEYS if f != "age"}
        want["age"] = exp.get("age") or age(exp["birth_date"], exp["study_datetime"])
        for f in KEYS:
            if row.get(f, "") == want[f]:
                right[f] += 1
            else:
                wrong[f].append((item["file"], want[f], row.get(f, "")))
    n = len(items)
    print(f"{name}: {n} labelled reports")
    for f in KEYS:
        print(f"  {f:16} {right[f]:3}/{n}  {100 * right[f] / n:5.1f} %")
        for file, exp, got in wrong[f]:
            print(f"      {file}: expected {exp!r}, got {got!r}")
