from common import L

R = []
def add(n, style, tags, hard, text, labels):
    R.append(dict(n=n, style=style, tags=tags, hard=hard, text=text.strip("\n") + "\n", labels=labels))

add(1, "US community", ["plain present", "vascular calcification alongside", "subcortical WM wording (not calcification)"], False, """
CT HEAD WITHOUT CONTRAST

HISTORY: 72-year-old male, fall from standing, on aspirin.

COMPARISON: None.

TECHNIQUE: Axial images through the head without IV contrast. Sagittal and coronal reformats.

FINDINGS:
No acute intracranial hemorrhage, mass effect, or midline shift. No extra-axial fluid collection. Gray-white differentiation is preserved.
Mild periventricular and subcortical white matter hypoattenuation, nonspecific but most commonly related to chronic microvascular ischemic change.
Mild generalized cerebral volume loss with proportional ventricular prominence.
Calcification along the falx cerebri. Atherosclerotic calcification of the cavernous carotid arteries.
Calvarium intact. Mastoid air cells and visualized paranasal sinuses are clear.

IMPRESSION:
1. No acute intracranial abnormality.
2. Chronic microvascular ischemic change and mild volume loss.
""", L(dc="P", loc="falx", f="wml=P atr=P", age=72))

add(2, "teleradiology overnight", ["CTA recommended", "generic sentence about CT sensitivity", "result communicated"], False, """
PRELIMINARY REPORT - TELERADIOLOGY (overnight read)
Exam: CT head non-contrast     Pt: 45 y/o F
Indication: sudden severe headache, onset 4 hours ago, r/o SAH
Findings: No intracranial hemorrhage. No hydrocephalus. Basal cisterns patent. Dense plaque-like calcification along the anterior falx, likely incidental. No mass. Orbits and sinuses unremarkable.
Impression: No acute intracranial findings. Incidental falcine calcification.
Note: the sensitivity of CT for subarachnoid blood falls after the first 6 hours. Given the thunderclap presentation, CTA head is recommended to exclude an aneurysm.
Findings discussed with Dr. R. in the ED at 03:12.
Final read to follow by on-site radiologist.
""", L(dc="P", loc="falx", s="ha=P", age=45, rec="angiography"))

add(3, "UK NHS", ["memory clinic referral", "falx and tentorium", "no focal neurology", "pineal/choroid alongside", "subcortical calcification denied"], False, """
CT Head (non-contrast)

Clinical details: 81-year-old woman. Progressive memory loss over 18 months, family report increasing confusion in the evenings. No focal neurology. ?Vascular dementia.

Findings:
There is generalised cerebral and cerebellar volume loss, more marked in the mesial temporal lobes than expected for age. Confluent periventricular and deep white matter low attenuation in keeping with established small vessel disease. Old lacunar infarct in the left lentiform nucleus.
Coarse calcification is present within the falx and along both leaves of the tentorium. Physiological pineal and choroid plexus calcification. No subcortical calcification.
No space-occupying lesion, haemorrhage or hydrocephalus.

Conclusion:
Generalised atrophy with mesial temporal predominance and moderate small vessel disease. Incidental dural calcification.
Suggest referral to the memory assessment service.
""", L(dc="P", loc="falx;tentorium", f="wml=P atr=P scc=A", s="cog=P fd=A", age=81, rec="neurology_consult"))

add(4, "voice recognition flattened", ["no punctuation", "petroclinoid", "sinus disease confounder", "dizziness not a symptom"], True, """
ct head without contrast history 58 year old male dizziness and near syncope comparison none findings there is no acute intracranial hemorrhage no mass effect or midline shift ventricles and sulci are normal for age there is dense calcification of the falx and of the petroclinoid ligaments bilaterally which is likely incidental gray white differentiation is maintained no extra axial collection the visualized paranasal sinuses show mucosal thickening in both maxillary sinuses impression no acute intracranial abnormality incidental dural calcification mild maxillary sinus disease
""", L(dc="P", loc="falx;petroclinoid", age=58))

add(5, "several headers on one line", ["stable wording", "neurology follow-up", "seizure"], True, """
EXAM: CT HEAD WO CONTRAST   CLINICAL HISTORY: breakthrough seizure, known epilepsy, 34 yo F   COMPARISON: CT head 03/02/2022   TECHNIQUE: Axial 5 mm and 0.625 mm images without IV contrast.
FINDINGS: Tentorial calcification again noted on the right, unchanged from prior. No acute hemorrhage, infarct or mass. Ventricles normal in size. No midline shift. Mastoids clear.
IMPRESSION: No acute abnormality. Stable right tentorial calcification. Recommend outpatient neurology follow-up.
""", L(dc="P", loc="tentorium", t="stable", s="sz=P", age=34, rec="neurology_consult"))

