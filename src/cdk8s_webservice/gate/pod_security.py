"""Pod Security Standards `restricted` (Kubernetes 1.27), all of it: every baseline
control and every restricted control, pod-level and container-level (containers,
initContainers, ephemeralContainers), on every object that carries a pod spec
(see `pods`).

The spec is the Kubernetes page "Pod Security Standards"
(content/en/docs/concepts/security/pod-security-standards.md in
kubernetes/website), as the pod-security-admission checks apply it at version
1.27. Each rule below is one control (its `source`), with the checkov / trivy
(KSV) checks that look at the same field, where one exists (its `checks`).

Longer than the gate's other modules (~320 lines) for a reason: one small
function per control, eighteen of them, kept together with the constants of the
standard they share; splitting baseline from restricted would split pairs of
controls that read the same field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .pods import PodSpec, containers
from .registry import Fail, Rule, pod_rule, rules_in

BASELINE_CAPABILITIES = frozenset(
    {
        "AUDIT_WRITE",
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "MKNOD",
        "NET_BIND_SERVICE",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
    }
)
SAFE_SYSCTLS = frozenset(
    {
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_local_reserved_ports",  # since 1.27
    }
)
SELINUX_TYPES = frozenset({"", "container_t", "container_init_t", "container_kvm_t"})
RESTRICTED_VOLUMES = frozenset(
    {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}
)
APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/"


def _m(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _contexts(pod: PodSpec) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(field path of a securityContext, the context): the pod's, then each container's."""
    yield f"{pod.path}.securityContext", _m(pod.spec.get("securityContext"))
    for path, c in containers(pod):
        yield f"{path}.securityContext", _m(c.get("securityContext"))


