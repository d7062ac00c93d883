"""The k6 script of one service in one environment, from its SLO, profile and endpoints.

`render(spec)` is a pure function of a `LoadTestSpec`: the same spec gives the same
text, so the committed `dist/loadtest/<env>/load-test.js` is checked like any other
rendered file. The thresholds are the SLO's numbers, the ones the alerts,
dashboards and the Flagger canary analysis use:

- `http_req_failed` rate at most `slo.error_rate` (abort on breach: a service that
  fails that often is broken, going on measures nothing);
- `http_req_duration` `p(<quantile>)` at most `slo.latency_seconds`;
- `checks` (every response 2xx) at least `1 - slo.error_rate` (abort on breach).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cdk8s_webservice.observability.slo import ServiceLevelObjectives

from .options import SCENARIOS, check_api_path, check_duration, check_scenario

TREND_STATS = ("avg", "min", "med", "max", "p(90)", "p(95)", "p(99)")


@dataclass(frozen=True)
class Endpoint:
    """One endpoint the test calls: its tag (`endpoint:<name>`) and path."""

    name: str
    path: str

    def __post_init__(self) -> None:
        check_api_path(f"endpoint {self.name}", self.path)


@dataclass(frozen=True)
class LoadTestSpec:
    """Everything a script is made of: the SLO, the sizing and the endpoints."""

    service: str
    environment: str
    base_url: str
    """Default `BASE_URL` (`-e BASE_URL=` overrides it)."""
    slo: ServiceLevelObjectives
    endpoints: tuple[Endpoint, ...]
    replicas: int
    min_replicas: int
    max_replicas: int
    vus_per_replica: int = 10
    think_seconds: float = 0.5
    hold: str = "3m"
    smoke_duration: str = "30s"
    smoke_vus: int = 1
    default_scenario: str = "load"
    """What runs without `-e SCENARIO=` (the canary's webhook script: smoke)."""
    target: str = ""
    """What `BASE_URL` is, for the header (`the Ingress`, `the canary Service`)."""
    folder: str = ""
    """The script's folder under dist/loadtest/ (default: the environment's;
    `<environment>/<cluster>` for a cluster of a split environment)."""

    def __post_init__(self) -> None:
        check_scenario("default_scenario", self.default_scenario)
        check_duration("hold", self.hold)
        check_duration("smoke_duration", self.smoke_duration)

    @property
    def quantile(self) -> str:
        """k6's name of the SLO quantile: `p(95)` for 0.95, `p(99.9)` for 0.999."""
        return f"p({round(self.slo.latency_quantile * 100, 4):g})"

    @property
    def trend_stats(self) -> tuple[str, ...]:
        return TREND_STATS if self.quantile in TREND_STATS else (*TREND_STATS, self.quantile)

    @property
    def load_vus(self) -> int:
        return self.replicas * self.vus_per_replica

    @property
    def spike_vus(self) -> int:
        return max(self.max_replicas * self.vus_per_replica, self.load_vus + 1)

    def scenarios(self) -> dict[str, dict[str, object]]:
        base = self.min_replicas * self.vus_per_replica
        return {
            "smoke": {
                "executor": "constant-vus",
                "vus": self.smoke_vus,
                "duration": self.smoke_duration,
                "gracefulStop": "5s",
            },
            "load": {
                "executor": "ramping-vus",
                "startVUs": 0,
                "stages": [
                    {"duration": "1m", "target": self.load_vus},
                    {"duration": self.hold, "target": self.load_vus},
                    {"duration": "30s", "target": 0},
                ],
                "gracefulRampDown": "10s",
                "gracefulStop": "10s",
            },
            "spike": {
                "executor": "ramping-vus",
                "startVUs": 0,
                "stages": [
                    {"duration": "30s", "target": base},
                    {"duration": "10s", "target": self.spike_vus},
                    {"duration": "1m", "target": self.spike_vus},
                    {"duration": "10s", "target": base},
                    {"duration": "30s", "target": base},
                    {"duration": "10s", "target": 0},
                ],
                "gracefulRampDown": "10s",
                "gracefulStop": "10s",
            },
        }

    def thresholds(self) -> dict[str, list[object]]:
        slo = self.slo
        budget = _number(slo.error_rate)
        success = _number(round(1 - slo.error_rate, 6))
        latency_ms = _number(round(slo.latency_seconds * 1000, 3))
        thresholds: dict[str, list[object]] = {
            "http_req_failed": [{"threshold": f"rate<={budget}", "abortOnFail": True, "delayAbortEval": "10s"}],
            "http_req_duration": [f"{self.quantile}<={latency_ms}"],
            "checks": [{"threshold": f"rate>={success}", "abortOnFail": True, "delayAbortEval": "10s"}],
        }
        # Always true: they only make k6 report each endpoint's numbers in its summary.
        for endpoint in self.endpoints:
            tag = f"{{endpoint:{endpoint.name}}}"
            thresholds[f"http_reqs{tag}"] = ["count>=0"]
            thresholds[f"http_req_failed{tag}"] = ["rate>=0"]
            thresholds[f"http_req_duration{tag}"] = ["max>=0"]
        return thresholds


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) >= 1e-4 else repr(value)


