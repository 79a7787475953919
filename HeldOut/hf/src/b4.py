from common import L

R = []
def add(n, style, tags, hard, text, labels):
    R.append(dict(n=n, style=style, tags=tags, hard=hard, text=text.strip("\n") + "\n", labels=labels))

add(61, "case report", ["ossified falx with fatty marrow", "generic 'can mimic'", "clinical course narrative (not a recommendation)", "normality of white matter"], True, """
Case report: an ossified falx mistaken for a lipoma

A 61-year-old woman with episodic vertigo had an MRI of the brain at another hospital. A 9 mm focus of T1 and T2 hyperintense signal in the anterior falx, suppressing on the fat-saturated sequence, was reported there as an interhemispheric lipoma.

On our review the focus lies within the anterior falx and is rimmed by low signal, in keeping with falcine ossification containing fatty marrow. The white matter is normal. A CT performed the following week confirmed a small bony shell with a central fat density in the falx.

Discussion: ossification of the falx is a normal variant that can mimic a lipoma on MRI, because the marrow it contains is fatty; CT shows the cortical rim. The vertigo was attributed to benign paroxysmal positional vertigo and settled with repositioning manoeuvres.
""", L(dc="P", loc="falx", age=61))

add(62, "UK NHS elderly", ["interval development = new", "hedged subcortical calcification", "soft interval CT"], True, """
CT HEAD WITHOUT CONTRAST
Clinical information: 79 year old man, worsening balance. Parkinson's disease.
Comparison: MRI brain 08/2021.
Findings: Compared with the prior MRI there has been interval development of a small calcified plaque along the left tentorial leaf. A punctate hyperdensity in the right parietal subcortical region, questionably calcification. Mild generalised volume loss, not significantly changed. Mild white matter hypoattenuation. No haemorrhage or mass.
Impression: New small left tentorial calcification, of doubtful significance. A repeat CT head in 12 months could be considered.
""", L(dc="P", loc="tentorium", t="new", f="wml=P atr=P scc=U", age=79, rec="follow_up_imaging"))

add(63, "US community", ["addendum adds recommendation", "headache worse lying flat (positional)", "blurred vision", "contrast MRI and MRV"], True, """
CT HEAD
Indication: 57 yo M, daily headaches for 3 weeks, worse when lying flat, new blurred vision.
Findings: No hemorrhage or mass. Mild calcification of the falx. Ventricles normal. No hydrocephalus.
Impression: No acute intracranial abnormality. Incidental mild falx calcification.

ADDENDUM: After discussion with the ordering provider regarding the symptoms, MRI brain with and without contrast and MR venography are recommended.
""", L(dc="P", loc="falx", s="ha=P pha=P vis=P", age=57, rec="mri_contrast;venography"))

add(64, "UK NHS", ["corrected report: dictation error", "resolved facial droop", "CTA per stroke protocol"], True, """
CORRECTED REPORT - supersedes the report issued at 14:05
CT Brain non-contrast
Clinical: 66F, collapse, ?stroke. Left facial droop on arrival, resolved in ED.
Findings: No acute infarct or haemorrhage. Chronic small vessel disease.
Correction: the original report stated "no dural calcification". This was a dictation error; there is calcification of both leaves of the tentorium and of the posterior falx.
Conclusion: No acute abnormality. Tentorial and falcine calcification.
CTA head and neck is recommended as per stroke protocol.
""", L(dc="P", loc="falx;tentorium", f="wml=P", s="fd=A", age=66, rec="angiography"))

add(65, "PDF extraction", ["glued words", "intracranial hypotension", "engorged sinuses", "spine MRI already requested"], True, """
MRBRAINWITHCONTRAST        Page1/2
Patient age:44yrs Sex:F
Clinical:Orthostatic headache for 6 weeks after chiropractic manipulation.Tinnitus.
Findings:Bilateral thin subdural hygromas and sagging of the brainstem,in keeping with CSF hypotension.Diffuse smooth pachymeningeal enhancement.Mild engorgement of the venous sinuses.Incidental small calcified plaque on the falx.No parenchymal lesion.
Impression:Spontaneous intracranial hypotension.MRI of the whole spine has been requested to localise the leak.
""", L(dc="P", loc="falx", f="enh=P ven=P ih=P", s="ha=P pha=P", age=44, rec="mri"))

