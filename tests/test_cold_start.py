"""What makes a cold synth short, and what it must not break: the one-process jsii
host, the early Node.js start and preload, the fast exit, the gate's CRD cache, the
shared IntOrString/Quantity values."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, group_running
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_the_host_loads_the_preload_first_and_passes_on_only_the_programs_answers(tmp_path: Path) -> None:
    # A kernel stand-in: says hello, then answers each request line with its own text.
    env = _program(
        tmp_path,
        "const fs = require('fs'); fs.writeSync(3, Buffer.from('{\"hello\":1}\\n'), 0);"
        "let held = ''; const b = Buffer.alloc(7);"  # small reads: lines arrive in pieces
        "for (;;) { const n = fs.readSync(3, b, 0, b.length, null); if (n === 0) break;"
        "  held += b.subarray(0, n).toString(); let i;"
        "  while ((i = held.indexOf('\\n')) >= 0) {"
        "    const line = held.slice(0, i); held = held.slice(i + 1);"
        "    fs.writeSync(3, Buffer.from('{\"ok\":' + line + '}\\n'), 0); } }",
    )
    preload = [{"name": "a", "version": "1", "tarball": "/a.tgz"}, {"name": "b", "version": "2", "tarball": "/b.tgz"}]
    env["CDK8S_WEBSERVICE_JSII_PRELOAD"] = json.dumps(preload)
    result = subprocess.run(
        ["node", str(jsii_speedups.HOST)],
        input=b'{"api":"create"}\n',
        env=env,
        capture_output=True,
        timeout=30,
        check=True,
    )
    # Hello, then the answer to Python's request only: the two loads went first, unseen.
    assert result.stdout.decode().splitlines() == ['{"hello":1}', '{"ok":{"api":"create"}}']


def test_a_preload_that_fails_in_the_host_leaves_the_kernel_usable() -> None:
    """A damaged assembly fails in the host unseen; Python's own load of it, sent
    later, gets the kernel's answer (here: the real tarball, which loads)."""
    [(name, version, tarball)] = jsii_speedups.assemblies("constructs")
    process = jsii_speedups._spawn_host([(name, version, "/no/such/assembly.jsii.tgz")])
    request = {"api": "load", "name": name, "version": version, "tarball": tarball}
    stdout, stderr = process.communicate(json.dumps(request).encode() + b"\n", timeout=60)
    lines = [json.loads(line) for line in stdout.decode().splitlines()]
    assert lines[0] == {"hello": f"@jsii/runtime@{jsii_speedups._jsii_folder()[1]}"}, stderr.decode()  # type: ignore[index]
    assert lines[1:] == [{"ok": {"assembly": name, "types": lines[1]["ok"]["types"]}}]


def test_deferred_loads_are_sent_before_the_first_other_call() -> None:
    sent: list[tuple[str, str, str]] = []

    class Kernel:
        def load(self, name: str, version: str, tarball: str) -> None:
            sent.append((name, version, tarball))

    kernel = Kernel()
    state = jsii_speedups._DeferredLoads(kernel, [("a", "1", "/a.tgz"), ("b", "2", "/b.tgz")])
    kernel.load = state.load_later  # type: ignore[method-assign]
    kernel.load("a", "1", "/a.tgz")
    kernel.load("c", "3", "/c.tgz")  # not given to Node.js: loaded now
    kernel.load("b", "2", "/b.tgz")
    assert sent == [("c", "3", "/c.tgz")]
    state.finish()
    assert sent == [("c", "3", "/c.tgz"), ("a", "1", "/a.tgz"), ("b", "2", "/b.tgz")]
    kernel.load("a", "1", "/a.tgz")  # jsii's own load again
    assert sent[-1] == ("a", "1", "/a.tgz") and len(sent) == 4


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
    _all_ended(process.pid)  # nothing of the app's process group still runs
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
    entry.write_text('[["x/v1", "X", "not a schema"]]')  # JSON, but not what crd_schemas writes
    assert schema.crd_schemas(crd) == first
    # Of the right shape but another schema: only the entry's checksum tells (issue 22).
    entry.write_text(json.dumps([["example.com/v1", "Widget", {"type": "string"}]]))
    assert schema.crd_schemas(crd) == first
    crd.write_text(crd.read_text().replace("integer", "string"))  # edited: a new entry
    assert schema.crd_schemas(crd)[0][2]["properties"]["size"] == {"type": "string"}
    assert len(list((tmp_path / "cache" / "gate").glob("crd-*.json"))) == 2


