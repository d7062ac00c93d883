# Helpers shared by security.rego and resource-limits.rego.
#
# Input is one Kubernetes object, or a `List` of them (kind: List, items: [...]),
# so both `opa eval -i manifest.yaml` and a whole environment at once work.
# Every message reads "[rule] Kind/name: field: what is wrong".
#
# The helpers build arrays of small records rather than sets of whole objects:
# a set makes an engine hash every object it holds.
package kubernetes.admission

import rego.v1

objects := input.items if input.kind == "List"

objects := [input] if input.kind != "List"

template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

# Where a workload keeps its pod spec: [field path, pod spec], or nothing.
pod_specs(obj) := [["spec.template.spec", obj.spec.template.spec]] if {
	template_kinds[obj.kind]
} else := [["spec.jobTemplate.spec.template.spec", obj.spec.jobTemplate.spec.template.spec]] if {
	obj.kind == "CronJob"
} else := [["spec", obj.spec]] if {
	obj.kind == "Pod"
} else := [["template.spec", obj.template.spec]] if {
	obj.kind == "PodTemplate"
} else := [["spec.template.spec", obj.spec.template.spec]] if {
	# a custom resource with a pod template (an Argo Rollout, ...)
	is_array(obj.spec.template.spec.containers)
} else := []

# One record per pod spec: {kind, name, path, spec}.
pods := [{"kind": obj.kind, "name": obj.metadata.name, "path": path, "spec": spec} |
	some obj in objects
	some [path, spec] in pod_specs(obj)
]

# One record per container and init container: {kind, name, path, c, pod_security}.
containers := [record |
	some pod in pods
	some group in ["containers", "initContainers"]
	some c in object.get(pod.spec, group, [])
	record := {
		"kind": pod.kind,
		"name": pod.name,
		"path": concat("", [pod.path, ".", group, "[", c.name, "]"]),
		"c": c,
		"pod_security": object.get(pod.spec, "securityContext", {}),
	}
]

# (concat, not sprintf: some engines quote string arguments that sprintf receives
# through a function parameter.)
message(rule, record, field, text) := concat("", ["[", rule, "] ", record.kind, "/", record.name, ": ", field, ": ", text])
