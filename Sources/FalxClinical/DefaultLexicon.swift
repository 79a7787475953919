extension ClinicalLexicon {
    /// The default lexicon, in the lexicon file format (`falx lexicon` prints it; copy, edit and
    /// load the copy with `--lexicon FILE`). It is kept in the binary so a static `falx` needs no
    /// resource files on a cluster's executors.
    public static let defaultText: String = #"""
        # Falx default lexicon. Format: KIND ARGUMENTS: PHRASE (see README, "The lexicon file").
        # Phrases are matched token by token, case-insensitively; `word*` matches any token starting with `word`;
        # words of 7+ letters also match with one letter missing, one extra, or two neighbours swapped.
        name: falx-default-1.0

        # ---------------------------------------------------------------- sections
        section exam: exam
        section exam: examination
        section exam: procedure
        section exam: study
        section exam: type of study
        section exam: exam type
        section history: clinical history
        section history: history
        section history: indication
        section history: indications
        section history: clinical indication
        section history: reason for exam
        section history: reason for examination
        section history: reason for study
        section history: reason for referral
        section history: reason
        section history: reason for request
        section history: clinical details
        section history: clinical detail
        section history: clinical information
        section history: clinical info
        section history: clinical data
        section history: clinical question
        section history: clinical
        section history: history of present illness
        section history: hx
        section history: cc
        section history: chief complaint
        section history: presenting complaint
        section history: referral reason
        section technique: technique
        section technique: protocol
        section technique: procedure details
        section technique: contrast
        section comparison: comparison
        section comparison: comparisons
        section comparison: comparison studies
        section comparison: prior studies
        section comparison: priors
        section findings: findings
        section findings: finding
        section findings: report
        section findings: description
        section findings: result
        section findings: results
        section findings: observations
        section findings: fndgs
        section findings: fdgs
        section findings: ct findings
        section findings: mri findings
        section findings: mr findings
        section impression: impression
        section impression: impressions
        section impression: conclusion
        section impression: conclusions
        section impression: opinion
        section impression: summary
        section impression: comment
        section impression: comments
        section impression: interpretation
        section impression: diagnosis
        section impression: assessment
        section impression: imp
        section impression: impr
        section impression: imprn
        section impression: concl
        section recommendation: recommendation
        section recommendation: recommendations
        section recommendation: advice
        section recommendation: suggestion
        section recommendation: suggestions
        section recommendation: plan
        section addendum: addendum
        section addendum: addenda
        section addendum: amendment
        section addendum: amended report
        section addendum: addendum report
        section addendum: correction

        abbreviation: dr
        abbreviation: drs
        abbreviation: mr
        abbreviation: mrs
        abbreviation: ms
        abbreviation: prof
        abbreviation: approx
        abbreviation: appx
        abbreviation: vs
        abbreviation: pt
        abbreviation: st
        abbreviation: fig
        abbreviation: no
        abbreviation: incl
        abbreviation: resp
        abbreviation: ca
        abbreviation: cf

        # ---------------------------------------------------------------- ConText modifiers
        # Negation, before the target.
        modifier negated forward: no
        modifier negated forward: not
        modifier negated forward: without
        modifier negated forward: w/o
        modifier negated forward: negative for
        modifier negated forward: free of
        modifier negated forward: absence of
        modifier negated forward: absent
        modifier negated forward: no evidence of
        modifier negated forward: no evidence for
        modifier negated forward: no sign of
        modifier negated forward: no signs of
        modifier negated forward: no definite
        modifier negated forward: no significant
        modifier negated forward: no definite evidence of
        modifier negated forward: no convincing
        modifier negated forward: no convincing evidence of
        modifier negated forward: no appreciable
        modifier negated forward: no visible
        modifier negated forward: no suspicious
        modifier negated forward: no residual
        modifier negated forward: nor
        modifier negated forward: neither
        modifier negated forward: rather than
        modifier negated forward: resolution of
        modifier negated forward: resolved
        modifier negated forward: denies
        modifier negated forward: denied
        modifier negated forward: denying
        modifier negated forward: not demonstrated
        modifier negated forward: there is no
        modifier negated forward: there are no
        modifier negated forward: unremarkable for
        modifier negated forward: no longer
        modifier negated forward: not consistent with
        modifier negated forward: not compatible with
        modifier negated forward: not in keeping with
        modifier negated forward: not suggestive of
        modifier negated forward: not suspicious for
        modifier negated forward: not typical of
        modifier negated forward: no findings suggesting
        modifier negated forward: no findings suggestive of
        modifier negated forward: no findings to suggest
        modifier negated forward: no findings of
        modifier negated forward: no features of
        modifier negated forward: no features to suggest
        modifier negated forward: no features suggestive of
        modifier negated forward: no imaging features of
        modifier negated forward: no imaging evidence of
        modifier negated forward: no radiological evidence of
        modifier negated forward: no radiologic evidence of
        modifier negated forward: nothing to suggest
        modifier negated forward: without evidence of
        modifier negated forward: without features of
        modifier negated forward: - ve for
        modifier negated forward: no further
        modifier negated forward: no further episodes of
        modifier negated forward: never had
        modifier negated forward: no history of
        modifier negated forward: no known
        modifier negated forward: no prior
        modifier negated forward: no previous
        # Negation, after the target.
        modifier negated backward: is not seen
        modifier negated backward: are not seen
        modifier negated backward: not seen
        modifier negated backward: not identified
        modifier negated backward: not visualized
        modifier negated backward: not visualised
        modifier negated backward: not visible
        modifier negated backward: not evident
        modifier negated backward: not appreciated
        modifier negated backward: not detected
        modifier negated backward: not demonstrated
        modifier negated backward: not present
        modifier negated backward: not noted
        modifier negated backward: not observed
        modifier negated backward: not apparent
        modifier negated backward: not found
        modifier negated backward: is absent
        modifier negated backward: are absent
        modifier negated backward: absent
        modifier negated backward: negative
        modifier negated backward: none
        modifier negated backward: none seen
        modifier negated backward: none identified
        modifier negated backward: has resolved
        modifier negated backward: have resolved
        modifier negated backward: resolved
        modifier negated backward: has since resolved
        modifier negated backward: not required
        modifier negated backward: is not required
        modifier negated backward: not needed
        modifier negated backward: is not needed
        modifier negated backward: not necessary
        modifier negated backward: is not necessary
        modifier negated backward: not indicated
        modifier negated backward: is not indicated
        modifier negated backward: not warranted
        modifier negated backward: is not warranted
        modifier negated backward: which has resolved
        modifier negated backward: which has now resolved
        modifier negated backward: which resolved
        modifier negated backward: that has resolved
        modifier negated backward: now resolved
        # A symptom or finding that has settled is resolved.
        modifier negated backward: now settled
        modifier negated backward: has settled
        modifier negated backward: have settled
        modifier negated backward: has since settled
        modifier negated backward: since settled
        modifier negated backward: settled
        modifier negated backward: has abated
        modifier negated backward: now abated
        modifier negated backward: has subsided
        modifier negated backward: now subsided
        modifier negated backward: which has settled
        modifier negated backward: which have settled
        modifier negated backward: which has since settled
        modifier negated backward: which have since settled
        modifier negated backward: that has settled
        modifier negated backward: which has now settled
        modifier negated backward: which have now settled
        modifier negated backward: which has subsided
        modifier negated backward: which have subsided
        modifier negated backward: have subsided
        modifier negated backward: has now resolved
        modifier negated backward: no longer seen
        modifier negated backward: no longer visible
        modifier negated backward: no longer present
        modifier negated backward: no longer identified
        modifier negated backward: no longer evident
        modifier negated backward: no longer demonstrated
        modifier negated backward: is no longer
        modifier negated backward: are no longer
        modifier negated backward: ruled out
        modifier negated backward: excluded
        modifier negated backward: was excluded
        modifier negated backward: has been excluded
        modifier negated backward: now recanalised
        modifier negated backward: now recanalized
        modifier negated backward: recanalised
        modifier negated backward: recanalized
        modifier negated backward: is not present
        # "New dural enhancement was not present." (a comparison with a prior says "on the prior").
        modifier negated backward: was not present
        modifier negated backward: were not present
        modifier negated backward: was not seen
        modifier negated backward: were not seen
        modifier negated backward: unlikely
        modifier negated backward: is unlikely
        modifier negated backward: not confirmed
        modifier negated backward: is not confirmed
        modifier negated backward: was not confirmed
        modifier negated backward: could not be confirmed
        modifier negated backward: not substantiated
        modifier negated backward: not corroborated
        modifier negated backward: retracted
        modifier negated backward: is retracted
        modifier negated backward: has been retracted
        modifier negated backward: is withdrawn
        modifier negated backward: was spurious
        modifier negated backward: was artefactual
        modifier negated backward: was artifactual
        # Uncertainty.
        modifier uncertain forward: possible
        modifier uncertain forward: possibly
        modifier uncertain forward: questionable
        modifier uncertain forward: question of
        modifier uncertain forward: query
        modifier uncertain forward: may represent
        modifier uncertain forward: could represent
        modifier uncertain forward: might represent
        modifier uncertain forward: may reflect
        modifier uncertain forward: could reflect
        modifier uncertain forward: may be
        modifier uncertain forward: could be
        modifier uncertain forward: might be
        modifier uncertain forward: may indicate
        modifier uncertain forward: might indicate
        modifier uncertain forward: could indicate
        modifier uncertain forward: might reflect
        modifier uncertain forward: may suggest
        modifier uncertain forward: might suggest
        modifier uncertain forward: could suggest
        modifier uncertain forward: cannot be distinguished from
        modifier uncertain forward: can not be distinguished from
        modifier uncertain forward: indistinguishable from
        modifier uncertain forward: cannot be differentiated from
        modifier uncertain forward: suspicious for
        modifier uncertain forward: suspicion of
        modifier uncertain forward: suspicion for
        modifier uncertain forward: suspected
        modifier uncertain forward: concerning for
        modifier uncertain forward: concern for
        modifier uncertain forward: worrisome for
        modifier uncertain forward: raising the possibility of
        modifier uncertain forward: raises the possibility of
        modifier uncertain forward: the possibility of
        modifier uncertain forward: differential includes
        modifier uncertain forward: differential diagnosis includes
        modifier uncertain forward: differential diagnosis
        modifier uncertain forward: differential considerations include
        modifier uncertain forward: differential
        modifier uncertain forward: equivocal
        modifier uncertain forward: indeterminate
        modifier uncertain forward: suggestive of
        modifier uncertain forward: suggesting
        modifier uncertain forward: cannot exclude
        modifier uncertain forward: can not exclude
        modifier uncertain forward: cannot rule out
        modifier uncertain forward: not excluded
        modifier uncertain forward: uncertain
        modifier uncertain forward: probable versus
        modifier uncertain forward: subtle possible
        modifier uncertain backward: cannot be excluded
        modifier uncertain backward: can not be excluded
        modifier uncertain backward: cannot be ruled out
        modifier uncertain backward: can not be ruled out
        modifier uncertain backward: not excluded
        modifier uncertain backward: is not excluded
        modifier uncertain backward: not entirely excluded
        modifier uncertain backward: cannot be entirely excluded
        modifier uncertain backward: cannot be completely excluded
        modifier uncertain backward: is possible
        modifier uncertain backward: is questioned
        modifier uncertain backward: are possible
        modifier uncertain backward: is suspected
        modifier uncertain backward: is not entirely excluded
        modifier uncertain backward: should be considered
        modifier uncertain backward: is a consideration
        # "calcification or artefact": an imaging artefact offered as the other reading hedges the finding.
        modifier uncertain backward: or artefact
        modifier uncertain backward: or artifact
        modifier uncertain backward: or artefactual
        modifier uncertain backward: or partial volume
        modifier uncertain backward: or partial voluming
        modifier uncertain backward: or partial volume averaging
        modifier uncertain backward: or volume averaging
        modifier uncertain backward: or beam hardening
        modifier uncertain backward: or streak artefact
        modifier uncertain forward: artefact or
        modifier uncertain forward: artifact or
        modifier uncertain forward: partial volume or
        modifier uncertain forward: partial voluming or
        modifier uncertain both: versus
        modifier uncertain both: vs
        # Pseudo cues: they look like cues but are not; the longest match masks the shorter cue inside.
        modifier pseudo forward: not only
        modifier pseudo forward: no change in
        modifier pseudo forward: no increase
        modifier pseudo forward: not necessarily
        modifier pseudo forward: without difficulty
        modifier pseudo forward: no other
        modifier pseudo forward: not possible
        modifier pseudo forward: gram negative
        modifier pseudo forward: not been
        modifier pseudo forward: or without
        modifier pseudo forward: with or without
        modifier pseudo forward: with and without
        modifier pseudo forward: without contrast
        modifier pseudo forward: without iv contrast
        modifier pseudo forward: without intravenous contrast
        modifier pseudo forward: non - contrast
        modifier pseudo forward: not enhanced
        # "No new X" says nothing about X.
        modifier ignored forward: no new
        modifier ignored forward: no new or
        modifier ignored forward: no newly
        modifier ignored forward 2: normal
        # Atrophy of a nerve, muscle or gland is not brain atrophy ("optic nerve atrophy", "parotid atrophy").
        modifier ignored forward 1: nerve
        modifier ignored forward 1: nerves
        modifier ignored forward 1: optic
        modifier ignored forward 1: muscle
        modifier ignored forward 1: muscles
        modifier ignored forward 1: muscular
        modifier ignored forward 1: gland
        modifier ignored forward 1: glands
        modifier ignored forward 1: parotid
        modifier ignored forward 1: lacrimal
        modifier ignored forward 1: thyroid
        modifier ignored forward 1: submandibular
        modifier ignored forward 1: renal
        modifier ignored forward 1: kidney
        modifier ignored forward 1: testicular
        modifier ignored forward 1: masseter
        modifier ignored forward 1: temporalis
        modifier ignored forward 1: pterygoid
        modifier ignored forward 1: rectus
        modifier ignored forward 1: denervation
        modifier ignored forward 1: fatty
        modifier ignored forward 1: skin
        modifier ignored forward 1: cutaneous
        modifier ignored forward 1: tongue
        modifier ignored backward 1: of the optic nerve
        modifier ignored backward 1: of the optic nerves
        modifier ignored backward 1: of the left optic nerve
        modifier ignored backward 1: of the right optic nerve
        modifier ignored backward 1: of the muscle
        modifier ignored backward 1: of the muscles
        modifier ignored backward 1: of the gland
        modifier ignored backward 1: of the glands
        modifier ignored backward 1: of the parotid
        modifier ignored backward 1: of the parotid glands
        modifier ignored backward 1: of the thyroid
        modifier ignored backward 1: of the tongue
        modifier ignored backward 1: of the left lateral rectus
        modifier ignored backward 1: of the right lateral rectus
        modifier ignored backward 1: of the extraocular muscles
        # Hypothetical: the purpose of a test, a condition, a question.
        modifier hypothetical forward: if
        modifier hypothetical forward: should there be
        modifier hypothetical forward: in case of
        modifier hypothetical forward: to exclude
        modifier hypothetical forward: to rule out
        modifier hypothetical forward: rule out
        modifier hypothetical forward: r/o
        modifier hypothetical forward: evaluate for
        modifier hypothetical forward: evaluation for
        modifier hypothetical forward: evaluation of possible
        modifier hypothetical forward: to evaluate for
        modifier hypothetical forward: to assess for
        modifier hypothetical forward: assess for
        modifier hypothetical forward: assessment for
        modifier hypothetical forward: to look for
        modifier hypothetical forward: look for
        modifier hypothetical forward: screen for
        modifier hypothetical forward: screening for
        modifier hypothetical forward: to check for
        modifier hypothetical forward: check for
        modifier hypothetical forward: to investigate
        modifier hypothetical forward: investigate for
        modifier hypothetical forward: for exclusion of
        modifier hypothetical forward: exclude
        modifier hypothetical forward: excluding
        modifier hypothetical forward: in order to
        modifier hypothetical forward: to further evaluate
        modifier hypothetical forward: to characterize
        modifier hypothetical forward: to characterise
        modifier hypothetical forward: to confirm
        modifier hypothetical forward: to establish
        modifier hypothetical forward: to document
        modifier hypothetical forward: whether
        modifier hypothetical forward: unless
        modifier hypothetical forward: in the event of
        modifier hypothetical forward: to be excluded
        modifier hypothetical forward: risk of
        modifier hypothetical forward: at risk for
        # A question put to the clinician ("correlate with any history of CSF leak") asserts nothing.
        modifier hypothetical forward: correlate with any
        modifier hypothetical forward: correlation with any
        modifier hypothetical forward: any history of
        modifier hypothetical forward: any prior history of
        modifier hypothetical forward: enquire about
        modifier hypothetical forward: ask about
        # Statements about a finding in general, not about this patient ("dural calcification is common in
        # older adults", "is associated with"): both sides are generic. "May be seen in" is left out: with
        # "these appearances" as its subject it hedges this patient's finding.
        modifier hypothetical both: is common in
        modifier hypothetical both: are common in
        modifier hypothetical both: is common with
        modifier hypothetical both: is a common finding
        modifier hypothetical both: is commonly seen
        modifier hypothetical both: are commonly seen
        modifier hypothetical both: is frequently seen
        modifier hypothetical both: are frequently seen
        modifier hypothetical both: is described in
        modifier hypothetical both: are described in
        modifier hypothetical both: has been described
        modifier hypothetical both: have been described
        modifier hypothetical both: is associated with
        modifier hypothetical both: are associated with
        modifier hypothetical both: has been associated with
        modifier hypothetical both: have been associated with
        modifier hypothetical both: is typically seen
        modifier hypothetical both: are typically seen
        modifier hypothetical both: is a recognised cause
        modifier hypothetical both: is a recognized cause
        modifier hypothetical both: is a known cause
        modifier hypothetical both: is a feature of
        modifier hypothetical both: are a feature of
        modifier hypothetical both: is a hallmark of
        modifier hypothetical both: in the general population
        modifier hypothetical both: in older adults
        modifier hypothetical both: in the elderly
        modifier hypothetical both: with advancing age
        # Historical.
        modifier historical forward 6: history of
        modifier historical forward 6: h/o
        modifier historical forward 6: hx of
        modifier historical forward 6: past medical history of
        modifier historical forward 6: previous
        modifier historical forward 6: prior
        modifier historical forward 6: s/p
        modifier historical forward 6: status post
        modifier historical forward 6: remote
        modifier historical forward 6: old
        # Family.
        modifier family forward: family history
        modifier family forward: family history of
        modifier family forward: fhx
        modifier family forward: fh
        modifier family forward: family hx
        modifier family forward: mother
        modifier family forward: father
        modifier family forward: sister
        modifier family forward: brother
        modifier family forward: sibling
        modifier family forward: siblings
        modifier family forward: parent
        modifier family forward: grandmother
        modifier family forward: grandfather
        modifier family forward: aunt
        modifier family forward: uncle
        modifier family forward: son
        modifier family forward: daughter
        modifier family forward: maternal
        modifier family forward: paternal
        modifier family forward: relative
        modifier family forward: relatives
        # Temporality.
        modifier new both 12: new
        modifier new both 12: newly
        modifier new both 12: new since
        modifier new both 12: interval development of
        modifier new both 12: interval development
        modifier new both 12: interval appearance of
        modifier new both 12: interval appearance
        modifier new both 12: has developed
        modifier new both 12: have developed
        modifier new both 12: developed since
        modifier new both 12: not seen on prior
        modifier new both 12: not seen on the prior
        modifier new both 12: not seen on the previous
        modifier new both 12: not present on prior
        modifier new both 12: not present on the prior
        modifier new both 12: not present on the previous
        modifier new both 12: not visible on the prior
        modifier new both 12: not visible on prior
        modifier new both 12: not evident on the prior
        modifier new both 12: not previously seen
        modifier new both 12: not previously identified
        modifier new both 12: not previously noted
        modifier new both 12: not previously present
        modifier new both 12: not previously visible
        modifier new both 12: absent on prior
        modifier new both 12: absent on the prior
        modifier new both 12: was not present on
        modifier new both 12: were not present on
        modifier new both 12: was not present previously
        modifier new both 12: were not present previously
        modifier new both 12: was not present before
        modifier new both 12: which was not present
        modifier new both 12: which were not present
        modifier new both 12: not present previously
        modifier new both 12: not seen previously
        modifier new both 12: de novo
        modifier progressive both 12: increased
        modifier progressive both 12: increasing
        modifier progressive both 12: increase in
        modifier progressive both 12: interval increase
        modifier progressive both 12: interval increase in
        modifier progressive both 12: progressive
        modifier progressive both 12: progression
        modifier progressive both 12: progression of
        modifier progressive both 12: progressed
        modifier progressive both 12: more extensive
        modifier progressive both 12: more prominent
        modifier progressive both 12: more conspicuous
        modifier progressive both 12: more pronounced
        modifier progressive both 12: more dense
        modifier progressive both 12: denser
        modifier progressive both 12: larger
        modifier progressive both 12: enlarging
        modifier progressive both 12: enlarged since
        modifier progressive both 12: extended
        modifier progressive both 12: has grown
        modifier progressive both 12: grown
        modifier progressive both 12: worsened
        modifier progressive both 12: worsening
        modifier progressive both 12: thicker
        modifier stable both 12: stable
        modifier stable both 12: stably
        modifier stable both 12: unchanged
        modifier stable both 12: unaltered
        modifier stable both 12: no interval change
        modifier stable both 12: no interval change in
        modifier stable both 12: no interval change in the
        modifier stable both 12: no significant interval change
        modifier stable both 12: no significant change
        modifier stable both 12: no change
        modifier stable both 12: no change in configuration of
        modifier stable both 12: no appreciable change
        modifier stable both 12: without interval change
        modifier stable both 12: without change
        modifier stable both 12: no increase in
        modifier stable both 12: not increased
        modifier stable both 12: again seen
        modifier stable both 12: again noted
        modifier stable both 12: again demonstrated
        modifier stable both 12: again identified
        modifier stable both 12: again visualized
        modifier stable both 12: redemonstrated
        modifier stable both 12: re - demonstrated
        modifier stable both 12: redemonstration of
        modifier stable both 12: re - demonstration of
        modifier stable both 12: previously described
        modifier stable both 12: previously noted
        modifier stable both 12: previously seen
        modifier stable both 12: previously demonstrated
        modifier stable both 12: previously reported
        modifier stable both 12: previously identified
        modifier stable both 12: persistent
        modifier stable both 12: persists
        modifier stable both 12: persisting
        modifier stable both 12: similar to prior
        modifier stable both 12: similar to the prior
        modifier stable both 12: similar in appearance
        modifier stable both 12: as before
        modifier stable both 12: as previously
        modifier stable both 12: grossly unchanged
        modifier stable both 12: essentially unchanged
        modifier stable both 12: remains
        modifier stable both 12: remain
        modifier stable both 12: is again
        modifier stable both 12: are again
        # Terminators: a cue's scope ends here. Window 1 marks a terminator of assertion scopes only: it
        # does not cut a proximity rule ("falx: there is calcification").
        modifier terminator both: but
        modifier terminator both: however
        modifier terminator both: although
        modifier terminator both: though
        modifier terminator both: except
        modifier terminator both: except for
        modifier terminator both: apart from
        modifier terminator both: aside from
        modifier terminator both: other than
        modifier terminator both: besides
        modifier terminator both: whereas
        modifier terminator both: while
        modifier terminator both: yet
        modifier terminator both 1: which
        modifier terminator both 1: which is
        modifier terminator both 1: which are
        modifier terminator both 1: there is
        modifier terminator both 1: there are
        modifier terminator both 1: there has been
        modifier terminator both: with the exception of
        modifier terminator both: who
        modifier terminator both: presents
        modifier terminator both: presented
        modifier terminator both: presenting
        modifier terminator both 1: positive for
        modifier terminator both: notable for
        modifier terminator both 1: consistent with
        modifier terminator both 1: compatible with
        modifier terminator both 1: in keeping with
        modifier terminator both 1: likely
        modifier terminator both 1: probably
        modifier terminator both 1: most likely
        modifier terminator both 1: secondary to
        modifier terminator both 1: due to
        modifier terminator both 1: related to
        modifier terminator both 1: presumably
        modifier terminator both 1: represents
        modifier terminator both 1: representing
        modifier terminator both 1: as well as
        modifier terminator both 1: noted
        modifier terminator both 1: is noted
        modifier terminator both 1: are noted
        modifier terminator both 1: is seen
        modifier terminator both 1: are seen
        modifier terminator both 1: is present
        modifier terminator both 1: are present
        modifier terminator both 1: is identified
        modifier terminator both 1: are identified
        modifier terminator both 1: demonstrates
        modifier terminator both 1: shows
        modifier terminator both 1: reveals
        # Words of cause: a hedge in front of them hedges the cause, not the lesion after them.
        modifier cause forward: ischemic
        modifier cause forward: ischaemic
        modifier cause forward: demyelinating
        modifier cause forward: inflammatory
        modifier cause forward: infectious
        modifier cause forward: degenerative
        modifier cause forward: post - traumatic
        modifier cause forward: posttraumatic
        modifier cause forward: microvascular
        modifier cause forward: hypertensive
        modifier cause forward: age - related
        modifier cause forward: dystrophic
        modifier cause forward: metastatic
        modifier cause forward: gliotic
        modifier cause forward: vasculitic
        modifier cause forward: reactive
        modifier cause forward: postoperative
        modifier cause forward: post - operative

        # ---------------------------------------------------------------- dural calcification
        # A calcification word (class calc) near a dural site (class site) in one clause, unless a blocker
        # (another structure or lesion) is what the calcification belongs to.
        near dural_calcification: calc site 6 block blocker
        class calc: calcif*
        class calc: calcification
        class calc: calcifications
        class calc: calcified
        class calc: calcific
        class calc: calcifying
        class calc: calcf*
        class calc: clacif*
        class calc: calsif*
        class calc: ossif*
        class calc: ossification
        class calc: ossified
        class calc: osseous metaplasia
        class calc: calcium
        class calc: calcareous
        class calc: calcinosis
        class calc: calc
        class calc: calcs
        class calc: dc
        class calc: plaque
        class calc: plaques
        class site falx: falx
        class site falx: falces
        class site falx: falcine
        class site falx: falcial
        class site falx: falcian
        class site falx: falx cerebri
        class site falx: cerebral falx
        class site falx: interhemispheric falx
        class site falx: interhemispheric fissure
        class site falx: falcine leaflets
        class site falx: falcine leaflet
        class site falx+tentorium: falcotentorial
        class site falx+tentorium: falco - tentorial
        class site falx+tentorium: falcine - tentorial
        class site tentorium: tentorium
        class site tentorium: tentorial
        class site tentorium: tentoria
        class site tentorium: tentori*
        class site tentorium: tentorium cerebelli
        class site tentorium: tent
        class site tentorium: tentorial leaflet
        class site tentorium: tentorial leaflets
        class site tentorium: tentorial margin
        class site tentorium: tentorial incisura
        class site convexity: convexity
        class site convexity: convexities
        class site convexity: convexity dura
        class site convexity: vertex dura
        class site petroclinoid: petroclinoid
        class site petroclinoid: petro - clinoid
        class site petroclinoid: petroclinoid ligament
        class site petroclinoid: petroclinoid ligaments
        class site petroclinoid: interclinoid
        class site petroclinoid: inter - clinoid
        class site petroclinoid: interclinoid ligament
        class site petroclinoid: interclinoid ligaments
        class site petroclinoid: clinoid ligament
        class site petroclinoid: clinoid ligaments
        class site petroclinoid: diaphragma sellae
        class site other: transverse sinus
        class site other: transverse sinuses
        class site other: sigmoid sinus
        class site other: sagittal sinus
        class site other: superior sagittal sinus
        class site other: straight sinus
        class site other: torcula
        class site other: torcular
        class site other: torcular herophili
        class site: dura
        class site: dural
        class site: dura mater
        class site: pachymeninges
        class site: pachymeningeal
        class site: meninges
        class site: meningeal
        class site: dural leaflets
        class site: dural reflections
        class site: dural folds
        target dural_calcification petroclinoid: interclinoid bridging
        target dural_calcification petroclinoid: bridging of the interclinoid ligaments
        target dural_calcification petroclinoid: bridging interclinoid ligament
        # Blockers: the calcification belongs to something else.
        class blocker: meningioma
        class blocker: meningiomas
        class blocker: meningiomata
        class blocker: mass
        class blocker: masses
        class blocker: tumor
        class blocker: tumour
        class blocker: neoplasm
        class blocker: lesion
        class blocker: lesions
        class blocker: nodule
        class blocker: nodules
        class blocker: granuloma
        class blocker: granulomas
        class blocker: granulomata
        class blocker: cyst
        class blocker: lipoma
        class blocker: dermoid
        class blocker: metastasis
        class blocker: metastases
        class blocker: oligodendroglioma
        class blocker: craniopharyngioma
        class blocker: tuberculoma
        class blocker: cysticercosis
        class blocker: neurocysticercosis
        class blocker: hematoma
        class blocker: haematoma
        class blocker: hematomas
        class blocker: haematomas
        class blocker: subdural
        class blocker: subdurals
        class blocker: epidural
        class blocker: extradural
        class blocker: hemorrhage
        class blocker: haemorrhage
        class blocker: blood
        class blocker: sah
        class blocker: sdh
        class blocker: herniation
        class blocker: subfalcine
        class blocker: parafalcine
        class blocker: pineal
        class blocker: pineal gland
        class blocker: habenula
        class blocker: habenular
        class blocker: habenular commissure
        class blocker: choroid
        class blocker: choroid plexus
        class blocker: choroid plexuses
        class blocker: choroid plexi
        class blocker: glomus
        class blocker: basal ganglia
        class blocker: basal ganglion
        class blocker: globus pallidus
        class blocker: globi pallidi
        class blocker: dentate
        class blocker: dentate nuclei
        class blocker: dentate nucleus
        class blocker: lentiform
        class blocker: caudate
        class blocker: thalamus
        class blocker: thalami
        class blocker: vascular
        class blocker: atherosclerotic
        class blocker: atheromatous
        class blocker: arterial
        class blocker: artery
        class blocker: arteries
        class blocker: carotid
        class blocker: carotids
        class blocker: carotid siphon
        class blocker: carotid siphons
        class blocker: siphon
        class blocker: siphons
        class blocker: vertebral
        class blocker: vertebrobasilar
        class blocker: basilar
        class blocker: aneurysm
        class blocker: thrombus
        class blocker: clot
        class blocker: sclera
        class blocker: scleral
        class blocker: lens
        class blocker: hyperostosis
        class blocker: frontalis interna
        class blocker: embolic
        class blocker: onyx
        class blocker: cast
        class blocker: coil
        class blocker: coils
        class blocker: periventricular
        class blocker: gyriform
        class blocker: cortical
        class blocker: ependymal
        class blocker: extra - axial
        class blocker: extraaxial
        class blocker: dural venous sinus
        class blocker: dural venous sinuses
        class blocker: dural sinus
        class blocker: dural sinuses
        class blocker: dural venous
        class blocker: arachnoid granulation
        class blocker: arachnoid granulations
        class blocker: skull
        class blocker: calvarium
        class blocker: calvarial
        class blocker: bone
        class blocker: osseous
        class blocker: falx meningioma

        # ---------------------------------------------------------------- associated findings
        near white_matter_lesions: wmlesion wmsite 6 block wmblock
        class wmlesion: hypodensity
        class wmlesion: hypodensities
        class wmlesion: hypoattenuation
        class wmlesion: hypoattenuating
        class wmlesion: low attenuation
        class wmlesion: low density
        class wmlesion: low - density
        class wmlesion: hyperintensity
        class wmlesion: hyperintensities
        class wmlesion: hyperintense
        class wmlesion: signal abnormality
        class wmlesion: signal abnormalities
        class wmlesion: signal change
        class wmlesion: signal changes
        class wmlesion: high signal
        class wmlesion: t2 hyperintensity
        class wmlesion: flair hyperintensity
        class wmlesion: lesion
        class wmlesion: lesions
        class wmlesion: change
        class wmlesion: changes
        class wmlesion: disease
        class wmlesion: foci
        class wmlesion: focus
        class wmlesion: abnormality
        class wmlesion: abnormalities
        class wmlesion: ischemia
        class wmlesion: ischaemia
        class wmlesion: ischemic change
        class wmlesion: ischaemic change
        class wmlesion: ischemic changes
        class wmlesion: ischaemic changes
        class wmlesion: gliosis
        class wmlesion: plaques
        class wmlesion: demyelination
        class wmlesion: rarefaction
        class wmlesion: lucency
        class wmlesion: lucencies
        class wmsite: white matter
        class wmsite: white - matter
        class wmsite: periventricular
        class wmsite: subcortical white matter
        class wmsite: deep white matter
        class wmsite: periventricular white matter
        class wmsite: supratentorial white matter
        class wmsite: cerebral white matter
        class wmsite: centrum semiovale
        class wmsite: centra semiovale
        class wmsite: corona radiata
        class wmblock: gray - white
        class wmblock: grey - white
        class wmblock: gray white
        class wmblock: grey white
        class wmblock: gray - white matter
        class wmblock: grey - white matter
        class wmblock: differentiation
        class wmblock: normal
        target white_matter_lesions: small vessel ischemic change
        target white_matter_lesions: small vessel ischemic changes
        target white_matter_lesions: small vessel ischaemic change
        target white_matter_lesions: small vessel ischaemic changes
        target white_matter_lesions: small vessel ischemic disease
        target white_matter_lesions: small vessel ischaemic disease
        target white_matter_lesions: small vessel disease
        target white_matter_lesions: small - vessel ischemic change
        target white_matter_lesions: small - vessel ischemic changes
        target white_matter_lesions: small - vessel ischaemic change
        target white_matter_lesions: small - vessel ischaemic changes
        target white_matter_lesions: small - vessel disease
        target white_matter_lesions: small vessel change
        target white_matter_lesions: small vessel changes
        target white_matter_lesions: microvascular ischemic change
        target white_matter_lesions: microvascular ischemic changes
        target white_matter_lesions: microvascular ischaemic change
        target white_matter_lesions: microvascular ischaemic changes
        target white_matter_lesions: microvascular ischemic disease
        target white_matter_lesions: microvascular ischaemic disease
        target white_matter_lesions: microvascular change
        target white_matter_lesions: microvascular changes
        target white_matter_lesions: microvascular disease
        target white_matter_lesions: microangiopathic change
        target white_matter_lesions: microangiopathic changes
        target white_matter_lesions: microangiopathy
        target white_matter_lesions: leukoaraiosis
        target white_matter_lesions: leukoaraiosis
        target white_matter_lesions: leucoaraiosis
        target white_matter_lesions: leukoencephalopathy
        target white_matter_lesions: leucoencephalopathy
        target white_matter_lesions: demyelinating plaque
        target white_matter_lesions: demyelinating plaques
        target white_matter_lesions: demyelinating lesion
        target white_matter_lesions: demyelinating lesions
        target white_matter_lesions: wml
        target white_matter_lesions: wmls
        target white_matter_lesions: wmh
        target white_matter_lesions: wmhs
        target white_matter_lesions: svd
        target white_matter_lesions: fazekas
        target white_matter_lesions: periventricular hypodensity
        target white_matter_lesions: periventricular hypodensities
        target white_matter_lesions: periventricular lucency
        target white_matter_lesions: periventricular lucencies

        target atrophy: atrophy
        target atrophy: atrophic
        target atrophy: atrophic change
        target atrophy: atrophic changes
        target atrophy: volume loss
        target atrophy: parenchymal volume loss
        target atrophy: cerebral volume loss
        target atrophy: brain volume loss
        target atrophy: loss of volume
        target atrophy: loss of parenchymal volume
        target atrophy: involutional change
        target atrophy: involutional changes
        target atrophy: involutional
        target atrophy: prominence of the sulci
        target atrophy: prominent sulci
        target atrophy: sulcal prominence
        target atrophy: sulcal widening
        target atrophy: widened sulci
        target atrophy: ex vacuo
        target atrophy: ex - vacuo
        target atrophy: vol loss
        target atrophy: volume loss
        near atrophy: atrophyword csfspace 4 block atrophyblock
        class atrophyword: prominent
        class atrophyword: prominence
        class atrophyword: widened
        class atrophyword: widening
        class atrophyword: enlarged
        class atrophyword: enlargement
        class atrophyword: dilated
        class atrophyword: dilatation
        class csfspace: sulci
        class csfspace: sulcal
        class csfspace: cortical sulci
        class csfspace: sulcal spaces
        class csfspace: csf spaces
        class csfspace: extra - axial csf spaces
        class csfspace: sylvian fissures
        class csfspace: sylvian fissure
        class csfspace: cerebellar folia
        class atrophyblock: normal
        class atrophyblock: effaced
        class atrophyblock: effacement
        class atrophyblock: within normal limits

        near dural_thickening: thick site 4 block dblock
        class thick: thickening
        class thick: thickened
        class thick: thick
        near dural_enhancement: enh site 4 block dblock
        class enh: enhancement
        class enh: enhancing
        class enh: enhances
        class enh: enhance
        class enh: enhanced
        class dblock: leptomeningeal
        class dblock: leptomeninges
        class dblock: dural venous sinus
        class dblock: dural venous sinuses
        class dblock: dural sinus
        class dblock: dural sinuses
        class dblock: dural venous
        class dblock: venous sinus
        class dblock: venous sinuses
        class dblock: mucosal
        class dblock: mucosa
        class dblock: meningioma
        class dblock: mass
        class dblock: lesion
        class dblock: nodular
        class dblock: tail
        class dblock: calvarial
        class dblock: skull
        class dblock: bone
        class dblock: subdural
        class dblock: parenchymal
        class dblock: sinus
        class dblock: sinuses
        class dblock: calcif*
        class dblock: calcification
        class dblock: calcifications
        class dblock: calcified
        class dblock: calcific
        class dblock: ossification
        class dblock: plaque
        class dblock: plaques
        target dural_thickening: pachymeningitis
        target dural_enhancement: pachymeningitis
        target dural_enhancement negonly: abnormal enhancement
        target dural_enhancement negonly: abnormal intracranial enhancement
        target dural_enhancement negonly: abnormal contrast enhancement
        target dural_enhancement negonly: pathological enhancement
        target dural_enhancement negonly: pathologic enhancement
        target dural_enhancement negonly: abnormal meningeal enhancement
        target dural_enhancement negonly: abnormal enhancing
        target dural_enhancement negonly: abnormal post - contrast enhancement
        target dural_enhancement negonly: abnormal postcontrast enhancement

        near venous_sinus_thrombosis: thromb sinus 4
        # "the sinus is now recanalised": a resolved thrombosis (the anchor's attribute negates it).
        near venous_sinus_thrombosis: recanal sinus 4
        class recanal negated: recanalised
        class recanal negated: recanalized
        class recanal negated: recanalisation
        class recanal negated: recanalization
        near cortical_vein_thrombosis: thromb cortvein 4
        class thromb: thrombosis
        class thromb: thromboses
        class thromb: thrombosed
        class thromb: thrombus
        class thromb: thrombi
        class thromb: thrombotic
        class thromb: clot
        class thromb: occlusion
        class thromb: occluded
        class thromb: occlusive
        class thromb: filling defect
        class thromb: filling defects
        class thromb: non - opacification
        class thromb: nonopacification
        class thromb: lack of opacification
        class thromb: loss of flow void
        class thromb: lack of flow
        class sinus: sinus
        class sinus: sinuses
        class sinus: venous sinus
        class sinus: venous sinuses
        class sinus: dural sinus
        class sinus: dural sinuses
        class sinus: dural venous sinus
        class sinus: dural venous sinuses
        class sinus: transverse
        class sinus: sigmoid
        class sinus: sagittal
        class sinus: transverse sinus
        class sinus: sigmoid sinus
        class sinus: sagittal sinus
        class sinus: superior sagittal sinus
        class sinus: straight sinus
        class sinus: torcula
        class sinus: torcular
        class sinus: jugular bulb
        class sinus: internal cerebral vein
        class sinus: internal cerebral veins
        class sinus: vein of galen
        class sinus: deep venous system
        class sinus: deep cerebral veins
        class sinus: sss
        class sinus: cerebral venous
        class cortvein: cortical vein
        class cortvein: cortical veins
        class cortvein: cortical venous
        class cortvein: superficial cortical vein
        class cortvein: vein of labbe
        class cortvein: vein of labbé
        class cortvein: labbe
        class cortvein: labbé
        class cortvein: vein of trolard
        class cortvein: trolard
        class cortvein: bridging vein
        class cortvein: bridging veins
        class cortvein: cortical draining vein
        target venous_sinus_thrombosis: cvst
        target venous_sinus_thrombosis: cvt
        target venous_sinus_thrombosis: dvst
        target venous_sinus_thrombosis: csvt
                        target venous_sinus_thrombosis: cerebral venous thrombosis
        target venous_sinus_thrombosis: cerebral venous sinus thrombosis
        target venous_sinus_thrombosis: venous sinus thrombosis
        target venous_sinus_thrombosis: sinus thrombosis
        target venous_sinus_thrombosis: sinovenous thrombosis
        target venous_sinus_thrombosis: dural sinus thrombosis
        target venous_sinus_thrombosis: dural venous sinus thrombosis
        target cortical_vein_thrombosis: cortical vein thrombosis
        target cortical_vein_thrombosis: cortical venous thrombosis
        target cortical_vein_thrombosis: icvt

        near venous_abnormality_other: venabn vein 4 block venblock
        class venabn: engorged
        class venabn: engorgement
        class venabn: dilated
        class venabn: dilatation
        class venabn: dilation
        class venabn: distended
        class venabn: distension
        class venabn: distention
        class venabn: prominent
        class venabn: prominence
        class venabn: enlarged
        class venabn: tortuous
        class venabn: ectatic
        class venabn: ectasia
        class venabn: varix
        class venabn: varices
        class venabn: stenosis
        class venabn: stenoses
        class venabn: stenotic
        class venabn: narrowing
        class venabn: narrowed
        class venabn: congestion
        class venabn: congested
        class venabn: hypertension
        class venabn: reflux
        class venabn: arterialized
        class venabn: arterialised
        class venabn: arterialization
        class venabn: arterialisation
        class venabn: early filling
        class venabn: early opacification
        class venabn: early drainage
        class venabn: retrograde
        class venabn: convex
        class vein: vein
        class vein: veins
        class vein: venous
        class vein: cortical vein
        class vein: cortical veins
        class vein: cortical venous
        class vein: medullary veins
        class vein: emissary vein
        class vein: emissary veins
        class vein: venous sinus
        class vein: venous sinuses
        class vein: dural venous sinuses
        class vein: dural venous sinus
        class vein: dural sinuses
        class vein: sinus
        class vein: sinuses
        class vein: transverse sinus
        class vein: transverse sinuses
        class vein: sigmoid sinus
        class vein: superior sagittal sinus
        class vein: sagittal sinus
        class vein: straight sinus
        class vein: transverse
        class vein: sigmoid
        class vein: jugular
        class venblock: frontal sinus
        class venblock: frontal sinuses
        class venblock: maxillary sinus
        class venblock: maxillary sinuses
        class venblock: sphenoid sinus
        class venblock: sphenoid sinuses
        class venblock: ethmoid sinus
        class venblock: ethmoid sinuses
        class venblock: paranasal sinus
        class venblock: paranasal sinuses
        class venblock: sinus disease
        class venblock: mastoid
        class venblock: mastoids
        class venblock: hypoplastic
        class venblock: hypoplasia
        class venblock: dominant
        class venblock: arterial
        class venblock: artery
        class venblock: arteries
        class venblock: thrombosis
        class venblock: thrombus
        class venblock: thrombosed
        class venblock: normal
        class venblock: ventricle
        class venblock: ventricles
        class venblock: ventricular
        class venblock: sulci
        class venblock: hemorrhage
        class venblock: haemorrhage
        target venous_abnormality_other: cortical venous reflux
        target venous_abnormality_other: cortical venous drainage
        target venous_abnormality_other: retrograde cortical venous drainage
        target venous_abnormality_other: venous congestion
        target venous_abnormality_other: venous hypertension
        target venous_abnormality_other: developmental venous anomaly
        target venous_abnormality_other: developmental venous anomalies
        target venous_abnormality_other: dva
        target venous_abnormality_other: venous angioma
        target venous_abnormality_other: sinus pericranii
        target venous_abnormality_other: venous varix
        target venous_abnormality_other: venous distension sign
        target venous_abnormality_other: venous distention sign
        target venous_abnormality_other: sinus stenosis
        target venous_abnormality_other: venous stenosis
        target venous_abnormality_other: early venous filling
        target venous_abnormality_other: early venous drainage
        target venous_abnormality_other: early venous opacification
        target venous_abnormality_other: caput medusae

        target davf: dural arteriovenous fistula
        target davf: dural arteriovenous fistulas
        target davf: dural arteriovenous fistulae
        target davf: dural arterio - venous fistula
        target davf: dural av fistula
        target davf: dural a - v fistula
        target davf: dural avf
        target davf: davf
        target davf: davfs
        target davf: dural fistula
        target davf: dural fistulae
        target davf: dural fistulas
        # Without "dural" a fistula may be a dialysis access: such mentions are dropped when their sentence
        # names an access site (class vascaccess).
        target davf generic: arteriovenous fistula
        target davf generic: arteriovenous fistulae
        target davf generic: av fistula
        target davf generic: avf
        target davf generic: a - v fistula
        class vascaccess: arm
        class vascaccess: forearm
        class vascaccess: upper limb
        class vascaccess: upper extremity
        class vascaccess: brachial
        class vascaccess: brachiocephalic
        class vascaccess: radiocephalic
        class vascaccess: wrist
        class vascaccess: dialysis
        class vascaccess: hemodialysis
        class vascaccess: haemodialysis
        class vascaccess: hd
        class vascaccess: access
        class vascaccess: graft
        class vascaccess: thrill
        class vascaccess: bruit
        class vascaccess: fistulogram
        target davf: carotid - cavernous fistula
        target davf: carotid cavernous fistula
        target davf: caroticocavernous fistula
        target davf: ccf
        target davf: borden type
        target davf: cognard type
        target davf: dural arteriovenous shunt
        target davf: dural av shunt
        target davf: dural arteriovenous malformation
        target davf: dural avm

        target intracranial_hypotension: intracranial hypotension
        target intracranial_hypotension: spontaneous intracranial hypotension
        target intracranial_hypotension: sih
        target intracranial_hypotension: low pressure
        target intracranial_hypotension: low - pressure
        target intracranial_hypotension: low csf pressure
        target intracranial_hypotension: csf hypotension
        target intracranial_hypotension: csf hypovolemia
        target intracranial_hypotension: csf hypovolaemia
        target intracranial_hypotension: csf leak
        target intracranial_hypotension: csf leakage
        target intracranial_hypotension: cerebrospinal fluid leak
        target intracranial_hypotension: spinal csf leak
        target intracranial_hypotension: brain sagging
        target intracranial_hypotension: sagging brain
        target intracranial_hypotension: sagging of the brain
        target intracranial_hypotension: sagging of the brainstem
        target intracranial_hypotension: brainstem sagging
        target intracranial_hypotension: sagging brainstem
        target intracranial_hypotension: sagging
        target intracranial_hypotension: brain sag
        target intracranial_hypotension: sag
        target intracranial_hypotension: downward displacement of the brainstem
        target intracranial_hypotension: downward displacement of the brain
        target intracranial_hypotension: overdrainage
        target intracranial_hypotension: over - drainage
        target intracranial_hypotension: over drainage
        target intracranial_hypotension: overshunting
        target intracranial_hypotension: over - shunting

        near subcortical_calcification: calc subcort 4 block subcortblock
        class subcort: subcortical
        class subcort: juxtacortical
        class subcort: juxta - cortical
        class subcort: subcortical white matter
        class subcort: corticomedullary junction
        class subcort: grey - white junction
        class subcort: gray - white junction
        class subcortblock: basal ganglia
        class subcortblock: periventricular
        class subcortblock: granuloma
        class subcortblock: granulomas
        class subcortblock: gyriform
        class subcortblock: pineal
        class subcortblock: choroid
        class subcortblock: dentate

        # ---------------------------------------------------------------- symptoms
        target headache: headache
        target headache: headaches
        target headache: head ache
        target headache: head aches
        target headache: head pain
        target headache: cephalgia
        target headache: cephalalgia
        target headache: migraine
        target headache: migraines
        target headache: migrainous
        target headache: thunderclap
        target headache: ha
        near positional_headache: headword posture 12 commas
        class headword: headache
        class headword: headaches
        class headword: head pain
        class headword: ha
        class headword: cephalgia
        class posture: positional
        class posture: postural
        class posture: orthostatic
        class posture: orthostatically
        class posture: upright
        class posture: standing
        class posture: stands
        class posture: sitting up
        class posture: sits up
        class posture: sitting
        class posture: lying flat
        class posture: lying down
        class posture: lies down
        class posture: lie flat
        class posture: lie down
        class posture: recumbent
        class posture: recumbency
        class posture: supine
        class posture: position
        class posture: position - dependent
        class posture: positionally
        class posture: on rising
        class posture: getting up
        class posture: erect
        target visual_disturbance: visual disturbance
        target visual_disturbance: visual disturbances
        target visual_disturbance: visual change
        target visual_disturbance: visual changes
        target visual_disturbance: vision change
        target visual_disturbance: vision changes
        target visual_disturbance: change in vision
        target visual_disturbance: changes in vision
        target visual_disturbance: visual symptoms
        target visual_disturbance: visual loss
        target visual_disturbance: vision loss
        target visual_disturbance: loss of vision
        target visual_disturbance: blurred vision
        target visual_disturbance: blurry vision
        target visual_disturbance: blurring of vision
        target visual_disturbance: blurred visual
        target visual_disturbance: double vision
        target visual_disturbance: diplopia
        target visual_disturbance: visual field defect
        target visual_disturbance: visual field defects
        target visual_disturbance: visual field deficit
        target visual_disturbance: visual field loss
        target visual_disturbance: visual field cut
        target visual_disturbance: field defect
        target visual_disturbance: field loss
        target visual_disturbance: hemianopia
        target visual_disturbance: hemianopsia
        target visual_disturbance: quadrantanopia
        target visual_disturbance: aura
        target visual_disturbance: auras
        target visual_disturbance: visual aura
        target visual_disturbance: visual obscuration
        target visual_disturbance: visual obscurations
        target visual_disturbance: scotoma
        target visual_disturbance: scotomas
        target visual_disturbance: scintillating
        target visual_disturbance: photopsia
        target visual_disturbance: photopsias
        target visual_disturbance: decreased vision
        target visual_disturbance: decreased visual acuity
        target visual_disturbance: reduced visual acuity
        target visual_disturbance: reduced vision
        target visual_disturbance: amaurosis
        target visual_disturbance: amaurosis fugax
        target visual_disturbance: visual blurring
        target visual_disturbance: visual impairment
        target visual_disturbance: visual problems
        target visual_disturbance: visual hallucinations
        target visual_disturbance: visual phenomena
        target visual_disturbance: visual phenomenon
        target visual_disturbance: vision blurred
        target visual_disturbance: vision is blurred
        target visual_disturbance: vision blurry
        target visual_disturbance: seeing double
        target visual_disturbance: field cut
        target visual_disturbance: visual field restriction
        target visual_disturbance: flashing lights
        target visual_disturbance: zigzag lines
        target visual_disturbance: visual aura
        target visual_disturbance: visual blurring
        target cognitive_change: confusion
        target cognitive_change: confused
        target cognitive_change: altered mental status
        target cognitive_change: altered mental state
        target cognitive_change: altered mentation
        target cognitive_change: ams
        target cognitive_change: mental status change
        target cognitive_change: mental status changes
        target cognitive_change: change in mental status
        target cognitive_change: memory loss
        target cognitive_change: memory impairment
        target cognitive_change: memory problems
        target cognitive_change: memory decline
        target cognitive_change: memory difficulties
        target cognitive_change: memory disturbance
        target cognitive_change: poor memory
        target cognitive_change: forgetfulness
        target cognitive_change: forgetful
        target cognitive_change: cognitive decline
        target cognitive_change: cognitive impairment
        target cognitive_change: cognitive change
        target cognitive_change: cognitive changes
        target cognitive_change: cognitive dysfunction
        target cognitive_change: cognitive deficit
        target cognitive_change: cognitive deficits
        target cognitive_change: cognitive problems
        target cognitive_change: cognitive symptoms
        target cognitive_change: cognitive deterioration
        target cognitive_change: dementia
        target cognitive_change: demented
        target cognitive_change: delirium
        target cognitive_change: disorientation
        target cognitive_change: disoriented
        target cognitive_change: personality change
        target cognitive_change: personality changes
        target cognitive_change: behavioural change
        target cognitive_change: behavioral change
        target cognitive_change: behavioural changes
        target cognitive_change: behavioral changes
        target cognitive_change: mci
        target cognitive_change: mild cognitive impairment
        target cognitive_change: alzheimer
        target cognitive_change: alzheimers
        target cognitive_change: alzheimer ' s
        target cognitive_change: encephalopathy
        target cognitive_change: obtunded
        target cognitive_change: reduced gcs
        target cognitive_change: decreased responsiveness
        target cognitive_change: memory issues
        target cognitive_change: memory complaints
        target cognitive_change: memory problem
        target cognitive_change: memory lapses
        target cognitive_change: memory difficulty
        target cognitive_change: cognitive concerns
        target cognitive_change: cognitive difficulties
        target cognitive_change: cognitive slowing
        target cognitive_change: disorientated
        target cognitive_change: behaviour change
        target cognitive_change: behavior change
        target cognitive_change: neurocognitive decline
        target cognitive_change: acute confusional state
        target cognitive_change: cognitive complaints
        target cognitive_change: cognitive complaint
        near cognitive_change: memword cogdecline 4 commas
        class memword: memory
        class memword: cognition
        class memword: cognitive function
        class cogdecline: worse
        class cogdecline: worsening
        class cogdecline: getting worse
        class cogdecline: declining
        class cogdecline: deteriorating
        class cogdecline: deterioration
        class cogdecline: poor
        class cogdecline: poorer
        class cogdecline: impaired
        target seizure: seizure
        target seizure: seizures
        target seizure: seizure - like
        target seizure: convulsive episode
        target seizure: shaking episode
        target seizure: shaking episodes
        target seizure: shaking spell
        target seizure: shaking spells
        target seizure: jerking episodes
        target seizure: convulsion
        target seizure: convulsions
        target seizure: convulsive
        target seizure: epilepsy
        target seizure: epileptic
        target seizure: fit
        target seizure: fits
        target seizure: first fit
        target seizure: tonic - clonic
        target seizure: tonic clonic
        target seizure resolved: seizure - free
        target seizure resolved: seizure free
        target seizure resolved: seizures free
        target seizure resolved: fit - free
        target seizure resolved: fit free
        target headache resolved: headache - free
        target headache resolved: headache free
        target seizure: status epilepticus
        target seizure: postictal
        target seizure: post - ictal
        target seizure: ictal
        target seizure: gtc
        target seizure: gtcs
        target focal_deficit: weakness
        target focal_deficit: hemiparesis
        target focal_deficit: hemiparetic
        target focal_deficit: hemiplegia
        target focal_deficit: monoparesis
        target focal_deficit: paresis
        target focal_deficit: numbness
        target focal_deficit: numb
        target focal_deficit: paresthesia
        target focal_deficit: paresthesias
        target focal_deficit: paraesthesia
        target focal_deficit: paraesthesiae
        target focal_deficit: tingling
        target focal_deficit: aphasia
        target focal_deficit: aphasic
        target focal_deficit: dysphasia
        target focal_deficit: expressive dysphasia
        target focal_deficit: receptive aphasia
        target focal_deficit: facial droop
        target focal_deficit: facial drooping
        target focal_deficit: facial asymmetry
        target focal_deficit: facial palsy
        target focal_deficit: facial nerve palsy
        target focal_deficit: pronator drift
        target focal_deficit: drift
        target focal_deficit: focal deficit
        target focal_deficit: focal deficits
        target focal_deficit: focal neurological deficit
        target focal_deficit: focal neurological deficits
        target focal_deficit: focal neurologic deficit
        target focal_deficit: focal neurologic deficits
        target focal_deficit: focal neuro deficit
        target focal_deficit: focal neuro deficits
        target focal_deficit: focal neurology
        target focal_deficit: focal neuro
        target focal_deficit: focal neuro signs
        target focal_deficit: focal neurological symptoms
        target focal_deficit: focal neurological signs
        target focal_deficit: focal signs
        target focal_deficit: focal symptoms
        target focal_deficit: neurological deficit
        target focal_deficit: neurological deficits
        target focal_deficit: neurologic deficit
        target focal_deficit: neuro deficit
        target focal_deficit: neuro deficits
        target focal_deficit: slurred speech
        target focal_deficit: slurring of speech
        target focal_deficit: dysarthria
        target focal_deficit: dysarthric
        target focal_deficit: sensory loss
        target focal_deficit: hemisensory
        target focal_deficit: hemianesthesia
        target focal_deficit: neglect
        target focal_deficit: residual deficit
        target focal_deficit: residual deficits
        target focal_deficit: cranial nerve palsy
        target focal_deficit: sixth nerve palsy
        target focal_deficit: third nerve palsy
        target focal_deficit: ptosis
        target focal_deficit: arm drift
        target focal_deficit: word - finding difficulty
        target focal_deficit: word - finding difficulties
        target focal_deficit: word finding difficulty
        target focal_deficit: word finding difficulties
        target focal_deficit: sensory change
        target focal_deficit: sensory changes
        target focal_deficit: sensory disturbance
        target focal_deficit: loss of sensation
        target focal_deficit: hemibody
        target focal_deficit: clumsiness
        target focal_deficit negated: neuro intact
        target focal_deficit negated: neurologically intact
        target focal_deficit negated: neurologically normal
        target focal_deficit negated: neurological exam normal
        target focal_deficit negated: neurological examination normal
        target focal_deficit negated: normal neurological examination
        target focal_deficit negated: normal neurological exam
        target focal_deficit negated: normal neuro exam
        target focal_deficit negated: nonfocal
        target focal_deficit negated: non - focal
        target focal_deficit negated: non focal
        target focal_deficit negated: gcs 15 , nonfocal
        target focal_deficit negated: neuro exam normal
        target focal_deficit negated: neuro exam unremarkable
        target focal_deficit negated: neuro examination normal
        target focal_deficit negated: neurological exam unremarkable
        target focal_deficit negated: neurological examination unremarkable
        target focal_deficit negated: neurologically unremarkable
        target focal_deficit negated: normal neurology
        target focal_deficit negated: normal neurological exam
        target focal_deficit negated: neurology normal
        target focal_deficit negated: neurology intact
        # Examination statements deny the deficits they cover.
        target focal_deficit negated: cranial nerves intact
        target focal_deficit negated: cranial nerves grossly intact
        target focal_deficit negated: cranial nerves are intact
        target focal_deficit negated: cranial nerves normal
        target focal_deficit negated: cn ii - xii intact
        target focal_deficit negated: cn ii - xii grossly intact
        target focal_deficit negated: cns ii - xii intact
        target focal_deficit negated: cranial nerves ii - xii intact
        target focal_deficit negated: cranial nerves ii - xii grossly intact
        target focal_deficit negated: power 5 / 5
        target focal_deficit negated: power 5 / 5 throughout
        target focal_deficit negated: 5 / 5 power
        target focal_deficit negated: strength 5 / 5
        target focal_deficit negated: 5 / 5 strength
        target focal_deficit negated: full power
        target focal_deficit negated: full power throughout
        target focal_deficit negated: moving all limbs
        target focal_deficit negated: moving all four limbs
        target focal_deficit negated: moves all extremities
        target focal_deficit negated: no pronator drift
        target focal_deficit negated: neuro exam non - focal
        target focal_deficit negated: neurological examination non - focal
        target focal_deficit negated: grossly non - focal
        target focal_deficit negated: no focal neurology
        target focal_deficit negated: no lateralising signs
        target focal_deficit negated: no lateralizing signs

        # ---------------------------------------------------------------- renal disease
        target renal_disease: esrd
        target renal_disease: esrf
        target renal_disease: end - stage renal disease
        target renal_disease: end stage renal disease
        target renal_disease: end - stage renal failure
        target renal_disease: end stage renal failure
        target renal_disease: end - stage kidney disease
        target renal_disease: dialysis
        target renal_disease: hemodialysis
        target renal_disease: haemodialysis
        target renal_disease: peritoneal dialysis
        target renal_disease: dialysis - dependent
        target renal_disease: on hd
        target renal_disease: ckd
        target renal_disease: chronic kidney disease
        target renal_disease: chronic renal disease
        target renal_disease: chronic renal failure
        target renal_disease: chronic renal insufficiency
        target renal_disease: chronic renal impairment
        target renal_disease: renal insufficiency
        target renal_disease: renal failure
        target renal_disease: renal impairment
        target renal_disease: renal dysfunction
        target renal_disease: impaired renal function
        target renal_disease: reduced renal function
        target renal_disease: poor renal function
        target renal_disease: kidney disease
        target renal_disease: kidney failure
        target renal_disease: renal disease
        target renal_disease: renal transplant
        target renal_disease: renal transplantation
        target renal_disease: kidney transplant
        target renal_disease: kidney transplantation
        target renal_disease: renal allograft
        target renal_disease: transplanted kidney
        target renal_disease: secondary hyperparathyroidism
        target renal_disease: tertiary hyperparathyroidism
        target renal_disease: renal osteodystrophy
        target renal_disease: acute kidney injury
        target renal_disease: aki
        target renal_disease: elevated creatinine
        target renal_disease: raised creatinine
        target renal_disease: nephropathy
        target renal_disease negated: normal renal function
        target renal_disease negated: normal kidney function
        target renal_disease negated: renal function is normal
        target renal_disease negated: renal function normal
        target renal_disease negated: normal creatinine
        target renal_disease negated: creatinine normal
        target renal_disease negated: creatinine is normal
        target renal_disease negated: creatinine within normal limits

        # ---------------------------------------------------------------- the report's own recommendations
        target rec.mri: mri
        target rec.mri: mr
        target rec.mri: mris
        target rec.mri: mr imaging
        target rec.mri: magnetic resonance
        target rec.mri: magnetic resonance imaging
        target rec.mri: mri brain
        target rec.mri: brain mri
        target rec.mri: mri head
        target rec.mri: mr brain
        target rec.mri: brain mr
        target rec.mri_contrast: cemri
        target rec.mri_contrast: ce - mri
        target rec.mri_contrast: ce mri
        target rec.mri_contrast: gd - mri
        target rec.mri_contrast: gad - mri
        target rec.mri_contrast: cemr
        target rec.mri_contrast: mri with gad
        target rec.mri_contrast: contrast - enhanced mri
        near rec.mri_contrast: contrastword mriword 5 block notcontrast
        class contrastword: contrast
        class contrastword: gadolinium
        class contrastword: gad
        class contrastword: gadolinium - enhanced
        class contrastword: contrast - enhanced
        class contrastword: post - contrast
        class contrastword: postcontrast
        class contrastword: enhanced
        class contrastword: post - gadolinium
        class contrastword: with and without
        class contrastword: dotarem
        class contrastword: gadavist
        class contrastword: contrasted
        class mriword: mri
        class mriword: mr
        class mriword: mr imaging
        class mriword: magnetic resonance
        class mriword: magnetic resonance imaging
        class notcontrast: without contrast
        class notcontrast: non - contrast
        class notcontrast: noncontrast
        class notcontrast: unenhanced
        class notcontrast: non - enhanced
        class notcontrast: without gadolinium
        class notcontrast: ct
        class notcontrast: cta
        class notcontrast: ctv
        target rec.venography: mr venography
        target rec.venography: mr venogram
        target rec.venography: mr venograms
        target rec.venography: mrv
        target rec.venography: ct venography
        target rec.venography: ct venogram
        target rec.venography: ctv
        target rec.venography: venogram
        target rec.venography: venography
        target rec.venography: venographic
        target rec.venography: magnetic resonance venography
        target rec.venography: computed tomography venography
        target rec.venography: mri venogram
        target rec.venography: mri venography
        target rec.venography: mri / mrv
        target rec.venography: contrast - enhanced mr venography
        target rec.angiography: cta
        target rec.angiography: ct angiography
        target rec.angiography: ct angiogram
        target rec.angiography: computed tomography angiography
        target rec.angiography: mra
        target rec.angiography: mr angiography
        target rec.angiography: mr angiogram
        target rec.angiography: magnetic resonance angiography
        target rec.angiography: dsa
        target rec.angiography: digital subtraction angiography
        target rec.angiography: catheter angiography
        target rec.angiography: catheter angiogram
        target rec.angiography: conventional angiography
        target rec.angiography: cerebral angiography
        target rec.angiography: cerebral angiogram
        target rec.angiography: angiogram
        target rec.angiography: angiography
        target rec.angiography: angiographic
        target rec.angiography: 4d cta
        target rec.angiography: time - resolved mra
        target rec.angiography: tof mra
        target rec.neurosurgery_consult: neurosurgical
        target rec.neurosurgery_consult: neurosurgery
        target rec.neurosurgery_consult: neurosurgeon
        target rec.neurosurgery_consult: neurosurgeons
        target rec.neurosurgery_consult: neurointerventional
        target rec.neurosurgery_consult: neurointervention
        target rec.neurosurgery_consult: neuro - interventional
        target rec.neurosurgery_consult: neurointerventionalist
        target rec.neurosurgery_consult: interventional neuroradiology
        target rec.neurosurgery_consult: interventional neuroradiologist
        target rec.neurosurgery_consult: endovascular
        target rec.neurosurgery_consult: nsgy
        target rec.neurosurgery_consult: nsg
        target rec.neurosurgery_consult: neurosurg
        target rec.neurosurgery_consult: nsurg
        target rec.neurosurgery_consult: neurovascular mdt
        target rec.neurosurgery_consult: neuro - vascular mdt
        target rec.neurosurgery_consult: neurovascular multidisciplinary
        target rec.neurosurgery_consult: neurovascular meeting
        target rec.neurosurgery_consult: neurovascular team
        target rec.neurosurgery_consult: neurovascular service
        target rec.neurosurgery_consult: neurovascular clinic
        target rec.neurosurgery_consult: neurosurgical mdt
        target rec.neurosurgery_consult: neurosurgery mdt
        target rec.neurosurgery_consult: neuroradiology mdt
        target rec.neurosurgery_consult: neurointerventional team
        target rec.neurosurgery_consult: neurosurgical team
        target rec.neurology_consult: neurology
        target rec.neurology_consult: neurologist
        target rec.neurology_consult: neurological opinion
        target rec.neurology_consult: neurological review
        target rec.neurology_consult: neurological consultation
        target rec.neurology_consult: neurological referral
        target rec.neurology_consult: neurologic consultation
        target rec.neurology_consult: neurologic evaluation
        target rec.neurology_consult: neurological evaluation
        target rec.neurology_consult: memory clinic
        target rec.neurology_consult: cognitive clinic
        target rec.neurology_consult: stroke team
        target rec.neurology_consult: neuro consult
        target rec.neurology_consult: neurology mdt
        target rec.neurology_consult: neurology team
        target rec.neurology_consult: neurology service
        target rec.neurology_consult: neurology clinic
        target rec.clinical_follow_up: clinical correlation
        target rec.clinical_follow_up: correlate clinically
        target rec.clinical_follow_up: clinically correlate
        target rec.clinical_follow_up: correlation clinically
        target rec.clinical_follow_up: clinical follow - up
        target rec.clinical_follow_up: paediatrician
        target rec.clinical_follow_up: pediatrician
        target rec.clinical_follow_up: general practitioner
        target rec.clinical_follow_up: gp
        target rec.clinical_follow_up: primary care
        target rec.clinical_follow_up: referring clinician
        target rec.clinical_follow_up: referring physician
        target rec.clinical_follow_up: family doctor
        target rec.clinical_follow_up: clinical follow up
        target rec.clinical_follow_up: clinical followup
        target rec.clinical_follow_up: clinical monitoring
        target rec.clinical_follow_up: clinical review
        target rec.clinical_follow_up: clinical surveillance
        target rec.clinical_follow_up: clinical assessment
        target rec.clinical_follow_up: clinical evaluation
        target rec.clinical_follow_up: clinical observation
        target rec.clinical_follow_up: clinical and laboratory correlation
        target rec.clinical_follow_up: laboratory correlation
        target rec.clinical_follow_up: correlation with laboratory
        target rec.clinical_follow_up: correlate with laboratory
        target rec.clinical_follow_up: correlation with clinical
        target rec.clinical_follow_up: correlate with clinical
        target rec.clinical_follow_up: correlation with the clinical
        target rec.clinical_follow_up: correlation with calcium
        target rec.clinical_follow_up: correlation with serum
        target rec.clinical_follow_up: correlate with serum
        target rec.clinical_follow_up: correlation with renal
        target rec.clinical_follow_up: correlation with pth
        target rec.clinical_follow_up: follow - up with the referring
        target rec.clinical_follow_up: follow - up in clinic
        target rec.clinical_follow_up: gp follow - up
        target rec.clinical_follow_up: follow - up with primary care
        target rec.clinical_follow_up: clinical correlation and follow - up
        target rec.clinical_follow_up: serum calcium
        target rec.clinical_follow_up: calcium and phosphate
        target rec.clinical_follow_up: calcium , phosphate
        target rec.clinical_follow_up: parathyroid hormone
        target rec.clinical_follow_up: pth
        target rec.clinical_follow_up: laboratory
        target rec.clinical_follow_up: laboratory values
        target rec.clinical_follow_up: laboratory tests
        target rec.clinical_follow_up: blood tests
        target rec.clinical_follow_up: bloods
        target rec.clinical_follow_up: inflammatory markers
        target rec.clinical_follow_up: monitoring
        target rec.clinical_follow_up: observation
        target rec.clinical_follow_up: clinical follow - up
        target rec.follow_up_imaging: follow - up imaging
        target rec.follow_up_imaging: follow up imaging
        target rec.follow_up_imaging: followup imaging
        target rec.follow_up_imaging: surveillance imaging
        target rec.follow_up_imaging: interval imaging
        target rec.follow_up_imaging: repeat imaging
        target rec.follow_up_imaging: repeat scan
        target rec.follow_up_imaging: repeat study
        target rec.follow_up_imaging: follow - up scan
        target rec.follow_up_imaging: follow - up study
        target rec.follow_up_imaging: follow - up examination
        target rec.follow_up_imaging: re - imaging
        target rec.follow_up_imaging: reimaging
        target rec.follow_up_imaging: interval follow - up
        target rec.follow_up_imaging: short - interval follow - up
        target rec.follow_up_imaging: short interval follow - up
        target rec.follow_up_imaging: imaging follow - up
        target rec.follow_up_imaging: imaging surveillance
        target rec.follow_up_imaging: radiological follow - up
        target rec.follow_up_imaging: radiologic follow - up
        target rec.follow_up_imaging: follow - up ct
        target rec.follow_up_imaging: follow - up mri
        target rec.follow_up_imaging: follow - up mr
        target rec.follow_up_imaging: repeat ct
        target rec.follow_up_imaging: repeat mri
        target rec.follow_up_imaging: repeat mr
        target rec.follow_up_imaging: repeat ct head
        target rec.follow_up_imaging: repeat ct brain
        target rec.follow_up_imaging: repeat ct scan
        target rec.follow_up_imaging: repeat non - contrast ct
        target rec.follow_up_imaging: follow - up non - contrast ct
        target rec.follow_up_imaging interval: ct
        target rec.follow_up_imaging interval: ct head
        target rec.follow_up_imaging interval: head ct
        target rec.follow_up_imaging interval: ct brain
        target rec.follow_up_imaging interval: brain ct
        target rec.follow_up_imaging interval: ct scan
        target rec.follow_up_imaging interval: scan
        target rec.follow_up_imaging interval: imaging
        target rec.none: no further imaging
        target rec.none: no further follow - up
        target rec.none: no further investigation
        target rec.none: no further investigations
        target rec.none: no further workup
        target rec.none: no further work - up
        target rec.none: no further evaluation
        target rec.none: no follow - up imaging
        target rec.none: no imaging follow - up
        target rec.none: no specific follow - up
        target rec.none: no further action
        target rec.none: no follow - up
        target rec.none: does not require follow - up
        target rec.none: does not require further
        target rec.none: no additional imaging
        # Words that make a sentence a recommendation.
        class reccue: recommend
        class reccue: recommended
        class reccue: recommends
        class reccue: recommending
        class reccue: recommendation
        class reccue: recommendations
        class reccue: suggest
        class reccue: suggested
        class reccue: suggests
        class reccue: suggestion
        class reccue: consider
        class reccue: considered
        class reccue: consideration
        class reccue: advise
        class reccue: advised
        class reccue: advisable
        class reccue: would be
        class reccue: could be
        class reccue: may be
        class reccue: should be
        class reccue: might be
        class reccue: can be
        class reccue: is indicated
        class reccue: are indicated
        class reccue: warranted
        class reccue: warrants
        class reccue: warrant
        class reccue: further evaluation
        class reccue: further assessment
        class reccue: further characterization
        class reccue: further characterisation
        class reccue: further investigation
        class reccue: further workup
        class reccue: further work - up
        class reccue: further imaging
        class reccue: for further
        class reccue: to exclude
        class reccue: to rule out
        class reccue: to evaluate
        class reccue: to assess
        class reccue: to further
        class reccue: to confirm
        class reccue: to characterize
        class reccue: to characterise
        class reccue: referral
        class reccue: refer
        class reccue: referred
        class reccue: please
        class reccue: needed
        class reccue: necessary
        class reccue: required
        class reccue: requires
        class reccue: follow - up
        class reccue: follow up
        class reccue: followup
        class reccue: correlation
        class reccue: correlate
        class reccue: helpful
        class reccue: useful
        class reccue: beneficial
        class reccue: prudent
        class reccue: appropriate
        class reccue: opinion
        class reccue: review
        class reccue: consult
        class reccue: consultation
        class reccue: is advised
        class reccue: obtain
        class reccue: perform
        class reccue: arrange
        class reccue: repeat
        class reccue: would help
        class reccue: may help
        class reccue: can help
        class reccue: could help
        class reccue: advocated
        class reccue: next step
        class reccue: is suggested
        class reccue: best assessed
        class reccue: better assessed
        class reccue: better characterised
        class reccue: better characterized
        class reccue: monitoring
        class reccue: surveillance
        # Work-up already arranged or done, pointed to as the next step; care already in place.
        class reccue: booked
        class reccue: has been booked
        class reccue: has been arranged
        class reccue: have been arranged
        class reccue: is arranged
        class reccue: will be arranged
        class reccue: has been requested
        class reccue: have been requested
        class reccue: is requested
        class reccue: will be requested
        class reccue: scheduled
        class reccue: planned
        class reccue: to follow
        class reccue: will follow
        class reccue: see the
        class reccue: please see
        class reccue: see separate
        class reccue: see accompanying
        class reccue: see concurrent
        class reccue: under the care of
        class reccue: remains under
        class reccue: remain under
        class reccue: known to
        class reccue: under the
        class reccue: discussed at
        class reccue: discuss at
        class reccue: discussion at
        class reccue: mdt
        class reccue: multidisciplinary
        # Words that make a recommendation conditional.
        class reccond: if
        class reccond: unless
        class reccond: should symptoms
        class reccond: should there
        class reccond: in case
        class reccond: in the event
        class reccond: as clinically indicated
        class reccond: if clinically indicated
        class reccond: clinically indicated
        class reccond: as needed
        class reccond: if needed
        class reccond: if warranted
        class reccond: if necessary
        class reccond: where clinically
        class reccond: when clinically
        class reccond: as required
        class reccond: prn
        class reccond: depending on
        class reccond: would depend
        class reccond: at the discretion
        class reccond: should the
        class reccond: should clinical
        class reccond: if there is
        class reccond: in the setting of new
        # Words that make imaging a repeat at an interval.
        class recinterval: follow - up
        class recinterval: follow up
        class recinterval: followup
        class recinterval: hours
        class recinterval: hour
        class recinterval: days
        class recinterval: day
        class recinterval: surveillance
        class recinterval: interval
        class recinterval: months
        class recinterval: month
        class recinterval: weeks
        class recinterval: week
        class recinterval: years
        class recinterval: year
        class recinterval: annual
        class recinterval: annually
        class recinterval: yearly
        class recinterval: serial
        class recinterval: re - imaging
        class recbaseline: baseline
        # An age is not an interval ("a 50 year old woman ... MRI recommended"): the longer phrase masks "year".
        class agephrase: year old
        class agephrase: years old
        class agephrase: year - old
        class agephrase: years - old
        class agephrase: yr old
        class agephrase: yrs old
        class agephrase: month old
        class agephrase: months old
        class agephrase: month - old
        class agephrase: week old
        class agephrase: weeks old
        # The same day is not an interval ("see the MRI performed the same day").
        class recbaseline: same day
        class recbaseline: same - day
        class recbaseline: today
        # A sentence that tells what was done ("a repeat scan six weeks later showed no change") is the
        # clinical course, not a recommendation, unless it also recommends in so many words.
        class recnarrative: showed
        class recnarrative: demonstrated
        class recnarrative: revealed
        class recnarrative: had shown
        class recnarrative: has shown
        class recnarrative: was performed
        class recnarrative: were performed
        class recnarrative: was done
        class recnarrative: was obtained
        class recnarrative: were obtained
        class recnarrative: underwent
        class recnarrative: was undertaken
        class recstrong: recommend
        class recstrong: recommended
        class recstrong: recommends
        class recstrong: recommending
        class recstrong: recommendation
        class recstrong: recommendations
        class recstrong: suggest
        class recstrong: suggested
        class recstrong: suggests
        class recstrong: advise
        class recstrong: advised
        class recstrong: advisable
        class recstrong: consider
        class recstrong: considered
        class recstrong: consideration
        class recstrong: please
        class recstrong: should
        class recstrong: would
        """#
}
