"""read_audit: the column types from the binary's schema, CSV and JSON Lines read alike."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pandas.testing as pdt

import falx
from conftest import GOLDEN, REPO

FINDING_VALUES = ["present", "uncertain", "absent", "not_mentioned"]


def schema_json() -> dict:
    return json.loads(subprocess.run([falx.binary(), "schema", "--json"], check=True, capture_output=True).stdout)


def test_types_follow_the_binary_schema() -> None:
    frame = falx.read_audit(GOLDEN / "corpus.golden.jsonl")
    schema = schema_json()["columns"]
    assert list(frame.columns) == [c["name"] for c in schema]
    for column in schema:
        dtype = frame[column["name"]].dtype
        if column["type"] == "integer":
            assert dtype == "Int64", column
        elif column["type"] == "array":
            assert dtype == object and all(isinstance(v, list) for v in frame[column["name"]]), column
        else:
            assert isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(dtype) or (
                pd.api.types.is_datetime64_dtype(dtype)
            ), column


def test_value_columns_are_categoricals_with_the_schema_values() -> None:
    frame = falx.read_audit(GOLDEN / "corpus.golden.csv")
    assert list(frame["dural_calcification"].cat.categories) == FINDING_VALUES
    assert list(frame["status"].cat.categories) == ["ok", "error"]
    assert list(frame["gadolinium_caution"].cat.categories) == ["yes", "no"]
    assert "incidental_monitor" in frame["category"].cat.categories
    categorical = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    assert len(categorical) == 26  # format, status, 14 findings and symptoms, renal_disease, dc_temporality, ...
    for text in ("record_id", "dc_evidence", "dc_offsets", "procedure", "ruleset_version"):
        assert frame[text].dtype == "string", text


def test_age_datetime_and_lists() -> None:
    frame = falx.read_audit(GOLDEN / "corpus.golden.csv")
    assert frame["age"].dtype == "Int64"
    assert frame["age"].isna().any() and frame["age"].notna().any()
    assert frame["age"].dropna().between(0, 120).all()
    assert pd.api.types.is_datetime64_dtype(frame["study_datetime"])
    cda = frame.set_index("record_id").loc["ACC-C001"]
    assert cda["study_datetime"] == pd.Timestamp("2024-05-09T10:22:00")
    assert cda["dc_locations"] == ["other"]
    assert cda["rules"] == ["R1", "R4", "R5"]
    assert cda["warnings"] == []
    # A date-time with an offset keeps its wall clock (the offset is dropped).
    raw = pd.read_csv(GOLDEN / "corpus.golden.csv", dtype=str, keep_default_na=False)
    with_offset = raw[raw["study_datetime"].str.contains(r"[+-]\d\d:\d\d$")].iloc[0]
    parsed = frame.set_index("record_id").loc[with_offset["record_id"], "study_datetime"]
    assert parsed == pd.Timestamp(with_offset["study_datetime"][:19])


def test_csv_and_jsonl_read_the_same() -> None:
    from_csv = falx.read_audit(GOLDEN / "corpus.golden.csv")
    from_jsonl = falx.read_audit(GOLDEN / "corpus.golden.jsonl")
    pdt.assert_frame_equal(from_csv, from_jsonl)


def test_error_rows_carry_their_reasons() -> None:
    frame = falx.read_audit(GOLDEN / "fixtures.golden.jsonl")
    errors = frame[frame["status"] == "error"]
    assert len(errors) > 0
    assert all(len(reasons) > 0 for reasons in errors["errors"])
    assert errors["dural_calcification"].isna().all()


def test_format_from_content_gzip_and_excel_bom(tmp_path: Path) -> None:
    expected = falx.read_audit(GOLDEN / "corpus.golden.csv")
    unnamed = tmp_path / "audit.out"
    shutil.copy(GOLDEN / "corpus.golden.jsonl", unnamed)
    pdt.assert_frame_equal(falx.read_audit(unnamed), expected)
    packed = tmp_path / "audit.jsonl.gz"
    packed.write_bytes(gzip.compress((GOLDEN / "corpus.golden.jsonl").read_bytes()))
    pdt.assert_frame_equal(falx.read_audit(packed), expected)
    excel = tmp_path / "excel.csv"
    subprocess.run([falx.binary(), "audit", "Corpus/formats", "--excel", "--quiet", "-o", excel], check=True, cwd=REPO)
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert falx.read_audit(excel).columns[0] == "record_id"


def test_an_empty_audit_has_the_schema_columns(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    frame = falx.read_audit(empty)
    assert len(frame) == 0
    assert list(frame.columns) == [c["name"] for c in schema_json()["columns"]]
    assert frame["age"].dtype == "Int64"


def test_evidence_columns_are_lists_of_sentences() -> None:
    frame = falx.read_audit(GOLDEN / "corpus.golden.csv")
    facts = frame["fact_evidence"]
    assert facts.map(len).gt(0).any()
    for items in facts:
        for item in items:
            # "name=value, name=value: sentence": the facts a sentence decided share it.
            facts_part, _, sentence = item.partition(": ")
            for fact in facts_part.split(", "):
                name, _, value = fact.partition("=")
                assert name in frame.columns and value in FINDING_VALUES, item
    recommendations = frame["recommendation_evidence"]
    assert all(isinstance(v, list) for v in recommendations) and recommendations.map(len).gt(0).any()
    # A report that recommends nothing has no recommendation sentence.
    recommends_none = frame["report_recommends"].map(lambda codes: codes == ["none"])
    assert recommendations[recommends_none].map(len).eq(0).all()
    assert recommendations[~recommends_none & frame["status"].eq("ok")].map(len).gt(0).all()
