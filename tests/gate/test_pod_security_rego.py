"""One violation corpus, two engines: the gate's Python Pod Security rules
(`gate/pod_security.py`) and policies/pod-security.rego, evaluated by the Rego engine the
project runs (rego-cpp, PyPI `regopy`) the way the seed's check runs OPA:

    opa eval -d policies -i <manifest> "data.kubernetes.admission.deny[x]"

For every case both must report the same (rule, kind, name, field), nothing more and
nothing less, so OPA, conftest and Gatekeeper users are refused what the gate refuses."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, find
from test_pod_security import KINDS, PSS_CASES, _wrap, container, pod, sc

from cdk8s_webservice.gate import Gate
from cdk8s_webservice.gate.pod_security import RULES

Objects = list[dict[str, Any]]
Report = set[tuple[str, str, str, str]]
SEED_QUERY = "data.kubernetes.admission.deny[x]"
_MESSAGE = re.compile(r"\[(?P<rule>[^\]]+)\] (?P<kind>[^/]+)/(?P<name>[^:]+): (?P<field>[^:]+): .*", re.S)


def _rego(objects: Objects) -> Report:
    """The Pod Security reports of policies/ for each manifest on its own (`-i <manifest>`)."""
    found: Report = set()
    interpreter = _interpreter()
    for obj in objects:
        interpreter.set_input_term(json.dumps(obj))
        answer = str(interpreter.query(SEED_QUERY))
        if answer == "undefined":  # no binding of x: nothing denied
            continue
        results = json.loads(answer)  # OPA's shape: [{"expressions": ..., "bindings": {"x": ...}}, ...]
        for row in results if isinstance(results, list) else [results]:  # (one result: rego-cpp unwraps it)
            found |= _parse(row["bindings"]["x"])
    return found


@cache
def _interpreter() -> Any:
    """`-d policies`: every .rego file of policies/, compiled once."""
    import regopy

    interpreter = regopy.Interpreter()
    for path in sorted((ROOT / "policies").glob("*.rego")):
        interpreter.add_module(path.name, path.read_text(encoding="utf-8"))
    return interpreter


@pytest.fixture(scope="module", autouse=True)
def _release_the_interpreter() -> Iterator[None]:
    """Free the cached interpreter while the module is alive: regopy's finalizer fails
    with a traceback when it runs at interpreter shutdown."""
    yield
    _interpreter.cache_clear()


def _parse(text: str) -> Report:
    match = _MESSAGE.fullmatch(text)
    assert match is not None, text
    return {(match["rule"], match["kind"], match["name"], match["field"])} if match["rule"] in RULES else set()


def _python(gate: Any, objects: Objects) -> Report:
    return {(v.rule, v.kind, v.name, v.field) for v in gate.check("development", objects) if v.rule in RULES}


def _both(gate: Any, objects: Objects) -> tuple[Report, Report]:
    return _python(gate, objects), _rego(objects)


def test_the_seed_query_answers_with_bindings(objects: dict[str, Objects]) -> None:
    """What `opa eval ... "data.kubernetes.admission.deny[x]"` returns: one binding of `x`
    per message (the shape the corpus reads), and nothing for the committed output."""
    assert _rego(objects["development"] + objects["staging"]) == set()
    broken = copy.deepcopy(find(objects["development"], "Deployment", "blacklist"))
    pod([broken])["securityContext"]["runAsNonRoot"] = True
    sc([broken])["runAsNonRoot"] = False
    assert (
        "run-as-non-root",
        "Deployment",
        "blacklist",
        "spec.template.spec.containers[blacklist].securityContext.runAsNonRoot",
    ) in _rego([broken])


# Beyond the gate's own one-per-control cases: what the issue names (privilege and
# capabilities, a container's runAsNonRoot: false under the pod's true), several at once,
# and fields the one-per-control cases leave out.
EXTRA: list[tuple[str, Callable[[Objects], object]]] = [
    ("container non-root false under pod true", lambda o: (pod(o)["securityContext"].update(runAsNonRoot=True), sc(o).update(runAsNonRoot=False))),
    ("container non-root true under pod false", lambda o: (pod(o)["securityContext"].update(runAsNonRoot=False), sc(o).update(runAsNonRoot=True))),
    ("privileged with capabilities", lambda o: sc(o).update(privileged=True, capabilities={"add": ["SYS_ADMIN", "NET_BIND_SERVICE"], "drop": []})),
    ("NET_BIND_SERVICE alone", lambda o: sc(o)["capabilities"].update(add=["NET_BIND_SERVICE"])),
    ("host namespaces and ports", lambda o: (pod(o).update(hostNetwork=True, hostPID=True, hostIPC=True), container(o)["ports"][0].update(hostPort=80))),
    ("hostPort 0", lambda o: container(o)["ports"][0].update(hostPort=0)),
    ("seccomp of another type", lambda o: sc(o).update(seccompProfile={"type": "Bogus"})),
    ("seccomp on neither", lambda o: (pod(o)["securityContext"].pop("seccompProfile"), sc(o).pop("seccompProfile", None))),
    ("seccomp Localhost", lambda o: pod(o)["securityContext"].update(seccompProfile={"type": "Localhost", "localhostProfile": "p.json"})),
    ("AppArmor profile field", lambda o: sc(o).update(appArmorProfile={"type": "Unconfined"})),
    ("AppArmor localhost annotation", lambda o: find(o, "Deployment", "blacklist")["spec"]["template"]["metadata"]["annotations"].update({"container.apparmor.security.beta.kubernetes.io/blacklist": "localhost/k8s"})),
    ("SELinux container_t", lambda o: sc(o).update(seLinuxOptions={"type": "container_t", "level": "s0:c1"})),
    ("safe sysctl", lambda o: pod(o)["securityContext"].update(sysctls=[{"name": "net.ipv4.tcp_syncookies", "value": "1"}])),
    ("procMount Default", lambda o: sc(o).update(procMount="Default")),
    ("escalation true", lambda o: sc(o).update(allowPrivilegeEscalation=True)),
    ("root user on both", lambda o: (pod(o)["securityContext"].update(runAsUser=0), sc(o).update(runAsUser=0))),
    ("two bad volumes", lambda o: pod(o)["volumes"].extend([{"name": "h", "hostPath": {"path": "/"}}, {"name": "g", "gitRepo": {"repository": "x"}}])),
    ("windows host process", lambda o: sc(o).update(windowsOptions={"hostProcess": True})),
]  # fmt: skip


CORPUS = [(f"{rule}: {field}", breaks) for rule, breaks, field in PSS_CASES] + EXTRA


@pytest.mark.parametrize("breaks", [c[1] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_the_rego_reports_what_the_gate_reports(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], breaks: Callable[[Objects], object]
) -> None:
    broken = copy.deepcopy(objects["development"])
    breaks(broken)
    deployment = [find(broken, "Deployment", "blacklist")]
    python, rego = _both(manifest_gate, deployment)
    assert rego == python


@pytest.mark.parametrize("case", PSS_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(PSS_CASES)])
def test_each_control_is_caught_by_the_rego(
    objects: dict[str, list[dict[str, Any]]], case: tuple[str, Callable[[Objects], object], str]
) -> None:
    rule, breaks, field = case
    broken = copy.deepcopy(objects["development"])
    breaks(broken)
    assert (rule, "Deployment", "blacklist", field) in _rego([find(broken, "Deployment", "blacklist")])


@pytest.mark.parametrize("group", ["containers", "initContainers", "ephemeralContainers"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_pod_bearing_kind_and_container_group_alike(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], kind: str, group: str
) -> None:
    template = copy.deepcopy(find(objects["development"], "Deployment", "blacklist")["spec"]["template"])
    if group == "containers":
        template["spec"]["containers"][0]["securityContext"]["privileged"] = True
    else:
        template["spec"][group] = [
            {"name": "extra", "image": "registry.example.com/tool:v1", "securityContext": {"privileged": True}}
        ]
    obj, _ = _wrap(kind, template)
    python, rego = _both(manifest_gate, [obj])
    assert python and rego == python


def test_the_committed_output_passes_both(manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]) -> None:
    for env in ("development", "staging", "production"):
        assert _both(manifest_gate, objects[env]) == (set(), set()), env


def test_the_policy_file_is_where_opa_users_look() -> None:
    """`opa eval -d policies` reads every .rego file of policies/: the Pod Security rules are there."""
    text = (ROOT / "policies" / "pod-security.rego").read_text()
    assert "package kubernetes.admission" in text
    assert set(re.findall(r'message\("([a-z0-9-]+)"', text)) == set(RULES)
    assert Path(ROOT / "policies").resolve() == (ROOT / "src/cdk8s_webservice/policies").resolve()
