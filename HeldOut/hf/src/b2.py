from common import L

R = []
def add(n, style, tags, hard, text, labels):
    R.append(dict(n=n, style=style, tags=tags, hard=hard, text=text.strip("\n") + "\n", labels=labels))

add(21, "Irish", ["convexity", "morning headache is not positional", "orthostatic component denied", "hedged dural thickening", "MRI suggested"], True, """
Department of Radiology
CT Brain
Clinical: 47 year old man. 6/52 daily headaches, worse in the mornings, no orthostatic component. No vomiting. No visual disturbance.
Report: There is a 2 cm plaque of calcification along the dura of the right parietal convexity, with no underlying mass effect and no hyperostosis of the adjacent vault. The dura next to it may be mildly thickened. No intra- or extra-axial collection. Ventricles normal in calibre.
Comment: Incidental right parietal convexity dural calcification. No cause for the headache identified. MRI brain would be a reasonable next step.
""", L(dc="P", loc="convexity", f="thk=U", s="ha=P pha=A vis=A", age=47, rec="mri"))

add(22, "Australian", ["intracranial hypotension constellation", "headache explicitly not postural", "petroclinoid and interclinoid (bridged sella)", "CT myelography not coded", "neurology review"], True, """
MRI BRAIN WITH GADOLINIUM
Clinical notes: 60yo female. Three months of constant headache, not affected by posture. Tinnitus. ?cause.
Findings: Diffuse smooth pachymeningeal thickening and enhancement. Bilateral thin subdural hygromas. The brainstem sags, with effacement of the prepontine cistern and low-lying cerebellar tonsils. Low signal in the petroclinoid and interclinoid ligaments, matching calcification and a bridged sella on the prior CT. Brain parenchyma unremarkable for age.
Conclusion: Features of intracranial hypotension despite the non-postural history. Recommend neurology review; CT myelography may then be required to find a leak.
""", L(dc="P", loc="petroclinoid", f="thk=P enh=P ih=P", s="ha=P pha=A", age=60, rec="neurology_consult"))

add(23, "US community", ["DVA", "demyelination denied", "MRI signal of DC", "numbness", "no recommendation"], False, """
MRI BRAIN W/WO CONTRAST
Reason: 36F with intermittent numbness of the right hand. Eval for demyelination.
Findings: No T2/FLAIR white matter lesions to suggest demyelination. No restricted diffusion. No cerebral volume loss. Developmental venous anomaly in the left cerebellar hemisphere with a normal-appearing collector draining into the straight sinus. Thin low-signal plaque along the anterior falx on SWI and T2, in keeping with dural calcification. No abnormal enhancement.
Impression:
1. No evidence of demyelinating disease.
2. Incidental left cerebellar developmental venous anomaly.
3. Small falcine calcification.
""", L(dc="P", loc="falx", f="wml=A atr=A enh=A ven=P", s="fd=P", age=36))

add(24, "US community", ["hedged dAVF", "dilated cortical veins", "DC beside transverse sinus (other)", "correlation with CT is not persistence", "hedged dural enhancement", "DSA + neurointerventional"], True, """
MRI/MRA BRAIN WITH AND WITHOUT CONTRAST
Hx: 66 M, pulsatile tinnitus L ear, progressive memory difficulty over 6 months.
Findings:
- Several dilated cortical veins over the left temporal and occipital lobes, with prominent flow-related signal in the left transverse sinus on the TOF MRA.
- Low signal plaque along the dura adjacent to the left transverse sinus, calcified on correlation with the 2023 CT.
- Possible mild thickening and enhancement of the dura along the left transverse sinus.
- Patchy bilateral periventricular FLAIR hyperintensity.
- No infarct. No hemorrhage.
Impression: Findings suspicious for a left transverse sinus dural arteriovenous fistula. Recommend catheter angiography and referral to neurointerventional radiology.
""", L(dc="P", loc="other", f="wml=P thk=U enh=U ven=P davf=U", s="cog=P", age=66, rec="angiography;neurosurgery_consult"))

add(25, "UK NHS", ["subcortical calcification", "questionable falcine calcification", "headache denied", "first seizure", "MRI with SWI"], True, """
NON-CONTRAST CT HEAD
Clinical history: 24 year old male, first generalised seizure at work today. No previous medical history. Denies headache.
Findings: Several punctate calcifications at the grey-white junction of both frontal lobes, subcortical in location, of uncertain cause. There is a possible thin calcification along the anterior falx, partly obscured by beam hardening. No haemorrhage, no oedema, no mass effect.
Impression: Bilateral frontal subcortical calcifications. Questionable falcine calcification. MRI brain with susceptibility-weighted imaging is recommended.
""", L(dc="U", loc="falx", f="scc=P", s="ha=A sz=P", age=24, rec="mri"))

