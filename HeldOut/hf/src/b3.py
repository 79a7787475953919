from common import L

R = []
def add(n, style, tags, hard, text, labels):
    R.append(dict(n=n, style=style, tags=tags, hard=hard, text=text.strip("\n") + "\n", labels=labels))

add(41, "voice recognition flattened", ["lower case, no punctuation", "'the falx is not calcified'", "hedged neurodegeneration (atrophy present)", "neurology referral"], True, """
mri brain without contrast clinical history 66 year old woman with memory loss and getting lost while driving comparison ct head 2022 findings there is moderate generalized volume loss with disproportionate left temporal atrophy there are scattered t2 flair hyperintensities in the periventricular white matter compatible with mild chronic small vessel ischemic disease no acute infarct no mass the falx is not calcified the major intracranial flow voids are present impression 1 left temporal predominant atrophy which raises the possibility of a neurodegenerative process 2 mild chronic small vessel disease recommend neurology referral
""", L(dc="A", f="wml=P atr=P", s="cog=P", age=66, rec="neurology_consult"))

add(42, "UK NHS", ["new calcification", "falcotentorial junction", "'most likely dural' is present", "MRI suggested"], True, """
CT Head
Clinical Details: 74 year old male. Headache for 2 weeks. Previous CT 2019.
Findings: Compared with the CT of March 2019 there is a new focus of calcification at the junction of the falx and tentorium, not present previously. No haemorrhage, mass or hydrocephalus. Moderate small vessel change, unchanged.
Conclusion: New small calcification at the falcotentorial junction, most likely dural. MRI is suggested to exclude an underlying lesion.
""", L(dc="P", loc="falx;tentorium", t="new", f="wml=P", s="ha=P", age=74, rec="mri"))

add(43, "UK NHS", ["peritoneal dialysis", "secondary hyperparathyroidism", "progressive convexity", "contrast MRI in renal disease"], False, """
CT Brain
Clinical: 55F, peritoneal dialysis, secondary hyperparathyroidism. Chronic headaches.
Comparison: 2 years ago.
The calcification over the right frontal convexity dura has increased in size and thickness compared with the prior study. No mass effect. No intracranial haemorrhage.
Conclusion: Progressive convexity dural calcification. Contrast-enhanced MRI is recommended to exclude an underlying dural-based lesion.
""", L(dc="P", loc="convexity", t="progressive", renal="P", s="ha=P", age=55, rec="mri_contrast"))

add(44, "US community", ["hedged DC without site", "hedged atrophy"], True, """
CT HEAD
Hx: 68M, fall.
Findings: No acute hemorrhage. A few tiny dense foci which may be dural calcifications or partial volume of the inner table of the skull. Possible mild volume loss.
Impression: No acute intracranial abnormality.
""", L(dc="U", f="atr=U", age=68))

add(45, "teaching file", ["differential list including dural plaque", "calcified meningioma in differential", "outside CT unavailable", "MRI with contrast"], True, """
Neuroradiology teaching conference - Case 3
A 44-year-old woman with a remote history of treated tuberculous meningitis presented with two weeks of headache. Non-contrast CT shows a 6 mm dense focus applied to the left side of the posterior falx, without perilesional oedema. Differential diagnosis: calcified dural plaque; small calcified meningioma; calcified tuberculoma. An outside CT from 2020 was not available for comparison.
Learning point: calcified tuberculomas are usually parenchymal, whereas a dural plaque follows the contour of the falx.
Recommendation: MRI with contrast to characterise the lesion.
""", L(dc="U", loc="falx", s="ha=P", age=44, rec="mri_contrast"))

add(46, "UK NHS", ["resolved thrombosis (recanalised)", "residual narrowing", "headache resolved", "cortical vein thrombosis denied", "neurology clinic in place"], True, """
MR VENOGRAM - FOLLOW-UP
Clinical: 34 year old woman, left transverse sinus thrombosis diagnosed 6 months ago, on anticoagulation. Headaches have resolved.
Findings: The left transverse and sigmoid sinuses have recanalised, with no residual thrombus. Mild residual narrowing of the left transverse sinus. The other sinuses are normal. No cortical vein thrombosis.
Conclusion: Recanalisation of the left transverse sinus with no residual thrombus. Minor residual narrowing. She remains under follow-up in the neurology clinic, where the duration of anticoagulation will be decided.
""", L(f="vst=A cvt=A ven=P", s="ha=A", age=34, rec="neurology_consult"))