def _js(value: object, indent: int = 0, width: int = 100) -> str:
    """A JSON value as JavaScript: on one line where it fits in `width`, else one
    member or item a line, indented to sit at `indent` spaces."""
    flat = json.dumps(value, ensure_ascii=True, separators=(", ", ": "))
    if len(flat) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        members = [f"{inner}{json.dumps(k)}: {_js(v, indent + 2, width)}" for k, v in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + " " * indent + "}"
    items = [f"{inner}{_js(v, indent + 2, width)}" for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def _expected_statuses(slo: ServiceLevelObjectives) -> str:
    """k6's responseCallback for the SLO's idea of a failed request."""
    if slo.metrics.error_status == "5..":
        return "http.expectedStatuses({ min: 100, max: 499 })); // as the SLO: only 5xx count as failed"
    return "http.expectedStatuses({ min: 200, max: 399 })); // k6's default: 4xx and 5xx count as failed"


def render(spec: LoadTestSpec) -> str:
    """The k6 script text (JavaScript, ES module)."""
    slo = spec.slo
    percent = f"{slo.error_rate * 100:g} %"
    lines = [
        f"// {spec.service} in {spec.environment}: k6 load test, generated by cdk8s-webservice from the",
        "// service's SLO (the numbers its alerts, dashboards and canary analysis use) and the",
        "// environment's profile. Do not edit: `make synth` writes it.",
        "//",
        f"//   k6 run {_script_path(spec)}                        # scenario {spec.default_scenario}",
        f"//   k6 run -e SCENARIO=smoke -e BASE_URL=http://127.0.0.1:8080 {_script_path(spec)}",
        f"//   cdk8s-webservice loadtest -e {spec.environment} --scenario smoke   # run, judge against the SLO, report",
        "//",
        f"// Scenarios ({', '.join(SCENARIOS)}; -e SCENARIO=NAME, default {spec.default_scenario}):",
        f"//   smoke  {spec.smoke_vus} VU{'s' if spec.smoke_vus > 1 else ''} for {spec.smoke_duration} "
        "(-e VUS=N -e DURATION=10s override both)",
        f"//   load   ramp to {spec.load_vus} VUs ({spec.replicas} replicas x {spec.vus_per_replica}) in 1m, "
        f"hold {spec.hold}, ramp down in 30s",
        f"//   spike  {spec.min_replicas * spec.vus_per_replica} VUs (autoscaling minimum), jump to "
        f"{spec.spike_vus} (maximum {spec.max_replicas} x {spec.vus_per_replica}) for 1m, back down",
        "//   -e THINK_SECONDS=S sets each virtual user's pause between requests.",
        "// Thresholds (the SLO):",
        f"//   http_req_failed  rate <= {_number(slo.error_rate)} (at most {percent} of requests fail; aborts)",
        f"//   http_req_duration  {spec.quantile} <= {_number(round(slo.latency_seconds * 1000, 3))} ms",
        f"//   checks  rate >= {_number(round(1 - slo.error_rate, 6))} (responses are 2xx; aborts)",
        "",
        "import http from 'k6/http';",
        "import { check, sleep } from 'k6';",
        "",
        f"// BASE_URL defaults to {spec.target or 'the service'}; -e BASE_URL=... overrides it.",
        f"const BASE_URL = (__ENV.BASE_URL || {json.dumps(spec.base_url)}).replace(/\\/+$/, '');",
        f"const SCENARIO = __ENV.SCENARIO || {json.dumps(spec.default_scenario)};",
        f"const THINK_SECONDS = Number(__ENV.THINK_SECONDS || {_number(spec.think_seconds) if spec.think_seconds else '0'});",
        "",
        "// Health and readiness (the probes' paths) and the service's API; each request",
        "// is tagged `endpoint:<name>`, so every result splits by endpoint.",
        f"const ENDPOINTS = {_js([{'name': e.name, 'path': e.path} for e in spec.endpoints])};",
        "",
        f"const SCENARIOS = {_js(spec.scenarios())};",
        "if (!(SCENARIO in SCENARIOS)) {",
        "  throw new Error(`SCENARIO=${SCENARIO} is not allowed; one of: ${Object.keys(SCENARIOS).join(', ')}`);",
        "}",
        "if (__ENV.VUS) SCENARIOS.smoke.vus = Number(__ENV.VUS);",
        "if (__ENV.DURATION) SCENARIOS.smoke.duration = __ENV.DURATION;",
        "",
        "export const options = {",
        "  scenarios: { [SCENARIO]: SCENARIOS[SCENARIO] },",
        f"  thresholds: {_js(spec.thresholds(), 2)},",
        f"  summaryTrendStats: {json.dumps(list(spec.trend_stats))},",
        f"  tags: {{ service: {json.dumps(spec.service)}, environment: {json.dumps(spec.environment)} }},",
        "};",
        "",
        f"http.setResponseCallback({_expected_statuses(slo)}",
        "",
        "export default function () {",
        "  const endpoint = ENDPOINTS[(__VU + __ITER) % ENDPOINTS.length];",
        "  const tags = { endpoint: endpoint.name };",
        "  const response = http.get(`${BASE_URL}${endpoint.path}`, { tags });",
        "  check(response, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 }, tags);",
        "  if (THINK_SECONDS > 0) sleep(THINK_SECONDS);",
        "}",
        "",
    ]
    return "\n".join(lines)


def _script_path(spec: LoadTestSpec) -> str:
    return f"dist/loadtest/{spec.folder or spec.environment}/load-test.js"