def test_without_a_cache_folder_the_crd_is_read_every_time(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(schema.CACHE_ENV, raising=False)
    schemas = schema.crd_schemas(schema.CRD_DIR / "bitnami.com_sealedsecrets.yaml")
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


SLOW_APP = """
import dataclasses, os, sys, time
from pathlib import Path

from cdk8s_webservice import cli, output

ROOT = Path({root!r})
sys.path.insert(0, str(ROOT))


def project():
    import main

    base = main.project()
    if os.environ.get("SLOW_WHEN") == "staged":  # the output written beside its folder, not yet in
        stage = output.StagedOutput.stage_environments

        def staged(self, rendered):
            stage(self, rendered)
            print("building", file=sys.stderr, flush=True)
            time.sleep(60)

        output.StagedOutput.stage_environments = staged
        return base

    def chart(scope, profile):
        print("building", file=sys.stderr, flush=True)
        time.sleep(60)
        return base.chart(scope, profile)

    return dataclasses.replace(base, chart=chart)


if __name__ == "__main__":
    cli.run_app(project, ROOT)
"""


@contextlib.contextmanager
def _slow_app(tmp_path: Path, when: str = "building") -> Iterator[subprocess.Popen[str]]:
    """The app, mid-synth (Node.js and the gate worker up); its whole process group is
    killed when the test ends, whatever became of it (it holds the project's lock)."""
    app = tmp_path / "slow_app.py"
    app.write_text(SLOW_APP.format(root=str(ROOT)))
    process = subprocess.Popen(
        [PYTHON, "-O", str(app), "--out", str(tmp_path / "out")],
        cwd=tmp_path,
        env={**ENV, "SLOW_WHEN": when},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: __import__("signal").signal(__import__("signal").SIGINT, __import__("signal").SIG_DFL),
    )
    try:
        assert process.stderr is not None
        seen = []
        # Another synth may hold the project's lock a moment ("waiting for another writer").
        for line in process.stderr:
            seen.append(line)
            if line == "building\n":
                break
        else:
            raise AssertionError(f"the app ended before it built anything: {''.join(seen)}")
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, __import__("signal").SIGKILL)
        process.wait(timeout=60)


def _all_ended(group: int) -> None:
    deadline = time.monotonic() + 10
    while group_running(group):
        assert time.monotonic() < deadline, "a process of the app's group still runs 10 s later"
        time.sleep(0.1)


def test_ctrl_c_mid_synth_exits_130_without_a_traceback_and_leaves_nothing(tmp_path: Path) -> None:
    import signal

    with _slow_app(tmp_path) as process:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130
        assert "Traceback" not in stderr and "leaked" not in stderr, stderr
        _all_ended(process.pid)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_stop_after_staging_leaves_no_output_beside_the_folder(tmp_path: Path, signal_name: str) -> None:
    """SIGTERM (a CI runner's timeout, `kill`) or Ctrl-C between writing the output beside
    its folder and swapping it in: the staged tree is removed, nothing is swapped in."""
    import signal

    with _slow_app(tmp_path, when="staged") as process:
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.new-")]  # staged
        os.killpg(process.pid, getattr(signal, signal_name))
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == (143 if signal_name == "SIGTERM" else 130), stderr
        assert "Traceback" not in stderr, stderr
        _all_ended(process.pid)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow_app.py"]


def test_a_killed_app_leaves_no_worker_running(tmp_path: Path) -> None:
    """SIGKILL gives the app no chance to clean up: its gate worker ends with it
    (parent-death signal) and Node.js when its pipe closes."""
    import signal

    with _slow_app(tmp_path) as process:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        _all_ended(process.pid)


