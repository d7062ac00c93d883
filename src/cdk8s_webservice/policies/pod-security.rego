# Pod Security Standards `restricted` (Kubernetes 1.27), every control the gate enforces in
# Python (constructs/cdk8s_webservice/gate/pod_security.py), for OPA, conftest and
# Gatekeeper users:
#
#   opa eval -d policies -i manifest.yaml "data.kubernetes.admission.deny[x]"
#
# Same rule names and the same field paths as the gate's Python rules: one violation
# corpus (tests/gate/test_pod_security_rego.py) is fed to both and must give the same
# (rule, kind, name, field) for each case. The gate reports these rules from Python;
# it evaluates this file too and keeps the Python report (policy.py).
package kubernetes.admission

import rego.v1

baseline_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

safe_sysctls := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
}

selinux_types := {"", "container_t", "container_init_t", "container_kvm_t"}

restricted_volumes := {
	"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
}

apparmor_prefix := "container.apparmor.security.beta.kubernetes.io/"

# The metadata of the pods of `obj` whose pod spec is at `path` (their annotations).
pod_metadata(obj, path) := object.get(obj, "metadata", {}) if {
	path == "spec"
} else := object.get(obj.template, "metadata", {}) if {
	path == "template.spec"
} else := object.get(obj.spec.jobTemplate.spec.template, "metadata", {}) if {
	path == "spec.jobTemplate.spec.template.spec"
} else := object.get(obj.spec.template, "metadata", {})

# One record per pod spec, with its metadata: {kind, name, path, spec, meta}.
ps_pods := [{"kind": obj.kind, "name": obj.metadata.name, "path": path, "spec": spec, "meta": pod_metadata(obj, path)} |
	some obj in objects
	some [path, spec] in pod_specs(obj)
]

# Every container, init and ephemeral container: {kind, name, path, c, pod}.
ps_containers := [{"kind": pod.kind, "name": pod.name, "path": path, "c": c, "pod": pod} |
	some pod in ps_pods
	some group in ["containers", "initContainers", "ephemeralContainers"]
	some c in object.get(pod.spec, group, [])
	path := concat("", [pod.path, ".", group, "[", c.name, "]"])
]

# Every securityContext, the pod's then each container's: {kind, name, path, sc}.
ps_contexts := array.concat(
	[{"kind": pod.kind, "name": pod.name, "path": concat("", [pod.path, ".securityContext"]), "sc": object.get(pod.spec, "securityContext", {})} |
		some pod in ps_pods
	],
	[{"kind": r.kind, "name": r.name, "path": concat("", [r.path, ".securityContext"]), "sc": object.get(r.c, "securityContext", {})} |
		some r in ps_containers
	],
)

csc(r) := object.get(r.c, "securityContext", {})

psc(pod) := object.get(pod.spec, "securityContext", {})

field(prefix, suffix) := concat("", [prefix, ".", suffix])

# baseline: HostProcess
deny contains msg if {
	some r in ps_contexts
	object.get(object.get(r.sc, "windowsOptions", {}), "hostProcess", null) == true
	msg := message("no-host-process", r, field(r.path, "windowsOptions.hostProcess"), "must not be true")
}

# baseline: Host Namespaces
deny contains msg if {
	some pod in ps_pods
	some name in ["hostNetwork", "hostPID", "hostIPC"]
	object.get(pod.spec, name, null) == true
	msg := message("no-host-namespaces", pod, field(pod.path, name), "must not be true")
}

# baseline: Privileged Containers
deny contains msg if {
	some r in ps_containers
	object.get(csc(r), "privileged", null) == true
	msg := message("no-privileged", r, field(r.path, "securityContext.privileged"), "must not be true")
}

added(r) := [a | some a in object.get(object.get(csc(r), "capabilities", {}), "add", [])]

# baseline: Capabilities
deny contains msg if {
	some r in ps_containers
	beyond := sort([a |
		some a in added(r)
		not baseline_capabilities[a]
	])
	count(beyond) > 0
	msg := message("baseline-capabilities", r, field(r.path, "securityContext.capabilities.add"), sprintf("%v are beyond the baseline set", [beyond]))
}

# restricted: Capabilities (add only NET_BIND_SERVICE)
deny contains msg if {
	some r in ps_containers
	some a in added(r)
	a != "NET_BIND_SERVICE"
	msg := message("restricted-capabilities", r, field(r.path, "securityContext.capabilities.add"), "may add NET_BIND_SERVICE only")
}

# restricted: Capabilities (drop ALL)
deny contains msg if {
	some r in ps_containers
	not "ALL" in object.get(object.get(csc(r), "capabilities", {}), "drop", [])
	msg := message("drop-all-capabilities", r, field(r.path, "securityContext.capabilities.drop"), "must contain ALL")
}

ps_volumes := [{"kind": pod.kind, "name": pod.name, "path": concat("", [pod.path, ".volumes[", v.name, "]"]), "v": v} |
	some pod in ps_pods
	some v in object.get(pod.spec, "volumes", [])
]

# baseline: HostPath Volumes
deny contains msg if {
	some r in ps_volumes
	"hostPath" in object.keys(r.v)
	msg := message("no-host-path", r, field(r.path, "hostPath"), "hostPath volumes are not allowed")
}

