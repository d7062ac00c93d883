# Container hardening beyond Pod Security `restricted` (whose controls, all of
# them, are the gate's pod_security module): a read-only root filesystem
# (CKV_K8S_22, KSV014) and an image pinned by tag or digest (CKV_K8S_14, KSV013).
package kubernetes.admission

import rego.v1

deny contains msg if {
	some r in containers
	not r.c.securityContext.readOnlyRootFilesystem == true
	msg := message("read-only-root-filesystem", r, concat("", [r.path, ".securityContext.readOnlyRootFilesystem"]), "must be true")
}

deny contains msg if {
	some r in containers
	not pinned(r.c.image)
	msg := message("no-latest-image", r, concat("", [r.path, ".image"]), concat("", [r.c.image, ": give a tag other than latest, or a digest"]))
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
