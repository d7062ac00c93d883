"""The cdk8s-webservice command: synth, diff, validate, promote, rollback, set-image."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from cdk8s_webservice import cli
from cdk8s_webservice.diff import diff_objects, field_changes, format_changes
from charts.environments import RELEASES_FILE, load_environments
from main import PROJECT


@pytest.fixture
def project(tmp_path: Path):
    """The blacklist project on a private copy of the releases file."""
    releases = tmp_path / "releases.yaml"
    shutil.copy(RELEASES_FILE, releases)
    return dataclasses.replace(PROJECT, environments=lambda: load_environments(releases), releases_file=releases)


def run(project, *argv: str, root: Path) -> int:
    return cli.main(list(argv), project=project, root=root)


def service_colour(out: Path) -> str:
    return yaml.safe_load((out / "staging" / "service-blacklist.yaml").read_text())["spec"]["selector"]["colour"]


def test_synth_prints_a_summary_per_environment(project, tmp_path, capsys) -> None:
    assert run(project, "synth", "--out", "dist", root=tmp_path) == 0
    out = capsys.readouterr().out
    assert "development  rolling     blacklist-dev" in out
    assert "staging      blue-green  blacklist-staging  20       blue: v1.5.0-rc.2 (live), green: v1.5.0-rc.1" in out
    assert "production   canary      blacklist          21       v1.4.2" in out
    assert (tmp_path / "dist" / "argocd" / "application-blacklist-staging.yaml").exists()


def test_synth_one_environment_with_another_strategy(project, tmp_path) -> None:
    assert run(project, "synth", "-e", "production", "-s", "blue-green", "--out", "dist", root=tmp_path) == 0
    names = sorted(p.name for p in (tmp_path / "dist" / "production").iterdir())
    assert "deployment-blacklist-green.yaml" in names and "canary-blacklist.yaml" not in names
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["helm", "production"]


def test_bad_arguments(project, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        run(project, "synth", "-s", "big-bang", root=tmp_path)
    assert exit.value.code == 2
    assert "--strategy: 'big-bang' is not allowed; one of: rolling, blue-green, canary" in capsys.readouterr().err
    assert run(project, "synth", "-e", "qa", "--out", "dist", root=tmp_path) == 2
    assert (
        "error: environment: 'qa' is not allowed; one of: development, staging, production" in capsys.readouterr().err
    )
    assert not (tmp_path / "dist").exists()


def test_help_lists_the_commands_and_rollback_paths(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    for command in ("synth", "diff", "validate", "promote", "rollback", "set-image"):
        assert command in text
    assert "argocd app rollback" in text and "Flagger rolls back" in text


def test_promote_and_rollback_flip_the_live_colour(project, tmp_path, capsys) -> None:
    run(project, "synth", "--out", "dist", root=tmp_path)
    out = tmp_path / "dist"
    assert service_colour(out) == "blue"
    assert run(project, "promote", "-e", "staging", root=tmp_path) == 0
    assert (
        "green (v1.5.0-rc.1) is live; blue (v1.5.0-rc.2) is the preview and rollback target" in capsys.readouterr().out
    )
    assert service_colour(out) == "green"
    assert "active: green" in project.releases_file.read_text()
    hpa = yaml.safe_load((out / "staging" / "horizontalpodautoscaler-blacklist.yaml").read_text())
    assert hpa["spec"]["scaleTargetRef"]["name"] == "blacklist-green"
    assert run(project, "rollback", "-e", "staging", root=tmp_path) == 0
    assert service_colour(out) == "blue"
    assert project.releases_file.read_text() == RELEASES_FILE.read_text()


def test_promote_is_refused_where_there_is_no_colour(project, tmp_path, capsys) -> None:
    assert run(project, "promote", "-e", "production", root=tmp_path) == 2
    err = capsys.readouterr().err
    assert "production.strategy: 'canary' is not allowed; blue-green for promote" in err
    assert "Flagger rolls back by itself" in err


def test_set_image_releases_to_the_preview(project, tmp_path, capsys) -> None:
    assert run(project, "set-image", "-e", "staging", "v1.6.0", root=tmp_path) == 0
    green = yaml.safe_load((tmp_path / "dist" / "staging" / "deployment-blacklist-green.yaml").read_text())
    assert green["spec"]["template"]["spec"]["containers"][0]["image"] == "registry.jclee.me/blacklist:v1.6.0"
    assert service_colour(tmp_path / "dist") == "blue"  # live traffic untouched until promote


def test_set_image_latest_in_production_is_refused_and_nothing_changes(project, tmp_path, capsys) -> None:
    before = project.releases_file.read_text()
    assert run(project, "set-image", "-e", "production", "latest", root=tmp_path) == 2
    assert "production.image_tag: 'latest' is not allowed; this environment pins image tags" in capsys.readouterr().err
    assert project.releases_file.read_text() == before
    assert not (tmp_path / "dist").exists()


def test_diff_against_the_output_folder(project, tmp_path, capsys) -> None:
    run(project, "synth", "--out", "dist", root=tmp_path)
    capsys.readouterr()
    assert run(project, "diff", "--out", "dist", root=tmp_path) == 0
    assert "no differences" in capsys.readouterr().out
    hpa = tmp_path / "dist" / "production" / "horizontalpodautoscaler-blacklist.yaml"
    hpa.write_text(hpa.read_text().replace("maxReplicas: 20", "maxReplicas: 12"))
    (tmp_path / "dist" / "production" / "configmap-blacklist-config.yaml").unlink()
    assert run(project, "diff", "--out", "dist", root=tmp_path) == 1
    out = capsys.readouterr().out
    assert "~ HorizontalPodAutoscaler/blacklist -n blacklist\n    spec.maxReplicas: 12 -> 20" in out
    assert "+ ConfigMap/blacklist-config -n blacklist" in out


def test_diff_between_environments(project, tmp_path, capsys) -> None:
    assert run(project, "diff", "--between", "development", "staging", root=tmp_path) == 1
    out = capsys.readouterr().out
    assert "- Deployment/blacklist\n" in out and "+ Deployment/blacklist-blue\n" in out
    assert "+ Ingress/blacklist" in out
    assert "    spec.maxReplicas: 3 -> 5" in out


def test_validate_the_committed_output() -> None:
    # The console script, found through pyproject.toml, as a user runs it.
    script = Path(sys.executable).parent / "cdk8s-webservice"
    result = subprocess.run([str(script), "validate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dist/ is current" in result.stdout


def test_validate_reports_stale_output(project, tmp_path, capsys) -> None:
    run(project, "synth", "--out", "dist", root=tmp_path)
    (tmp_path / "dist" / "staging" / "stale.yaml").write_text("---\n")
    assert run(project, "validate", "--out", "dist", root=tmp_path) == 1
    assert "dist/ is not what synth makes now: staging" in capsys.readouterr().out


def test_field_diff_matches_named_list_items() -> None:
    old = {"spec": {"containers": [{"name": "app", "image": "a:1"}, {"name": "sidecar", "image": "s:1"}]}}
    new = {"spec": {"containers": [{"name": "sidecar", "image": "s:1"}, {"name": "app", "image": "a:2"}]}}
    assert [(p, o, n) for p, o, n in field_changes(old, new)] == [("spec.containers[app].image", "a:1", "a:2")]
    key = ("Deployment", "ns", "app")
    changes = diff_objects({key: old}, {key: new})
    assert format_changes(changes) == "~ Deployment/app -n ns\n    spec.containers[app].image: a:1 -> a:2"


def test_a_one_character_change_in_a_dashboard_is_a_short_line_diff() -> None:
    path = ROOT / "dist" / "staging" / "configmap-blacklist-dashboard-business.yaml"
    old = yaml.safe_load(path.read_text())
    (name, dashboard) = old["data"].popitem()
    assert len(dashboard) > 2000 and '"title": "blacklist: business"' in dashboard
    new = {**old, "data": {name: dashboard.replace('"title": "blacklist: business"', '"title": "blacklist: businesS"')}}
    old = {**old, "data": {name: dashboard}}
    key = ("ConfigMap", "blacklist-staging", "blacklist-dashboard-business")
    text = format_changes(diff_objects({key: old}, {key: new}))
    assert text.splitlines() == [
        "~ ConfigMap/blacklist-dashboard-business -n blacklist-staging",
        f"    data.{name}:",
        "      @@ -1,4 +1,4 @@",
        "       {",
        '      -  "title": "blacklist: business",',
        '      +  "title": "blacklist: businesS",',
        '         "uid": "blacklist-business",',
        '         "tags": [',
    ]
    # The same change in minified JSON is pretty-printed for the diff: still a few lines.
    minified = {key: {"data": {name: json.dumps(json.loads(v))}} for key, v in ((key, dashboard),)}
    changed = {key: {"data": {name: json.dumps(json.loads(new["data"][name]))}}}
    assert len(format_changes(diff_objects(minified, changed)).splitlines()) == 8


def test_multiline_text_changes_show_as_line_diffs() -> None:
    key = ("ConfigMap", "ns", "scripts")
    old = {"data": {"run.sh": "#!/bin/sh\nset -eu\nexec app --port 8080\n", "LEVEL": "info"}}
    new = {"data": {"run.sh": "#!/bin/sh\nset -eu\nexec app --port 9090\n", "LEVEL": "n"}}
    assert format_changes(diff_objects({key: old}, {key: new})).splitlines() == [
        "~ ConfigMap/scripts -n ns",
        '    data.LEVEL: info -> "n"',
        "    data.run.sh:",
        "      @@ -1,3 +1,3 @@",
        "       #!/bin/sh",
        "       set -eu",
        "      -exec app --port 8080",
        "      +exec app --port 9090",
    ]
    added = format_changes(diff_objects({key: {"data": {"k": "v"}}}, {key: {"data": {"k": "v", "run.sh": "a\nb\n"}}}))
    assert added.splitlines()[1:] == ["    data.run.sh:", "      @@ -0,0 +1,2 @@", "      +a", "      +b"]
    newline = format_changes(diff_objects({key: {"data": {"f": "a\nb"}}}, {key: {"data": {"f": "a\nb\n"}}}))
    assert newline.splitlines()[2] == "      (the same lines: only the final newline or the JSON layout differs)"
