#!/usr/bin/env python3
"""Print the count tables used in README.md from meta.json."""
import collections, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
M = json.load(open(os.path.join(HERE, "meta.json")))
C = collections.Counter

def table(title, counter, ids=None):
    print("\n### %s\n\n| value | count |%s\n|---|---|%s" % (title, " reports |" if ids else "", "---|" if ids else ""))
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        print("| %s | %d |%s" % (k, v, (" " + ", ".join("%03d" % i for i in ids[k]) + " |") if ids else ""))

ids = collections.defaultdict(list)
for m in M: ids[m["style"]].append(m["n"])
table("Style", C(m["style"] for m in M), ids)
print("\nHard cases: %d of %d (%s)" % (sum(m["hard"] for m in M), len(M), ", ".join("%03d" % m["n"] for m in M if m["hard"])))

ids = collections.defaultdict(list)
for m in M: ids[m["labels"]["dural_calcification"]].append(m["n"])
table("dural_calcification", C(m["labels"]["dural_calcification"] for m in M), ids)
table("dc_locations items (present or uncertain)", C(x for m in M for x in m["labels"]["dc_locations"].split(";") if x))
table("dc_temporality (present only)", C(m["labels"]["dc_temporality"] for m in M if m["labels"]["dural_calcification"] == "present"))

print("\n### Findings, symptoms, renal disease (all reports)\n")
print("| field | present | uncertain | absent | not_mentioned |\n|---|---|---|---|---|")
rows = [(k, lambda m, k=k: m["labels"]["findings"][k]) for k in M[0]["labels"]["findings"]]
rows += [(k, lambda m, k=k: m["labels"]["symptoms"][k]) for k in M[0]["labels"]["symptoms"]]
rows += [("renal_disease", lambda m: m["labels"]["renal_disease"])]
for name, get in rows:
    c = C(get(m) for m in M)
    print("| %s | %d | %s | %d | %d |" % (name, c["present"], c["uncertain"] if name in M[0]["labels"]["findings"] else "-", c["absent"], c["not_mentioned"]))

table("report_recommends items", C(x for m in M for x in m["labels"]["report_recommends"].split(";")))
ages = [m["labels"]["age"] for m in M]
print("\nAge: null %d; 0 %d; 1-17 %d; 18-64 %d; 65-89 %d; 90 %d" % (
    ages.count(None), ages.count(0), sum(1 for a in ages if a and 1 <= a <= 17),
    sum(1 for a in ages if a and 18 <= a <= 64), sum(1 for a in ages if a and 65 <= a <= 89), ages.count(90)))

# verdict-relevant features among reports with dural calcification present or uncertain
DC = [m for m in M if m["labels"]["dural_calcification"] in ("present", "uncertain")]
WORK = {"mri", "mri_contrast", "venography", "angiography", "neurosurgery_consult", "neurology_consult"}
def pu(m, k): return m["labels"]["findings"][k] in ("present", "uncertain")
feats = collections.OrderedDict([
    ("davf present/uncertain", lambda m: pu(m, "davf")),
    ("venous sinus or cortical vein thrombosis present/uncertain", lambda m: pu(m, "venous_sinus_thrombosis") or pu(m, "cortical_vein_thrombosis")),
    ("intracranial hypotension present/uncertain", lambda m: pu(m, "intracranial_hypotension")),
    ("dural thickening or enhancement present/uncertain", lambda m: pu(m, "dural_thickening") or pu(m, "dural_enhancement")),
    ("other venous abnormality present/uncertain", lambda m: pu(m, "venous_abnormality_other")),
    ("subcortical calcification present/uncertain", lambda m: pu(m, "subcortical_calcification")),
    ("any of the six symptoms present", lambda m: "present" in m["labels"]["symptoms"].values()),
    ("positional headache present", lambda m: m["labels"]["symptoms"]["positional_headache"] == "present"),
    ("renal disease present", lambda m: m["labels"]["renal_disease"] == "present"),
    ("progressive temporality", lambda m: m["labels"]["dc_temporality"] == "progressive"),
    ("dural calcification uncertain", lambda m: m["labels"]["dural_calcification"] == "uncertain"),
])
print("\n### Verdict-relevant features (the %d reports with dural calcification present or uncertain)\n" % len(DC))
print("| feature | count | reports |\n|---|---|---|")
for name, fn in feats.items():
    sel = [m["n"] for m in DC if fn(m)]
    print("| %s | %d | %s |" % (name, len(sel), ", ".join("%03d" % i for i in sel)))
def feature(m): return any(fn(m) for name, fn in list(feats.items())[:7])
def work(m): return bool(WORK & set(m["labels"]["report_recommends"].split(";")))
print("\n| | report recommends work-up (MRI, venography, angiography, neuro referral) | it does not |\n|---|---|---|")
for lab, f in (("a feature above (dAVF ... symptoms) present", True), ("none of those (isolated calcification)", False)):
    grp = [m for m in DC if feature(m) == f]
    yes = [m["n"] for m in grp if work(m)]; no = [m["n"] for m in grp if not work(m)]
    print("| %s | %d (%s) | %d (%s) |" % (lab, len(yes), ", ".join("%03d" % i for i in yes), len(no), ", ".join("%03d" % i for i in no)))
print("\nNo DC (absent/not_mentioned): %d reports" % (len(M) - len(DC)))