# restricted: Volume Types
deny contains msg if {
	some r in ps_volumes
	kinds := sort([k |
		some k in object.keys(r.v)
		k != "name"
	])
	some k in kinds
	not restricted_volumes[k]
	msg := message("volume-types", r, r.path, sprintf("%v is not one of %v", [kinds, sort(restricted_volumes)]))
}

# baseline: Host Ports
deny contains msg if {
	some r in ps_containers
	some i, port in object.get(r.c, "ports", [])
	not object.get(port, "hostPort", null) in {null, 0}
	msg := message("no-host-ports", r, concat("", [r.path, ".ports[", format_int(i, 10), "].hostPort"]), "must be unset or 0")
}

# The field path of a pod's annotations, as the gate writes it.
annotations_path(pod) := concat("", [trim_suffix(pod.path, ".spec"), ".metadata.annotations"])

# baseline: AppArmor (annotations, and appArmorProfile)
deny contains msg if {
	some pod in ps_pods
	some key, value in object.get(pod.meta, "annotations", {})
	startswith(key, apparmor_prefix)
	value != "runtime/default"
	not startswith(value, "localhost/")
	msg := message("apparmor", pod, field(annotations_path(pod), key), "must be runtime/default or localhost/<profile>")
}

deny contains msg if {
	some r in ps_contexts
	profile := object.get(r.sc, "appArmorProfile", null)
	profile != null
	not object.get(profile, "type", null) in {"RuntimeDefault", "Localhost"}
	msg := message("apparmor", r, field(r.path, "appArmorProfile.type"), "must be RuntimeDefault or Localhost")
}

# baseline: SELinux
deny contains msg if {
	some r in ps_contexts
	kind := object.get(object.get(r.sc, "seLinuxOptions", {}), "type", null)
	kind != null
	not selinux_types[kind]
	msg := message("selinux", r, field(r.path, "seLinuxOptions.type"), sprintf("must be one of %v", [sort(selinux_types)]))
}

deny contains msg if {
	some r in ps_contexts
	some name in ["user", "role"]
	not object.get(object.get(r.sc, "seLinuxOptions", {}), name, null) in {null, ""}
	msg := message("selinux", r, field(r.path, concat("", ["seLinuxOptions.", name])), "must be unset")
}

# baseline: /proc Mount Type
deny contains msg if {
	some r in ps_containers
	not object.get(csc(r), "procMount", null) in {null, "Default"}
	msg := message("proc-mount", r, field(r.path, "securityContext.procMount"), "must be Default")
}

seccomp_type(sc) := object.get(object.get(sc, "seccompProfile", {}), "type", null)

# baseline: Seccomp
deny contains msg if {
	some r in ps_contexts
	seccomp_type(r.sc) == "Unconfined"
	msg := message("seccomp-not-unconfined", r, field(r.path, "seccompProfile.type"), "must be RuntimeDefault or Localhost, not Unconfined")
}

# restricted: Seccomp
deny contains msg if {
	some r in ps_contexts
	kind := seccomp_type(r.sc)
	not kind in {null, "RuntimeDefault", "Localhost", "Unconfined"}
	msg := message("seccomp-required", r, field(r.path, "seccompProfile.type"), sprintf("must be RuntimeDefault or Localhost, not %v", [kind]))
}

deny contains msg if {
	some r in ps_containers
	seccomp_type(psc(r.pod)) == null
	seccomp_type(csc(r)) == null
	msg := message("seccomp-required", r, field(r.path, "securityContext.seccompProfile.type"), "must be RuntimeDefault or Localhost (on the container or the pod)")
}

# baseline: Sysctls
deny contains msg if {
	some pod in ps_pods
	some sysctl in object.get(psc(pod), "sysctls", [])
	not safe_sysctls[object.get(sysctl, "name", null)]
	msg := message("safe-sysctls", pod, concat("", [pod.path, ".securityContext.sysctls[", sprintf("%v", [object.get(sysctl, "name", null)]), "]"]), "is not a safe sysctl")
}

# restricted: Privilege Escalation
deny contains msg if {
	some r in ps_containers
	object.get(csc(r), "allowPrivilegeEscalation", null) != false
	msg := message("no-privilege-escalation", r, field(r.path, "securityContext.allowPrivilegeEscalation"), "must be false")
}

# restricted: Running as Non-root (the container's setting overrides the pod's)
runs_as_root(r) if object.get(csc(r), "runAsNonRoot", null) == false

runs_as_root(r) if {
	object.get(csc(r), "runAsNonRoot", null) == null
	object.get(psc(r.pod), "runAsNonRoot", null) != true
}

deny contains msg if {
	some r in ps_containers
	runs_as_root(r)
	msg := message("run-as-non-root", r, field(r.path, "securityContext.runAsNonRoot"), "must be true (on the container or the pod)")
}

deny contains msg if {
	some pod in ps_pods
	object.get(psc(pod), "runAsNonRoot", null) == false
	msg := message("run-as-non-root", pod, field(pod.path, "securityContext.runAsNonRoot"), "must not be false")
}

# restricted: Running as Non-root user
deny contains msg if {
	some pod in ps_pods
	object.get(psc(pod), "runAsUser", null) == 0
	msg := message("run-as-non-root-user", pod, field(pod.path, "securityContext.runAsUser"), "must not be 0 (root)")
}

deny contains msg if {
	some r in ps_containers
	object.get(csc(r), "runAsUser", null) == 0
	msg := message("run-as-non-root-user", r, field(r.path, "securityContext.runAsUser"), "must not be 0 (root)")
}
