"""The gate reads what ArgoCD reads (a directory source with recurse): .yaml, .yml
and .json, multi-document files and Lists, the folder given and every folder
below it. Unreadable input is a violation naming file and document, never a
traceback; finding nothing is a failure. Secret values never reach a message."""

from __future__ import annotations

import copy
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from conftest import FOLDERS, PROJECT, ROOT, find

from cdk8s_webservice import cli
from cdk8s_webservice.gate import Gate

Objects = list[dict[str, Any]]


def privileged(objects: dict[str, Objects], name: str = "web") -> dict[str, Any]:
    deployment = copy.deepcopy(find(objects["development"], "Deployment", "blacklist"))
    deployment["metadata"]["name"] = name
    deployment["spec"]["template"]["spec"]["containers"][0]["securityContext"]["privileged"] = True
    return deployment


def dump(docs: list[Any]) -> str:
    return yaml.safe_dump_all(docs, sort_keys=False)


def configmap(name: str = "settings") -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": "blacklist-dev"}}


# 10 levels of 10 aliases each: 10**10 nodes once expanded, in a few hundred bytes.
ALIAS_BOMB = (
    "\n".join(
        ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: bomb, namespace: ns}", "x:", '  a0: &a0 ["lol", "lol"]']
        + [f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    )
    + "\n"
)

