"""Finding and running the falx binary; its failures as :class:`FalxError`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "bin" / "falx"


class FalxError(RuntimeError):
    """The falx binary refused a run or failed: its message (stderr) and exit code.

    Exit codes (docs/refusals.md): 2 for a refused run (a missing input, an output that is an
    input), 64 for bad flags, 130/143 after SIGINT/SIGTERM; -N when a signal N ended it.
    """

    def __init__(self, message: str, exit_code: int, stderr: str = "", command: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.stderr = stderr
        self.command = list(command)

    def __str__(self) -> str:
        return f"{self.message} (falx exit {self.exit_code})"


def binary() -> str:
    """The falx binary this package runs: ``FALX_BINARY`` from the environment, else the one the
    wheel carries. Raises :class:`FalxError` when neither exists."""
    override = os.environ.get("FALX_BINARY")
    if override:
        if not os.access(override, os.X_OK):
            raise FalxError(f"FALX_BINARY={override} is not an executable file", 127)
        return override
    if BUNDLED.is_file():
        return str(BUNDLED)
    raise FalxError(
        f"no falx binary: this install carries none at {BUNDLED}; set FALX_BINARY to a falx executable", 127
    )


def error_from(command: Sequence[str], exit_code: int, stderr: str) -> FalxError:
    """A :class:`FalxError` for a failed run: the last non-empty stderr lines are its message."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    message = "\n".join(lines[-5:]) if lines else f"{Path(command[0]).name} failed without a message"
    return FalxError(message, exit_code, stderr, command)


def run(arguments: Sequence[str], input_text: str | None = None) -> str:
    """Runs ``falx ARGUMENTS`` to completion and returns its standard output (UTF-8).

    Raises :class:`FalxError` with the binary's message and exit code when it exits non-zero."""
    command = [binary(), *arguments]
    completed = subprocess.run(
        command,
        input=None if input_text is None else input_text.encode("utf-8"),
        stdin=subprocess.DEVNULL if input_text is None else None,
        capture_output=True,
        check=False,
        env=_environment(),
    )
    stderr = completed.stderr.decode("utf-8", errors="replace")
    if completed.returncode != 0:
        message = stderr or completed.stdout.decode("utf-8", errors="replace")
        raise error_from(command, completed.returncode, message)
    return completed.stdout.decode("utf-8")


def _environment() -> dict[str, str]:
    """The environment for falx: the caller's, without Swift's backtracer (a crash reports its
    exit code instead of a slow symbolicated dump)."""
    env = dict(os.environ)
    env.setdefault("SWIFT_BACKTRACE", "enable=no")
    return env


def popen(command: Sequence[str], with_stdin: bool) -> subprocess.Popen[bytes]:
    """Starts ``command`` (``[binary(), ...]``) with piped standard output and error (and input,
    if asked)."""
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE if with_stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
    )
