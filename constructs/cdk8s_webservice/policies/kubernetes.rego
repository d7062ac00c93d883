# Helpers shared by security.rego and resource-limits.rego.
#
# Input is one Kubernetes object, or a `List` of them (kind: List, items: [...]),
# so both `opa eval -i manifest.yaml` and a whole environment at once work.
# Every message reads "[rule] Kind/name: field: what is wrong".
package kubernetes.admission

import rego.v1

objects contains obj if {
	input.kind != "List"
	obj := input
}

objects contains obj if {
	input.kind == "List"
	some obj in input.items
}

# Where a workload kind keeps its pod spec.
pod_spec_path(obj) := "spec.template.spec" if obj.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}

pod_spec_path(obj) := "spec.jobTemplate.spec.template.spec" if obj.kind == "CronJob"

pod_spec_path(obj) := "spec" if obj.kind == "Pod"

pod_spec(obj) := obj.spec.template.spec if obj.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}

pod_spec(obj) := obj.spec.jobTemplate.spec.template.spec if obj.kind == "CronJob"

pod_spec(obj) := obj.spec if obj.kind == "Pod"

# [obj, pod spec, field path of the container, container] for every container and init container.
containers contains [obj, spec, path, c] if {
	some obj in objects
	spec := pod_spec(obj)
	some group in ["containers", "initContainers"]
	some c in spec[group]
	path := sprintf("%s.%s[%s]", [pod_spec_path(obj), group, c.name])
}

# (concat, not sprintf: some engines quote string arguments that sprintf receives
# through a function parameter.)
message(rule, obj, field, text) := concat("", ["[", rule, "] ", obj.kind, "/", obj.metadata.name, ": ", field, ": ", text])