add(26, "UK NHS", ["renal transplant with eGFR", "sinus stenosis", "thrombosis denied", "dAVF denied", "LP and ophthalmology not coded", "papilloedema not a symptom"], True, """
MR VENOGRAM AND MRI HEAD
Clinical: 58-year-old renal transplant recipient (eGFR 42). Two weeks of headache and blurred vision. Papilloedema on fundoscopy.
MRI: Flattening of the posterior globes and a partially empty sella. No mass. No hydrocephalus.
MRV: Bilateral smooth tapered narrowing of the lateral transverse sinuses. No filling defect to suggest sinus thrombosis. No features of a dural arteriovenous fistula.
Conclusion: Appearances consistent with raised intracranial pressure with bilateral transverse sinus stenoses. No venous sinus thrombosis. Lumbar puncture with opening pressure and ophthalmology review are advised.
""", L(f="vst=A ven=P davf=A", s="ha=P vis=P", renal="P", age=58))

add(27, "US community", ["normal renal function", "'without calcification or thickening'", "headache not positional"], False, """
CT head without contrast
History: 33-year-old male, chronic daily headache, not positional. Normal renal function. Requesting CT before starting a new medication.
Findings: No intracranial mass, hemorrhage, or hydrocephalus. The dura is smooth, without calcification or thickening. No atrophy. No abnormal extra-axial fluid.
Impression: Normal noncontrast head CT.
""", L(dc="A", f="atr=A thk=A", s="ha=P pha=A", renal="A", age=33))

add(28, "teleradiology overnight", ["hedged sinus thrombosis", "DC denied", "CT venogram recommended", "confusion denied"], False, """
*** PRELIMINARY - NIGHTHAWK READ ***
CT HEAD W/O | 19F | HA x 5 days, vomiting, on OCP, no confusion
Findings: Questionable hyperdensity of the straight sinus; may be physiologic given hematocrit, but sinus thrombosis cannot be excluded. No hemorrhage. No infarct. Ventricles normal. No calcification of the falx or tentorium.
Impression: Possible dural venous sinus thrombosis. CT venogram is recommended.
Preliminary findings phoned to ED provider.
""", L(dc="A", f="vst=U", s="ha=P cog=A", age=19, rec="venography"))

add(29, "UK NHS", ["calcification in maxillary sinus (not DC)", "ENT not coded"], True, """
CT sinuses and head
62M, chronic sinusitis, ?fungal.
Hyperdense material with punctate calcification within the opacified left maxillary sinus, suggestive of fungal sinusitis. No bony erosion. Intracranial: no abnormality visible on this sinus protocol.
Opinion: Left maxillary sinus disease with internal calcification, likely fungal. ENT review.
""", L(age=62))

add(30, "UK NHS", ["optic nerve atrophy (not brain atrophy)", "juxtacortical lesion (not calcification)", "'no enhancing lesion' does not deny dura", "neurology follow-up"], True, """
MRI orbits and brain
Clinical: 45-year-old woman with previous optic neuritis, persistent reduced vision in the left eye.
Findings: The left optic nerve is thin with increased T2 signal, in keeping with optic atrophy following optic neuritis. Four ovoid periventricular white matter lesions perpendicular to the lateral ventricles, and one juxtacortical lesion in the right frontal lobe. No enhancing lesion.
Impression: Appearances in keeping with demyelination. Neurology follow-up.
""", L(f="wml=P", s="vis=P", age=45, rec="neurology_consult"))

add(31, "Australian elderly", ["short", "'Aged 78'", "new since prior"], False, """
CT Brain. Aged 78. Falls.
Small vessel ischaemic change and mild generalised atrophy. Falcine calcification, new since the CT of 2021. No intracranial haemorrhage.
""", L(dc="P", loc="falx", t="new", f="wml=P atr=P", age=78))

add(32, "US community", ["two lines", "abbreviation 'calcs'", "syncope not a symptom"], True, """
NCCT head 56M syncope: no bleed, no mass, no fx.
falx calcs, incidental. no acute process.
""", L(dc="P", loc="falx", age=56))

add(33, "US community", ["hedged dural thickening", "malignancy", "MRI with and without contrast"], False, """
CT HEAD WITHOUT CONTRAST
Clinical: 61 year old female, known breast cancer, new headaches. Creatinine normal.
Findings: Calcification along the right tentorial leaf. Questionable smooth thickening of the dura over the left frontal convexity, difficult to assess on non-contrast CT. No parenchymal mass or vasogenic edema. No hydrocephalus.
Impression: No parenchymal mass on this non-contrast CT. Possible left frontal dural thickening; in the setting of malignancy a dural metastasis cannot be excluded. MRI brain with and without contrast recommended.
""", L(dc="P", loc="tentorium", f="thk=U", s="ha=P", renal="A", age=61, rec="mri_contrast"))

