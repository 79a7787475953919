"""falx.explain: the reading of one report, and its refusal of an empty one."""

from __future__ import annotations

import pytest

import falx
from conftest import CORPUS


def test_explain_shows_mentions_facts_and_rules() -> None:
    explanation = falx.explain("CT head. Falx calcification noted. No hydrocephalus.")
    assert "Mentions" in explanation
    assert 'affirmed dural_calcification [falx] "Falx calcification"' in explanation
    assert "dural_calcification: present" in explanation
    assert "R6" in explanation
    assert "\x1b[" not in explanation  # no colour codes


def test_explain_reads_a_report_file_text() -> None:
    text = (CORPUS / "reports" / "hb-001.txt").read_text(encoding="utf-8")
    explanation = falx.explain(text)
    assert "Case facts and audit" in explanation
    assert "Verdict" in explanation


def test_an_empty_report_is_a_falx_error() -> None:
    with pytest.raises(falx.FalxError) as refused:
        falx.explain("")
    assert refused.value.exit_code == 1
    assert "empty" in refused.value.message


def test_version_names_the_ruleset() -> None:
    assert falx.version().startswith("falx ") and "ruleset" in falx.version()