add(66, "US community", ["known DC in indication", "dAVF with venous congestion", "WM hypodensity from congestion", "urgent DSA and neurointerventional consult"], True, """
CTA HEAD
History: 71M, acute confusion and left-sided weakness. Known left parietal convexity dural calcification.
Findings: Early opacification of the superior sagittal sinus and of dilated cortical veins over the right hemisphere during the arterial phase, with enlarged feeding branches of the right middle meningeal artery, in keeping with a dural arteriovenous fistula. Right hemispheric white matter hypodensity consistent with venous congestion. No hemorrhage.
Impression: Right convexity dural arteriovenous fistula with cortical venous drainage and venous congestion. Urgent catheter angiography and neurointerventional consultation recommended.
""", L(dc="P", loc="convexity", f="wml=P ven=P davf=P", s="cog=P fd=P", age=71, rec="angiography;neurosurgery_consult"))

add(67, "US community", ["hedged convexity calcification", "hedged subcortical calcification", "WM abnormality denied", "trauma"], True, """
CT head non-con
History: 52-year-old female, MVC, neck pain.
Findings: No intracranial hemorrhage. Thin dense sliver along the right frontal convexity dura, which could be a small dural calcification or partial volume of the inner table. A tiny hyperdensity at the left frontal grey-white junction may represent a subcortical calcification or a minute contusion. No fracture. No white matter abnormality.
Impression: No acute traumatic intracranial injury.
""", L(dc="U", loc="convexity", f="wml=A scc=U", age=52))

add(68, "Australian", ["eGFR > 90", "incidental DC with contrast MRI (additional imaging)", "hedged WM focus", "subcortical calcification denied"], False, """
CT BRAIN
Clinical notes: 48yo male, minor head strike at football, no LOC. Renal function normal (eGFR >90).
Findings: No intracranial haemorrhage or contusion. There is calcification along the falx and the right tentorial leaf. A questionable tiny focus of low density in the right frontal white matter. No subcortical calcification. Grey-white differentiation preserved.
Comment: No traumatic intracranial injury. Dural calcification, incidental. MRI brain with gadolinium is suggested for further characterisation.
""", L(dc="P", loc="falx;tentorium", f="wml=U scc=A", renal="A", age=48, rec="mri_contrast"))

add(69, "UK NHS", ["resolved dysphasia", "correlation in primary care"], False, """
CT head. 63M. Hypertension. One episode of expressive dysphasia lasting 10 minutes, now resolved.
Findings: Falcine calcification. Moderate periventricular small vessel disease. No infarct or haemorrhage.
Conclusion: Small vessel disease. Please correlate clinically with cardiovascular risk factors and blood pressure control in primary care.
""", L(dc="P", loc="falx", f="wml=P", s="fd=A", age=63, rec="clinical_follow_up"))

add(70, "UK NHS elderly", ["memory clinic", "conditional interval CT", "falx and petroclinoid", "progressive", "carotid siphon calcification"], True, """
CT Brain
Clinical: 76-year-old lady referred by GP. Memory impairment, MMSE 22/30. No falls.
Findings: Mild generalised cerebral atrophy. Scattered deep white matter hypodensities. Dense calcification of the anterior falx and of both petroclinoid ligaments, more extensive than on the CT of 2020. Calcified atheroma in the carotid siphons.
Conclusion: Mild atrophy and small vessel disease. Incidental dural calcification. Onward referral to the memory clinic is recommended, with an interval CT in 12 months if there is clinical decline.
""", L(dc="P", loc="falx;petroclinoid", t="progressive", f="wml=P atr=P", s="cog=P", age=76, rec="neurology_consult"))

