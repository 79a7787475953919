#!/usr/bin/env python3
"""Deterministic synthetic CT/MRI head reports for the Falx benchmark.

    python3 bench/generate.py N OUT.jsonl [--dir DIR] [--hl7 FILE] [--cda DIR]

Writes N reports as JSON Lines (and, with --dir, one text file per report; with --hl7, the same
reports as one HL7 v2 batch of ORU^R01 messages, one OBX per report line; with --cda, one CDA R2
document per report, each line a paragraph of a Findings section). Reports mix house
styles, all sections, every concept of the lexicon and its cues (negation, hedging, temporality,
history), confounders and distractors, with lengths from about 0.5 to 4 KB. The same N gives
byte-identical output (a fixed-seed generator).
"""
import json, os, random, sys

HEADERS = [("EXAM:", "CLINICAL HISTORY:", "TECHNIQUE:", "COMPARISON:", "FINDINGS:", "IMPRESSION:"),
           ("Examination:", "Clinical details:", "Technique:", "Comparison:", "Report:", "Conclusion:"),
           ("EXAM", "INDICATION", "TECHNIQUE", "COMPARISON", "FINDINGS", "IMPRESSION")]
EXAMS = ["CT HEAD WITHOUT CONTRAST", "CT brain non-contrast", "MRI BRAIN WITH AND WITHOUT CONTRAST",
         "CT ANGIOGRAM HEAD AND NECK", "MRI brain and MR venogram"]
AGES = ["{a}-year-old {s}", "{a} y/o {s}", "{a}{S}", "{S}/{a}", "{a} yo {s}"]
SYMPTOMS = ["headache", "worst headache of life", "headache worse on standing", "blurred vision", "confusion",
            "memory loss", "first seizure", "left arm weakness", "fall", "dizziness", "syncope", "facial droop"]
HISTORY_EXTRA = ["ESRD on haemodialysis", "CKD stage 4", "no known renal disease", "hypertension", "on warfarin",
                 "history of breast cancer", "denies headache", "neurologically intact", "?SAH", "r/o bleed",
                 "evaluate for intracranial hypotension", "family history of aneurysm"]
DC = ["Dense calcification of the falx cerebri.", "Falcine calcification is noted.", "Calcified dural plaques over the frontal convexities.",
      "Calcification of the falx, tentorium and petroclinoid ligaments.", "Tentorial calcification, unchanged from the prior study.",
      "Interval increase in falcine calcification.", "New calcification along the falx, not present on the prior.",
      "No dural calcification.", "Possible calcification along the tentorium versus small subdural haematoma.",
      "Dural calcification cannot be excluded.", "No interval change in the falcine calcification.",
      "The falx is not calcified.", "Ossification of the falx.", "Falcine calcifcation."]
CONFOUNDERS = ["Pineal and choroid plexus calcification.", "Calcified meningioma arising from the falx.",
               "Atherosclerotic calcification of the carotid siphons.", "Basal ganglia calcification.",
               "Hyperdense falx in keeping with subarachnoid haemorrhage.", "Calcified chronic right convexity subdural haematoma.",
               "Subfalcine herniation of 4 mm."]
FINDINGS = ["Periventricular white matter hypodensities, likely chronic small vessel ischaemic change.",
            "Generalised cerebral volume loss.", "Smooth pachymeningeal thickening and enhancement.",
            "Filling defect in the left transverse and sigmoid sinuses in keeping with venous sinus thrombosis.",
            "Engorged cortical veins over the left hemisphere.", "Dural arteriovenous fistula with cortical venous reflux.",
            "Brain sagging and bilateral subdural hygromas, in keeping with intracranial hypotension.",
            "Subcortical calcifications in the right parietal lobe.", "No evidence of venous sinus thrombosis.",
            "No abnormal enhancement.", "No significant atrophy.", "Questionable dural arteriovenous fistula."]
NORMAL = ["No acute intracranial haemorrhage, mass effect or midline shift.", "The ventricles are normal in size and configuration.",
          "Grey-white matter differentiation is preserved.", "The basal cisterns are patent.",
          "The visualised paranasal sinuses and mastoid air cells are clear.", "The orbits are unremarkable.",
          "No extra-axial collection.", "The calvarium is intact.", "Normal flow voids are present.",
          "There is mild mucosal thickening in the right maxillary sinus.", "No acute territorial infarct is identified."]
RECS = ["Recommend MRI brain with and without contrast.", "Suggest MR venogram.", "Consider neurology referral.",
        "Clinical correlation is recommended.", "Follow-up CT in 6 months is recommended.",
        "If clinically indicated, MRI could be obtained to exclude a dAVF.", "No further imaging is required.",
        "Neurosurgical consultation is suggested.", "Recommend CTA and, if positive, DSA.", ""]