add(47, "UK NHS", ["family history of dAVF", "dAVF denied with 'although'", "conditional MRA", "hedged WM focus", "cortical veins denied"], True, """
CT head
Clinical: 50M. His brother had a dural AV fistula and the patient is anxious. Occasional headaches. No confusion.
Findings: Calcification of the left tentorial leaf. Possible tiny low-density focus in the left centrum semiovale, likely partial volume. No dilated cortical veins. No hyperdense sinus.
Conclusion: Incidental tentorial calcification. No CT evidence of a dural arteriovenous fistula, although CT is insensitive; MR angiography could be considered if there is ongoing concern.
""", L(dc="P", loc="tentorium", f="wml=U ven=A davf=A", s="ha=P cog=A", age=50))

add(48, "several headers on one line", ["significance remark is not a hedge", "conditional MRI"], True, """
CT HEAD WITHOUT CONTRAST. INDICATION: 39 y.o. female with headache. FINDINGS: Small calcified plaque in the falx, presumably of no consequence. Otherwise normal. IMPRESSION: Normal except for incidental falx calcification. Should headaches persist or change in character, MRI could be obtained.
""", L(dc="P", loc="falx", s="ha=P", age=39))

add(49, "US community", ["hypertrophic pachymeningitis", "calcification within thickened tentorium", "double vision", "dural biopsy not coded", "neurology and neurosurgery"], True, """
MRI BRAIN WITH CONTRAST
Clinical: 59-year-old man with chronic sinusitis, headaches and new double vision.
Findings: Smooth and nodular dural thickening with avid enhancement along the right tentorium and the floor of the right middle cranial fossa, consistent with hypertrophic pachymeningitis. Calcification within the thickened tentorium on the correlating CT. Pansinus mucosal disease. No parenchymal lesion.
Impression: Hypertrophic pachymeningitis, possibly IgG4-related or granulomatous. Consider dural biopsy; neurology and neurosurgical opinion suggested.
""", L(dc="P", loc="tentorium", f="thk=P enh=P", s="ha=P vis=P", age=59, rec="neurosurgery_consult;neurology_consult"))

add(50, "US community", ["dural enhancement with hedged hypotension", "hedged distended sinuses", "hedged tentorial calcification"], True, """
MRI BRAIN WITH AND WITHOUT CONTRAST
History: 46-year-old woman with daily headache for 2 months.
Findings: Mild diffuse smooth pachymeningeal enhancement, which could reflect intracranial hypotension, although there is no brain sagging and no subdural collection. The transverse sinuses may be mildly distended. Questionable calcification along the left tentorium on SWI. Normal brain parenchyma.
Impression: Mild diffuse dural enhancement; intracranial hypotension is a possibility.
""", L(dc="U", loc="tentorium", f="enh=P ven=U ih=U", s="ha=P", age=46))

add(51, "UK NHS", ["hedged WM hypodensity", "resolved focal deficit", "DC denied", "MRI with DWI"], True, """
CT Head
Clinical details: 46 y/o man, transient right arm weakness 2 days ago, fully recovered.
Findings: No acute infarct or haemorrhage. Questionable subtle low attenuation in the left periventricular white matter, which may be artefactual. No dural calcification.
Conclusion: No acute abnormality. MRI brain with diffusion imaging is recommended to assess for infarct.
""", L(dc="A", f="wml=U", s="fd=A", age=46, rec="mri"))

add(52, "UK NHS", ["equivocal atrophy", "'No significant' denies", "correlation in clinic"], False, """
CT BRAIN (Memory clinic request)
Patient: 69-year-old male. Three-month history of forgetfulness.
Findings: Possible mild hippocampal volume loss bilaterally; the appearance is borderline for age. No significant white matter disease. Falx calcification. No mass.
Opinion: Equivocal mild mesial temporal atrophy. Please correlate with cognitive testing in clinic.
""", L(dc="P", loc="falx", f="wml=A atr=U", s="cog=P", age=69, rec="clinical_follow_up"))

add(53, "teleradiology", ["hedged cortical vein thrombosis", "sinus thrombosis denied", "MRI and MRV", "leg numbness"], False, """
Teleradiology consult report (final)
Study: CT head without contrast + CT venogram
Patient age: 31 years   Sex: M
Clinical: Headache, left leg numbness.
CT head: No hemorrhage. No infarct.
CTV: Dural venous sinuses are patent without filling defect. There is a short segment of non-opacification of a right frontal cortical vein near the vertex, which may be due to slow flow or thrombosis. Possible subtle enhancement of the adjacent convexity dura.
Impression: No dural venous sinus thrombosis. Possible right frontal cortical vein thrombosis. MRI brain with SWI and MR venography are suggested.
""", L(f="enh=U vst=A cvt=U", s="ha=P fd=P", age=31, rec="mri;venography"))

