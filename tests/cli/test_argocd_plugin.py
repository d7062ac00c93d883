"""Argo CD's Config Management Plugin and the Source Hydrator layout (argocd_plugin.py):
the plugin's generate prints exactly what render prints, refuses in one line, and the
committed argocd-plugin/ folder is what the library writes now."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
import yaml
from conftest import PROJECT, ROOT

from cdk8s_webservice import cli
from cdk8s_webservice.cli import argocd_cmp, argocd_plugin, source_hydrator
from cdk8s_webservice.synthesis.cdk8s_app import stream
from cdk8s_webservice.synthesis.output import read_tree

if TYPE_CHECKING:
    from constructs import Construct

    from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, ServiceProject

PLUGIN_FOLDER = ROOT / "argocd-plugin"
SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def no_argocd_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the variables a test sets (as Argo CD's CMP server would)."""
    for name in list(os.environ):
        if name.startswith(("ARGOCD_ENV_", "ARGOCD_APP_")):
            monkeypatch.delenv(name)


def run(project: ServiceProject, *argv: str, cwd: Path) -> int:
    with contextlib.chdir(cwd):
        return cli.main(list(argv), project=project, root=ROOT)


def generate(
    project: ServiceProject, variables: dict[str, str], capsys: pytest.CaptureFixture[str], cwd: Path
) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        code = run(project, "plugin", "generate", cwd=cwd)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def committed(folder: str) -> str:
    """A folder of the committed dist/ as one stream (what ArgoCD syncs from it)."""
    return stream(read_tree(ROOT / folder, marker=False))


def plugin_applications() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text()) for p in sorted((PLUGIN_FOLDER / "plugin").glob("*.yaml"))]


def variables_of(application: dict[str, Any]) -> dict[str, str]:
    """The variables Argo CD's CMP server gives generate for this Application."""
    source = application["spec"].get("source") or application["spec"]["sourceHydrator"]["drySource"]
    env = {f"ARGOCD_ENV_{item['name']}": item["value"] for item in source["plugin"]["env"]}
    return {
        **env,
        "ARGOCD_APP_NAME": application["metadata"]["name"],
        "ARGOCD_APP_NAMESPACE": application["spec"]["destination"]["namespace"],
    }


# -- generate ---------------------------------------------------------------------------


