"""The rules of objectives other than blacklist's, run by promtool: the error-rate
alert just under and just over its threshold, and the fast burn of the budget paging
once an outage has spent the share of it the SRE workbook pages on (2 % in an hour)."""

from __future__ import annotations

import math
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from harness import promtool

from cdk8s_webservice import ServiceLevelObjectives
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.observability.alerts import Alert, budget_rules, slo_alerts
from cdk8s_webservice.observability.burn_rate import WINDOWS, RecordingRule, burn_factor

IDENTITY = ServiceIdentity(name="shop", namespace="shop-prod", environment="production")
OBJECTIVES = [
    ServiceLevelObjectives(error_rate=0.01, availability_target=0.999, period="28d"),
    ServiceLevelObjectives(error_rate=0.1, latency_quantile=0.99, latency_seconds=0.25, availability_target=0.95),
]


def _rule(rule: Alert | RecordingRule) -> dict[str, object]:
    if isinstance(rule, RecordingRule):
        return {"record": rule.record, "expr": rule.expr, "labels": dict(rule.labels)}
    return {"alert": rule.name, "expr": rule.expr, "for": rule.for_, "labels": {"severity": rule.severity}}


def _series(status: str, per_minute: str) -> dict[str, str]:
    labels = f'job="shop", namespace="shop-prod", pod="shop-7f9c-abcde", status="{status}"'
    return {"series": f"http_requests_total{{{labels}}}", "values": per_minute}


@pytest.mark.parametrize("slo", OBJECTIVES, ids=["99.9%-28d", "95%"])
def test_any_objective(slo: ServiceLevelObjectives, tmp_path: Path) -> None:
    groups: dict[str, Sequence[Alert | RecordingRule]] = {**slo_alerts(IDENTITY, slo), **budget_rules(IDENTITY, slo)}
    rules = {"groups": [{"name": name, "rules": [_rule(r) for r in rules]} for name, rules in groups.items()]}
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules, sort_keys=False))
    per_error = round(1 / slo.error_rate)  # requests per failure at the threshold
    budget = 1 - (slo.availability_target or 0)
    first_page = next(w for w in WINDOWS if w.severity == "critical")
    # Minutes of a total outage until the 1h window holds the page's share of failures.
    outage = math.ceil(60 * burn_factor(first_page, slo.period) * budget) + 2 + 2  # + `for` + a margin
    tests = [
        {
            "name": "just under the error-rate threshold",
            "interval": "1m",
            "input_series": [_series("200", f"0+{per_error}x60"), _series("500", "0+1x60")],
            "alert_rule_test": [{"eval_time": "30m", "alertname": "ShopHighErrorRate", "exp_alerts": []}],
        },
        {
            "name": "just over the error-rate threshold",
            "interval": "1m",
            "input_series": [_series("200", f"0+{per_error - 2}x60"), _series("500", "0+1x60")],
            "alert_rule_test": [
                {
                    "eval_time": "30m",
                    "alertname": "ShopHighErrorRate",
                    "exp_alerts": [{"exp_labels": {"severity": "critical", "namespace": "shop-prod"}}],
                }
            ],
        },
        {
            "name": "a total outage after an hour pages the budget",
            "interval": "1m",
            "input_series": [_series("200", "0+100x60 6000x120"), _series("503", "0x60 100+100x120")],
            "alert_rule_test": [
                {"eval_time": "59m", "alertname": "ShopAvailabilityBudgetBurnFast", "exp_alerts": []},
                {
                    "eval_time": f"{60 + outage}m",
                    "alertname": "ShopAvailabilityBudgetBurnFast",
                    "exp_alerts": [
                        {"exp_labels": {"severity": "critical", "namespace": "shop-prod", "slo": "shop-availability"}}
                    ],
                },
            ],
        },
    ]
    (tmp_path / "test.yaml").write_text(
        yaml.safe_dump({"rule_files": ["rules.yaml"], "evaluation_interval": "1m", "tests": tests})
    )
    result = subprocess.run(
        [promtool(), "test", "rules", "test.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