def test_a_closed_output_is_no_traceback(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    closed = subprocess.run(  # `>&-`: no stdout at all
        ["sh", "-c", f'exec "{PYTHON}" -O main.py --out "{out}" >&-'], cwd=ROOT, env=ENV, stderr=subprocess.PIPE
    )
    assert closed.returncode == 0 and b"Traceback" not in closed.stderr, closed.stderr
    assert (out / "development" / "deployment-blacklist.yaml").is_file()
    shutil.rmtree(out)
    reader = subprocess.Popen(
        [PYTHON, "-O", "main.py", "--out", str(out)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # `| true`: nobody reads the summary
    stderr = reader.stderr.read()
    assert reader.wait(timeout=120) == 141 and b"Traceback" not in stderr, stderr
    assert (out / "development" / "deployment-blacklist.yaml").is_file()  # written before the summary


def test_a_node_that_cannot_start_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [PYTHON, "-O", "main.py", "--out", str(tmp_path / "dist")],
        cwd=ROOT,
        env={**ENV, "NODE_OPTIONS": "--no-such-flag"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "error: jsii's Node.js exited with 9: check JSII_NODE and NODE_OPTIONS" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_a_damaged_kernel_program_is_replaced(tmp_path: Path) -> None:
    found = jsii_speedups._jsii_folder()
    assert found is not None
    program = jsii_speedups.kernel_program(tmp_path, *found)
    expected = program.read_bytes()
    program.write_bytes(b"")  # truncated by a full disk, say
    assert jsii_speedups.kernel_program(tmp_path, *found).read_bytes() == expected
    program.unlink()  # removed by hand
    assert jsii_speedups.kernel_program(tmp_path, *found).read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"jsii-{found[1]}"]  # nothing set aside is left


def test_a_partial_write_keeps_no_symlink_target(tmp_path: Path) -> None:
    """`synth -e production` keeps the other folders: a symlink planted in one of them
    must not bring its target's content into the output."""
    secret = tmp_path / "secret"
    secret.write_text("private\n")
    secret.chmod(0o600)
    out = tmp_path / "out"
    replace_directory(out, {"staging/a.yaml": "a: 1\n"})
    (out / "staging" / "link.yaml").symlink_to(secret)
    replace_directory(out, {"production/b.yaml": "b: 2\n"}, keep=True, replace=("production",))
    assert sorted(p.name for p in (out / "staging").iterdir()) == ["a.yaml"]
    assert not any("private" in p.read_text() for p in out.rglob("*.yaml"))


# JSON-ish values as jsii's requests carry them: plain values, nested, with a few
# things only jsii's converter knows (references, enum members, overrides).
_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def _converters():
    from jsii._kernel.providers.process import _NodeProcess

    class Unstarted(_NodeProcess):  # its converter only: never starts Node.js
        def __del__(self) -> None:
            pass

    jsii_own, fast = Unstarted(), Unstarted()
    jsii_speedups._fast_requests(fast._serializer)
    return jsii_own._serializer, fast._serializer


@settings(max_examples=60, deadline=None)
@given(value=_PLAIN)
def test_requests_serialize_as_jsii_serializes_them(value: object) -> None:
    import enum

    from jsii._kernel import types
    from jsii._kernel.providers.process import jdefault

    class Colour(enum.Enum):
        RED = "red"

    Colour.__jsii_type__ = "x.Colour"  # type: ignore[attr-defined]
    ref = types.ObjRef(ref="cdk8s.Chart@10001", interfaces=["constructs.IConstruct"])
    created = types.CreateResponse(ref="cdk8s.App@10000")  # a subclass of ObjRef, as jsii passes it on
    mixed = [value, {"k": [value, ref]}, Colour.RED, created]
    requests = [
        types.CreateRequest(fqn="a.B", args=mixed, overrides=[types.Override(method="m", cookie="c")]),
        types.InvokeRequest(objref=created, method="toJson", args=mixed),
        types.StaticInvokeRequest(fqn="cdk8s.JsonPatch", method="add", args=[value]),
        types.GetRequest(objref=ref, property="node"),
        types.StaticGetRequest(fqn="a.B", property="p"),
        types.SetRequest(objref=ref, property="p", value=mixed),
        types.DeleteRequest(objref=ref),
    ]
    jsii_own, fast = _converters()
    for request in requests:
        expected = json.dumps(jsii_own.unstructure(request), default=jdefault, sort_keys=True)
        assert json.dumps(fast.unstructure(request), default=jdefault, sort_keys=True) == expected


@settings(max_examples=60, deadline=None)
@given(value=_PLAIN)
def test_plain_answers_are_passed_over_and_the_rest_goes_to_jsii(value: object) -> None:
    from jsii._kernel import types

    seen: list[object] = []

    def jsii_own(kernel: object, item: object) -> object:
        seen.append(item)
        return ("resolved", item)

    dereference = jsii_speedups._dereferenced_value(jsii_own)
    assert dereference(None, value) == value and not seen  # plain JSON: passed over
    ref = types.ObjRef(ref="cdk8s.Chart@10001")

    class Ordered(dict):  # not a plain dict: jsii's own function decides
        pass

    odd = Ordered(a=1)
    assert dereference(None, {"x": [value, ref], "y": odd}) == {
        "x": [value, ("resolved", ref)],
        "y": ("resolved", odd),
    }


def _cached_program(tmp_path: Path) -> dict[str, str]:
    """A kernel stand-in that loads two modules (one requiring the other) and prints
    what they computed, with the host's code cache in `tmp_path / "v8"`."""
    (tmp_path / "lib").mkdir(exist_ok=True)
    (tmp_path / "lib" / "a.js").write_text(
        "const b = require('./b'); module.exports = { total: b.twice(21), here: __dirname, name: __filename };"
    )
    (tmp_path / "lib" / "b.js").write_text("exports.twice = (n) => n * 2;")
    (tmp_path / "lib" / "dyn.js").write_text("module.exports = () => import('fs');")
    env = _program(
        tmp_path,
        "const a = require('./lib/a'); const dyn = require('./lib/dyn');"
        "dyn().then((fs) => process.stderr.write(JSON.stringify({ total: a.total, here: a.here, name: a.name,"
        " dynamic: typeof fs.readFileSync })));",
    )
    return {**env, "CDK8S_WEBSERVICE_JSII_CODE_CACHE": str(tmp_path / "v8")}


def _run_host(env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(["node", str(jsii_speedups.HOST)], env=env, capture_output=True, timeout=30, check=True)
    wrapped = json.loads(result.stderr.decode().splitlines()[-1])
    import base64

    return json.loads(base64.b64decode(wrapped["stderr"]))


def test_the_hosts_code_cache_is_by_content_and_changes_nothing_a_module_sees(tmp_path: Path) -> None:
    import hashlib

    env = _cached_program(tmp_path)
    first = _run_host(env)
    lib = tmp_path / "lib"
    assert first == {"total": 42, "here": str(lib), "name": str(lib / "a.js"), "dynamic": "function"}
    sources = [tmp_path / "program.js", lib / "a.js", lib / "b.js"]
    expected = {hashlib.sha1(p.read_bytes()).hexdigest() for p in sources}
    assert {p.name for p in (tmp_path / "v8").iterdir()} == expected  # dyn.js: Node's own loader
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "v8").iterdir()}
    assert _run_host(env) == first
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "v8").iterdir()} == stamps  # used, not rewritten
    # A damaged entry is refused by V8, compiled again and replaced.
    damaged = tmp_path / "v8" / hashlib.sha1((lib / "b.js").read_bytes()).hexdigest()
    damaged.write_bytes(b"\0garbage")
    assert _run_host(env) == first
    assert damaged.read_bytes() != b"\0garbage"
    # A changed module is another entry: never the old code.
    (lib / "b.js").write_text("exports.twice = (n) => n * 3;")
    assert _run_host(env)["total"] == 63


def test_the_code_cache_folder_is_per_node(tmp_path: Path, monkeypatch) -> None:
    here = jsii_speedups.code_cache_folder(tmp_path)
    assert here.parent == tmp_path / "v8" and here == jsii_speedups.code_cache_folder(tmp_path)
    other = tmp_path / "other-node"
    other.write_bytes(b"#!/bin/sh\n")
    monkeypatch.setenv("JSII_NODE", str(other))
    assert jsii_speedups.code_cache_folder(tmp_path) != here
    monkeypatch.delenv("JSII_NODE")
    monkeypatch.setenv("NODE_OPTIONS", "--max-semi-space-size=1")  # a fleet's worker
    assert jsii_speedups.code_cache_folder(tmp_path) not in (here, tmp_path / "v8")
