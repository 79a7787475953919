#!/usr/bin/env python3
"""Deterministic synthetic CT/MRI head reports for the Falx benchmark.

    python3 bench/generate.py N OUT.jsonl [--dir DIR]

Writes N reports as JSON Lines (and, with --dir, one text file per report). Reports mix house
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

def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    folder = sys.argv[sys.argv.index("--dir") + 1] if "--dir" in sys.argv else None
    rng = random.Random(20261129)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            t = report(rng, i)
            f.write(json.dumps({"id": f"syn-{i:08d}", "text": t}) + "\n")
            if folder:
                sub = os.path.join(folder, f"{i // 1000:05d}")
                os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, f"syn-{i:08d}.txt"), "w", encoding="utf-8") as g:
                    g.write(t)

if __name__ == "__main__":
    main()
