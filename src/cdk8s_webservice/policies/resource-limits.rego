# Every container declares CPU and memory requests (for scheduling) and limits
# (so one runaway process cannot starve its neighbours).
package kubernetes.admission

import rego.v1

deny contains msg if {
	some r in containers
	some kind in ["requests", "limits"]
	some resource in ["cpu", "memory"]
	not r.c.resources[kind][resource]
	msg := message(concat("", ["resources-", kind]), r, concat("", [r.path, ".resources.", kind, ".", resource]), "is required")
}