add(71, "US community structured", ["structured fields", "'Dural calcification: none'", "hypotension denied", "normality of sinuses"], False, """
MRI BRAIN - STRUCTURED REPORT
Age/Sex: 35/F
Indication: migraine, change in headache pattern
Parenchyma: No focal lesion.
White matter: A few punctate nonspecific T2 hyperintensities in the subcortical white matter, within normal limits for a migraineur.
Ventricles: Normal.
Extra-axial spaces: Normal.
Dura: No thickening or abnormal enhancement. Dural calcification: none. No features of intracranial hypotension.
Venous sinuses: Patent.
Vascular flow voids: Normal.
Impression: No significant abnormality. Few nonspecific white matter foci.
""", L(dc="A", f="wml=P thk=A enh=A ih=A", s="ha=P", age=35))

add(72, "UK NHS paediatric", ["20-month-old", "normal"], False, """
CT head (paediatric low-dose protocol)
20-month-old boy, fell down stairs, scalp haematoma, no loss of consciousness, behaving normally.
No skull fracture. No intracranial haemorrhage. Age-appropriate appearances of the brain. No focal lesion.
Conclusion: No intracranial injury.
""", L(age=1))

add(73, "UK NHS", ["age by decade only (null)", "known dAVF on surveillance", "chronically narrowed sinus", "'as previously described' = stable", "other location", "neurointerventional care in place", "asymptomatic"], True, """
MRI brain and time-resolved MRA
Clinical: Woman in her sixties with a known left transverse-sigmoid dural AV fistula, treated by embolisation in 2022; on annual surveillance. Asymptomatic.
Findings: Small residual fistula at the left sigmoid sinus with slow antegrade drainage; no cortical venous reflux. The left transverse sinus is chronically narrowed. Small calcified dural plaque beside the left sigmoid sinus, as previously described. No parenchymal abnormality.
Conclusion: Small residual low-grade dAVF, stable, without cortical venous drainage. Continue annual surveillance imaging; she remains under the neurointerventional service.
""", L(dc="P", loc="other", t="stable", f="ven=P davf=P", age=None, rec="neurosurgery_consult;follow_up_imaging"))

add(74, "Australian", ["'F/67'", "pre- and post-contrast", "general 'no abnormal enhancement'", "'Falx calcified'"], False, """
CT HEAD +/- CONTRAST
Hx: F/67. 4/52 headache, ?SOL.
Pre- and post-contrast: no enhancing lesion and no abnormal enhancement. Falx calcified. No hydrocephalus.
Opinion: No SOL demonstrated.
""", L(dc="P", loc="falx", f="enh=A", s="ha=P", age=67))

add(75, "UK NHS paediatric", ["3-month-old", "normality of falx", "clinical follow-up"], False, """
CT HEAD
3-month-old infant with increasing head circumference crossing centiles. Developmentally normal.
Findings: Prominent frontal subarachnoid spaces with mildly enlarged ventricles, in keeping with benign enlargement of the subarachnoid spaces of infancy. Bridging veins cross the subarachnoid space normally. No subdural collection. The falx appears normal.
Conclusion: Benign enlargement of the subarachnoid spaces. Clinical follow-up of head circumference.
""", L(age=0, rec="clinical_follow_up"))

add(76, "US community", ["no age", "convexity plaques", "leukoaraiosis", "hedged atrophy"], False, """
Non-contrast CT head. Reason: fall.
Small calcified dural plaques over both frontal convexities. Punctate subcortical calcification in the left frontal lobe. Mild leukoaraiosis. Questionable mild generalized volume loss. No acute abnormality.
""", L(dc="P", loc="convexity", f="wml=P atr=U scc=P", age=None))

