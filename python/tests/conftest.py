"""Shared paths for the tests. They run the binary FALX_BINARY names (python/test.sh sets the debug
build), else the one an installed wheel carries; with neither, every test fails (falx.FalxError)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "Corpus"
INGEST_FIXTURES = REPO / "Tests" / "FalxIngestTests" / "Fixtures"
GOLDEN = REPO / "Tests" / "FalxCLITests" / "Fixtures" / "golden"


@pytest.fixture(autouse=True)
def _run_from_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Falx writes sources as the paths it was given: the tests give them relative to the repository."""
    monkeypatch.chdir(REPO)
