"""The Go toolchain the engine tests build their readers with (go-yaml v2 and v3 from
Debian's packages): where its sources are, and why it is missing, with the install command."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

PACKAGES = ("golang-go", "golang-gopkg-yaml.v2-dev", "golang-gopkg-yaml.v3-dev")
INSTALL = f"apt-get install -y --no-install-recommends {' '.join(PACKAGES)} (`make system-packages` runs it)"
GOCODE = Path("/usr/share/gocode")


def missing_go_yaml(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """Why the reader cannot be built, with the command that installs what it needs."""
    missing = [p for p in ("yaml.v2", "yaml.v3") if not (GOCODE / "src" / "gopkg.in" / p).is_dir()]
    if which("go") is None or missing:
        return f"go-yaml is needed (go: {which('go') or 'missing'}, missing: {missing}): {INSTALL}"
    return None
