"""falx.audit: paths of every format, texts, DataFrames, options and refusals."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import falx
from conftest import GOLDEN, REPO


def test_a_folder_of_every_format() -> None:
    frame = falx.audit("Corpus/formats")
    assert set(frame["format"]) == {"cda", "fhir", "hl7v2", "hl7v2xml"}
    assert (frame["status"] == "ok").all()
    assert isinstance(frame["dural_calcification"].dtype, pd.CategoricalDtype)
    assert frame["age"].dtype == "Int64"
    assert "records:" in frame.attrs["falx_log"]


def test_round_trip_through_csv_and_jsonl(tmp_path: Path) -> None:
    sources = ["Corpus/formats", "Corpus/reports/hb-001.txt", "Tests/FalxIngestTests/Fixtures/tabular/ris_export.csv"]
    in_memory = pd.concat([falx.audit(s) for s in sources], ignore_index=True)
    for form in ("csv", "jsonl"):
        out = tmp_path / f"audit.{form}"
        subprocess.run([falx.binary(), "audit", *sources, "--format", form, "--quiet", "-o", out], check=True, cwd=REPO)
        pdt.assert_frame_equal(falx.read_audit(out), in_memory)


def test_the_whole_corpus_matches_the_golden_audit() -> None:
    pdt.assert_frame_equal(falx.audit("Corpus", jobs=2), falx.read_audit(GOLDEN / "corpus.golden.csv"))


def test_an_iterable_of_texts_keeps_its_order() -> None:
    texts = ["Falx calcification noted.", "No dural calcification.", "Dural calcification, likely new."]
    frame = falx.audit(iter(texts))
    assert list(frame["dural_calcification"]) == ["present", "absent", "present"]
    assert list(frame["dc_evidence"])[0] == "Falx calcification noted."
    assert list(frame.index) == [0, 1, 2]


def test_a_series_keeps_its_index() -> None:
    series = pd.Series(["Falx calcification.", ""], index=["a", "b"])
    frame = falx.audit(series)
    assert list(frame.index) == ["a", "b"]
    assert list(frame["status"]) == ["ok", "error"]
    assert frame.loc["b", "errors"] and frame.loc["b", "errors"][0].startswith("empty")


def test_many_texts_stream_without_deadlock() -> None:
    count = 6000  # ~300 KB of input and ~6 MB of rows: far past the pipe buffers both ways
    texts = (f"Report {n}: {'falx calcification' if n % 3 == 0 else 'no calcification'} noted." for n in range(count))
    frame = falx.audit(texts, jobs=2)
    assert len(frame) == count
    assert (frame["dural_calcification"] == "present").sum() == count // 3


def test_a_dataframe_with_id_and_metadata() -> None:
    archive = pd.DataFrame(
        {
            "id": ["R1", "R2", "R3"],
            "report_text": ["Falcine calcification.", "Normal head CT.", "Tentorial calcification, stable."],
            "acc_no": ["A-1", "A-2", None],
            "age": [71, None, 40],
            "study_datetime": pd.to_datetime(["2024-03-04 10:00", "2024-03-05 00:00", None]),
            "ward": ["x", "y", "z"],  # not a Falx field: not sent
        },
        index=[10, 20, 30],
    )
    frame = falx.audit(archive, text_column="report_text", field={"accession": "acc_no"})
    assert list(frame.index) == [10, 20, 30]
    assert list(frame["record_id"]) == ["R1", "R2", "R3"]
    assert list(frame["accession"].fillna("-")) == ["A-1", "A-2", "-"]
    assert frame["age"].tolist() == [71, pd.NA, 40]
    assert frame.loc[10, "study_datetime"] == pd.Timestamp("2024-03-04 10:00")
    assert frame.loc[30, "dc_locations"] == ["tentorium"]
    joined = archive.join(frame[["category", "audit_verdict"]])
    assert len(joined) == 3


def test_a_dataframe_without_its_text_column() -> None:
    with pytest.raises(ValueError, match="no text column 'text'"):
        falx.audit(pd.DataFrame({"body": ["x"]}))


def test_options_become_flags() -> None:
    text = ["Exam date: 03/04/2024\nFalx calcification."]
    assert falx.audit(text, date_order="dmy")["study_datetime"][0] == pd.Timestamp("2024-04-03")
    assert falx.audit(text, date_order="mdy")["study_datetime"][0] == pd.Timestamp("2024-03-04")


def test_unknown_options_and_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="unexpected option 'output'"):
        falx.audit(["x"], output="audit.csv")
    with pytest.raises(TypeError, match="'jobs' must be int"):
        falx.audit(["x"], jobs="2")
    with pytest.raises(TypeError, match="text 1 is int, not str"):
        falx.audit([1, 2])
    with pytest.raises(TypeError):
        falx.audit(42)


def test_refusals_raise_falx_error() -> None:
    with pytest.raises(falx.FalxError) as missing:
        falx.audit("Corpus/no-such-folder")
    assert missing.value.exit_code == 2
    assert "no such file or folder" in missing.value.message
    with pytest.raises(falx.FalxError) as bad_value:
        falx.audit(["Falx calcification."], date_order="ymd")
    assert bad_value.value.exit_code == 64
    assert "'ymd' is invalid" in bad_value.value.stderr
    with pytest.raises(falx.FalxError) as bad_lexicon:
        falx.audit(["Falx calcification."], lexicon_add="Corpus/no-such.lexicon")
    assert bad_lexicon.value.exit_code != 0


def test_a_missing_binary_is_a_falx_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FALX_BINARY", str(tmp_path / "falx"))
    with pytest.raises(falx.FalxError, match="not an executable"):
        falx.audit(["x"])
