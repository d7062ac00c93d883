"""The rendered YAML of every environment, pinned: a change shows up as a YAML diff to review.

Snapshots live in __snapshots__/test_snapshots/ as plain .yaml files. After an
intended change: `make test ARGS=--snapshot-update`, then read the diff.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("env", ["development", "staging", "production"])
def test_environment_output(rendered, yaml_snapshot, env) -> None:
    document = "".join(f"# {name}\n{text}" for name, text in rendered[env].items())
    assert document == yaml_snapshot


@pytest.mark.parametrize("folder", ["argocd", "argocd-applicationset"])
def test_gitops_output(rendered, yaml_snapshot, folder) -> None:
    document = "".join(f"# {name}\n{text}" for name, text in rendered[folder].items())
    assert document == yaml_snapshot