add(6, "PDF extraction", ["glued words", "CKD", "involutional change = atrophy"], True, """
ROYAL COUNTY HOSPITAL NHS TRUST        Page 1 of 1
CTHEAD(NON-CONTRAST)
Clinicaldetails:67 year old lady,CKD stage 4.Fall at home,struck head.On apixaban.
Findings:No intracranial haemorrhage or extra-axial collection.There is calcification of thefalx cerebri anteriorly.Mild generalised involutional change.No acute territorial infarct.No skull fracture.
Conclusion:No acute intracranialinjury.
Reported by:Dr A N Other,Consultant Radiologist
""", L(dc="P", loc="falx", f="atr=P", renal="P", age=67))

add(7, "US community", ["addendum retracts calcification", "recommendation withdrawn", "general 'no abnormal enhancement'"], True, """
MRI BRAIN WITHOUT AND WITH CONTRAST
Indication: 50M, new left-sided headaches x 2 months. Evaluate for mass.
Findings: No mass or abnormal enhancement. No acute infarct. A few punctate T2/FLAIR hyperintensities in the frontal white matter, nonspecific. Susceptibility along the right tentorial leaf, possibly calcification. Major flow voids are present.
Impression:
1. No mass.
2. Few nonspecific white matter foci.
3. Possible right tentorial calcification; correlation with CT could be obtained.

ADDENDUM (next day): The head CT from 2 days prior has been reviewed. There is no tentorial or other dural calcification; the susceptibility on MRI is attributed to a normal vein running along the tentorium. The recommendation for CT correlation is withdrawn.
""", L(dc="A", f="wml=P enh=A", s="ha=P", age=50))

add(8, "US community", ["addendum relabels hedged finding", "stable since prior", "repeat CT cancelled", "dementia"], True, """
CT HEAD WITHOUT CONTRAST
Clinical: 77-year-old woman found on the floor at her care facility, baseline dementia, now more confused.
Findings:
Linear hyperdensity along the posterior falx measuring up to 3 mm, which may reflect calcification versus a small parafalcine subdural hemorrhage. No other extra-axial collection. No midline shift.
Moderate global atrophy. Extensive periventricular white matter hypodensity.
Impression:
Posterior parafalcine hyperdensity, calcification versus small subdural hematoma. Repeat CT head in 6 hours is recommended.

ADDENDUM: A CT head from 2019 has now become available and shows an identical appearance of the posterior falx. The finding represents calcification of the falx, unchanged since 2019, and not hemorrhage. The repeat CT is no longer required.
""", L(dc="P", loc="falx", t="stable", f="wml=P atr=P", s="cog=P", age=77))

add(9, "teaching file", ["Gorlin lamellar falx", "bridged sella", "generic statements", "genetics not coded", "renal failure named generically"], True, """
Teaching file - Case 14: "The falx in a young adult"

History: A 31-year-old woman with multiple basal cell carcinomas removed from the face and back since her teens, and a jaw cyst excised at 19. Referred for CT head after a minor head injury; no headache.

Imaging findings: Non-contrast CT shows thick, layered (lamellar) calcification of the falx cerebri along its whole length, with further calcification of the tentorium cerebelli. The brain parenchyma is normal. There is a bridged sella turcica.

Discussion: Dural calcification is found on many CT examinations in older adults and is usually of no clinical importance. Extensive lamellar falx calcification before the age of 20-30 is unusual and is one of the major criteria of basal cell naevus (Gorlin-Goltz) syndrome, together with multiple basal cell carcinomas, odontogenic keratocysts and palmar or plantar pits. Other causes of premature dural calcification include chronic renal failure with secondary hyperparathyroidism and vitamin D excess.

Teaching point: in a young adult with falx calcification, look for the other features of Gorlin syndrome.

Outcome: She was referred to clinical genetics and a PTCH1 mutation was confirmed.
""", L(dc="P", loc="falx;tentorium;petroclinoid", s="ha=A", age=31))

