#!/usr/bin/env python3
"""Validate a held-out set (HeldOut/hd, HeldOut/hf, ...): gold keys, value sets, list ordering,
ids vs report files. The set's name is its folder's; its reports are NAME-001.txt, NAME-002.txt, ...

Usage: python3 HeldOut/validate.py DIR
Exit status 0 when every check passes, 1 otherwise."""
import json, os, re, sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
ROOT = os.path.abspath(sys.argv[1])
NAME = os.path.basename(ROOT.rstrip("/"))
GOLD = NAME + ".gold.jsonl"
FIND = ["white_matter_lesions", "atrophy", "dural_thickening", "dural_enhancement",
        "venous_sinus_thrombosis", "cortical_vein_thrombosis", "venous_abnormality_other",
        "davf", "intracranial_hypotension", "subcortical_calcification"]
SYMP = ["headache", "positional_headache", "visual_disturbance", "cognitive_change",
        "seizure", "focal_deficit"]
TOP = ["dural_calcification", "dc_locations", "dc_temporality", "findings", "symptoms",
       "renal_disease", "age", "report_recommends"]
FV = {"present", "uncertain", "absent", "not_mentioned"}
SV = {"present", "absent", "not_mentioned"}
TV = {"new", "progressive", "stable", "unknown"}
LOC = ["falx", "tentorium", "convexity", "petroclinoid", "other"]
REC = ["mri", "mri_contrast", "venography", "angiography", "neurosurgery_consult",
       "neurology_consult", "follow_up_imaging", "clinical_follow_up"]

errors = []
def err(where, msg):
    errors.append("%s: %s" % (where, msg))

def check_list(where, key, value, order, allow_none):
    if not isinstance(value, str):
        return err(where, "%s must be a string" % key)
    if value == "" or (allow_none and value == "none"):
        return
    items = value.split(";")
    for it in items:
        if it not in order:
            err(where, "%s: unknown item %r" % (key, it))
    if len(set(items)) != len(items):
        err(where, "%s: duplicate items" % key)
    known = [i for i in items if i in order]
    if known != sorted(known, key=order.index):
        err(where, "%s: items out of order (%s)" % (key, value))

gold = os.path.join(ROOT, GOLD)
rep_dir = os.path.join(ROOT, "reports")
seen = []
with open(gold, "rb") as fh:
    raw = fh.read()
if b"\r" in raw:
    err(GOLD, "contains CR characters")
for ln, line in enumerate(raw.decode("utf-8").split("\n"), 1):
    if not line.strip():
        continue
    where = GOLD + ":%d" % ln
    try:
        obj = json.loads(line)
    except ValueError as e:
        err(where, "bad JSON: %s" % e); continue
    if set(obj) != {"id", "labels", "source"}:
        err(where, "line keys must be exactly id, labels, source: %s" % sorted(obj))
    rid = obj.get("id", "")
    if obj.get("source") != rid.split("#")[0]:
        err(where, "source %r is not the report file of id %r" % (obj.get("source"), rid))
    m = re.fullmatch(r"reports/(%s-\d{3}\.txt)#1" % re.escape(NAME), rid or "")
    if not m:
        err(where, "bad id %r" % rid); continue
    where = rid
    seen.append(m.group(1))
    if not os.path.isfile(os.path.join(rep_dir, m.group(1))):
        err(where, "report file missing")
    lab = obj.get("labels", {})
    if list(lab) != TOP and set(lab) != set(TOP):
        err(where, "label keys differ: %s" % sorted(set(lab) ^ set(TOP)))
    if "category" in lab or "audit_verdict" in lab:
        err(where, "category/audit_verdict are derived and must be left out")
    dc = lab.get("dural_calcification")
    if dc not in FV:
        err(where, "dural_calcification %r" % dc)
    check_list(where, "dc_locations", lab.get("dc_locations"), LOC, False)
    if dc not in ("present", "uncertain") and lab.get("dc_locations"):
        err(where, "dc_locations must be empty unless present/uncertain")
    t = lab.get("dc_temporality")
    if t not in TV:
        err(where, "dc_temporality %r" % t)
    if dc != "present" and t != "unknown":
        err(where, "dc_temporality must be unknown unless present")
    f = lab.get("findings", {})
    if not isinstance(f, dict) or set(f) != set(FIND):
        err(where, "findings keys differ")
    else:
        for k, v in f.items():
            if v not in FV: err(where, "finding %s=%r" % (k, v))
    s = lab.get("symptoms", {})
    if not isinstance(s, dict) or set(s) != set(SYMP):
        err(where, "symptoms keys differ")
    else:
        for k, v in s.items():
            if v not in SV: err(where, "symptom %s=%r" % (k, v))
        if s.get("positional_headache") == "present" and s.get("headache") != "present":
            err(where, "positional headache present requires headache present")
    if lab.get("renal_disease") not in SV:
        err(where, "renal_disease %r" % lab.get("renal_disease"))
    age = lab.get("age")
    if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 90):
        err(where, "age %r" % age)
    rr = lab.get("report_recommends")
    check_list(where, "report_recommends", rr, REC, True)
    if rr == "":
        err(where, "report_recommends: write 'none' for an empty list")

files = sorted(f for f in os.listdir(rep_dir) if f.endswith(".txt"))
if len(seen) != len(set(seen)):
    err(GOLD, "duplicate ids")
if sorted(seen) != files:
    err(GOLD, "ids do not match report files: missing gold %s, missing files %s"
        % (sorted(set(files) - set(seen)), sorted(set(seen) - set(files))))
if seen != sorted(seen):
    err(GOLD, "lines not in report order")
expected = ["%s-%03d.txt" % (NAME, i) for i in range(1, len(files) + 1)]
if not files or files != expected:
    err("reports", "expected %s-001.txt .. %s-%03d.txt" % (NAME, NAME, len(files)))
for fn in files:
    b = open(os.path.join(rep_dir, fn), "rb").read()
    try:
        txt = b.decode("utf-8")
    except UnicodeDecodeError:
        err(fn, "not UTF-8"); continue
    if b.startswith(b"\xef\xbb\xbf"): err(fn, "has BOM")
    if b"\r" in b: err(fn, "CR line ends")
    if not txt.strip(): err(fn, "empty")
    if not txt.endswith("\n"): err(fn, "no final LF")
    if "=== REPORT" in txt: err(fn, "contains a multi-report separator")

if errors:
    print("\n".join(errors)); print("FAIL: %d problem(s)" % len(errors)); sys.exit(1)
print("OK: %d gold lines, %d report files" % (len(seen), len(files)))