def report(rng, i):
    h = rng.choice(HEADERS)
    a = rng.choice([rng.randint(18, 95), rng.randint(1, 17)])
    s, S = rng.choice([("male", "M"), ("female", "F")])
    age = rng.choice(AGES).format(a=a, s=s, S=S)
    hist = ", ".join(rng.sample(SYMPTOMS, rng.randint(1, 3)) + rng.sample(HISTORY_EXTRA, rng.randint(0, 2)))
    body = rng.sample(NORMAL, rng.randint(3, len(NORMAL)))
    body += rng.sample(DC, rng.randint(0, 2)) + rng.sample(FINDINGS, rng.randint(0, 2)) + rng.sample(CONFOUNDERS, rng.randint(0, 2))
    rng.shuffle(body)
    # Longer reports: repeat descriptive paragraphs of varied normal anatomy.
    body += rng.sample(NORMAL, rng.randint(0, 10)) * rng.choice([1, 1, 2, 3, 4])
    imp = [x for x in body if "calcif" in x.lower() or "thromb" in x.lower()][:2] or ["No acute intracranial abnormality."]
    rec = rng.choice(RECS)
    lines = [f"{h[0]} {rng.choice(EXAMS)}", f"{h[1]} {age}, {hist}.", f"{h[2]} Axial images were obtained.",
             f"{h[3]} {rng.choice(['None.', 'CT head 2021.', 'MRI 3 months prior.'])}", f"{h[4]}"]
    width = rng.choice([0, 72])
    text = " ".join(body)
    if width:
        words, line, out = text.split(), "", []
        for w in words:
            if len(line) + len(w) + 1 > width:
                out.append(line); line = w
            else:
                line = (line + " " + w).strip()
        out.append(line)
        lines += out
    else:
        lines.append(text)
    lines.append(h[5])
    lines += [f"{k + 1}. {x}" for k, x in enumerate(imp)]
    if rec:
        lines.append(rec)
    t = "\n".join(lines) + "\n"
    return t.upper() if rng.random() < 0.1 else t

HL7_ESCAPES = [("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\")]

def hl7_message(i, t):
    """An ORU^R01 message: the report's lines as TX OBX segments, HL7 escapes where needed."""
    def esc(x):
        for a, b in HL7_ESCAPES:
            x = x.replace(a, b)
        return x
    segs = [f"MSH|^~\\&|RIS|SYN|FALX|SYN|20240315110000||ORU^R01|MSG{i:08d}|P|2.5.1",
            f"PID|1||MRN{i:08d}^^^SYN^MR||DOE^PAT{i}||19500101|F",
            f"OBR|1|ORD{i:08d}|ACC{i:08d}|CTHEAD^CT HEAD|||20240315103000"]
    for k, line in enumerate(t.rstrip("\n").split("\n")):
        segs.append(f"OBX|{k + 1}|TX|CTHEAD^CT HEAD||{esc(line)}||||||F")
    return "\r".join(segs) + "\r\n"

def cda_document(i, t):
    """A CDA R2 document with the report's lines as paragraphs of one Findings section."""
    def esc(x):
        return x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join(f"<paragraph>{esc(line)}</paragraph>" for line in t.rstrip("\n").split("\n"))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">'
            f'<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/><id root="1.2.3" extension="DOC{i:08d}"/>'
            f'<code code="18748-4" codeSystem="2.16.840.1.113883.6.1"/><title>CT Head</title>'
            f'<effectiveTime value="20240315110000"/><recordTarget><patientRole><id root="1.2.4" extension="MRN{i:08d}"/>'
            f'<patient><administrativeGenderCode code="F"/><birthTime value="19500101"/></patient></patientRole></recordTarget>'
            f'<component><structuredBody><component><section><code code="18782-3" codeSystem="2.16.840.1.113883.6.1"/>'
            f'<title>Findings</title><text>{paras}</text></section></component></structuredBody></component>'
            f'</ClinicalDocument>\n')

def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    arg = lambda name: sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None
    folder, hl7, cda = arg("--dir"), arg("--hl7"), arg("--cda")
    rng = random.Random(20261129)
    for d in (folder, cda):
        if d:
            os.makedirs(d, exist_ok=True)
    batch = open(hl7, "w", encoding="utf-8", newline="") if hl7 else None
    with open(out, "w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            t = report(rng, i)
            f.write(json.dumps({"id": f"syn-{i:08d}", "text": t}) + "\n")
            if folder:
                sub = os.path.join(folder, f"{i // 1000:05d}")
                os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, f"syn-{i:08d}.txt"), "w", encoding="utf-8") as g:
                    g.write(t)
            if batch:
                batch.write(hl7_message(i, t))
            if cda:
                sub = os.path.join(cda, f"{i // 1000:05d}")
                os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, f"syn-{i:08d}.xml"), "w", encoding="utf-8") as g:
                    g.write(cda_document(i, t))
    if batch:
        batch.close()

if __name__ == "__main__":
    main()
