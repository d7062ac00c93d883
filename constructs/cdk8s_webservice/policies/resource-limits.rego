# Every container declares CPU and memory requests (for scheduling) and limits
# (so one runaway process cannot starve its neighbours).
package kubernetes.admission

import rego.v1

deny contains msg if {
	some [obj, _, path, c] in containers
	some kind in ["requests", "limits"]
	some resource in ["cpu", "memory"]
	not c.resources[kind][resource]
	rule := sprintf("resources-%s", [kind])
	msg := message(rule, obj, sprintf("%s.resources.%s.%s", [path, kind, resource]), "is required")
}
