"""Pod Security Standards `restricted`: one negative test per control, pod-level and
container-level, and every pod-bearing kind (core and custom) is looked at."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, cast

import pytest
from conftest import find

from cdk8s_webservice.gate import Gate

Objects = list[dict[str, Any]]
P = "spec.template.spec"
C = f"{P}.containers[blacklist]"


def pod(objs: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], find(objs, "Deployment", "blacklist")["spec"]["template"]["spec"])


def container(objs: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], pod(objs)["containers"][0])


def sc(objs: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], container(objs)["securityContext"])


def add_volume(volume: dict[str, Any]) -> Callable[[Objects], None]:
    return lambda o: pod(o)["volumes"].append(volume)


# (rule, how to break the development Deployment, the field reported)
PSS_CASES: list[tuple[str, Callable[[Objects], object], str]] = [
    ("no-host-process", lambda o: pod(o)["securityContext"].update(windowsOptions={"hostProcess": True}), f"{P}.securityContext.windowsOptions.hostProcess"),
    ("no-host-process", lambda o: sc(o).update(windowsOptions={"hostProcess": True}), f"{C}.securityContext.windowsOptions.hostProcess"),
    ("no-host-namespaces", lambda o: pod(o).update(hostPID=True), f"{P}.hostPID"),
    ("no-host-namespaces", lambda o: pod(o).update(hostIPC=True), f"{P}.hostIPC"),
    ("no-privileged", lambda o: sc(o).update(privileged=True), f"{C}.securityContext.privileged"),
    ("baseline-capabilities", lambda o: sc(o)["capabilities"].update(add=["SYS_ADMIN"]), f"{C}.securityContext.capabilities.add"),
    ("restricted-capabilities", lambda o: sc(o)["capabilities"].update(add=["CHOWN"]), f"{C}.securityContext.capabilities.add"),
    ("drop-all-capabilities", lambda o: sc(o)["capabilities"].update(drop=["NET_RAW"]), f"{C}.securityContext.capabilities.drop"),
    ("no-host-path", add_volume({"name": "host", "hostPath": {"path": "/var/run"}}), f"{P}.volumes[host].hostPath"),
    ("volume-types", add_volume({"name": "share", "nfs": {"server": "nfs.example", "path": "/"}}), f"{P}.volumes[share]"),
    ("no-host-ports", lambda o: container(o)["ports"][0].update(hostPort=8080), f"{C}.ports[0].hostPort"),
    ("apparmor", lambda o: find(o, "Deployment", "blacklist")["spec"]["template"]["metadata"]["annotations"].update({"container.apparmor.security.beta.kubernetes.io/blacklist": "unconfined"}), "spec.template.metadata.annotations.container.apparmor.security.beta.kubernetes.io/blacklist"),
    ("selinux", lambda o: pod(o)["securityContext"].update(seLinuxOptions={"type": "spc_t"}), f"{P}.securityContext.seLinuxOptions.type"),
    ("selinux", lambda o: sc(o).update(seLinuxOptions={"user": "system_u"}), f"{C}.securityContext.seLinuxOptions.user"),
    ("selinux", lambda o: sc(o).update(seLinuxOptions={"role": "sysadm_r"}), f"{C}.securityContext.seLinuxOptions.role"),
    ("proc-mount", lambda o: sc(o).update(procMount="Unmasked"), f"{C}.securityContext.procMount"),
    ("seccomp-not-unconfined", lambda o: sc(o).update(seccompProfile={"type": "Unconfined"}), f"{C}.securityContext.seccompProfile.type"),
    ("seccomp-not-unconfined", lambda o: pod(o)["securityContext"].update(seccompProfile={"type": "Unconfined"}), f"{P}.securityContext.seccompProfile.type"),
    ("seccomp-required", lambda o: pod(o)["securityContext"].pop("seccompProfile"), f"{C}.securityContext.seccompProfile.type"),
    ("safe-sysctls", lambda o: pod(o)["securityContext"].update(sysctls=[{"name": "kernel.msgmax", "value": "1"}]), f"{P}.securityContext.sysctls[kernel.msgmax]"),
    ("no-privilege-escalation", lambda o: sc(o).pop("allowPrivilegeEscalation"), f"{C}.securityContext.allowPrivilegeEscalation"),
    ("run-as-non-root", lambda o: (sc(o).pop("runAsNonRoot"), pod(o)["securityContext"].pop("runAsNonRoot")), f"{C}.securityContext.runAsNonRoot"),
    ("run-as-non-root", lambda o: sc(o).update(runAsNonRoot=False), f"{C}.securityContext.runAsNonRoot"),
    ("run-as-non-root-user", lambda o: pod(o)["securityContext"].update(runAsUser=0), f"{P}.securityContext.runAsUser"),
    ("run-as-non-root-user", lambda o: sc(o).update(runAsUser=0), f"{C}.securityContext.runAsUser"),
]  # fmt: skip


@pytest.mark.parametrize("rule, breaks, field", PSS_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(PSS_CASES)])
def test_each_pod_security_control_catches_its_violation(
    manifest_gate: Gate,
    objects: dict[str, list[dict[str, Any]]],
    rule: str,
    breaks: Callable[[Objects], object],
    field: str,
) -> None:
    broken = copy.deepcopy(objects["development"])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check("development", broken)}
    assert ("Deployment", "blacklist", field, rule) in found, sorted(found)


def _wrap(kind: str, template: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """An object of `kind` carrying `template`, and the path of its pod spec."""
    meta = {"name": "probe", "namespace": "blacklist-dev", "labels": template["metadata"]["labels"]}
    selector = {"matchLabels": template["metadata"]["labels"]}
    job_template = copy.deepcopy(template)
    job_template["spec"]["restartPolicy"] = "Never"
    shapes: dict[str, tuple[str, dict[str, Any], str]] = {
        "Deployment": ("apps/v1", {"spec": {"selector": selector, "template": template}}, P),
        "StatefulSet": ("apps/v1", {"spec": {"selector": selector, "serviceName": "probe", "template": template}}, P),
        "DaemonSet": ("apps/v1", {"spec": {"selector": selector, "template": template}}, P),
        "ReplicaSet": ("apps/v1", {"spec": {"selector": selector, "template": template}}, P),
        "Job": ("batch/v1", {"spec": {"template": job_template}}, P),
        "CronJob": ("batch/v1", {"spec": {"schedule": "@daily", "jobTemplate": {"spec": {"template": job_template}}}}, "spec.jobTemplate.spec.template.spec"),
        "Pod": ("v1", {"spec": template["spec"]}, "spec"),
        "PodTemplate": ("v1", {"template": template}, "template.spec"),
        "Rollout": ("argoproj.io/v1alpha1", {"spec": {"selector": selector, "template": template}}, P),
    }  # fmt: skip
    api_version, body, path = shapes[kind]
    return {"apiVersion": api_version, "kind": kind, "metadata": meta, **copy.deepcopy(body)}, path


KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "PodTemplate", "Rollout"]


@pytest.mark.parametrize("group", ["containers", "initContainers", "ephemeralContainers"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_pod_bearing_kind_and_container_group_is_checked(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], kind: str, group: str
) -> None:
    template = copy.deepcopy(find(objects["development"], "Deployment", "blacklist")["spec"]["template"])
    extra = {"name": "extra", "image": "registry.example.com/tool:v1", "securityContext": {"privileged": True}}
    if group == "containers":
        template["spec"]["containers"][0]["securityContext"]["privileged"] = True
        name = "blacklist"
    else:
        template["spec"][group] = [extra]
        name = "extra"
    obj, path = _wrap(kind, template)
    found = {(v.kind, v.field, v.rule) for v in manifest_gate.check("development", [obj])}
    assert (kind, f"{path}.{group}[{name}].securityContext.privileged", "no-privileged") in found, sorted(found)
    # ... and the container's other restricted controls too (an ephemeral container
    # that sets nothing breaks several).
    if group != "containers":
        assert (
            kind,
            f"{path}.{group}[extra].securityContext.allowPrivilegeEscalation",
            "no-privilege-escalation",
        ) in found


def test_a_compliant_pod_of_every_kind_passes_pod_security(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    template = find(objects["development"], "Deployment", "blacklist")["spec"]["template"]
    for kind in KINDS:
        obj, _ = _wrap(kind, copy.deepcopy(template))
        rules = {v.rule for v in manifest_gate.check("development", [obj])}
        from cdk8s_webservice.gate.pod_security import RULES

        assert not rules & set(RULES), (kind, rules)


def _test_run(objects: dict[str, Objects]) -> dict[str, Any]:
    return copy.deepcopy(find(objects["staging"], "TestRun", "blacklist-load-test"))


@pytest.mark.parametrize("role", ["runner", "initializer", "starter"])
def test_a_privileged_root_k6_pod_is_refused(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], role: str
) -> None:
    """The k6-operator makes a pod of each of a TestRun's runner, initializer and
    starter: `securityContext` is the pod's, `containerSecurityContext` its container's."""
    test_run = _test_run(objects)
    assert manifest_gate.check("staging", [test_run]) == [], "the committed TestRun passes"
    fields = test_run["spec"][role]
    fields["securityContext"].update(runAsUser=0, runAsNonRoot=False)
    fields["containerSecurityContext"].update(
        privileged=True, allowPrivilegeEscalation=True, capabilities={"add": ["SYS_ADMIN"]}
    )
    found = {(v.field, v.rule) for v in manifest_gate.check("staging", [test_run]) if v.kind == "TestRun"}
    at = f"spec.{role}"
    assert {
        (f"{at}.containerSecurityContext.privileged", "no-privileged"),
        (f"{at}.containerSecurityContext.capabilities.add", "baseline-capabilities"),
        (f"{at}.containerSecurityContext.capabilities.drop", "drop-all-capabilities"),
        (f"{at}.containerSecurityContext.allowPrivilegeEscalation", "no-privilege-escalation"),
        (f"{at}.securityContext.runAsNonRoot", "run-as-non-root"),
        (f"{at}.securityContext.runAsUser", "run-as-non-root-user"),
    } <= found, sorted(found)


def test_a_chaos_workflow_task_container_is_checked(manifest_gate: Gate) -> None:
    """A Chaos Mesh Schedule's workflow task runs a container the CRD carries."""
    schedule = {
        "apiVersion": "chaos-mesh.org/v1alpha1",
        "kind": "Schedule",
        "metadata": {"name": "probe", "namespace": "blacklist-dev"},
        "spec": {
            "workflow": {"templates": [{"task": {"container": {"name": "c", "securityContext": {"privileged": True}}}}]}
        },
    }
    found = {(v.field, v.rule) for v in manifest_gate.check("development", [schedule])}
    assert ("spec.workflow.templates[0].task.container.securityContext.privileged", "no-privileged") in found
