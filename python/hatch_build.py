"""Hatchling hooks for the falx wheel.

- The version is the binary's (``FALX_VERSION``, set by build-wheel.sh from ``falx --version``),
  else the one in Sources/FalxCore/FalxVersion.swift (editable installs from the repository).
- A wheel that carries the binary is platform-specific: its tag comes from ``FALX_WHEEL_TAG``
  (build-wheel.sh derives a manylinux tag from the glibc symbols the binary needs), else from the
  platform this build runs on. An editable install carries no binary and stays pure Python.
"""

from __future__ import annotations

import os
import re
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

HERE = Path(__file__).resolve().parent
BINARY = HERE / "src" / "falx" / "bin" / "falx"


def falx_version() -> str:
    """The version of the package: the bundled binary's, else the repository's Swift source."""
    if os.environ.get("FALX_VERSION"):
        return os.environ["FALX_VERSION"]
    swift = HERE.parent / "Sources" / "FalxCore" / "FalxVersion.swift"
    match = re.search(r'current\s*=\s*"([^"]+)"', swift.read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError(f"no version in {swift}; set FALX_VERSION")
    return match.group(1)


class CustomMetadataHook(MetadataHookInterface):
    def update(self, metadata: dict[str, Any]) -> None:
        metadata["version"] = falx_version()


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if not BINARY.is_file():
            raise RuntimeError(f"{BINARY} is missing: build the wheel with python/build-wheel.sh")
        build_data["pure_python"] = False
        platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
        build_data["tag"] = os.environ.get("FALX_WHEEL_TAG") or f"py3-none-{platform}"