add(10, "case report", ["dAVF confirmed", "calcification beside transverse sinus (other)", "cortical venous reflux", "neurointerventional referral in place", "generic discussion", "convexity word used for veins"], True, """
Case report: transverse sinus dural arteriovenous fistula presenting with pulsatile tinnitus

A 52-year-old man presented with eight months of left-sided pulsatile tinnitus and, more recently, dull left occipital headaches. He denied visual symptoms and had no weakness.

Non-contrast CT showed a plaque of calcification in the dura beside the left transverse sinus, and serpiginous hyperdense structures over the left temporal convexity. CT angiography demonstrated enlarged, tortuous cortical veins over the left temporal lobe with early opacification of the left transverse sinus in the arterial phase. Catheter angiography confirmed a dural arteriovenous fistula supplied by the left occipital and middle meningeal arteries, draining into the transverse sinus with reflux into cortical veins (Borden type II).

Discussion: Dural arteriovenous fistulas are acquired shunts and may follow sinus thrombosis. Cortical venous reflux carries a risk of haemorrhage of several percent per year. Dural calcification next to a fistula has been described and is thought to reflect chronic venous hypertension.

He has been referred to the neurointerventional team, and transarterial embolisation is scheduled.
""", L(dc="P", loc="other", f="ven=P davf=P", s="ha=P vis=A fd=A", age=52, rec="neurosurgery_consult"))

add(11, "US community", ["intracranial hypotension constellation", "engorged sinuses", "DC denied on GRE", "eGFR >= 60", "MRI spine with contrast", "CT myelography not coded"], True, """
MRI BRAIN WITH AND WITHOUT CONTRAST

CLINICAL INDICATION: 41-year-old female with 3 weeks of headache that is severe on standing and eases within minutes of lying flat. No visual complaints. eGFR 78.

FINDINGS:
There is diffuse smooth pachymeningeal thickening and enhancement over both cerebral convexities and along the tentorium. Thin bilateral subdural fluid collections measure up to 4 mm. The brainstem is sagging, the mammillopontine distance is reduced and the cerebellar tonsils lie 5 mm below the foramen magnum. The pituitary gland is plump. The transverse sinuses are distended with convex lower margins.
No dural calcification is evident on the gradient-echo images.

IMPRESSION:
Constellation of findings consistent with spontaneous intracranial hypotension.

RECOMMENDATION: MRI of the entire spine without and with contrast to look for a CSF leak. Referral to neurology is suggested. CT myelography may be needed later to localize the leak.
""", L(dc="A", f="thk=P enh=P ven=P ih=P", s="ha=P pha=P vis=A", renal="A", age=41, rec="mri_contrast;neurology_consult"))

add(12, "UK NHS", ["haemodialysis", "progressive", "vascular calcification alongside", "resolved confusion", "blood test correlation"], True, """
CT BRAIN
63 yr old man on haemodialysis for end-stage renal failure. Episode of confusion during dialysis, now resolved.
Comparison: CT brain 14/06/2021.
Findings: Calcification of the falx and of the tentorium is more extensive than on the previous study. Marked calcification of the intracranial internal carotid and vertebral arteries. A few small subcortical calcifications in both parietal lobes. No haemorrhage or infarct. Mild generalised volume loss, slightly progressed.
Opinion: Progressive dural calcification, likely related to deranged calcium-phosphate metabolism in renal failure. Correlation with calcium, phosphate and PTH levels is suggested.
""", L(dc="P", loc="falx;tentorium", t="progressive", f="atr=P scc=P", s="cog=A", renal="P", age=63, rec="clinical_follow_up"))

add(13, "UK NHS paediatric", ["normality statement for falx/tentorium", "vomiting not a symptom"], True, """
CT head - Children's Emergency Department
9-year-old boy, fell from trampoline, brief loss of consciousness, GCS 15, vomited twice.
No intracranial haemorrhage or contusion. No skull fracture. Ventricles and basal cisterns normal. The falx and tentorium are normal. Mastoids and sinuses clear.
Conclusion: Normal CT head.
""", L(age=9))

add(14, "UK NHS neonatal", ["neonatal dense falx (not DC)", "blood along falx/tentorium (not DC)", "hedged sinovenous thrombosis", "MR venography"], True, """
CT HEAD (neonatal)
Baby of J. Murray, term male, day 3 of life. Seizures from day 2.
Findings: There is a small acute subdural haematoma along the posterior falx and the right tentorial leaf. Elsewhere the falx and tentorium appear relatively dense, as is normal in the neonate against the low attenuation of the unmyelinated brain. No parenchymal haemorrhage. Ventricles are normal in size. The venous sinuses are hyperdense, which may be physiological given the high haematocrit of the newborn; sinovenous thrombosis cannot be excluded on this study.
Conclusion: Small posterior interhemispheric and right tentorial subdural haematoma. Possible sinovenous thrombosis. MR venography is recommended.
""", L(f="vst=U", s="sz=P", age=0, rec="venography"))

