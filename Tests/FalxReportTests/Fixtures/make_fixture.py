# Builds the FalxReportTests fixture audit (CSV and JSONL) from hand-written rows.
# Run it inside this folder: python3 make_fixture.py (the counts in ReportTests.swift are worked out by hand from the rows below).
import json
cols = "record_id source format status patient_id accession study_datetime procedure interpreter facility age sex dural_calcification dc_locations dc_temporality dc_evidence dc_offsets white_matter_lesions atrophy dural_thickening dural_enhancement venous_sinus_thrombosis cortical_vein_thrombosis venous_abnormality_other davf intracranial_hypotension subcortical_calcification headache positional_headache visual_disturbance cognitive_change seizure focal_deficit renal_disease category strength actions follow_up gadolinium_caution report_recommends audit_verdict rules ruleset_version warnings errors clinical_notes result_status superseded_by fact_evidence recommendation_evidence".split()
v1 = cols[:45]  # schema version 1: before clinical_notes, result_status and superseded_by
v2 = cols[:48]  # schema version 2: before fact_evidence and recommendation_evidence
findings = cols[17:27]; symptoms = cols[27:33]
def ok(rid, fmt, interp, fac, date, age, dc, loc="", temp="unknown", ev="", cat="not_applicable", strength="", actions="", rec="none", verdict="not_applicable", rules="R0", warnings="", **extra):
    r = {c: "" for c in cols}
    r.update(record_id=rid, source="archive/" + rid + ".txt", format=fmt, status="ok", patient_id="P-" + rid, accession="", study_datetime=date,
             procedure="CT HEAD", interpreter=interp, facility=fac, age=str(age), sex="F", dural_calcification=dc, dc_locations=loc,
             dc_temporality=temp, dc_evidence=ev, dc_offsets="10-20" if ev else "", renal_disease="not_mentioned", category=cat,
             strength=strength, actions=actions, follow_up="", gadolinium_caution="no", report_recommends=rec, audit_verdict=verdict,
             rules=rules, ruleset_version="falx-rules-1.1", warnings=warnings, errors="")
    for f in findings + symptoms: r[f] = "not_mentioned"
    r.update(extra)
    return r
def err(rid, fmt, date, errors):
    r = {c: "" for c in cols}
    r.update(record_id=rid, source="bad/" + rid, format=fmt, status="error", study_datetime=date, errors=errors)
    return r
rows = [
    ok("r1", "text", "Dr A", "North", "2024-01-10T09:00:00", 45, "present", "falx", "stable", "- Dense falx calcification, as before.",
       "mri_workup", "consider", "mri_contrast;swi", "none", "concordant", "R5", atrophy="present"),
    ok("r2", "hl7v2", "Dr A", "North", "2024-01-20", 67, "present", "falx;tentorium", "progressive",
       "Calcification of the falx and tentorium; \"dAVF\" suspected.", "davf_pathway", "urgent", "dsa;neurointerventional_consult",
       "none", "missed_workup", "R1;M2", davf="present", fact_evidence="davf=present: Findings suggest a dural AV fistula."),
    ok("r3", "text", "Dr B", "South", "2024-02-05", 72, "uncertain", "falx", "unknown", "Possible falcine calcification.",
       "mri_workup", "recommended", "mri_contrast;swi;ct_review", "mri", "concordant", "R5;M3", headache="present",
       fact_evidence="headache=present: Headaches for two weeks.", recommendation_evidence="MRI brain with contrast is recommended."),
    ok("r4", "text", "Dr B", "South", "2024-02-15", 30, "present", "convexity", "unknown", "Small dural calcification over the convexity.",
       "incidental_monitor", "routine", "clinical_follow_up", "mri", "additional_imaging", "R6",
       recommendation_evidence="MRI of the brain is suggested."),
    ok("r5", "text", "", "South", "2024-02-20", "", "present", "petroclinoid", "unknown",
       "Calcification of the dura <script>alert(1)</script> along the\npetroclinoid ligament, thick.", "venous_imaging", "recommended",
       "venography;mri_contrast", "none", "missed_workup", "R4", dural_thickening="uncertain"),
    ok("r6", "text", "Dr A", "North", "2024-03-01", 55, "absent", ev="No falx calcification."),
    ok("r7", "jsonl", "Dr C", "", "", 40, "not_mentioned"),
    ok("r8", "jsonl", "Dr C", "", "2024-03-09", 91, "present", "falx", "unknown", "Falx calcification.", "incidental_monitor", "routine",
       "clinical_follow_up", "none", "concordant", "R6;M1", renal_disease="present"),
    err("r9", "text", "", "empty-file: the file is empty"),
    err("r10", "hl7v2", "2024-04-01", "no-report-text: no OBX text; x-y: z"),
    ok("r11", "text", "Dr A", "North", "2024-01-25", 8, "present", "falx", "unknown", "Calcified falx.", "mri_workup", "recommended",
       "mri_contrast;swi", "none", "missed_workup", "R5", warnings="invalid UTF-8 replaced", seizure="present"),
    # A preliminary report of r8's accession, replaced by it: in the file, in no figure.
    ok("r12", "hl7v2", "Dr Z", "Elsewhere", "2020-01-01", 12, "present", "falx", "unknown", "Falx calcification.", "incidental_monitor",
       "routine", "clinical_follow_up", "none", "missed_workup", "R6", warnings="preliminary", result_status="preliminary",
       superseded_by="r8"),
]
def field(s):
    guard = s[:1] in ("=", "+", "-", "@", "\t", "\r")
    v = ("'" + s) if guard else s
    if any(c in s for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v
with open("audit.csv", "w", newline="") as f:
    f.write(",".join(cols) + "\n")
    for r in rows: f.write(",".join(field(r[c]) for c in cols) + "\n")
# The same rows as an audit of schema version 2 (no evidence columns) still reads.
with open("audit-v2.csv", "w", newline="") as f:
    f.write(",".join(v2) + "\n")
    for r in rows: f.write(",".join(field(r[c]) for c in v2) + "\n")
# JSON Lines typed as `falx schema --json` says (schema version 3).
lists = {"dc_locations": ";", "actions": ";", "report_recommends": ";", "rules": ";", "warnings": "; ", "errors": "; ",
         "clinical_notes": "; ", "fact_evidence": " | ", "recommendation_evidence": " | "}
def typed(c, v):
    if v == "": return None
    if c == "age": return int(v)
    if c in lists: return v.split(lists[c])
    return v
with open("audit.jsonl", "w") as f:
    for r in rows: f.write(json.dumps({c: typed(c, r[c]) for c in cols}, ensure_ascii=False, separators=(",", ":")) + "\n")
# The same rows as an audit of schema version 1 (45 columns, every value a string, no r12: that
# version had no superseded_by) still reads.
with open("audit-v1.jsonl", "w") as f:
    for r in rows[:11]: f.write(json.dumps({c: r[c] for c in v1}, ensure_ascii=False, separators=(",", ":")) + "\n")