add(34, "UK NHS", ["equivocal dural enhancement", "leptomeningeal enhancement denied", "headache and seizures denied", "interval MRI"], True, """
MRI BRAIN WITH GADOLINIUM
History: 70-year-old man, subacute confusion over 4 weeks. No headache. No seizures.
Findings: Moderate periventricular and deep white matter T2 hyperintensities. Generalised volume loss. There is questionable subtle pachymeningeal enhancement along the left frontoparietal convexity, which may simply represent normal dural vessels. No leptomeningeal enhancement. No restricted diffusion.
Impression: Small vessel disease and atrophy. Equivocal left convexity dural enhancement. Follow-up MRI with contrast in 3 months.
""", L(f="wml=P atr=P enh=U", s="ha=A cog=P sz=A", age=70, rec="follow_up_imaging"))

add(35, "UK NHS", ["hypoplastic sinus (not abnormality)", "hedged stenosis", "hedged dAVF", "thrombosis denied", "question in indication"], True, """
CT VENOGRAM
Clinical: 27F, BMI 41, headaches, pulsatile tinnitus, blurred vision. ?IIH ?CVST.
Findings: No filling defect in the dural venous sinuses. Dominant right transverse sinus; the left transverse sinus is hypoplastic. Focal narrowing at the right transverse-sigmoid junction may represent a stenosis or an arachnoid granulation. A small dural arteriovenous fistula cannot be excluded on this single-phase study. Partially empty sella.
Conclusion: No venous sinus thrombosis. Possible right transverse sinus stenosis.
""", L(f="vst=A ven=U davf=U", s="ha=P vis=P", age=27))

add(36, "UK NHS", ["cortical vein thrombosis", "sinuses patent and thrombus denied", "dural enhancement", "DC denied", "neurology already involved"], True, """
MRI brain and MR venogram - Neuroradiology
52-year-old woman with 4 days of headache and new left arm weakness, followed by a focal seizure.
Findings: Tubular susceptibility and T1 hyperintensity in a right parietal cortical vein, consistent with cortical vein thrombosis, with an adjacent small haemorrhage and oedema. The superior sagittal and transverse sinuses are patent with normal flow signal and no thrombus. Mild smooth dural enhancement adjacent to the thrombosed vein. No dural calcification.
Conclusion: Isolated right parietal cortical vein thrombosis with venous haemorrhagic infarction. The stroke team have been informed. Anticoagulation is being managed by the neurology team, who are already involved.
""", L(dc="A", f="enh=P vst=A cvt=P", s="ha=P sz=P fd=P", age=52, rec="neurology_consult"))

add(37, "UK NHS paediatric", ["shunt over-drainage hedged", "positional headache", "neurosurgical review"], True, """
CT HEAD
History: 15yo boy with a VP shunt for congenital hydrocephalus. Headaches when he stands up, for the past week.
Comparison: 2 years prior.
Findings: The ventricles are slit-like, smaller than previously. Thin bilateral subdural collections over the frontal convexities, new, which could relate to shunt over-drainage. Shunt catheter tip in the right lateral ventricle. No haemorrhage.
Impression: Small ventricles and new thin bilateral subdural collections, possible over-drainage. Neurosurgical review is recommended.
""", L(f="ih=U", s="ha=P pha=P", age=15, rec="neurosurgery_consult"))

add(38, "Irish elderly", ["possible petroclinoid calcification", "persistence wording applied to another finding"], False, """
CT Brain
Clinical: 88 year old woman, new confusion, ?infection. Known small vessel disease.
Findings: Extensive small vessel ischaemic change, as previously described. Generalised atrophy. Possible calcification of the petroclinoid ligaments, not well seen owing to motion. No acute infarct or haemorrhage.
Opinion: No acute intracranial abnormality.
""", L(dc="U", loc="petroclinoid", f="wml=P atr=P", s="cog=P", age=88))

add(39, "US community", ["dAVF denied", "venous abnormalities denied", "ENT not coded", "pulsatile tinnitus"], False, """
MRI/MRA head
Indication: 49 y/o woman, pulsatile tinnitus right ear.
Findings: No dural arteriovenous fistula is identified. No dilated cortical veins or abnormal flow-related signal in the sinuses. No venous sinus stenosis. Small falcine calcification on SWI. Brain parenchyma normal.
Impression: No vascular cause for pulsatile tinnitus identified. Incidental small falx calcification. ENT review suggested.
""", L(dc="P", loc="falx", f="ven=A davf=A", age=49))

add(40, "US community", ["intracranial hypotension features denied", "post-LP orthostatic headache", "DC denied", "sinus distension denied"], False, """
MRI BRAIN WITH AND WITHOUT CONTRAST
Hx: 38M, orthostatic headaches after lumbar puncture 3 weeks ago, now improving.
Findings: No pachymeningeal thickening or enhancement. No subdural collections. No brain sagging; the cerebellar tonsils are normally positioned. No venous sinus distension. No dural calcification. Normal brain parenchyma.
Impression: No imaging features of intracranial hypotension.
""", L(dc="A", f="thk=A enh=A ven=A ih=A", s="ha=P pha=P", age=38))
