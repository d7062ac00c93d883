"""Every PromQL expression the synthesized output holds, run by Prometheus' own
engine (`promtool test rules`) over series as the clusters expose them.

The test files beside this one are promtool test files a reviewer can read; each
names the folders it proves (`FILES`). A folder's rule file holds every expression
of that folder (`harness.rules_of`); `test_every_expression_is_proven_both_ways`
fails when one of them has no case where it holds and one where it does not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from harness import covered, fill, promtool, rule_names, rules_of, run

from cdk8s_webservice.observability.custom_metrics import ADAPTER_CHART, AdapterRule

HERE = Path(__file__).parent

# What runs in each folder, as the series are named there: the live pods and the pods
# under test (blue-green's preview colour, Flagger's canary), and another namespace on
# the same cluster (development shares staging's; production's hosts other teams).
BLUE_GREEN = {
    "live_deployment": "blacklist-blue",
    "idle_deployment": "blacklist-green",
    "live_hpa": "blacklist",
    "idle_hpa": "blacklist-green",
    "live_pod": "blacklist-blue-6d4f9b7c8-x2k9p",
    "live_pod_2": "blacklist-blue-6d4f9b7c8-q7m4z",
    "test_pod": "blacklist-green-5c8d7f6b9-h3j8k",
    "test_suffix": "preview",
}
CANARY = {
    "live_deployment": "blacklist-primary",
    "idle_deployment": "blacklist",
    "live_hpa": "blacklist-primary",
    "idle_hpa": "blacklist",
    "live_pod": "blacklist-primary-6d4f9b7c8-x2k9p",
    "live_pod_2": "blacklist-primary-6d4f9b7c8-q7m4z",
    "test_pod": "blacklist-5c8d7f6b9-h3j8k",
    "test_suffix": "canary",
}
ROLLING = {"live_pod": "blacklist-6d4f9b7c8-x2k9p", "live_pod_2": "blacklist-6d4f9b7c8-q7m4z"}
VARIABLES: dict[str, dict[str, str]] = {
    "development": {"namespace": "blacklist-dev", "other_namespace": "blacklist-staging", **ROLLING},
    "staging": {"namespace": "blacklist-staging", "other_namespace": "blacklist-dev", **BLUE_GREEN},
    "production/prod-eu-west-1": {"namespace": "blacklist", "other_namespace": "payments", **CANARY},
    "production/prod-us-east-1": {"namespace": "blacklist", "other_namespace": "payments", **CANARY},
}
ALERTING = ("staging", "production/prod-eu-west-1", "production/prod-us-east-1")
FILES: dict[str, tuple[str, ...]] = {
    "alerts.test.yaml": ALERTING,
    "restarts.test.yaml": ALERTING,
    "burn_rate.test.yaml": ALERTING,
    "dashboards.test.yaml": ALERTING,
    "canary.test.yaml": ("production/prod-eu-west-1", "production/prod-us-east-1"),
    "autoscaling.test.yaml": tuple(VARIABLES),
}


def _objects(rendered: dict[str, dict[str, str]], folder: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(text) for text in rendered[folder].values()]


def _adapter(rendered: dict[str, dict[str, str]]) -> list[AdapterRule]:
    """The rules of the shipped prometheus-adapter chart, read back from its values."""
    values = yaml.safe_load(rendered[f"helm/{ADAPTER_CHART}"]["values.yaml"])
    rules = []
    for rule in values[ADAPTER_CHART]["rules"]["custom"]:
        series = rule["seriesQuery"].split("{", 1)[0]
        window = rule["metricsQuery"].rsplit("[", 1)[1].split("]", 1)[0]
        built = AdapterRule(series=series, metric=rule["name"]["as"], window=window)
        # The adapter queries the Prometheus the canary's MetricTemplates query.
        prometheus = values[ADAPTER_CHART]["prometheus"]
        assert f"{prometheus['url']}:{prometheus['port']}" == "http://prometheus-operated.monitoring:9090"
        assert built.as_config() == rule, "the shipped rule is not what AdapterRule writes"
        rules.append(built)
    return rules


@pytest.fixture(scope="module")
def rule_files(rendered: dict[str, dict[str, str]]) -> dict[str, dict[str, Any]]:
    adapter = _adapter(rendered)
    return {folder: rules_of(_objects(rendered, folder), adapter) for folder in VARIABLES}


def test_promtool_is_installed() -> None:
    promtool()  # fails with the install command, never skips


def test_every_folder_with_rules_or_autoscaling_is_tested(rendered: dict[str, dict[str, str]]) -> None:
    """A new environment or cluster is not silently left out of the engine's tests."""
    folders = {
        folder
        for folder, files in rendered.items()
        if not folder.startswith(("helm/", "loadtest/", "argocd"))
        and any(name.startswith(("prometheusrule-", "horizontalpodautoscaler-")) for name in files)
    }
    assert folders == set(VARIABLES)
    alerting = {f for f in folders if any(n.startswith("prometheusrule-") for n in rendered[f])}
    assert alerting == set(ALERTING)


@pytest.mark.parametrize(
    ("test_file", "folder"), [(name, folder) for name, folders in FILES.items() for folder in folders]
)
def test_promtool(test_file: str, folder: str, rule_files: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    # Clusters of one environment usually hold the same rules: one run proves them all.
    key = (test_file, json.dumps(rule_files[folder], sort_keys=True), json.dumps(VARIABLES[folder], sort_keys=True))
    if key not in _PASSED:
        result = run(HERE / test_file, rule_files[folder], VARIABLES[folder], tmp_path)
        assert result.returncode == 0, f"{folder}: {result.stdout}{result.stderr}"
        assert "SUCCESS" in result.stdout
        _PASSED.add(key)


_PASSED: set[tuple[str, str, str]] = set()


@pytest.mark.parametrize("folder", list(VARIABLES))
def test_every_expression_is_proven_both_ways(folder: str, rule_files: dict[str, dict[str, Any]]) -> None:
    """Each alert has a case where it fires and one where it stays silent; each other
    expression (recorded under its origin's name) at least two different answers."""
    proven: dict[str, dict[str, set[str]]] = {}
    for name, folders in FILES.items():
        if folder in folders:
            for rule, sides in covered(fill((HERE / name).read_text(), VARIABLES[folder])).items():
                for side, cases in sides.items():
                    proven.setdefault(rule, {}).setdefault(side, set()).update(cases)
    missing = []
    for rule in sorted(rule_names(rule_files[folder])):
        sides = proven.get(rule, {})
        if rule.startswith("alert:") and not (sides.get("fires") and sides.get("silent")):
            missing.append(f"{rule}: fires {sorted(sides.get('fires', ()))}, silent {sorted(sides.get('silent', ()))}")
        if rule.startswith("record:") and len(sides.get("values", ())) < 2:
            missing.append(f"{rule}: {len(sides.get('values', ()))} distinct answer(s)")
    assert not missing, "\n".join(missing)


def test_the_harness_sees_every_expression(rule_files: dict[str, dict[str, Any]]) -> None:
    """The rule file of production holds each kind of expression the output writes."""
    names = rule_names(rule_files["production/prod-eu-west-1"])
    assert {"record:metrictemplate:blacklist_success_rate", "record:metrictemplate:blacklist_latency"} <= names
    assert "record:adapter:http_requests_per_second" in names
    assert len([n for n in names if n.startswith("record:dashboard:")]) == 14
    assert len([n for n in names if n.startswith("alert:")]) == 9
    assert len([n for n in names if n.startswith("record:slo:")]) == 14