@pytest.mark.parametrize("application", plugin_applications(), ids=lambda a: a["metadata"]["name"])
def test_generate_prints_what_render_prints_and_what_the_directory_application_syncs(
    application: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every Application of the project, its source the plugin: generate with its variables
    prints render's stream byte for byte, which is the committed folder the directory
    Application of the same name syncs; nothing is written."""
    name = application["metadata"]["name"]
    directory = yaml.safe_load((ROOT / "dist" / "argocd" / f"application-{name}.yaml").read_text())
    variables = variables_of(application)
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "dist").rglob("*")}
    code, out, err = generate(PROJECT, variables, capsys, tmp_path)
    assert (code, err) == (0, "")
    cluster = variables.get("ARGOCD_ENV_CLUSTER")
    assert (
        run(
            PROJECT,
            "render",
            "-e",
            variables["ARGOCD_ENV_ENVIRONMENT"],
            *(["-c", cluster] if cluster else []),
            cwd=tmp_path,
        )
        == 0
    )
    rendered = capsys.readouterr().out
    assert out == rendered == committed(directory["spec"]["source"]["path"])
    assert out.startswith("---\napiVersion: ") and out.count("\n---\n") >= 10
    assert list(tmp_path.iterdir()) == []
    assert {p: p.stat().st_mtime_ns for p in (ROOT / "dist").rglob("*")} == before


def test_every_application_and_cluster_has_its_plugin_application() -> None:
    directory = sorted(p.name for p in (ROOT / "dist" / "argocd").glob("application-*.yaml"))
    assert sorted(p.name for p in (PLUGIN_FOLDER / "plugin").glob("*.yaml")) == directory
    assert sorted(p.name for p in (PLUGIN_FOLDER / "source-hydrator").glob("*.yaml")) == directory
    assert len(directory) == 4  # development, staging, production on each of its two clusters


def test_the_console_command_prints_the_stream_and_refuses_in_one_line() -> None:
    """The real `cdk8s-webservice` process, as the sidecar runs it in the repository."""
    script = Path(sys.executable).parent / "cdk8s-webservice"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARGOCD_ENV_", "ARGOCD_APP_"))}
    done = subprocess.run(
        [str(script), *argocd_cmp.GENERATE[1:]],
        cwd=ROOT,
        env={**env, "ARGOCD_ENV_ENVIRONMENT": "staging", "ARGOCD_APP_NAMESPACE": "blacklist-staging"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == committed("dist/staging")
    refused = subprocess.run(
        [str(script), *argocd_cmp.GENERATE[1:]],
        cwd=ROOT,
        env={**env, "ARGOCD_ENV_ENVIRONMENT": "qa"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "error: ARGOCD_ENV_ENVIRONMENT: 'qa' is not allowed; one of: development, staging, production "
        "(the Application's spec.source.plugin.env ENVIRONMENT)\n"
    )


@pytest.mark.parametrize(
    "variables, line",
    [
        (
            {},
            "error: ARGOCD_ENV_ENVIRONMENT: None is not allowed; one of: development, staging, production "
            "(the Application's spec.source.plugin.env ENVIRONMENT)",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": ""},
            "error: ARGOCD_ENV_ENVIRONMENT: None is not allowed; one of: development, staging, production",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": "Staging"},
            "error: ARGOCD_ENV_ENVIRONMENT: 'Staging' is not allowed; one of: development, staging, production",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": "production"},
            "error: ARGOCD_ENV_CLUSTER: None is not allowed; one of: prod-eu-west-1, prod-us-east-1 "
            "(production differs per cluster: pick one); set plugin.env CLUSTER",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": "production", "ARGOCD_ENV_CLUSTER": "prod-ap-south-1"},
            "error: ARGOCD_ENV_CLUSTER: 'prod-ap-south-1' is not allowed; one of: prod-eu-west-1, prod-us-east-1",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": "staging", "ARGOCD_ENV_CLUSTER": "prod-eu-west-1"},
            "error: ARGOCD_ENV_CLUSTER: 'prod-eu-west-1' is not allowed; none: staging has one destination; "
            "unset plugin.env CLUSTER",
        ),
        (
            {"ARGOCD_ENV_ENVIRONMENT": "staging", "ARGOCD_APP_NAMESPACE": "blacklist-dev"},
            "error: ARGOCD_APP_NAMESPACE: 'blacklist-dev' is not allowed; 'blacklist-staging', staging's namespace",
        ),
    ],
)
def test_a_missing_or_wrong_variable_is_one_line_naming_it(
    variables: dict[str, str], line: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = generate(PROJECT, variables, capsys, tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(line) and err.count("\n") == 1, err


def refused_chart(scope: Construct, profile: EnvironmentProfile) -> EnvironmentChart:
    """blacklist's chart and a privileged Pod beside it, which the gate refuses."""
    from cdk8s import ApiObject, ApiObjectMetadata, JsonPatch

    chart = PROJECT.chart(scope, profile)
    pod = ApiObject(
        chart,
        "debug",
        api_version="v1",
        kind="Pod",
        metadata=ApiObjectMetadata(name="debug", namespace=profile.namespace),
    )
    container = {"name": "debug", "image": "busybox:1.36", "securityContext": {"privileged": True}}
    pod.add_json_patch(JsonPatch.add("/spec", {"containers": [container]}))
    return chart


def test_a_gate_refusal_is_one_line_and_no_stream(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project = dataclasses.replace(PROJECT, chart=refused_chart)
    assert run(project, "render", "-e", "staging", cwd=tmp_path) == 1
    report = capsys.readouterr()
    assert report.out == ""
    count = report.err.splitlines()[0].split(" violation(s)")[0]  # "the gate refused N"
    assert int(count.rsplit(" ", 1)[1]) >= 2 and report.err.count("\n") > 2
    code, out, err = generate(project, {"ARGOCD_ENV_ENVIRONMENT": "staging"}, capsys, tmp_path)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith(
        f"error: {count} violation(s) (`cdk8s-webservice render -e staging` lists each): "
    )
    assert "debug" in err
    assert len(err) <= 1001


# -- the plugin's manifests ---------------------------------------------------------------


def committed_image() -> str:
    patch = yaml.safe_load((PLUGIN_FOLDER / "argocd-repo-server-patch.yaml").read_text())
    return str(patch["spec"]["template"]["spec"]["containers"][0]["image"])


def test_the_committed_folder_is_what_the_library_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """argocd-plugin/ stays true: `plugin manifests` with its image writes it byte for byte."""
    image = committed_image()
    assert image == "registry.jclee.me/blacklist-argocd-cmp:0.6.0"
    assert run(PROJECT, "plugin", "manifests", "--image", image, "--out", "out", cwd=tmp_path) == 0
    assert capsys.readouterr().out == "wrote 11 files under out/\n"
    assert read_tree(tmp_path / "out") == read_tree(PLUGIN_FOLDER)


def test_manifests_refuse_a_moving_image_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = run(PROJECT, "plugin", "manifests", "--image", "registry.jclee.me/cmp:latest", "--out", "out", cwd=tmp_path)
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: --image: 'registry.jclee.me/cmp:latest' is not allowed; a release tag")
    assert err.count("\n") == 1 and not (tmp_path / "out").exists()


# Argo CD's PluginConfig (cmpserver/plugin/config.go at 37ee0097cf85): each field's JSON
# name and type. Argo CD reads plugin.yaml with sigs.k8s.io/yaml, which ignores a field it
# does not know, so a misspelt one would be silently dropped: here it fails.
COMMAND = {"command": list, "args": list}
PLUGIN_CONFIG: dict[str, Any] = {
    "apiVersion": str,
    "kind": str,
    "metadata": {"name": str},
    "spec": {
        "version": str,
        "init": COMMAND,
        "generate": COMMAND,
        "discover": {"find": {**COMMAND, "glob": str}, "fileName": str},
        "parameters": {"static": list, "dynamic": COMMAND},
        "preserveFileMode": bool,
        "provideGitCreds": bool,
    },
}


def shape_errors(value: Any, shape: Any, at: str = "") -> list[str]:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{at}: not an object"]
        errors = [f"{at}.{key}: not a field of Argo CD's PluginConfig" for key in value if key not in shape]
        return errors + [
            e for key in value if key in shape for e in shape_errors(value[key], shape[key], f"{at}.{key}")
        ]
    if not isinstance(value, shape):
        return [f"{at}: a {type(value).__name__}, not a {shape.__name__}"]
    if shape is list and not all(isinstance(item, str) for item in value):
        return [f"{at}: not a list of strings"]
    return []


def validate_plugin_config(config: dict[str, Any]) -> list[str]:
    """config.go's field types, and its ValidatePluginConfig."""
    errors = shape_errors(config, PLUGIN_CONFIG)
    if not config.get("metadata", {}).get("name"):
        errors.append("metadata.name should be non-empty")
    if config.get("kind") != "ConfigManagementPlugin":
        errors.append("kind should be ConfigManagementPlugin")
    if not config.get("spec", {}).get("generate", {}).get("command"):
        errors.append("spec.generate command should be non-empty")
    return errors


def test_plugin_yaml_is_argo_cds_plugin_config_and_the_config_map_holds_it() -> None:
    config = yaml.safe_load((PLUGIN_FOLDER / "plugin.yaml").read_text())
    assert validate_plugin_config(config) == []
    assert config["apiVersion"] == "argoproj.io/v1alpha1"
    assert config["spec"]["generate"]["command"] == ["cdk8s-webservice", "plugin", "generate"]
    assert "discover" not in config["spec"] and "version" not in config["spec"]  # only Applications naming it
    config_map = yaml.safe_load((PLUGIN_FOLDER / "configmap-cdk8s-webservice-cmp.yaml").read_text())
    assert config_map["data"]["plugin.yaml"] == (PLUGIN_FOLDER / "plugin.yaml").read_text()
    # No version: an Application names the plugin by metadata.name alone.
    for application in plugin_applications():
        assert application["spec"]["source"]["plugin"]["name"] == config["metadata"]["name"]
    # The check can fail: a misspelt field, a wrong type, no generate.
    spec = config["spec"]
    assert validate_plugin_config({**config, "spec": {**spec, "generates": spec["generate"]}}) == [
        ".spec.generates: not a field of Argo CD's PluginConfig"
    ]
    assert validate_plugin_config({**config, "spec": {**spec, "preserveFileMode": "no"}}) == [
        ".spec.preserveFileMode: a str, not a bool"
    ]
    assert validate_plugin_config({**config, "spec": {"generate": {"command": []}}}) == [
        "spec.generate command should be non-empty"
    ]


def test_the_sidecar_is_argo_cds_documented_one() -> None:
    """config-management-plugins.md's checklist: argocd-cmp-server as the entry point, user
    999, plugin.yaml at its path, its own /tmp (not the repo-server's `tmp`)."""
    patch = yaml.safe_load((PLUGIN_FOLDER / "argocd-repo-server-patch.yaml").read_text())
    pod = patch["spec"]["template"]["spec"]
    [sidecar] = pod["containers"]
    assert sidecar["command"] == ["/var/run/argocd/argocd-cmp-server"]
    assert sidecar["securityContext"]["runAsUser"] == 999 and sidecar["securityContext"]["runAsNonRoot"] is True
    mounts = {m["mountPath"]: m for m in sidecar["volumeMounts"]}
    assert set(mounts) == {
        "/var/run/argocd",
        "/home/argocd/cmp-server/plugins",
        "/home/argocd/cmp-server/config/plugin.yaml",
        "/tmp",
    }
    assert (mounts["/var/run/argocd"]["name"], mounts["/home/argocd/cmp-server/plugins"]["name"]) == (
        "var-files",
        "plugins",
    )
    assert mounts["/home/argocd/cmp-server/config/plugin.yaml"]["subPath"] == "plugin.yaml"
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes[mounts["/home/argocd/cmp-server/config/plugin.yaml"]["name"]] == {
        "name": "cdk8s-webservice-cmp",
        "configMap": {"name": "cdk8s-webservice-cmp"},
    }
    assert mounts["/tmp"]["name"] != "tmp" and volumes[mounts["/tmp"]["name"]]["emptyDir"] == {}


def test_the_source_hydrator_applications() -> None:
    """source-hydrator.md: drySource (the plugin), syncSource (a branch per environment,
    the path the directory Application syncs today: never the repository's root)."""
    for path in sorted((PLUGIN_FOLDER / "source-hydrator").glob("*.yaml")):
        application = yaml.safe_load(path.read_text())
        directory = yaml.safe_load((ROOT / "dist" / "argocd" / path.name).read_text())
        hydrator = application["spec"]["sourceHydrator"]
        assert "source" not in application["spec"]
        assert (
            hydrator["drySource"]
            == yaml.safe_load((PLUGIN_FOLDER / "plugin" / path.name).read_text())["spec"]["source"]
        )
        environment = directory["metadata"]["labels"]["environment"]
        assert hydrator["syncSource"] == {
            "targetBranch": f"environments/{environment}",
            "path": directory["spec"]["source"]["path"],
        }
        rest = {k: v for k, v in application["spec"].items() if k != "sourceHydrator"}
        assert rest == {k: v for k, v in directory["spec"].items() if k != "source"}


# -- the hydrated layout ----------------------------------------------------------------


def test_hydrate_writes_the_layout_argo_cd_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "hydrated"
    (out / "dist" / "production").mkdir(parents=True)
    (out / "dist" / "production" / "notes.txt").write_text("kept\n")  # Argo CD deletes nothing either
    assert (
        run(PROJECT, "plugin", "hydrate", "-e", "production", "--out", "hydrated", "--dry-sha", SHA, cwd=tmp_path) == 0
    )
    assert capsys.readouterr().out == "wrote 8 files under hydrated/ for environments/production\n"
    files = read_tree(out)
    paths = [
        yaml.safe_load(p.read_text())["spec"]["sourceHydrator"]["syncSource"]["path"]
        for p in sorted((PLUGIN_FOLDER / "source-hydrator").glob("application-blacklist-production-*.yaml"))
    ]
    assert paths == ["dist/production/prod-eu-west-1", "dist/production/prod-us-east-1"]
    assert sorted(files) == sorted(
        [".gitattributes", "hydrator.metadata", "dist/production/notes.txt"]
        + [f"{p}/{name}" for p in paths for name in ("README.md", "hydrator.metadata", "manifest.yaml")]
    )
    repo = "https://git.jclee.me/jclee/blacklist.git"
    assert json.loads(files["hydrator.metadata"]) == {"repoURL": repo, "drySha": SHA}
    for path in paths:
        cluster = path.rsplit("/", 1)[1]
        assert run(PROJECT, "render", "-e", "production", "-c", cluster, cwd=tmp_path) == 0
        assert files[f"{path}/manifest.yaml"] == capsys.readouterr().out == committed(path)
        command = f"cdk8s-webservice render -e production --cluster {cluster}"
        assert json.loads(files[f"{path}/hydrator.metadata"]) == {"repoURL": repo, "drySha": SHA, "commands": [command]}
        assert f"git checkout {SHA}\n{command}\n```\n" in files[f"{path}/README.md"]
    assert files["dist/production/notes.txt"] == "kept\n"


@pytest.mark.parametrize(
    "argv, line",
    [
        (
            ["-e", "staging", "--out", "h", "--dry-sha", "abc"],
            "error: --dry-sha: 'abc' is not allowed; a full commit SHA",
        ),
        (["-e", "qa", "--out", "h", "--dry-sha", SHA], "error: environment: 'qa' is not allowed; one of: development"),
        # an unknown environment is named before the dry commit is looked for (or checked)
        (
            ["-e", "qa", "--out", "h", "--dry-sha", "abc"],
            "error: environment: 'qa' is not allowed; one of: development",
        ),
        (["-e", "staging", "--out", str(ROOT), "--dry-sha", SHA], "error: --out: "),
        (["-e", "staging", "--out", str(ROOT / "dist" / "x"), "--dry-sha", SHA], "error: --out: "),
    ],
)
def test_hydrate_refusals_are_one_line_and_write_nothing(
    argv: list[str], line: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(PROJECT, "plugin", "hydrate", *argv, cwd=tmp_path) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(line) and captured.err.count("\n") == 1 and captured.out == ""
    assert list(tmp_path.iterdir()) == [] and not (ROOT / "dist" / "x").exists()


def test_the_dry_sha_is_head_of_a_clean_checkout_only(tmp_path: Path) -> None:
    def git(*argv: str) -> str:
        return subprocess.run(["git", *argv], cwd=tmp_path, check=True, capture_output=True, text=True).stdout

    with pytest.raises(Exception, match="not in a git repository"):
        source_hydrator.head_commit(tmp_path)
    git("init", "-q")
    (tmp_path / "main.py").write_text("")
    git("add", "main.py")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one")
    assert source_hydrator.head_commit(tmp_path) == git("rev-parse", "HEAD").strip()
    (tmp_path / "main.py").write_text("changed = True\n")
    with pytest.raises(Exception, match="uncommitted changes"):
        source_hydrator.head_commit(tmp_path)


@pytest.mark.parametrize("where", ["environments", "chart"])
def test_project_code_that_exits_0_is_no_empty_stream(
    where: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An empty stream with exit 0 would have Argo CD prune the whole service."""

    def exits(*_args: object) -> None:
        sys.exit(0)

    project = dataclasses.replace(PROJECT, **cast(dict[str, Any], {where: exits}))
    code, out, err = generate(project, {"ARGOCD_ENV_ENVIRONMENT": "staging"}, capsys, tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("error: --project: 'blacklist' is not allowed; a project whose code returns; it exited")
    assert err.count("\n") == 1


def test_an_environment_on_clusters_that_do_not_differ_hydrates_a_path_per_cluster(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Its Applications sync one folder; Argo CD refuses two of them hydrating to one path
    of a branch, so each cluster's is `<path>/<cluster>`, and hydrate writes each."""
    from cdk8s_webservice import Cluster, GitOpsTarget

    assert PROJECT.gitops is not None
    clusters = (
        Cluster(name="stg-a", server="https://a.example.com"),
        Cluster(name="stg-b", server="https://b.example.com"),
    )
    environments = {**PROJECT.gitops.environments, "staging": GitOpsTarget(clusters=clusters)}
    project = dataclasses.replace(PROJECT, gitops=dataclasses.replace(PROJECT.gitops, environments=environments))
    files = argocd_plugin.manifest_files(project, committed_image())
    for cluster in ("stg-a", "stg-b"):
        application = yaml.safe_load(files[f"source-hydrator/application-blacklist-staging-{cluster}.yaml"])
        hydrator = application["spec"]["sourceHydrator"]
        assert hydrator["syncSource"] == {"targetBranch": "environments/staging", "path": f"dist/staging/{cluster}"}
        assert hydrator["drySource"]["plugin"]["env"] == [{"name": "ENVIRONMENT", "value": "staging"}]
    assert run(project, "plugin", "hydrate", "-e", "staging", "--out", "h", "--dry-sha", SHA, cwd=tmp_path) == 0
    assert capsys.readouterr().out == "wrote 8 files under h/ for environments/staging\n"
    written = read_tree(tmp_path / "h")
    assert run(project, "render", "-e", "staging", cwd=tmp_path) == 0
    stream_ = capsys.readouterr().out
    assert written["dist/staging/stg-a/manifest.yaml"] == written["dist/staging/stg-b/manifest.yaml"] == stream_
    assert "dist/staging/manifest.yaml" not in written


def test_a_chart_that_builds_no_object_is_no_empty_stream(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from cdk8s_webservice import EnvironmentChart

    project = dataclasses.replace(
        PROJECT, chart=lambda scope, profile: EnvironmentChart(scope, profile.name, profile=profile)
    )
    code, out, err = generate(project, {"ARGOCD_ENV_ENVIRONMENT": "staging"}, capsys, tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("error: environment staging: 'EnvironmentChart' is not allowed; a chart that builds at least")
    assert err.count("\n") == 1


def test_hydrate_never_writes_through_a_symlink_of_the_checkout(tmp_path: Path) -> None:
    """The hydrated branch's checkout is input too: a symlink at a path hydrate writes (or a
    folder on the way) is replaced, or refused when it leads out of `--out`; never followed to
    a file outside it. Each file is replaced whole (no half-written manifest.yaml)."""
    from cdk8s_webservice import ConfigError

    out = tmp_path / "checkout"
    (out / "dist" / "staging").mkdir(parents=True)
    victim = tmp_path / "victim"
    victim.write_text("mine")
    (out / "dist" / "staging" / "manifest.yaml").symlink_to(victim)
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "dist" / "production").symlink_to(outside)
    source_hydrator.write_hydrated(out, {"dist/staging/manifest.yaml": "hydrated\n"})
    manifest = out / "dist" / "staging" / "manifest.yaml"
    assert victim.read_text() == "mine" and not manifest.is_symlink() and manifest.read_text() == "hydrated\n"
    with pytest.raises(ConfigError, match=r"^--out: .*dist/production/manifest\.yaml"):
        source_hydrator.write_hydrated(out, {"README.md": "x", "dist/production/manifest.yaml": "hydrated\n"})
    assert list(outside.iterdir()) == [] and not (out / "README.md").exists()
    assert sorted(p.name for p in manifest.parent.iterdir()) == ["manifest.yaml"]


def test_hydrate_into_a_file_is_one_line_naming_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    assert run(PROJECT, "plugin", "hydrate", "-e", "staging", "--out", "afile", "--dry-sha", SHA, cwd=tmp_path) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: --out: 'afile' is not allowed; a folder") and captured.err.count("\n") == 1
