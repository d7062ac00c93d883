"""Pod Security Standards `restricted` (Kubernetes 1.27), all of it: every baseline
control and every restricted control, pod-level and container-level (containers,
initContainers, ephemeralContainers), on every object that carries a pod spec
(see `pods`).

The spec is the Kubernetes page "Pod Security Standards"
(content/en/docs/concepts/security/pod-security-standards.md in
kubernetes/website), as the pod-security-admission checks apply it at version
1.27. Each rule below is one control; `RULES` names the control and the checkov /
trivy (KSV) checks that look at the same field, where one exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from .pods import PodSpec, containers, pod_specs
from .violations import Violation

#: rule id -> (PSS level and control, checkov / trivy checks of the same thing)
RULES: dict[str, tuple[str, str]] = {
    "no-host-process": ("baseline: HostProcess", "KSV103"),
    "no-host-namespaces": ("baseline: Host Namespaces", "CKV_K8S_17, CKV_K8S_18, CKV_K8S_19; KSV008, KSV009, KSV010"),
    "no-privileged": ("baseline: Privileged Containers", "CKV_K8S_16; KSV017"),
    "baseline-capabilities": ("baseline: Capabilities", "CKV_K8S_25, CKV_K8S_39; KSV005, KSV022"),
    "no-host-path": ("baseline: HostPath Volumes", "KSV023"),
    "no-host-ports": ("baseline: Host Ports", "CKV_K8S_26; KSV024"),
    "apparmor": ("baseline: AppArmor", "KSV002"),
    "selinux": ("baseline: SELinux", "KSV025"),
    "proc-mount": ("baseline: /proc Mount Type", "KSV027"),
    "seccomp-not-unconfined": ("baseline: Seccomp", "KSV104"),
    "safe-sysctls": ("baseline: Sysctls", "KSV026"),
    "volume-types": ("restricted: Volume Types", "KSV028"),
    "no-privilege-escalation": ("restricted: Privilege Escalation", "CKV_K8S_20; KSV001"),
    "run-as-non-root": ("restricted: Running as Non-root", "CKV_K8S_23; KSV012"),
    "run-as-non-root-user": ("restricted: Running as Non-root user", "KSV105"),
    "seccomp-required": ("restricted: Seccomp", "CKV_K8S_31; KSV030"),
    "drop-all-capabilities": ("restricted: Capabilities (drop ALL)", "CKV_K8S_28, CKV_K8S_37; KSV003"),
    "restricted-capabilities": ("restricted: Capabilities (add only NET_BIND_SERVICE)", "KSV106"),
}
"""Every Pod Security rule: its control and the scanner checks of the same field."""

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

Found = list[tuple[str, str, str]]  # (field, rule, message)


def _m(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _contexts(pod: PodSpec) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(field path of a securityContext, the context): the pod's, then each container's."""
    yield f"{pod.path}.securityContext", _m(pod.spec.get("securityContext"))
    for path, c in containers(pod):
        yield f"{path}.securityContext", _m(c.get("securityContext"))


def _host_process(pod: PodSpec, out: Found) -> None:
    for path, sc in _contexts(pod):
        if _m(sc.get("windowsOptions")).get("hostProcess") is True:
            out.append((f"{path}.windowsOptions.hostProcess", "no-host-process", "must not be true"))


def _host_namespaces(pod: PodSpec, out: Found) -> None:
    for field in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.spec.get(field) is True:
            out.append((f"{pod.path}.{field}", "no-host-namespaces", "must not be true"))


def _privileged(pod: PodSpec, out: Found) -> None:
    for path, c in containers(pod):
        if _m(c.get("securityContext")).get("privileged") is True:
            out.append((f"{path}.securityContext.privileged", "no-privileged", "must not be true"))


def _capabilities(pod: PodSpec, out: Found) -> None:
    for path, c in containers(pod):
        caps = _m(_m(c.get("securityContext")).get("capabilities"))
        added = [str(a) for a in _l(caps.get("add"))]
        beyond = sorted(a for a in added if a not in BASELINE_CAPABILITIES)
        if beyond:
            out.append(
                (
                    f"{path}.securityContext.capabilities.add",
                    "baseline-capabilities",
                    f"{beyond} are beyond the baseline set",
                )
            )
        if any(a != "NET_BIND_SERVICE" for a in added):
            out.append(
                (f"{path}.securityContext.capabilities.add", "restricted-capabilities", "may add NET_BIND_SERVICE only")
            )
        if "ALL" not in _l(caps.get("drop")):
            out.append((f"{path}.securityContext.capabilities.drop", "drop-all-capabilities", "must contain ALL"))


def _volumes(pod: PodSpec, out: Found) -> None:
    for i, volume in enumerate(_l(pod.spec.get("volumes"))):
        volume = _m(volume)
        name = volume.get("name") if isinstance(volume.get("name"), str) else str(i)
        where = f"{pod.path}.volumes[{name}]"
        if "hostPath" in volume:
            out.append((f"{where}.hostPath", "no-host-path", "hostPath volumes are not allowed"))
        kinds = sorted(k for k in volume if k != "name")
        if any(k not in RESTRICTED_VOLUMES for k in kinds):
            out.append((where, "volume-types", f"{kinds} is not one of {sorted(RESTRICTED_VOLUMES)}"))


