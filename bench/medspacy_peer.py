#!/usr/bin/env python3
"""The peer: medspaCy's default pipeline (medspacy.load(): PyRuSH sentences, TargetMatcher,
ConText) with target rules for the same concepts Falx finds, run over a JSON Lines sample.

    python3 bench/medspacy_peer.py SAMPLE.jsonl

Prints one JSON object: reports, bytes, seconds, entities, negated entities.
"""
import json, sys, time

# PyRuSH logs every sentence decision at DEBUG through loguru; silence it so the peer is timed
# doing its work, not writing logs.
try:
    from loguru import logger
    logger.remove()
except ImportError:
    pass

import medspacy
from medspacy.target_matcher import TargetRule

CONCEPTS = {
    "DURAL_CALCIFICATION": ["falcine calcification", "calcification of the falx", "dural calcification", "tentorial calcification",
                            "calcified falx", "calcified dural plaques", "ossification of the falx", "petroclinoid ligaments"],
    "WHITE_MATTER_LESIONS": ["white matter hypodensities", "small vessel ischaemic change", "white matter hyperintensities"],
    "ATROPHY": ["volume loss", "atrophy"],
    "DURAL_THICKENING": ["pachymeningeal thickening", "dural thickening"],
    "DURAL_ENHANCEMENT": ["pachymeningeal enhancement", "dural enhancement", "abnormal enhancement"],
    "VENOUS_SINUS_THROMBOSIS": ["venous sinus thrombosis", "filling defect"],
    "VENOUS_ABNORMALITY": ["engorged cortical veins", "cortical venous reflux"],
    "DAVF": ["dural arteriovenous fistula", "davf"],
    "INTRACRANIAL_HYPOTENSION": ["intracranial hypotension", "brain sagging"],
    "SUBCORTICAL_CALCIFICATION": ["subcortical calcifications"],
    "SYMPTOM": ["headache", "blurred vision", "confusion", "memory loss", "seizure", "weakness", "facial droop"],
    "RENAL": ["esrd", "haemodialysis", "ckd", "renal disease"],
}

def main():
    nlp = medspacy.load()
    try:  # PyRuSH may add its own log sink on import or load
        from loguru import logger as _logger
        _logger.remove()
        _logger.disable("PyRuSH")
    except ImportError:
        pass
    matcher = nlp.get_pipe("medspacy_target_matcher")
    matcher.add([TargetRule(phrase, label) for label, phrases in CONCEPTS.items() for phrase in phrases])
    texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    ents = neg = 0
    for doc in nlp.pipe(texts):
        for e in doc.ents:
            ents += 1
            neg += bool(e._.is_negated)
    seconds = time.perf_counter() - start
    print(json.dumps({"reports": len(texts), "bytes": nbytes, "seconds": seconds, "entities": ents, "negated": neg}))

if __name__ == "__main__":
    main()
