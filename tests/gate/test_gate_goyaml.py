"""The gate reads YAML as the cluster does, proven against the real decoders: go-yaml
v2 (sigs.k8s.io/yaml: kubectl, Argo CD) and v3 (kustomize), built from Debian's
packages in GOPATH mode into build/goyaml/<hash of tests/gate/goyaml/reader.go>/.

For every case the gate is never more lenient than go-yaml v2's reading: when v2
cannot read a file, or what it reads breaks a rule, the gate refuses the folder.
Every file the gate reads (the writer's dist/ among them), it reads as v2 does.
`make test` installs what this needs (`make system-packages`); without it these tests fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from go_toolchain import GOCODE, missing_go_yaml

from cdk8s_webservice import cli
from cdk8s_webservice.gate import Gate
from cdk8s_webservice.gate.goyaml import plain_value_v2
from cdk8s_webservice.gate.inputs import read_file

SOURCE = Path(__file__).parent / "goyaml" / "reader.go"
DEV = ROOT / "dist" / "development"


def test_without_go_the_tests_fail_with_the_install_command() -> None:
    """A machine without go fails these tests (never skips them), saying what to run."""
    assert missing_go_yaml(lambda name: None) == (
        "go-yaml is needed (go: missing, missing: []): apt-get install -y --no-install-recommends "
        "golang-go golang-gopkg-yaml.v2-dev golang-gopkg-yaml.v3-dev (`make system-packages` runs it)"
    )


@pytest.fixture(scope="module")
def go_reader() -> Path:
    """The reader, built once per version of its source."""
    problem = missing_go_yaml()
    if problem is not None:
        pytest.fail(problem)
    go = shutil.which("go")
    assert go is not None
    home = ROOT / "build" / "goyaml" / hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]
    binary = home / "reader"
    if not binary.exists():
        package = home / "src" / "goyamlreader"
        package.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SOURCE, package / "main.go")
        env = {**os.environ, "GO111MODULE": "off", "GOPATH": f"{home}:{GOCODE}", "GOCACHE": str(home / "cache")}
        env.pop("GOFLAGS", None)
        partial = home / f"reader.{os.getpid()}"
        built = subprocess.run(
            [go, "build", "-o", str(partial), "goyamlreader"], env=env, capture_output=True, text=True, timeout=600
        )
        assert built.returncode == 0, built.stderr
        partial.replace(binary)
    return binary


def go_read(reader: Path, version: str, files: list[Path]) -> list[dict[str, Any]]:
    """{"docs": [...]} or {"error": ...} for each file, as go-yaml `version` reads it."""
    done = subprocess.run([reader, version, *map(str, files)], capture_output=True, text=True, timeout=120, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


def typed(value: Any) -> Any:
    """A value with its JSON type kept apart (True is not 1; 1 and 1.0 are one number)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, (int, float)):
        return ("number", float(value))
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    return [typed(v) for v in value]


