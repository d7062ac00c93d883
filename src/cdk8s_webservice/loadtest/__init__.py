"""Load testing from the SLO: the fourth consumer of `ServiceLevelObjectives`.

- `options`: `LoadTestOptions`, the service's load-test props (API paths, sizing,
  the in-cluster TestRun);
- `script`: `LoadTestSpec` (SLO + profile + endpoints) -> the k6 script text;
- `specs`: the specs of a synthesized chart's web services (what `ServiceProject`
  renders into `loadtest/<env>/`);
- `summary`: a k6 summary JSON read and judged against the SLO (the verdict table);
- `report`: that verdict as a self-contained HTML page with inline SVG charts
  (`charts`: log-axis bars and time charts; `page`: the run's metadata, ABORTED, the
  time series);
- `timeseries`: k6's JSON output (`--out json`) streamed into per-interval series;
- `runinfo`: the run record beside the summary, and when a run counts as aborted;
- `samples`: when a percentile rests on too few samples;
- `outputs`: k6's JSON output and web-dashboard export, and reading them back;
- `runner`: finding and running the real k6 binary;
- `cluster`: a k6-operator `TestRun` (script in a ConfigMap) as an ArgoCD PostSync hook.

Nothing here imports cdk8s except `specs` and `cluster`.
"""
