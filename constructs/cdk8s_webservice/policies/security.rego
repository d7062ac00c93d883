# Pod and container security: what Pod Security `restricted` asks, checked
# before anything reaches git rather than at admission time.
package kubernetes.admission

import rego.v1

deny contains msg if {
	some r in containers
	r.c.securityContext.privileged == true
	msg := message("no-privileged", r, concat("", [r.path, ".securityContext.privileged"]), "must not be true")
}

deny contains msg if {
	some r in containers
	not r.c.securityContext.allowPrivilegeEscalation == false
	msg := message("no-privilege-escalation", r, concat("", [r.path, ".securityContext.allowPrivilegeEscalation"]), "must be false")
}

deny contains msg if {
	some r in containers
	not runs_as_non_root(r)
	msg := message("run-as-non-root", r, concat("", [r.path, ".securityContext.runAsNonRoot"]), "must be true (on the container or the pod)")
}

deny contains msg if {
	some r in containers
	user := object.get(r.c, ["securityContext", "runAsUser"], object.get(r.pod_security, "runAsUser", null))
	user == 0
	msg := message("run-as-non-root", r, concat("", [r.path, ".securityContext.runAsUser"]), "must not be 0 (root)")
}

deny contains msg if {
	some r in containers
	not r.c.securityContext.readOnlyRootFilesystem == true
	msg := message("read-only-root-filesystem", r, concat("", [r.path, ".securityContext.readOnlyRootFilesystem"]), "must be true")
}

deny contains msg if {
	some r in containers
	not "ALL" in object.get(r.c, ["securityContext", "capabilities", "drop"], [])
	msg := message("drop-all-capabilities", r, concat("", [r.path, ".securityContext.capabilities.drop"]), "must contain ALL")
}

deny contains msg if {
	some pod in pods
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pod.spec[field] == true
	msg := message("no-host-namespaces", pod, concat("", [pod.path, ".", field]), "must not be true")
}

deny contains msg if {
	some r in containers
	not pinned(r.c.image)
	msg := message("no-latest-image", r, concat("", [r.path, ".image"]), concat("", [r.c.image, ": give a tag other than latest, or a digest"]))
}

runs_as_non_root(r) if r.c.securityContext.runAsNonRoot == true

runs_as_non_root(r) if {
	not r.c.securityContext.runAsNonRoot == false
	r.pod_security.runAsNonRoot == true
}

# An image is pinned by digest, or by a tag that is not `latest`.
pinned(image) if contains(image, "@sha256:")

pinned(image) if {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
	lower(tag) != "latest"
}