# (rule, files to write under the root: relative path -> text, the violation
# expected: environment, kind, name, field). A root folder named "env".
Files = Callable[[dict[str, Objects]], dict[str, str | bytes | tuple[str, str]]]
INPUT_CASES: list[tuple[str, str, Files, tuple[str, str, str, str]]] = [
    ("no-privileged", ".yml", lambda o: {"web.yml": dump([privileged(o)])}, ("env", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("no-privileged", ".json", lambda o: {"web.json": json.dumps(privileged(o))}, ("env", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("no-privileged", "multi-doc", lambda o: {"all.yaml": dump([configmap(), None, privileged(o)])}, ("env", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("no-privileged", "List", lambda o: {"list.yaml": dump([{"apiVersion": "v1", "kind": "List", "items": [configmap(), privileged(o)]}])}, ("env", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("no-privileged", "List in json", lambda o: {"list.json": json.dumps({"apiVersion": "v1", "kind": "List", "items": [privileged(o)]})}, ("env", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("no-privileged", "nested folder", lambda o: {"ok.yaml": dump([configmap()]), "a/b/web.yaml": dump([privileged(o)])}, ("a/b", "Deployment", "web", "spec.template.spec.containers[blacklist].securityContext.privileged")),
    ("input/yaml", "malformed YAML", lambda o: {"bad.yaml": dump([configmap()]) + "---\nkind: [Deployment\nmetadata: {}\n"}, ("env", "File", "bad.yaml", "document[1]")),
    ("input/json", "malformed JSON", lambda o: {"bad.json": '{"kind": "ConfigMap",}'}, ("env", "File", "bad.json", "document[0]")),
    ("input/json", "JSON array", lambda o: {"many.json": json.dumps([configmap()])}, ("env", "File", "many.json", "document[0]")),
    ("input/encoding", "not UTF-8", lambda o: {"latin.yaml": b"kind: ConfigMap\nmetadata: {name: caf\xe9}\n"}, ("env", "File", "latin.yaml", "(file)")),
    ("input/not-an-object", "bare string", lambda o: {"str.yaml": "---\njust some text\n"}, ("env", "File", "str.yaml", "document[0]")),
    ("input/not-an-object", "bare list and number", lambda o: {"n.yaml": "--- 42\n--- [1, 2]\n"}, ("env", "File", "n.yaml", "document[1]")),
    ("input/not-an-object", "List item", lambda o: {"l.yaml": dump([{"apiVersion": "v1", "kind": "List", "items": ["x"]}])}, ("env", "File", "l.yaml", "document[0].items[0]")),
    ("input/identity", "no name", lambda o: {"anon.yaml": dump([{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {}}])}, ("env", "File", "anon.yaml", "document[0].metadata.name")),
    ("input/identity", "no kind", lambda o: {"nokind.yaml": dump([{"apiVersion": "v1", "metadata": {"name": "x"}}])}, ("env", "File", "nokind.yaml", "document[0].kind")),
    ("input/pod-template", "missing template", lambda o: {"t.yaml": dump([{**privileged(o), "spec": {"selector": {"matchLabels": {"a": "b"}}}}])}, ("env", "File", "t.yaml", "document[0].spec.template")),
    ("input/pod-template", "CronJob without its job's template", lambda o: {"c.yaml": dump([{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"}, "spec": {"schedule": "@daily", "jobTemplate": {"spec": {}}}}])}, ("env", "File", "c.yaml", "document[0].spec.jobTemplate.spec.template")),
    ("input/unreadable", "dangling symlink", lambda o: {"ok.yaml": dump([configmap()]), "gone.yaml": ("symlink", "nowhere.yaml")}, ("env", "File", "gone.yaml", "(file)")),
    ("input/not-checked", "jsonnet", lambda o: {"ok.yaml": dump([configmap()]), "app.jsonnet": "{}"}, ("env", "File", "app.jsonnet", "(file)")),
    ("input/helm-chart", "Chart.yaml in an environment folder", lambda o: {"ok.yaml": dump([configmap()]), "prod/Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\n", "prod/templates/web.json": json.dumps(privileged(o))}, ("prod", "Folder", "prod", "Chart.yaml")),
    ("input/yaml", "nested 5000 deep", lambda o: {"ok.yaml": dump([configmap()]), "deep.yaml": "kind: ConfigMap\ndata: " + "[" * 5000 + "]" * 5000 + "\n"}, ("env", "File", "deep.yaml", "document[0]")),
    ("input/yaml", "alias bomb", lambda o: {"ok.yaml": dump([configmap()]), "bomb.yaml": ALIAS_BOMB}, ("env", "File", "bomb.yaml", "document[0]")),
    ("input/unreadable", "symlink loop", lambda o: {"ok.yaml": dump([configmap()]), "loop.yaml": ("symlink", "loop.yaml")}, ("env", "File", "loop.yaml", "(file)")),
    ("input/unreadable", "symlink out of the folder", lambda o: {"ok.yaml": dump([configmap()]), "passwd.yaml": ("symlink", "/etc/passwd")}, ("env", "File", "passwd.yaml", "(file)")),
    ("input/no-objects", "empty folder", lambda o: {}, ("env", "Folder", "env", "(folder)")),
    ("input/no-objects", "only empty and non-manifest files", lambda o: {"empty.yaml": "", "README.md": "# notes", "chart/Chart.yaml": "name: c", "chart/templates/d.yaml": dump([privileged(o)])}, ("env", "Folder", "env", "(folder)")),
]  # fmt: skip


@pytest.mark.parametrize("rule, form, files, where", INPUT_CASES, ids=[f"{c[0]}-{c[1]}" for c in INPUT_CASES])
def test_each_input_form_is_read_or_reported(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    tmp_path: Path,
    rule: str,
    form: str,
    files: Files,
    where: tuple[str, str, str, str],
) -> None:
    root = tmp_path / "env"
    root.mkdir()
    for relative, content in files(objects).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            path.symlink_to(content[1])
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    found = {(v.environment, v.kind, v.name, v.field, v.rule) for v in manifest_gate.check_folder(root)}
    assert (*where, rule) in found, sorted(found)


def test_a_fifo_is_reported_not_waited_on(manifest_gate: Gate, tmp_path: Path) -> None:
    root = tmp_path / "env"
    root.mkdir()
    (root / "ok.yaml").write_text(dump([configmap()]))
    os.mkfifo(root / "pipe.yaml")
    found = [(v.name, v.rule, v.message) for v in manifest_gate.check_folder(root)]
    assert found == [("pipe.yaml", "input/unreadable", "is not a regular file (a FIFO, socket or device)")]


def test_the_folder_argocd_syncs_is_checked_itself(manifest_gate: Gate, tmp_path: Path) -> None:
    """`gate dist/production` (the folder an Application syncs) looks at its own files."""
    folder = tmp_path / "production"
    shutil.copytree(ROOT / "dist" / FOLDERS["production"], folder)
    assert manifest_gate.check_folder(folder) == []
    text = (folder / "deployment-blacklist.yaml").read_text()
    (folder / "deployment-blacklist.yaml").write_text(text.replace("privileged: false", "privileged: true"))
    assert [(v.environment, v.rule) for v in manifest_gate.check_folder(folder)] == [("production", "no-privileged")]
    assert cli.main(["gate", str(folder)], project=PROJECT, root=tmp_path) == 1


def test_the_committed_environment_folders_pass_one_by_one(manifest_gate: Gate) -> None:
    for env in ("development", "staging", "production"):
        assert manifest_gate.check_folder(ROOT / "dist" / env) == []


def test_helm_charts_are_skipped(manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(dump([configmap()]))
    (tmp_path / "helm" / "x" / "templates").mkdir(parents=True)
    (tmp_path / "helm" / "x" / "Chart.yaml").write_text("apiVersion: v2\nname: x\nversion: 1.0.0\n")
    (tmp_path / "helm" / "x" / "templates" / "d.yaml").write_text("{{ .Values.broken")
    assert manifest_gate.check_folder(tmp_path) == []


ROOT_DEPLOYMENT = "spec.template.spec.containers[blacklist].securityContext"


@pytest.mark.parametrize(
    "where", ["argocd", "argocd-applicationset", "staging/argocd", "apps/argocd-applicationset/web"]
)
def test_every_rule_applies_whatever_the_folder_is_called(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], tmp_path: Path, where: str
) -> None:
    """Rules are chosen by kind, never by path: a privileged, hostNetwork, hostPID,
    root, `:latest` Deployment in a folder named like ArgoCD's is refused, through
    `gate <that folder>` and through `gate <a folder above it>`."""
    deployment = privileged(objects)
    pod = deployment["spec"]["template"]["spec"]
    pod.update(hostNetwork=True, hostPID=True)
    pod["securityContext"]["runAsNonRoot"] = False
    pod["containers"][0]["image"] = "nginx:latest"
    folder = tmp_path / "repo" / where
    folder.mkdir(parents=True)
    (folder / "web.yaml").write_text(dump([deployment]))
    expected = {
        ("no-privileged", f"{ROOT_DEPLOYMENT}.privileged"),
        ("no-host-namespaces", "spec.template.spec.hostNetwork"),
        ("no-host-namespaces", "spec.template.spec.hostPID"),
        ("run-as-non-root", "spec.template.spec.securityContext.runAsNonRoot"),
        ("no-latest-image", "spec.template.spec.containers[blacklist].image"),
    }
    for root in (folder, tmp_path / "repo"):
        found = {(v.rule, v.field) for v in manifest_gate.check_folder(root) if v.name == "web"}
        assert expected <= found, (root, sorted(found))
    assert cli.main(["gate", str(folder)], project=PROJECT, root=tmp_path) == 1


def test_the_gate_cli_reports_malformed_input_without_a_traceback(
    objects: dict[str, list[dict[str, Any]]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.yaml").write_text("kind: [\n")
    (tmp_path / "str.yaml").write_text("hello\n")
    assert cli.main(["gate", str(tmp_path)], project=PROJECT, root=tmp_path) == 1
    err = capsys.readouterr().err
    assert "[input/yaml]" in err and "[input/not-an-object]" in err and "Traceback" not in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["gate", str(empty)], project=PROJECT, root=tmp_path) == 1
    assert "[input/no-objects]" in capsys.readouterr().err


def test_a_rule_module_failing_on_malformed_input_is_a_violation(manifest_gate: Gate) -> None:
    """A Service port without a number breaks the schema; the cross-object rules,
    which read the number, report that they could not run instead of raising."""
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "s", "namespace": "n"},
        "spec": {"selector": {"a": "b"}, "ports": [{"name": "http"}]},
    }
    rules = {v.rule for v in manifest_gate.check("env", [service])}
    assert {"schema/kubernetes-1.27", "gate/rule-failed"} <= rules


SECRET = "Zq9-distinctive-secret-value-7Kx"


def test_no_message_contains_a_secret_value(
    manifest_gate: Gate, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": "hand-added", "namespace": "blacklist-dev"},
        "data": {"password": {"nested": SECRET}, "other": 12345678},
        "stringData": {"token": [SECRET], "plain": SECRET},
        "type": 7,
    }
    sealed = {
        "apiVersion": "bitnami.com/v1alpha1",
        "kind": "SealedSecret",
        "metadata": {"name": "sealed", "namespace": "blacklist-dev"},
        "spec": {"encryptedData": {"key": [SECRET]}, "template": {"data": {"k": {"v": SECRET}}}},
    }
    violations = manifest_gate.check("development", [secret, sealed])
    assert {v.rule for v in violations} >= {"schema/kubernetes-1.27", "schema/crd", "no-plain-secret"}
    assert any(v.field == "data.password" for v in violations)  # named by key
    for v in violations:
        assert SECRET not in str(v) and "12345678" not in str(v), str(v)
    # On disk too, through the CLI, and in a file that does not even parse.
    (tmp_path / "secret.yaml").write_text(dump([secret, sealed]))
    (tmp_path / "broken.yaml").write_text(f"kind: Secret\ndata:\n  password: [{SECRET}\n")
    assert cli.main(["gate", str(tmp_path)], project=PROJECT, root=tmp_path) == 1
    captured = capsys.readouterr()
    assert "hand-added" in captured.err and "[input/yaml]" in captured.err
    assert SECRET not in captured.err + captured.out


# Cross-object: selectors of workloads, ports named or numeric, uniqueness.
def _svc(o: Objects) -> dict[str, Any]:
    return find(o, "Service", "blacklist")


def _ports(o: Objects) -> list[dict[str, Any]]:
    return cast(
        list[dict[str, Any]], find(o, "Deployment", "blacklist")["spec"]["template"]["spec"]["containers"][0]["ports"]
    )


CROSS_CASES: list[tuple[str, Callable[[Objects], None], tuple[str, str, str]]] = [
    ("workload-selector-matches-template", lambda o: find(o, "Deployment", "blacklist")["spec"]["selector"]["matchLabels"].update({"app.kubernetes.io/name": "other"}), ("Deployment", "blacklist", "spec.selector")),
    ("workload-selector-matches-template", lambda o: find(o, "Deployment", "blacklist")["spec"]["selector"].update(matchExpressions=[{"key": "environment", "operator": "NotIn", "values": ["development"]}]), ("Deployment", "blacklist", "spec.selector")),
    ("workload-selector-matches-template", lambda o: find(o, "Deployment", "blacklist")["spec"].update(selector={}), ("Deployment", "blacklist", "spec.selector")),
    ("service-target-port", lambda o: _svc(o)["spec"]["ports"][0].update(targetPort=8081), ("Service", "blacklist", "spec.ports[http].targetPort")),
    ("service-target-port", lambda o: _svc(o)["spec"]["ports"][0].update(targetPort=8080, protocol="UDP"), ("Service", "blacklist", "spec.ports[http].targetPort")),
    ("service-ports-unique", lambda o: _svc(o)["spec"]["ports"][1].update(name="http"), ("Service", "blacklist", "spec.ports")),
    ("service-ports-unique", lambda o: _svc(o)["spec"]["ports"][1].update(port=80), ("Service", "blacklist", "spec.ports")),
    ("container-ports-unique", lambda o: _ports(o)[1].update(containerPort=8080), ("Deployment", "blacklist", "spec.template.spec.containers[blacklist].ports")),
    ("container-ports-unique", lambda o: _ports(o)[1].update(name="http"), ("Deployment", "blacklist", "spec.template.spec.containers[blacklist].ports")),
    ("port-range", lambda o: _svc(o)["spec"]["ports"][0].update(port=0), ("Service", "blacklist", "spec.ports[0].port")),
    ("port-range", lambda o: _ports(o)[0].update(containerPort=70000), ("Deployment", "blacklist", "spec.template.spec.containers[blacklist].ports[0].containerPort")),
]  # fmt: skip


@pytest.mark.parametrize(
    "field, value",
    [("spec.replicas", 3_000_000_000), ("spec.revisionHistoryLimit", 2**31), ("spec.progressDeadlineSeconds", 1e100)],
)
def test_numbers_beyond_what_the_api_server_stores_are_refused(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], field: str, value: object
) -> None:
    """The OpenAPI `format: int32`/`int64` the API server enforces, which JSON Schema
    alone does not (and 1e100 passes its "integer")."""
    broken = copy.deepcopy(objects["development"])
    deployment = find(broken, "Deployment", "blacklist")
    parent = deployment
    *path, last = field.split(".")
    for key in path:
        parent = parent[key]
    parent[last] = value
    found = [(v.kind, v.rule) for v in manifest_gate.check("development", broken)]
    assert ("Deployment", "schema/kubernetes-1.27") in found


def test_secret_data_must_be_base64(manifest_gate: Gate) -> None:
    secret = {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"name": "s", "namespace": "blacklist-dev"},
        "data": {"token": "not base64!"},
    }
    violations = manifest_gate.check("development", [secret])
    assert ("Secret", "schema/kubernetes-1.27") in [(v.kind, v.rule) for v in violations]
    assert "not base64!" not in str(violations)


@pytest.mark.parametrize("rule, breaks, where", CROSS_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CROSS_CASES)])
def test_each_cross_object_rule_catches_its_violation(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    rule: str,
    breaks: Callable[[Objects], None],
    where: tuple[str, str, str],
) -> None:
    broken = copy.deepcopy(objects["development"])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check("development", broken)}
    assert (*where, rule) in found, sorted(found)


def test_a_numeric_target_port_that_a_container_declares_resolves(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """A number that is a declared containerPort is fine, named or not."""
    broken = copy.deepcopy(objects["development"])
    _svc(broken)["spec"]["ports"][0]["targetPort"] = 8080
    assert manifest_gate.check("development", broken) == []
    _ports(broken)[0].pop("name")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        find(broken, "Deployment", "blacklist")["spec"]["template"]["spec"]["containers"][0][probe]["httpGet"][
            "port"
        ] = 8080
    assert manifest_gate.check("development", broken) == []


def test_the_gate_passes_the_whole_of_dist(manifest_gate: Gate) -> None:
    """The whole of dist/ (every environment, the ArgoCD folders, Helm skipped). How long
    it takes is the benchmark's to measure (`make bench`: the gate's share), not a test's."""
    assert manifest_gate.check_folder(ROOT / "dist") == []