add(54, "US community paediatric", ["sinus pericranii", "emissary vein", "MRV and neurosurgery"], False, """
CT head with contrast
8 y/o girl, soft scalp swelling over the midline frontal bone that enlarges when she cries.
Findings: Sinus pericranii: a cluster of enhancing vessels on the outer surface of the frontal bone communicating through a transosseous channel with the superior sagittal sinus. Large frontal emissary vein. Brain normal.
Impression: Sinus pericranii. Neurosurgical referral and MR venography are recommended.
""", L(f="ven=P", age=8, rec="venography;neurosurgery_consult"))

add(55, "UK NHS", ["basal ganglia/dentate calcification (not DC)", "subcortical and dural calcification denied", "hypoparathyroidism is not renal", "serum calcium correlation"], True, """
CT HEAD
Clinical: 57F with hypoparathyroidism after thyroidectomy, seizures.
Findings: Dense symmetrical calcification of the basal ganglia, thalami and dentate nuclei. No subcortical calcification. No falcine or tentorial calcification. No haemorrhage.
Conclusion: Extensive basal ganglia and dentate calcification in keeping with hypoparathyroidism. Correlation with serum calcium is recommended.
""", L(dc="A", f="scc=A", s="sz=P", age=57, rec="clinical_follow_up"))

add(56, "US community", ["age from DOB and exam date", "redemonstrated = stable"], True, """
Patient: DOE, JANE     DOB: 02/15/1949     Exam Date: 06/20/2025     MRN: 0000000
Exam: CT head without contrast
History: headache after minor fall
Findings: Redemonstrated calcification of the falx cerebri. No acute hemorrhage. Moderate chronic microangiopathic changes. Ventricles and sulci are prominent, consistent with age-related volume loss.
Impression: No acute intracranial abnormality.
""", L(dc="P", loc="falx", t="stable", f="wml=P atr=P", s="ha=P", age=76))

add(57, "UK NHS", ["age from day-first dates", "post-surgical dural thickening/enhancement", "surveillance MRI"], True, """
DOB 23/11/1960     Study date 28/12/2025     Hospital no. XXXXXXX
MRI head with gadolinium
Clinical: Resection of right frontal convexity meningioma 6 months ago. Routine post-operative surveillance. No new symptoms.
Findings: Post-operative changes of right frontal craniotomy. Smooth linear dural thickening and enhancement beneath the bone flap, in keeping with post-surgical change. No nodular enhancement to suggest residual or recurrent tumour. A small area of gliosis in the resection bed.
Conclusion: No evidence of residual or recurrent meningioma. Next surveillance MRI in 12 months.
""", L(f="thk=P enh=P", age=65, rec="follow_up_imaging"))

add(58, "Irish elderly", ["calcified chronic subdural (not DC)", "unchanged wording for another finding"], True, """
CT Brain
Clinical: 88-year-old woman from nursing home, reduced mobility. Known old left subdural.
Findings: Chronic left convexity subdural collection with a thick calcified rim (calcified chronic subdural haematoma), unchanged in size since 2022. No acute blood. Generalised atrophy.
Opinion: Stable calcified chronic left subdural collection. No acute abnormality.
""", L(f="atr=P", age=88))

add(59, "Australian", ["hyperostosis frontalis interna", "pineal and choroid calcification", "no age ('elderly')"], True, """
CT head non-contrast
Elderly female, dizziness.
Hyperostosis frontalis interna. Calcified pineal gland and choroid plexus glomera. Otherwise normal appearances of the brain.
No acute intracranial abnormality.
""", L(age=None))

add(60, "UK NHS elderly", ["'M/83'", "carotid and vertebral plaques", "scleral plaques"], True, """
CT HEAD
M/83, "off legs", ?stroke.
No acute territorial infarct. Established small vessel changes. Calcified atheromatous plaques in both carotid siphons and the vertebral arteries. Bilateral scleral plaques. Physiological pineal calcification.
Conclusion: No acute intracranial abnormality.
""", L(f="wml=P", age=83))
