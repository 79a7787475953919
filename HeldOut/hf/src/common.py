"""Shared helper: expand compact labels into the full LABEL-FORMAT.md object."""
FIND = ["white_matter_lesions", "atrophy", "dural_thickening", "dural_enhancement",
        "venous_sinus_thrombosis", "cortical_vein_thrombosis", "venous_abnormality_other",
        "davf", "intracranial_hypotension", "subcortical_calcification"]
FSHORT = dict(wml="white_matter_lesions", atr="atrophy", thk="dural_thickening",
              enh="dural_enhancement", vst="venous_sinus_thrombosis",
              cvt="cortical_vein_thrombosis", ven="venous_abnormality_other", davf="davf",
              ih="intracranial_hypotension", scc="subcortical_calcification")
SYMP = ["headache", "positional_headache", "visual_disturbance", "cognitive_change",
        "seizure", "focal_deficit"]
SSHORT = dict(ha="headache", pha="positional_headache", vis="visual_disturbance",
              cog="cognitive_change", sz="seizure", fd="focal_deficit")
V = dict(P="present", U="uncertain", A="absent", N="not_mentioned")
LOC = ["falx", "tentorium", "convexity", "petroclinoid", "other"]
REC = ["mri", "mri_contrast", "venography", "angiography", "neurosurgery_consult",
       "neurology_consult", "follow_up_imaging", "clinical_follow_up"]


def order(value, allowed):
    items = [i for i in value.split(";") if i]
    for i in items:
        assert i in allowed, i
    return ";".join(sorted(items, key=allowed.index))


def L(dc="N", loc="", t="unknown", f="", s="", renal="N", age=None, rec="none"):
    """f / s: space-separated 'key=V' pairs, e.g. 'wml=P atr=U'."""
    findings = {k: "not_mentioned" for k in FIND}
    for pair in f.split():
        k, v = pair.split("=")
        findings[FSHORT[k]] = V[v]
    symptoms = {k: "not_mentioned" for k in SYMP}
    for pair in s.split():
        k, v = pair.split("=")
        assert v in "PAN", pair
        symptoms[SSHORT[k]] = V[v]
    return {"dural_calcification": V[dc],
            "dc_locations": order(loc, LOC),
            "dc_temporality": t,
            "findings": findings,
            "symptoms": symptoms,
            "renal_disease": V[renal],
            "age": age,
            "report_recommends": order(rec, REC) if rec != "none" else "none"}