add(15, "US community elderly", ["90+", "calcified falcine meningioma (not DC)", "no further imaging"], True, """
CT HEAD WITHOUT CONTRAST
Age: 90+     Sex: F
History: Fall, on warfarin. Dementia.
Findings: No acute intracranial hemorrhage. A 14 mm densely calcified, broad-based extra-axial mass arises from the left side of the anterior falx, consistent with a calcified meningioma, without surrounding edema. Severe generalized atrophy. Extensive confluent white matter hypodensity. Vascular calcifications.
Impression: No acute intracranial process. Calcified falcine meningioma, likely of no clinical significance at this age; no further imaging is required.
""", L(f="wml=P atr=P", s="cog=P", age=90))

add(16, "US community", ["sinus thrombosis", "hedged cortical vein thrombosis", "subcortical hypodensity (not calcification)", "interval MRV only", "result communicated"], True, """
CT HEAD AND CT VENOGRAM
History: 29F, 10 days postpartum, worsening headache for 3 days, generalized tonic-clonic seizure this morning.
CT head: Hyperdense superior sagittal sinus and right transverse sinus. Small area of right parietal subcortical hypodensity with a tiny focus of hemorrhage, likely venous infarct. A tiny calcified plaque on the anterior falx, incidental.
CT venogram: Occlusive filling defect in the superior sagittal sinus extending into the right transverse and sigmoid sinuses. A tubular hyperdense structure in a right parietal sulcus may represent a thrombosed cortical vein.
Impression:
1. Extensive dural venous sinus thrombosis with right parietal venous infarct.
2. Possible associated cortical vein thrombosis.
3. Incidental falx calcification.
Results called to Dr Patel (neurology) at 11:40. Follow-up MR venography in 3 months to assess recanalization is recommended.
""", L(dc="P", loc="falx", f="vst=P cvt=U", s="ha=P sz=P", age=29, rec="follow_up_imaging"))

add(17, "UK NHS", ["denial list including falcine calcification", "visual aura", "seizure denied"], False, """
CT head non-contrast.
Clin: 38 y.o. female, migraine with new visual aura. No seizures. ?structural cause.
No acute intracranial haemorrhage, hydrocephalus, mass lesion or falcine calcification. Normal grey-white matter differentiation. Normal appearances of the posterior fossa.
Opinion: Normal study.
""", L(dc="A", s="ha=P vis=P sz=A", age=38))

add(18, "US community elderly", ["no interval change in = stable", "falx and convexity", "MCI"], True, """
CT HEAD
Indication: 84 y/o M, unwitnessed fall, baseline mild cognitive impairment.
Comparison: CT head 11/03/2024.
Findings: No acute intracranial hemorrhage. No interval change in the calcification along the falx and the right convexity dura. Chronic small vessel ischemic changes and moderate volume loss are similar. No fracture.
Impression: No acute findings.
""", L(dc="P", loc="falx;convexity", t="stable", f="wml=P atr=P", s="cog=P", age=84))

add(19, "UK NHS", ["'No new calcification' only", "CKD with eGFR", "old haemorrhage cavity"], True, """
CT BRAIN WITHOUT CONTRAST
Clinical notes: 70M, chronic kidney disease (eGFR 38), known cerebral amyloid angiopathy. Fall.
Compared with CT 2 months ago.
No new haemorrhage. No new calcification. Stable small old right frontal haemorrhage cavity. Periventricular white matter low attenuation unchanged. Global atrophy.
Impression: No acute change.
""", L(f="wml=P atr=P", renal="P", age=70))

add(20, "US community", ["?calcification vs dense vessel", "CTA could be considered"], False, """
CT Head WO
HX: 55 yo M headache, HTN
FINDINGS: Linear hyperdensity along the left tentorial margin, ?calcification vs dense vessel. No hemorrhage. No hydrocephalus. Mild periventricular white matter hypodensity.
IMPRESSION: 1. No acute hemorrhage. 2. Linear hyperdensity along the left tentorium, ?tentorial calcification vs dense vessel; CTA head could be considered for further evaluation.
""", L(dc="U", loc="tentorium", f="wml=P", s="ha=P", age=55, rec="angiography"))
