# Pod and container security: what Pod Security `restricted` asks, checked
# before anything reaches git rather than at admission time.
package kubernetes.admission

import rego.v1

deny contains msg if {
	some [obj, _, path, c] in containers
	c.securityContext.privileged == true
	msg := message("no-privileged", obj, sprintf("%s.securityContext.privileged", [path]), "must not be true")
}

deny contains msg if {
	some [obj, _, path, c] in containers
	not c.securityContext.allowPrivilegeEscalation == false
	msg := message("no-privilege-escalation", obj, sprintf("%s.securityContext.allowPrivilegeEscalation", [path]), "must be false")
}

deny contains msg if {
	some [obj, spec, path, c] in containers
	not runs_as_non_root(spec, c)
	msg := message("run-as-non-root", obj, sprintf("%s.securityContext.runAsNonRoot", [path]), "must be true (on the container or the pod)")
}

deny contains msg if {
	some [obj, spec, path, c] in containers
	user := object.get(c, ["securityContext", "runAsUser"], object.get(spec, ["securityContext", "runAsUser"], null))
	user == 0
	msg := message("run-as-non-root", obj, sprintf("%s.securityContext.runAsUser", [path]), "must not be 0 (root)")
}

deny contains msg if {
	some [obj, _, path, c] in containers
	not c.securityContext.readOnlyRootFilesystem == true
	msg := message("read-only-root-filesystem", obj, sprintf("%s.securityContext.readOnlyRootFilesystem", [path]), "must be true")
}

deny contains msg if {
	some [obj, _, path, c] in containers
	not "ALL" in object.get(c, ["securityContext", "capabilities", "drop"], [])
	msg := message("drop-all-capabilities", obj, sprintf("%s.securityContext.capabilities.drop", [path]), "must contain ALL")
}

deny contains msg if {
	some obj in objects
	spec := pod_spec(obj)
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	spec[field] == true
	msg := message("no-host-namespaces", obj, sprintf("%s.%s", [pod_spec_path(obj), field]), "must not be true")
}

deny contains msg if {
	some [obj, _, path, c] in containers
	not pinned(c.image)
	msg := message("no-latest-image", obj, sprintf("%s.image", [path]), sprintf("%s: give a tag other than latest, or a digest", [c.image]))
}

runs_as_non_root(_, c) if c.securityContext.runAsNonRoot == true

runs_as_non_root(spec, c) if {
	not c.securityContext.runAsNonRoot == false
	spec.securityContext.runAsNonRoot == true
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
