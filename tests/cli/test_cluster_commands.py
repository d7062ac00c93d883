"""The commands that pick one folder, on an environment split per cluster (production):
`render --cluster`, `diff --between ENV/CLUSTER ...` and `loadtest --cluster` cover each
cluster, and a missing or unknown cluster is one line naming the clusters (exit 2)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import PROJECT, ROOT

from cdk8s_webservice import ConfigError, cli
from cdk8s_webservice.cli import loadtest as commands


def run(*argv: str, root: Path) -> int:
    with contextlib.chdir(root):
        return cli.main(list(argv), project=PROJECT, root=root)


def committed(folder: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text()) for p in sorted((ROOT / "dist" / folder).glob("*.yaml"))]


@pytest.mark.parametrize("cluster", ["prod-eu-west-1", "prod-us-east-1"])
def test_render_prints_the_cluster_picked(cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", "-e", "production", "--cluster", cluster, root=tmp_path) == 0
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    key = lambda d: (d["kind"], d["metadata"]["name"])  # noqa: E731
    assert sorted(documents, key=key) == sorted(committed(f"production/{cluster}"), key=key)
    (ingress,) = (d for d in documents if d["kind"] == "Ingress")
    regional = f"{cluster.split('-')[1]}.blacklist.jclee.me"
    assert [r["host"] for r in ingress["spec"]["rules"]] == ["blacklist.jclee.me", regional]


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["render", "-e", "production"],
            "error: --cluster: None is not allowed; one of: prod-eu-west-1, prod-us-east-1 "
            "(production differs per cluster: pick one)\n",
        ),
        (
            ["render", "-e", "production", "-c", "prod-ap-south-1"],
            "error: --cluster: 'prod-ap-south-1' is not allowed; one of: prod-eu-west-1, prod-us-east-1\n",
        ),
        (
            ["render", "-e", "staging", "--cluster", "prod-eu-west-1"],
            "error: --cluster: 'prod-eu-west-1' is not allowed; none: staging has one destination\n",
        ),
        (
            ["diff", "--between", "staging", "production"],
            "error: --cluster: None is not allowed; one of: prod-eu-west-1, prod-us-east-1 "
            "(production differs per cluster: pick one)\n",
        ),
        (
            ["diff", "--between", "production/prod-eu-west-1", "production/eu"],
            "error: --cluster: 'eu' is not allowed; one of: prod-eu-west-1, prod-us-east-1\n",
        ),
    ],
    ids=["render-none", "render-unknown", "render-one-destination", "between-none", "between-unknown"],
)
def test_a_missing_or_unknown_cluster_is_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*argv, root=tmp_path) == 2
    captured = capsys.readouterr()
    assert captured.err == message and captured.out == ""


def test_diff_between_two_clusters_of_production(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("diff", "--between", "production/prod-eu-west-1", "production/prod-us-east-1", root=tmp_path) == 1
    out = capsys.readouterr().out
    assert out.startswith("production/prod-eu-west-1 -> production/prod-us-east-1: 2 objects differ\n")
    assert "~ EC2NodeClass/blacklist-production\n" in out
    assert "spec.role: KarpenterNodeRole-prod-eu-west-1 -> KarpenterNodeRole-prod-us-east-1" in out
    assert "~ Ingress/blacklist\n" in out and "us.blacklist.jclee.me" in out
    # An environment and a cluster of another.
    assert run("diff", "--between", "staging", "production/prod-us-east-1", root=tmp_path) == 1
    assert "staging -> production/prod-us-east-1:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, url",
    [
        (["-e", "production", "--cluster", "prod-us-east-1"], "https://us.blacklist.jclee.me"),
        (["-e", "production", "--cluster", "prod-eu-west-1"], "https://eu.blacklist.jclee.me"),
        (["-e", "production"], "https://blacklist.jclee.me"),
    ],
    ids=["us", "eu", "public"],
)
def test_loadtest_targets_the_cluster_picked(
    argv: list[str], url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URL the run would test (stopped before k6: nothing leaves this machine)."""
    monkeypatch.setattr(commands, "find_k6", lambda: Path("k6"))

    def reachable(target: str, path: str) -> None:
        raise ConfigError("--url", target, "stopped by the test before any request")

    monkeypatch.setattr(commands, "check_url", reachable)
    assert run("loadtest", *argv, root=tmp_path) == 2
    assert capsys.readouterr().err == f"error: --url: '{url}' is not allowed; stopped by the test before any request\n"
