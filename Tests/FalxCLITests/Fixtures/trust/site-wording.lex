# Site wording added to the built-in lexicon (falx audit --lexicon-add).
name: site-wording
target dural_calcification falx: falcine hyperdensity