def _host_ports(pod: PodSpec, out: Found) -> None:
    for path, c in containers(pod):
        for i, port in enumerate(_l(c.get("ports"))):
            host_port = _m(port).get("hostPort")
            if host_port not in (None, 0):
                out.append((f"{path}.ports[{i}].hostPort", "no-host-ports", "must be unset or 0"))


def _apparmor(pod: PodSpec, out: Found) -> None:
    for key, value in pod.annotations.items():
        if str(key).startswith(APPARMOR_ANNOTATION) and not (
            value == "runtime/default" or str(value).startswith("localhost/")
        ):
            out.append(
                (
                    f"{pod.path.rsplit('.spec', 1)[0]}.metadata.annotations.{key}",
                    "apparmor",
                    "must be runtime/default or localhost/<profile>",
                )
            )
    for path, sc in _contexts(pod):
        profile = sc.get("appArmorProfile")
        if profile is not None and _m(profile).get("type") not in ("RuntimeDefault", "Localhost"):
            out.append((f"{path}.appArmorProfile.type", "apparmor", "must be RuntimeDefault or Localhost"))


def _selinux(pod: PodSpec, out: Found) -> None:
    for path, sc in _contexts(pod):
        options = _m(sc.get("seLinuxOptions"))
        if options.get("type") not in (None, *SELINUX_TYPES):
            out.append((f"{path}.seLinuxOptions.type", "selinux", f"must be one of {sorted(SELINUX_TYPES)}"))
        for field in ("user", "role"):
            if options.get(field) not in (None, ""):
                out.append((f"{path}.seLinuxOptions.{field}", "selinux", "must be unset"))


def _proc_mount(pod: PodSpec, out: Found) -> None:
    for path, c in containers(pod):
        if _m(c.get("securityContext")).get("procMount") not in (None, "Default"):
            out.append((f"{path}.securityContext.procMount", "proc-mount", "must be Default"))


def _seccomp(pod: PodSpec, out: Found) -> None:
    allowed = ("RuntimeDefault", "Localhost")
    pod_type = _m(_m(pod.spec.get("securityContext")).get("seccompProfile")).get("type")
    for path, sc in _contexts(pod):
        kind = _m(sc.get("seccompProfile")).get("type")
        if kind is not None and kind not in allowed:
            rule = "seccomp-not-unconfined" if kind == "Unconfined" else "seccomp-required"
            out.append((f"{path}.seccompProfile.type", rule, f"must be RuntimeDefault or Localhost, not {kind}"))
    if pod_type is None:
        for path, c in containers(pod):
            if _m(_m(c.get("securityContext")).get("seccompProfile")).get("type") is None:
                out.append(
                    (
                        f"{path}.securityContext.seccompProfile.type",
                        "seccomp-required",
                        "must be RuntimeDefault or Localhost (on the container or the pod)",
                    )
                )


def _sysctls(pod: PodSpec, out: Found) -> None:
    for sysctl in _l(_m(pod.spec.get("securityContext")).get("sysctls")):
        name = _m(sysctl).get("name")
        if name not in SAFE_SYSCTLS:
            out.append((f"{pod.path}.securityContext.sysctls[{name}]", "safe-sysctls", "is not a safe sysctl"))


def _privilege_escalation(pod: PodSpec, out: Found) -> None:
    for path, c in containers(pod):
        if _m(c.get("securityContext")).get("allowPrivilegeEscalation") is not False:
            out.append((f"{path}.securityContext.allowPrivilegeEscalation", "no-privilege-escalation", "must be false"))


def _non_root(pod: PodSpec, out: Found) -> None:
    pod_sc = _m(pod.spec.get("securityContext"))
    if pod_sc.get("runAsUser") == 0:
        out.append((f"{pod.path}.securityContext.runAsUser", "run-as-non-root-user", "must not be 0 (root)"))
    for path, c in containers(pod):
        sc = _m(c.get("securityContext"))
        if sc.get("runAsUser") == 0:
            out.append((f"{path}.securityContext.runAsUser", "run-as-non-root-user", "must not be 0 (root)"))
        non_root = sc.get("runAsNonRoot")
        if non_root is False or (non_root is None and pod_sc.get("runAsNonRoot") is not True):
            out.append(
                (
                    f"{path}.securityContext.runAsNonRoot",
                    "run-as-non-root",
                    "must be true (on the container or the pod)",
                )
            )
    if pod_sc.get("runAsNonRoot") is False:
        out.append((f"{pod.path}.securityContext.runAsNonRoot", "run-as-non-root", "must not be false"))


CONTROLS: tuple[Callable[[PodSpec, Found], None], ...] = (
    _host_process,
    _host_namespaces,
    _privileged,
    _capabilities,
    _volumes,
    _host_ports,
    _apparmor,
    _selinux,
    _proc_mount,
    _seccomp,
    _sysctls,
    _privilege_escalation,
    _non_root,
)


def check_pod_security(environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
    """Violations of Pod Security `restricted` by every pod spec in `objects`."""
    violations = []
    for obj in objects:
        for pod in pod_specs(obj):
            found: Found = []
            for control in CONTROLS:
                control(pod, found)
            for field, rule, message in found:
                if rule not in RULES:
                    raise ValueError(f"undeclared gate rule {rule!r}")
                violations.append(
                    Violation(environment, str(obj.get("kind")), str(obj["metadata"]["name"]), field, rule, message)
                )
    return violations