def _security_contexts(pod: PodSpec) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(field path of a container, its securityContext) for every container."""
    for path, c in containers(pod):
        yield path, _m(c.get("securityContext"))


@pod_rule(
    "no-host-process", reason="a Windows pod running as a host process", source="baseline: HostProcess", checks="KSV103"
)
def host_process(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _contexts(pod):
        if _m(sc.get("windowsOptions")).get("hostProcess") is True:
            fail(f"{path}.windowsOptions.hostProcess", "must not be true")


@pod_rule(
    "no-host-namespaces",
    reason="a pod sharing the node's network, PID or IPC namespace",
    source="baseline: Host Namespaces",
    checks="CKV_K8S_17, CKV_K8S_18, CKV_K8S_19; KSV008, KSV009, KSV010",
)
def host_namespaces(pod: PodSpec, fail: Fail) -> None:
    for field in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.spec.get(field) is True:
            fail(f"{pod.path}.{field}", "must not be true")


@pod_rule(
    "no-privileged",
    reason="a privileged container",
    source="baseline: Privileged Containers",
    checks="CKV_K8S_16; KSV017",
)
def privileged(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        if sc.get("privileged") is True:
            fail(f"{path}.securityContext.privileged", "must not be true")


def _added(sc: Mapping[str, Any]) -> list[str]:
    return [str(a) for a in _l(_m(sc.get("capabilities")).get("add"))]


@pod_rule(
    "baseline-capabilities",
    reason="a capability beyond the container runtime's default set",
    source="baseline: Capabilities",
    checks="CKV_K8S_25, CKV_K8S_39; KSV005, KSV022",
)
def baseline_capabilities(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        beyond = sorted(a for a in _added(sc) if a not in BASELINE_CAPABILITIES)
        if beyond:
            fail(f"{path}.securityContext.capabilities.add", f"{beyond} are beyond the baseline set")


@pod_rule(
    "restricted-capabilities",
    reason="a capability added other than NET_BIND_SERVICE",
    source="restricted: Capabilities (add only NET_BIND_SERVICE)",
    checks="KSV106",
)
def restricted_capabilities(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        if any(a != "NET_BIND_SERVICE" for a in _added(sc)):
            fail(f"{path}.securityContext.capabilities.add", "may add NET_BIND_SERVICE only")


@pod_rule(
    "drop-all-capabilities",
    reason="a container keeping the runtime's default capabilities",
    source="restricted: Capabilities (drop ALL)",
    checks="CKV_K8S_28, CKV_K8S_37; KSV003",
)
def drop_all_capabilities(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        if "ALL" not in _l(_m(sc.get("capabilities")).get("drop")):
            fail(f"{path}.securityContext.capabilities.drop", "must contain ALL")


def _volumes(pod: PodSpec) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for i, volume in enumerate(_l(pod.spec.get("volumes"))):
        volume = _m(volume)
        name = volume.get("name") if isinstance(volume.get("name"), str) else str(i)
        yield f"{pod.path}.volumes[{name}]", volume


@pod_rule(
    "no-host-path", reason="a pod mounting the node's file system", source="baseline: HostPath Volumes", checks="KSV023"
)
def host_path(pod: PodSpec, fail: Fail) -> None:
    for where, volume in _volumes(pod):
        if "hostPath" in volume:
            fail(f"{where}.hostPath", "hostPath volumes are not allowed")


@pod_rule(
    "volume-types",
    reason="a volume type outside the restricted set",
    source="restricted: Volume Types",
    checks="KSV028",
)
def volume_types(pod: PodSpec, fail: Fail) -> None:
    for where, volume in _volumes(pod):
        kinds = sorted(k for k in volume if k != "name")
        if any(k not in RESTRICTED_VOLUMES for k in kinds):
            fail(where, f"{kinds} is not one of {sorted(RESTRICTED_VOLUMES)}")


@pod_rule(
    "no-host-ports",
    reason="a container bound to a port of the node",
    source="baseline: Host Ports",
    checks="CKV_K8S_26; KSV024",
)
def host_ports(pod: PodSpec, fail: Fail) -> None:
    for path, c in containers(pod):
        for i, port in enumerate(_l(c.get("ports"))):
            if _m(port).get("hostPort") not in (None, 0):
                fail(f"{path}.ports[{i}].hostPort", "must be unset or 0")


@pod_rule(
    "apparmor", reason="a container without the default AppArmor profile", source="baseline: AppArmor", checks="KSV002"
)
def apparmor(pod: PodSpec, fail: Fail) -> None:
    for key, value in pod.annotations.items():
        if str(key).startswith(APPARMOR_ANNOTATION) and not (
            value == "runtime/default" or str(value).startswith("localhost/")
        ):
            fail(
                f"{pod.path.rsplit('.spec', 1)[0]}.metadata.annotations.{key}",
                "must be runtime/default or localhost/<profile>",
            )
    for path, sc in _contexts(pod):
        profile = sc.get("appArmorProfile")
        if profile is not None and _m(profile).get("type") not in ("RuntimeDefault", "Localhost"):
            fail(f"{path}.appArmorProfile.type", "must be RuntimeDefault or Localhost")


@pod_rule("selinux", reason="a custom SELinux user, role or type", source="baseline: SELinux", checks="KSV025")
def selinux(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _contexts(pod):
        options = _m(sc.get("seLinuxOptions"))
        if options.get("type") not in (None, *SELINUX_TYPES):
            fail(f"{path}.seLinuxOptions.type", f"must be one of {sorted(SELINUX_TYPES)}")
        for field in ("user", "role"):
            if options.get(field) not in (None, ""):
                fail(f"{path}.seLinuxOptions.{field}", "must be unset")


@pod_rule("proc-mount", reason="an unmasked /proc", source="baseline: /proc Mount Type", checks="KSV027")
def proc_mount(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        if sc.get("procMount") not in (None, "Default"):
            fail(f"{path}.securityContext.procMount", "must be Default")


def _seccomp_type(sc: Mapping[str, Any]) -> Any:
    return _m(sc.get("seccompProfile")).get("type")


@pod_rule(
    "seccomp-not-unconfined", reason="a pod or container without seccomp", source="baseline: Seccomp", checks="KSV104"
)
def seccomp_not_unconfined(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _contexts(pod):
        if _seccomp_type(sc) == "Unconfined":
            fail(f"{path}.seccompProfile.type", "must be RuntimeDefault or Localhost, not Unconfined")


@pod_rule(
    "seccomp-required",
    reason="a container with no seccomp profile",
    source="restricted: Seccomp",
    checks="CKV_K8S_31; KSV030",
)
def seccomp_required(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _contexts(pod):
        kind = _seccomp_type(sc)
        if kind not in (None, "RuntimeDefault", "Localhost", "Unconfined"):
            fail(f"{path}.seccompProfile.type", f"must be RuntimeDefault or Localhost, not {kind}")
    if _seccomp_type(_m(pod.spec.get("securityContext"))) is None:
        for path, sc in _security_contexts(pod):
            if _seccomp_type(sc) is None:
                fail(
                    f"{path}.securityContext.seccompProfile.type",
                    "must be RuntimeDefault or Localhost (on the container or the pod)",
                )


@pod_rule("safe-sysctls", reason="a sysctl that reaches beyond the pod", source="baseline: Sysctls", checks="KSV026")
def sysctls(pod: PodSpec, fail: Fail) -> None:
    for sysctl in _l(_m(pod.spec.get("securityContext")).get("sysctls")):
        name = _m(sysctl).get("name")
        if name not in SAFE_SYSCTLS:
            fail(f"{pod.path}.securityContext.sysctls[{name}]", "is not a safe sysctl")


@pod_rule(
    "no-privilege-escalation",
    reason="a process that can gain more privileges than its parent",
    source="restricted: Privilege Escalation",
    checks="CKV_K8S_20; KSV001",
)
def privilege_escalation(pod: PodSpec, fail: Fail) -> None:
    for path, sc in _security_contexts(pod):
        if sc.get("allowPrivilegeEscalation") is not False:
            fail(f"{path}.securityContext.allowPrivilegeEscalation", "must be false")


@pod_rule(
    "run-as-non-root",
    reason="a container that may run as root",
    source="restricted: Running as Non-root",
    checks="CKV_K8S_23; KSV012",
)
def run_as_non_root(pod: PodSpec, fail: Fail) -> None:
    pod_sc = _m(pod.spec.get("securityContext"))
    for path, sc in _security_contexts(pod):
        non_root = sc.get("runAsNonRoot")
        if non_root is False or (non_root is None and pod_sc.get("runAsNonRoot") is not True):
            fail(f"{path}.securityContext.runAsNonRoot", "must be true (on the container or the pod)")
    if pod_sc.get("runAsNonRoot") is False:
        fail(f"{pod.path}.securityContext.runAsNonRoot", "must not be false")


@pod_rule(
    "run-as-non-root-user",
    reason="a pod or container set to run as user 0",
    source="restricted: Running as Non-root user",
    checks="KSV105",
)
def run_as_non_root_user(pod: PodSpec, fail: Fail) -> None:
    if _m(pod.spec.get("securityContext")).get("runAsUser") == 0:
        fail(f"{pod.path}.securityContext.runAsUser", "must not be 0 (root)")
    for path, sc in _security_contexts(pod):
        if sc.get("runAsUser") == 0:
            fail(f"{path}.securityContext.runAsUser", "must not be 0 (root)")


RULES: dict[str, Rule] = rules_in(__name__)
"""Every Pod Security rule, with its control (`source`) and the scanner checks of the same field."""
