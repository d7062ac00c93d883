"""dist/: what it holds, that it is deterministic, and that it is replaced whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any, cast

import pytest
import yaml
from conftest import ENVIRONMENTS, ENVS, FOLDERS, PROJECT, ROOT, read_tree

from cdk8s_webservice import ConfigError
from cdk8s_webservice.synthesis.output import MARKER, MARKER_TEXT, replace_directory, write_environments
from cdk8s_webservice.synthesis.rendering import render_files


def test_committed_dist_equals_a_fresh_synth(rendered: dict[str, dict[str, str]]) -> None:
    """CI and ArgoCD read the committed files: they must be what synth makes now."""
    expected = {f"{folder}/{name}": text for folder, files in rendered.items() for name, text in files.items()}
    assert read_tree(ROOT / "dist") == {**expected, MARKER: MARKER_TEXT}


def test_dist_layout(rendered: dict[str, dict[str, str]]) -> None:
    assert sorted(rendered) == [
        "argocd",
        "argocd-applicationset",
        "argocd-config",
        "development",
        "helm/development",
        "helm/production",
        "helm/prometheus-adapter",
        "helm/staging",
        "loadtest/development",
        "loadtest/production/prod-eu-west-1",
        "loadtest/production/prod-us-east-1",
        "loadtest/staging",
        "production/prod-eu-west-1",
        "production/prod-us-east-1",
        "staging",
    ]
    for env in ENVS:
        # ArgoCD syncs these folders as plain manifests: no Helm or Kustomize marker may appear.
        assert not {"Chart.yaml", "kustomization.yaml", "values.yaml"} & set(rendered[FOLDERS[env]])


def test_each_environment_holds_only_its_own_objects(objects: dict[str, list[dict[str, Any]]]) -> None:
    """(Sync-wave annotations aside, checked in test_gitops.)"""
    for env in ENVS:
        namespace = ENVIRONMENTS.get(env).namespace
        for obj in objects[env]:
            assert obj["metadata"].get("namespace", namespace) == namespace
            assert obj["metadata"]["labels"]["environment"] == env


def test_file_layout_is_kind_and_name(rendered: dict[str, dict[str, str]]) -> None:
    for folder in [*FOLDERS.values(), "production/prod-us-east-1", "argocd", "argocd-applicationset"]:
        files = rendered[folder]
        for name, text in files.items():
            obj = yaml.safe_load(text)
            assert name == f"{obj['kind'].lower()}-{obj['metadata']['name']}.yaml"


def test_object_counts(rendered: dict[str, dict[str, str]]) -> None:
    # Every environment: + FeatureFlag and FeatureFlagSource. Staging: + the k6 TestRun, its
    # ConfigMap and NetworkPolicy (its pods outside the mesh: no policy of the mesh for them,
    # and they call the public host, not the pods), three chaos Schedules; staging and
    # production: + PeerAuthentication and AuthorizationPolicy (the mesh); production:
    # + Karpenter's NodePool and EC2NodeClass.
    assert {env: len(rendered[FOLDERS[env]]) for env in ENVS} == {"development": 14, "staging": 35, "production": 27}


def test_rendering_twice_in_one_process_is_identical(rendered: dict[str, dict[str, str]]) -> None:
    assert PROJECT.synthesize() == rendered


def test_byte_identical_under_any_hash_seed(tmp_path: Path) -> None:
    """Also: `main.py` runs with the app's speed-ups (jsii struct fast path, -O
    style settings), the in-process fixture without them; both give dist/ exactly."""
    trees = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "main.py", "--out", str(out)], cwd=ROOT, env=env, check=True, capture_output=True
        )
        trees.append(read_tree(out))
    assert trees[0] == trees[1]
    assert trees[0] == read_tree(ROOT / "dist")


def test_unknown_environment_fails_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    (out / "staging").mkdir(parents=True)
    (out / "staging" / "keep.yaml").write_text("previous\n")
    (out / MARKER).write_text(MARKER_TEXT)
    result = subprocess.run(
        [sys.executable, "main.py", "-e", "prod", "--out", str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "error: environment: 'prod' is not allowed; one of: development, staging, production" in result.stderr
    assert read_tree(out) == {"staging/keep.yaml": "previous\n", MARKER: MARKER_TEXT}


def test_replace_removes_stale_files(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    replace_directory(target, {"a/old.yaml": "old\n", "stale.yaml": "x\n"})
    replace_directory(target, {"a/new.yaml": "new\n"})
    assert read_tree(target, marker=False) == {"a/new.yaml": "new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # no staging or backup left behind


def test_failed_write_leaves_the_previous_output_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "dist"
    replace_directory(target, {"staging/a.yaml": "before\n"})
    real_open = open
    written: list[str] = []

    def failing_open(path: str, *args: Any, **kwargs: Any) -> IO[Any]:
        written.append(path)
        if len(written) == 2:
            raise OSError("disk full")
        return cast(IO[Any], real_open(path, *args, **kwargs))

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(OSError, match="disk full"):
        replace_directory(target, {"staging/a.yaml": "after\n", "staging/b.yaml": "after\n"})
    monkeypatch.undo()
    assert read_tree(target, marker=False) == {"staging/a.yaml": "before\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]


def test_partial_synth_replaces_only_the_named_environment(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    write_environments(out, {"development": {"x.yaml": "dev\n"}, "staging": {"y.yaml": "stg\n"}}, whole=True)
    write_environments(out, {"staging": {"z.yaml": "new\n"}}, whole=False)
    assert read_tree(out, marker=False) == {"development/x.yaml": "dev\n", "staging/z.yaml": "new\n"}


def test_the_same_object_twice_is_refused() -> None:
    obj = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "namespace": "x"}}
    with pytest.raises(ConfigError, match="one object of a kind, namespace and name per environment"):
        render_files("staging", [obj, dict(obj)])


def test_a_folder_with_several_namespaces_names_files_by_namespace() -> None:
    a = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config", "namespace": "team-a"}}
    b = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config", "namespace": "team-b"}}
    ns = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}
    assert sorted(render_files("staging", [a, b, ns])) == [
        "configmap-team-a-config.yaml",
        "configmap-team-b-config.yaml",
        "namespace-team-a.yaml",
    ]


def test_multiline_strings_render_as_literal_blocks() -> None:
    from cdk8s_webservice.synthesis.rendering import to_yaml

    text = to_yaml({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"f": "a\nb\n"}})
    assert "f: |\n    a\n    b\n" in text
    assert text.startswith("apiVersion: v1\nkind: ConfigMap\nmetadata:\n")


def test_the_speedups_off_switch_changes_no_byte(tmp_path: Path) -> None:
    """`CDK8S_WEBSERVICE_SPEEDUPS=0` (no gate worker, cyclic GC on): the
    same output, to the byte."""
    env = {**os.environ, "CDK8S_WEBSERVICE_SPEEDUPS": "0"}
    result = subprocess.run(
        [sys.executable, "-O", "main.py", "--out", str(tmp_path / "dist")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert read_tree(tmp_path / "dist") == read_tree(ROOT / "dist")