add(77, "Irish", ["full page", "haemodialysis", "stable falx and tentorium", "thrombosis denied", "residual deficit", "symptoms denied", "clinical correlation, no further imaging"], True, """
CT BRAIN AND CT VENOGRAM

Clinical history: 59-year-old man on haemodialysis three times a week for end-stage kidney disease secondary to diabetic nephropathy. Admitted with a two-day history of severe generalised headache and two episodes of vomiting. Denies visual disturbance. No seizures. He had a right MCA infarct in 2019 and has residual mild left arm weakness. Background of hypertension and a left brachiocephalic arteriovenous fistula for dialysis access.

Comparison: CT brain 12 March 2023.

Technique: Non-contrast CT of the brain followed by CT venography after 60 ml of iodinated contrast, timed with the renal team to precede dialysis.

Findings:
Brain: Established right MCA territory infarct with encephalomalacia, unchanged. Confluent periventricular white matter low attenuation. Generalised volume loss, slightly more pronounced than in 2023. No acute haemorrhage. No new infarct.
Dura: Calcification of the falx and of both tentorial leaves is again seen and is unchanged. No dural thickening.
Venous: The superior sagittal, transverse, sigmoid and straight sinuses and the internal jugular veins opacify normally. No sinus thrombosis. No cortical vein thrombosis.
Vessels: Dense calcification of both carotid siphons.
Other: Opacification of the right maxillary sinus with mucosal thickening.

Conclusion:
1. No venous sinus or cortical vein thrombosis.
2. Old right MCA infarct; small vessel disease; generalised atrophy.
3. Stable dural calcification, in keeping with the known renal disease.
4. Right maxillary sinusitis, which may be contributing to the headache.
No further neuroimaging is required. Clinical correlation regarding the sinusitis is advised.
""", L(dc="P", loc="falx;tentorium", t="stable", f="wml=P atr=P thk=A vst=A cvt=A", s="ha=P vis=A sz=A fd=P", renal="P", age=59, rec="clinical_follow_up"))

add(78, "teleradiology overnight", ["several headers on one line", "sinus and cortical vein thrombosis", "falx calcification", "focal deficit denied", "neurology consult"], True, """
TELERADIOLOGY FINAL REPORT   EXAM: CT HEAD WO AND CT VENOGRAM   DATE: 01/09/2026 02:41   HISTORY: 42 yo male, 5 days of worsening headache, one seizure tonight; no focal neurological deficit.   COMPARISON: none
FINDINGS: Hyperdense left transverse and sigmoid sinuses with corresponding filling defects on the venogram, extending into the left internal jugular bulb. A thrombosed cortical vein is seen over the left temporal lobe, likely the vein of Labbe, with mild surrounding edema; no hemorrhage. Small calcification of the posterior falx. Ventricles normal. No midline shift.
IMPRESSION: Left transverse and sigmoid sinus thrombosis with thrombosis of the vein of Labbe. Incidental falx calcification. Neurology consultation is recommended. Dr. Kim (ED) notified at 02:55.
""", L(dc="P", loc="falx", f="vst=P cvt=P", s="ha=P sz=P fd=A", age=42, rec="neurology_consult"))

add(79, "UK NHS", ["leptomeningeal enhancement (not dural)", "pachymeningeal disease denied", "reactive subdural effusion (not hypotension)", "thrombosis denied", "confusion"], True, """
MRI BRAIN WITH AND WITHOUT GADOLINIUM
History: 26-year-old man with fever, headache and neck stiffness; lumbar puncture suggests bacterial meningitis. Confused on admission.
Findings: Diffuse leptomeningeal enhancement along the sulci of both cerebral hemispheres and in the basal cisterns. No pachymeningeal enhancement or thickening. Small subdural effusion along the left frontal convexity, likely reactive to the infection. No features of intracranial hypotension. No abscess. Ventricles normal. No sinus or cortical vein thrombosis.
Impression: Leptomeningitis with a small reactive left frontal subdural effusion. No venous thrombosis.
""", L(f="thk=A enh=A vst=A cvt=A ih=A", s="ha=P cog=P", age=26))

add(80, "voice recognition flattened", ["'? calcification of the falx ? meningioma'", "CKD", "weakness denied", "MRI with contrast"], True, """
ct brain plain 60 yr female known ckd on conservative management presents with headache for one week no vomiting no weakness ct shows small dense focus in anterior interhemispheric fissure ? calcification of the falx ? small meningioma no perilesional edema ventricles normal no bleed impression small anterior interhemispheric dense focus as described suggest mri brain with contrast for characterisation
""", L(dc="U", loc="falx", s="ha=P fd=A", renal="P", age=60, rec="mri_contrast"))