def merge_after(text: str, line_start: str, merged: str) -> str:
    """`text` with `<<: merged` after the first line starting (indented) with `line_start`."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith(line_start):
            indent = line[: len(line) - len(line.lstrip())]
            return "".join([*lines[: i + 1], f"{indent}<<: {merged}\n", *lines[i + 1 :]])
    raise AssertionError(f"no line starts with {line_start!r}")


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


CONFIGMAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: blacklist-dev}\ndata:\n"
DEPLOYMENT, NAMESPACE = "deployment-blacklist.yaml", "namespace-blacklist-dev.yaml"
# (case, file of dist/development to edit or add, the edit, a rule the gate reports)
CASES: list[tuple[str, str, Callable[[str], str], str]] = [
    ("privileged flip", DEPLOYMENT, lambda t: merge_after(t, "privileged: false", "{privileged: true}"), "input/yaml-merge-key"),
    ("merged latest image", DEPLOYMENT, lambda t: merge_after(t, "image: ", "{image: 'nginx:latest'}"), "input/yaml-merge-key"),
    ("merged privileged namespace", NAMESPACE, lambda t: merge_after(t, "pod-security.kubernetes.io/enforce:", "{pod-security.kubernetes.io/enforce: privileged}"), "input/yaml-merge-key"),
    ("runAsUser 1:00", DEPLOYMENT, replace("runAsUser: 10001", "runAsUser: 1:00"), "schema/kubernetes-1.27"),
    ("label value y", DEPLOYMENT, replace("environment: development", "environment: y"), "label-value"),
    ("binary key", "extra.yaml", lambda _: CONFIGMAP + "  ? !!binary aGVsbG8=\n  : v\n", "input/yaml-tag"),
    ("timestamp key", "extra.yaml", lambda _: CONFIGMAP + "  !!timestamp 2001-12-14: v\n", "input/yaml-tag"),
    ("float key", "extra.yaml", lambda _: CONFIGMAP + "  1e3: v\n", "input/yaml-key"),
    ("duplicate key", "extra.yaml", lambda _: CONFIGMAP + "  level: info\n  other: x\n  level: debug\n", "input/yaml-duplicate-key"),
    ("number and string key", "extra.yaml", lambda _: CONFIGMAP + "  1: a\n  '1': b\n", "input/yaml-duplicate-key"),
    ("same object in two files", "copy.yaml", lambda _: (DEV / "configmap-blacklist-config.yaml").read_text().replace("info", "debug"), "object-unique"),
]  # fmt: skip


def case_folder(tmp_path: Path, file: str, edit: Callable[[str], str]) -> Path:
    folder = tmp_path / "development"
    shutil.copytree(DEV, folder)
    path = folder / file
    path.write_text(edit(path.read_text() if path.exists() else ""))
    return folder


@pytest.mark.parametrize("case, file, edit, rule", CASES, ids=[c[0] for c in CASES])
def test_the_gate_never_accepts_what_go_yaml_v2_reads_as_a_violation(
    manifest_gate: Gate,
    go_reader: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    file: str,
    edit: Callable[[str], str],
    rule: str,
) -> None:
    folder = case_folder(tmp_path, file, edit)
    files = sorted(folder.glob("*.yaml"))
    v2 = go_read(go_reader, "v2", files)
    docs = [doc for read in v2 for doc in read.get("docs", []) if doc is not None]
    v2_refused = any("error" in read for read in v2) or manifest_gate.check("development", docs) != []
    found = manifest_gate.check_folder(folder)
    assert rule in {v.rule for v in found}, found
    assert found or not v2_refused
    # One line each, through the CLI too, never a traceback.
    assert cli.main(["gate", str(folder)], root=tmp_path) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and all(len(line) < 400 for line in err.splitlines())
    # What the gate reads, it reads as go-yaml v2 does.
    for path, read in zip(files, v2, strict=True):
        objects, problems = read_file(path, "development", path.name)
        if not problems:
            assert typed(objects) == typed([d for d in read["docs"] if d is not None]), path.name


def test_a_merge_or_duplicate_key_means_one_thing_to_go_yaml_v2_and_another_to_v3(
    go_reader: Path, tmp_path: Path
) -> None:
    """Why the gate refuses `<<`: the cluster's reader (v2) lets the merged mapping
    override the keys before it; v3 (kustomize) and PyYAML keep them. And a key twice."""
    path = tmp_path / "sc.yaml"
    path.write_text("securityContext:\n  privileged: false\n  <<: {privileged: true}\n")
    (v2,), (v3,) = go_read(go_reader, "v2", [path]), go_read(go_reader, "v3", [path])
    assert v2 == {"docs": [{"securityContext": {"privileged": True}}]}
    assert v3 == {"docs": [{"securityContext": {"privileged": False}}]}
    # A key twice: v2 keeps the last (as PyYAML), v3 refuses the document.
    path.write_text("securityContext:\n  privileged: false\n  privileged: true\n")
    (v2,), (v3,) = go_read(go_reader, "v2", [path]), go_read(go_reader, "v3", [path])
    assert v2 == {"docs": [{"securityContext": {"privileged": True}}]}
    assert "already defined" in v3["error"]


PLAIN = [
    "y", "n", "Y", "N", "yes", "No", "on", "OFF", "true", "False", "~", "null", "",
    "0o17", "017", "0x1F", "0b101", "-0b101", "+12", "1_000", "0x_1F", "1__0", "09",
    "1:00", "1:20:30", "1:00.5", "1e3", "12e03", ".5", "-.5e2", "1.", "1.0", "+1.5",
    "2001-12-14", "2001-12-14T21:59:43.10-05:00", "2001-12-14 21:59:43.10",
    "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e400",
    "v1.4.2", "500m", "10.0.0.0/8", "0.0.0.0", "1/2", "=", "<<x", "0755", "1e", "e3",
]  # fmt: skip


def test_plain_scalars_are_read_as_go_yaml_v2_reads_them(go_reader: Path, tmp_path: Path) -> None:
    """Booleans (y, off), bases (0o17, 017, 0x1F), underscores, sexagesimal-looking
    and timestamp-looking text: as values and as keys."""
    lines = [CONFIGMAP.replace("data:\n", "values:\n")]
    lines += [f"  k{i}: {text}\n" for i, text in enumerate(PLAIN)]
    # As keys: each JSON key once (y, yes and on are all "true"), no float (refused).
    keys = list(
        {json.dumps(plain_value_v2(t)): t for t in reversed(PLAIN) if not isinstance(plain_value_v2(t), float)}.values()
    )
    lines += ["keys:\n"] + [f"  {text}: {i}\n" for i, text in enumerate(keys)]
    path = tmp_path / "scalars.yaml"
    path.write_text("".join(lines))
    (v2,) = go_read(go_reader, "v2", [path])
    objects, problems = read_file(path, "env", path.name)
    assert problems == []
    assert typed(objects) == typed(v2["docs"])


def test_the_writers_output_reads_the_same_to_the_gate_and_both_go_yamls(manifest_gate: Gate, go_reader: Path) -> None:
    files = sorted(p for p in (ROOT / "dist").rglob("*.yaml") if "templates" not in p.parts)
    v2, v3 = go_read(go_reader, "v2", files), go_read(go_reader, "v3", files)
    for path, read2, read3 in zip(files, v2, v3, strict=True):
        assert read2 == read3, path
        if "helm" not in path.parts:  # Chart.yaml and values.yaml are no manifests
            objects, problems = read_file(path, "dist", path.name)
            assert problems == [], path
            assert typed(objects) == typed([d for d in read2["docs"] if d is not None]), path
    assert manifest_gate.check_folder(ROOT / "dist") == []
