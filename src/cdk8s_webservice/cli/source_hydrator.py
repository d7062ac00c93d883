"""Argo CD's Source Hydrator layout: the files its commit server writes for each hydrated
path (`manifest.yaml`, `hydrator.metadata`, `README.md`) and at the root of the branch."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.errors import ConfigError

MANIFEST = "manifest.yaml"


METADATA = "hydrator.metadata"


README = "README.md"


GIT_ATTRIBUTES = ".gitattributes"


GIT_ATTRIBUTES_TEXT = "**/README.md linguist-generated=true\n**/hydrator.metadata linguist-generated=true"
"""commitserver/commit/hydratorhelper.go `gitAttributesContents`, byte for byte (no final newline)."""


SHA_PATTERN = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


README_TEMPLATE = """\
# Manifest Hydration

To hydrate the manifests in this repository, run the following commands:

```shell
git clone {repo_url}
# cd into the cloned directory
git checkout {dry_sha}
{commands}```
"""
"""util/settings/settings.go `DefaultManifestHydrationReadmeTemplate` as Go's text/template
renders it for a path's metadata (repoURL, drySha, commands; no references)."""


def metadata_json(repo_url: str, dry_sha: str, commands: Sequence[str] = ()) -> str:
    """`hydrator.metadata`: util/hydrator's HydratorCommitMetadata (empty fields omitted),
    as commitserver's encoder writes it (two-space indent, no HTML escaping, a final newline)."""
    data: dict[str, Any] = {"repoURL": repo_url, "drySha": dry_sha}
    if commands:
        data["commands"] = list(commands)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def readme(repo_url: str, dry_sha: str, commands: Sequence[str]) -> str:
    return README_TEMPLATE.format(
        repo_url=repo_url, dry_sha=dry_sha, commands="".join(f"{command}\n" for command in commands)
    )


def _git(root: Path, *argv: str) -> str:
    try:
        result = subprocess.run(["git", *argv], cwd=root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise ConfigError("--dry-sha", None, f"the dry commit's SHA (git {argv[0]} failed: {error})") from None
    if result.returncode != 0:
        raise ConfigError("--dry-sha", None, "the dry commit's SHA (the project is not in a git repository)")
    return result.stdout


def head_commit(root: Path) -> str:
    """The dry commit: `git rev-parse HEAD` in the project, whose files must be that
    commit's (a changed or new file would be rendered, but not be in the commit named)."""
    if _git(root, "status", "--porcelain", "--untracked-files=normal", "--", "."):
        raise ConfigError(
            "--dry-sha",
            None,
            "the dry commit's SHA: the project has uncommitted changes, so HEAD is not what is rendered "
            "(commit them, or name the commit with --dry-sha)",
        )
    return _git(root, "rev-parse", "HEAD").strip()


def write_hydrated(out: Path, files: Mapping[str, str]) -> None:
    """Overwrite the hydrated files in `out`, as Argo CD does; every other file stays.

    The checkout is input too: a folder on the way that leads out of `out` (a symlink) is
    refused before anything is written, and each file is replaced whole (written beside it,
    then renamed over it), so a symlink in its place is replaced, never written through."""
    root = out.resolve()
    for name in files:
        parent = (out / name).parent.resolve()
        if parent != root and root not in parent.parents:
            raise ConfigError(
                "--out", f"{out}/{name}", f"a path inside {str(out)!r} (a symlink on the way leads to {str(parent)!r})"
            )
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
