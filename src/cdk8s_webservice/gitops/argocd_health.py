"""Argo CD's health check for k6's `TestRun`, so the load test's verdict gates the sync.

Argo CD knows no health for `k6.io/TestRun`: it counts one healthy as soon as it
exists, and a PostSync hook of that kind passes at once. With a health check, a hook
that is not a Job, Pod or Workflow succeeds when it turns Healthy and fails the sync
when it turns Degraded. The check is a Lua script (Argo CD runs gopher-lua, Lua 5.1)
under `resource.customizations.health.k6.io_TestRun` in the `argocd-cm` ConfigMap.

It reads what the k6-operator reports: `status.stage` (the CRD's enum:
initialization, initialized, created, started, stopped, finished, error). `error`
(the operator's stage for a run that could not start: its initializer failed) is
Degraded. `finished` is Healthy, unless a condition says the run failed (one whose
type ends in `Failed` or `Aborted`, such as `CloudTestRunAborted`, with status
`True`). Every other stage (and none yet) is Progressing; a stage the script does
not know is Degraded: an operator upgrade that reports something new fails closed.

The operator marks a run `finished` once its runner Jobs end, passed or failed
(controllers/k6_finish.go): k6's exit code (99 for breached thresholds) is not in
the TestRun's status. So the health check holds the sync until the test ends, and
the PostSync Job `<name>-load-test-verdict` (loadtest/verdict.py), one wave later,
fails the sync when a runner failed.

Shipped as `dist/argocd-config/configmap-argocd-cm.yaml`: a partial `argocd-cm`
(this one key) in the ArgoCD namespace, to merge into the live ConfigMap
(`kubectl -n argocd patch configmap argocd-cm --type merge --patch-file ...`, or
`kubectl apply -f`, which merges fields it did not create). It is in a folder of
its own because no Application may sync it: an Application owning `argocd-cm`
would replace Argo CD's whole configuration with this one key, and prune it.
"""

from __future__ import annotations

from typing import Any

HEALTH_KEY = "resource.customizations.health.k6.io_TestRun"
FOLDER = "argocd-config"

TESTRUN_HEALTH_LUA = """\
-- Health of a k6-operator TestRun (cdk8s_webservice/argocd_health.py).
local hs = {}
local status = obj.status
local stage = nil
if status ~= nil then
  stage = status.stage
end

local function failed_condition()
  if status == nil or status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    local kind = c.type or ""
    if c.status == "True" and (string.find(kind, "Failed$") ~= nil or string.find(kind, "Aborted$") ~= nil) then
      return kind .. ": " .. (c.message or c.reason or "")
    end
  end
  return nil
end

if stage == nil or stage == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the k6-operator to start the test"
  return hs
end
if stage == "error" then
  hs.status = "Degraded"
  hs.message = "The k6 test could not run (stage error: its initializer failed)"
  return hs
end
if stage == "finished" then
  local failure = failed_condition()
  if failure ~= nil then
    hs.status = "Degraded"
    hs.message = "The k6 test failed: " .. failure
    return hs
  end
  hs.status = "Healthy"
  hs.message = "The k6 test finished (its verdict: Job <name>-load-test-verdict)"
  return hs
end
if stage == "initialization" or stage == "initialized" or stage == "created"
    or stage == "started" or stage == "stopped" then
  hs.status = "Progressing"
  hs.message = "The k6 test is at stage " .. stage
  return hs
end
hs.status = "Degraded"
hs.message = "Unknown TestRun stage " .. tostring(stage)
return hs
"""


def argocd_cm_patch(*, argocd_namespace: str, part_of: str) -> dict[str, Any]:
    """The partial `argocd-cm` that adds the TestRun health check (merge it; never sync it)."""
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {
            "name": "argocd-cm",
            "namespace": argocd_namespace,
            "labels": {
                # Argo CD reads argocd-cm only with its part-of label.
                "app.kubernetes.io/name": "argocd-cm",
                "app.kubernetes.io/part-of": "argocd",
            },
            "annotations": {"cdk8s-webservice/merge-into": f"argocd-cm (health of {part_of}'s k6 TestRuns)"},
        },
        "data": {HEALTH_KEY: TESTRUN_HEALTH_LUA},
    }
