"""What makes a cold synth short, and what it must not break: the one-process jsii
host, the early Node.js start and preload, the fast exit, the gate's CRD cache, the
shared IntOrString/Quantity values."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, group_running

from cdk8s_webservice import jsii_speedups
from cdk8s_webservice.errors import ConfigError
from cdk8s_webservice.gate import schema
from cdk8s_webservice.output import replace_directory

PYTHON = str(ROOT / ".venv" / "bin" / "python")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _program(tmp_path: Path, source: str) -> dict[str, str]:
    program = tmp_path / "program.js"
    program.write_text(source)
    return {**ENV, "CDK8S_WEBSERVICE_JSII_PROGRAM": str(program)}


def test_the_host_serves_the_kernel_channel_on_stdin_and_stdout(tmp_path: Path) -> None:
    # The kernel program reads and writes fd 3; the host maps that to stdin/stdout.
    env = _program(
        tmp_path,
        "const fs = require('fs'); const b = Buffer.alloc(64);"
        "const n = fs.readSync(3, b, 0, 64, null);"
        "fs.writeSync(3, 'echo:' + b.subarray(0, n).toString());",
    )
    result = subprocess.run(
        ["node", str(jsii_speedups.HOST)], input=b"ping\n", env=env, capture_output=True, timeout=30, check=True
    )
    assert result.stdout == b"echo:ping\n"


def test_the_hosts_console_output_is_wrapped_the_way_python_jsii_unwraps_it(tmp_path: Path) -> None:
    env = _program(tmp_path, "console.log('hi', 1); console.error('oops'); process.stdout.write('raw');")
    result = subprocess.run(["node", str(jsii_speedups.HOST)], env=env, capture_output=True, timeout=30, check=True)
    assert result.stdout == b""  # the API channel carries nothing else
    lines = [json.loads(line) for line in result.stderr.decode().splitlines()]
    assert lines == [{"stdout": "aGkgMQo="}, {"stderr": "b29wcwo="}, {"stdout": "cmF3"}]  # "hi 1\n", "oops\n", "raw"


def test_the_host_refuses_to_run_without_the_kernel_program() -> None:
    env = {k: v for k, v in ENV.items() if k != "CDK8S_WEBSERVICE_JSII_PROGRAM"}
    result = subprocess.run(["node", str(jsii_speedups.HOST)], env=env, capture_output=True, timeout=30)
    assert result.returncode != 0 and b"CDK8S_WEBSERVICE_JSII_PROGRAM is not set" in result.stderr


def test_the_kernel_program_is_unpacked_whole_once(tmp_path: Path) -> None:
    found = jsii_speedups._jsii_folder()
    assert found is not None
    program = jsii_speedups.kernel_program(tmp_path, *found)
    assert program == tmp_path / f"jsii-{found[1]}" / "lib" / "program.js"
    assert program.read_bytes() == (found[0] / "_embedded" / "jsii" / "lib__program.js").read_bytes()
    stamp = program.stat().st_mtime_ns
    assert jsii_speedups.kernel_program(tmp_path, *found) == program and program.stat().st_mtime_ns == stamp
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".jsii-")]  # no staging left


def test_the_preload_finds_every_assembly_of_a_package_from_its_files() -> None:
    found = jsii_speedups.assemblies("cdk8s_webservice_crds")
    names = {name for name, _, _ in found}
    assert {"appflagger", "orgchaos-mesh", "shkarpenter", "ioargoproj", "awsk8skarpenter"} <= names
    assert all(Path(tarball).is_file() and tarball.endswith(".jsii.tgz") for _, _, tarball in found)
    [(name, version, tarball)] = jsii_speedups.assemblies("cdk8s_plus_27")
    assert name == "cdk8s-plus-27" and Path(tarball).name == f"cdk8s-plus-27@{version}.jsii.tgz"
    assert jsii_speedups.assemblies("no_such_package_anywhere") == []


def test_an_app_leaves_no_process_behind_and_its_output_is_whole(tmp_path: Path) -> None:
    """The fast exit waits for neither Node.js nor the gate's worker: both must still
    end on their own, at once."""
    out = tmp_path / "dist"
    process = subprocess.Popen(
        [PYTHON, "-O", "main.py", "--out", str(out)],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr and b"note: jsii fast path off" not in stderr
    deadline = time.monotonic() + 10
    while group_running(process.pid):  # anything left running in the app's process group?
        assert time.monotonic() < deadline, "a process of the app outlived it by 10 s"
        time.sleep(0.05)
    assert (out / "development" / "deployment-blacklist.yaml").read_text() == (
        ROOT / "dist" / "development" / "deployment-blacklist.yaml"
    ).read_text()


def test_crd_schemas_are_cached_by_content_and_a_bad_entry_is_read_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(schema.CACHE_ENV, str(tmp_path / "cache"))
    crd = tmp_path / "crd.yaml"
    crd.write_text(
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        "spec:\n  group: example.com\n  names: {kind: Widget}\n"
        "  versions:\n  - name: v1\n    schema: {openAPIV3Schema: {type: object, properties: {size: {type: integer}}}}\n"
    )
    first = schema.crd_schemas(crd)
    assert first == [("example.com/v1", "Widget", {"type": "object", "properties": {"size": {"type": "integer"}}})]
    [entry] = (tmp_path / "cache" / "gate").iterdir()
    assert schema.crd_schemas(crd) == first  # from the cache
    entry.write_text("[[not json")  # damaged: the YAML is read again
    assert schema.crd_schemas(crd) == first
    crd.write_text(crd.read_text().replace("integer", "string"))  # edited: a new entry
    assert schema.crd_schemas(crd)[0][2]["properties"]["size"] == {"type": "string"}
    assert len(list((tmp_path / "cache" / "gate").glob("crd-*.json"))) == 2


def test_without_a_cache_folder_the_crd_is_read_every_time(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(schema.CACHE_ENV, raising=False)
    schemas = schema.crd_schemas(schema.CRD_DIR / "bitnami.com.yaml")
    assert ("bitnami.com/v1alpha1", "SealedSecret") in {(a, k) for a, k, _ in schemas}


@pytest.mark.parametrize("name", ["../escape.yaml", "a/../../b.yaml", "/etc/x.yaml", "a//b.yaml", "./a.yaml"])
def test_an_output_file_name_that_leaves_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / "out"
    with pytest.raises(ConfigError, match="output file"):
        replace_directory(target, {"ok.yaml": "a: 1\n", name: "b: 2\n"})
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_intorstring_and_quantity_values_are_shared_per_value_and_type() -> None:
    from cdk8s_webservice.k8s_values import int_or_string, quantity

    assert int_or_string(8080) is int_or_string(8080)
    assert int_or_string("http") is int_or_string("http")
    assert int_or_string(1) is not int_or_string("1")
    int_or_string(1)
    with pytest.raises(RuntimeError, match="Value is not a number"):  # True == 1 for a cache, not for jsii
        int_or_string(True)
    assert quantity("100m") is quantity("100m") and quantity("100m").value == "100m"
    assert int_or_string(8080).value == 8080
