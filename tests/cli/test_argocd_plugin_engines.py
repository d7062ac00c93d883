"""The plugin's manifests and the hydrated layout, checked by the real engines: the sidecar
and its ConfigMap against Kubernetes 1.27's schema (strict), the Applications against
Argo CD's Application CRD (closed: an undeclared field is an error), and the hydrated
files against what Argo CD's commit server writes, its code run in Go
(tests/argocd/hydrator.go, built from Debian's packages in GOPATH mode).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from conftest import PROJECT, ROOT
from crd_strict import errors as crd_errors
from go_toolchain import GOCODE, missing_go_yaml

from cdk8s_webservice import cli
from cdk8s_webservice.synthesis.output import read_tree

PLUGIN_FOLDER = ROOT / "argocd-plugin"
KUBERNETES_VERSION = "1.27"
SOURCE = Path(__file__).parent / "argocd" / "hydrator.go"
SHA = "89abcdef0123456789abcdef0123456789abcdef"


def sidecar_pod(patch: dict[str, Any]) -> dict[str, Any]:
    """The patch's containers and volumes with the two volumes argocd-repo-server has
    (`var-files`, `plugins`: manifests/base/repo-server), as one Pod."""
    spec = patch["spec"]["template"]["spec"]
    volumes = [{"name": "var-files", "emptyDir": {}}, {"name": "plugins", "emptyDir": {}}, *spec["volumes"]]
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "argocd-repo-server", "namespace": "argocd"},
        "spec": {"containers": spec["containers"], "volumes": volumes},
    }


def test_the_sidecar_and_its_config_map_are_valid_kubernetes() -> None:
    patch = yaml.safe_load((PLUGIN_FOLDER / "argocd-repo-server-patch.yaml").read_text())
    pod = sidecar_pod(patch)
    kubernetes_validate.validate(pod, KUBERNETES_VERSION, strict=True)
    mounted = {m["name"] for c in pod["spec"]["containers"] for m in c["volumeMounts"]}
    assert mounted == {v["name"] for v in pod["spec"]["volumes"]}  # every mount has its volume
    config_map = yaml.safe_load((PLUGIN_FOLDER / "configmap-cdk8s-webservice-cmp.yaml").read_text())
    kubernetes_validate.validate(config_map, KUBERNETES_VERSION, strict=True)
    # The check can fail: a misspelt field of the container.
    container = {**pod["spec"]["containers"][0], "volumeMount": []}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(
            {**pod, "spec": {**pod["spec"], "containers": [container]}}, KUBERNETES_VERSION, strict=True
        )


def test_the_applications_are_valid_against_argo_cds_crd() -> None:
    applications = sorted((PLUGIN_FOLDER / "plugin").glob("*.yaml")) + sorted(
        (PLUGIN_FOLDER / "source-hydrator").glob("*.yaml")
    )
    assert len(applications) == 8
    for path in applications:
        assert crd_errors("argoproj.io_applications.yaml", yaml.safe_load(path.read_text())) == [], path
    hydrated = yaml.safe_load(applications[-1].read_text())
    hydrator = hydrated["spec"]["sourceHydrator"]
    misspelt = {**hydrator, "syncSource": {"branch": "environments/production", "path": "dist/production"}}
    assert crd_errors(
        "argoproj.io_applications.yaml", {**hydrated, "spec": {**hydrated["spec"], "sourceHydrator": misspelt}}
    )


@pytest.fixture(scope="module")
def go_hydrator() -> Path:
    """Argo CD's writer of a hydration, built once per version of its source."""
    problem = missing_go_yaml()
    if problem is not None:
        pytest.fail(problem)
    go = shutil.which("go")
    assert go is not None
    home = ROOT / "build" / "argocd-hydrator" / hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    binary = home / "hydrator"
    if not binary.exists():
        package = home / "src" / "argocdhydrator"
        package.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOURCE, package / "main.go")
        env = {**os.environ, "GO111MODULE": "off", "GOPATH": f"{home}:{GOCODE}", "GOCACHE": str(home / "cache")}
        env.pop("GOFLAGS", None)
        partial = home / f"hydrator.{os.getpid()}"
        built = subprocess.run(
            [go, "build", "-o", str(partial), "argocdhydrator"], env=env, capture_output=True, text=True, timeout=600
        )
        assert built.returncode == 0, built.stderr
        partial.replace(binary)
    return binary


@pytest.mark.parametrize("environment", ["staging", "production"])
def test_hydrate_writes_what_argo_cds_commit_server_writes(go_hydrator: Path, environment: str, tmp_path: Path) -> None:
    """Given the same objects, repository, dry commit and commands, Argo CD's writer and
    `plugin hydrate` write the same files: byte for byte, except manifest.yaml, which holds
    the same objects (Argo CD's is go-yaml v3's formatting of them: sorted keys, no leading
    `---`; ours is render's stream)."""
    with contextlib.chdir(tmp_path), contextlib.redirect_stdout(None):
        code = cli.main(
            ["plugin", "hydrate", "-e", environment, "--out", "ours", "--dry-sha", SHA], project=PROJECT, root=ROOT
        )
    assert code == 0
    ours = read_tree(tmp_path / "ours")
    root = json.loads(ours["hydrator.metadata"])
    paths = sorted(name.rsplit("/", 1)[0] for name in ours if name.endswith("/manifest.yaml"))
    request = {
        "repoURL": root["repoURL"],
        "drySha": root["drySha"],
        "paths": [
            {
                "path": path,
                "commands": json.loads(ours[f"{path}/hydrator.metadata"])["commands"],
                "manifests": list(yaml.safe_load_all(ours[f"{path}/manifest.yaml"])),
            }
            for path in paths
        ],
    }
    (tmp_path / "argo").mkdir()
    done = subprocess.run(
        [go_hydrator, str(tmp_path / "argo")], input=json.dumps(request), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    argo = read_tree(tmp_path / "argo")
    assert sorted(argo) == sorted(ours)
    assert len(paths) == (2 if environment == "production" else 1)
    for name in sorted(argo):
        if name.endswith("/manifest.yaml"):
            assert list(yaml.safe_load_all(argo[name])) == list(yaml.safe_load_all(ours[name])), name
            assert ours[name].startswith("---\n") and not argo[name].startswith("---\n")
        else:
            assert argo[name] == ours[name], name
