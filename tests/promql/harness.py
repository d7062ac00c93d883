"""Every PromQL expression of a synthesized folder as one Prometheus rule file, so
`promtool test rules` runs it over synthetic series.

- PrometheusRule groups are copied as they are (alerts and recording rules), less
  their annotations: those are notification text, checked by `promtool check rules`
  on the full file, and would otherwise have to be spelled out in every expected alert.
- Every other expression becomes a recording rule whose name says where it came from:
  `metrictemplate:<name>` (Flagger's variables filled in as Flagger fills them, with the
  Canary's metric interval), `dashboard:<kind>:<panel title>_<refId>` (`$namespace` set
  to the folder's namespace) and `adapter:<metric>` / `adapter:series:<metric>` (the
  prometheus-adapter rule's metrics query as the adapter fills it for one HPA, and a
  count of the series its series query discovers).

Test files (`*.test.yaml` beside this file) are promtool test files whose
`${name}` placeholders are filled per folder (`variables`), so one readable file
proves the same behaviour in every environment it names.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from cdk8s_webservice.observability.custom_metrics import AdapterRule

INSTALL = "sudo apt-get install -y --no-install-recommends prometheus  (Debian's package: promtool 2.42)"
RULE_FILE = "rules.yaml"


def promtool() -> str:
    """The promtool binary; a missing one fails the test with the install command."""
    found = shutil.which("promtool")
    if found is None:
        raise AssertionError(f"promtool not found on PATH; install it: {INSTALL}")
    return found


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _fill_flagger(query: str, variables: Mapping[str, str]) -> str:
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: variables[m.group(1)], query)


def rules_of(objects: Iterable[Mapping[str, Any]], adapter: Iterable[AdapterRule] = ()) -> dict[str, Any]:
    """The rule file of one folder's objects (and the adapter rules its HPAs need)."""
    objects = list(objects)
    groups: list[dict[str, Any]] = []
    for obj in objects:
        if obj["kind"] == "PrometheusRule":
            for group in obj["spec"]["groups"]:
                rules = [{k: v for k, v in rule.items() if k != "annotations"} for rule in group["rules"]]
                groups.append({"name": group["name"], "rules": rules})
    records: list[dict[str, str]] = []
    canaries = [o for o in objects if o["kind"] == "Canary"]
    for template in (o for o in objects if o["kind"] == "MetricTemplate"):
        name = template["metadata"]["name"]
        for canary in canaries:
            metric = next(
                m for m in canary["spec"]["analysis"]["metrics"] if m.get("templateRef", {}).get("name") == name
            )
            variables = {
                "name": canary["metadata"]["name"],
                "namespace": canary["metadata"]["namespace"],
                "target": canary["spec"]["targetRef"]["name"],
                "service": canary["spec"].get("service", {}).get("name", canary["spec"]["targetRef"]["name"]),
                "interval": metric["interval"],
            }
            records.append(
                {"record": f"metrictemplate:{_slug(name)}", "expr": _fill_flagger(template["spec"]["query"], variables)}
            )
    for config_map in objects:
        labels = config_map.get("metadata", {}).get("labels", {})
        if config_map["kind"] != "ConfigMap" or labels.get("grafana_dashboard") != "1":
            continue
        namespace = config_map["metadata"]["namespace"]
        ((_, text),) = config_map["data"].items()
        board = json.loads(text)
        kind = board["uid"].rsplit("-", 1)[-1]
        for panel in board["panels"]:
            for target in panel["targets"]:
                records.append(
                    {
                        "record": f"dashboard:{kind}:{_slug(panel['title'])}_{target['refId'].lower()}",
                        "expr": target["expr"].replace("$namespace", namespace),
                    }
                )
    namespaces = sorted({o["metadata"]["namespace"] for o in objects if o["kind"] == "HorizontalPodAutoscaler"})
    for rule in adapter:
        for namespace in namespaces:
            records.append(
                {
                    "record": f"adapter:{rule.metric}",
                    "expr": rule.metrics_query(f'namespace="{namespace}",pod=~".+"'),
                }
            )
            records.append(
                {"record": f"adapter:series:{rule.metric}", "expr": f"count by (namespace, pod) ({rule.series_query})"}
            )
    if records:
        groups.append({"name": "expressions", "rules": records})
    return {"groups": groups}


def rule_names(rules: Mapping[str, Any]) -> set[str]:
    """`alert:<name>` and `record:<name>` (with its `slo` label, where it has one)."""
    names = set()
    for group in rules["groups"]:
        for rule in group["rules"]:
            if "alert" in rule:
                names.add(f"alert:{rule['alert']}")
            else:
                slo = rule.get("labels", {}).get("slo")
                names.add(f"record:{rule['record']}" + (f"{{slo={slo}}}" if slo else ""))
    return names


def fill(text: str, variables: Mapping[str, str]) -> str:
    """The test file with its `${name}` placeholders filled (a missing one is an error)."""
    return string.Template(text).substitute(variables)


def run(
    test_file: Path, rules: Mapping[str, Any], variables: Mapping[str, str], workdir: Path
) -> subprocess.CompletedProcess[str]:
    """`promtool check rules` on the rules, then `promtool test rules` on the filled test file."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / RULE_FILE).write_text(yaml.safe_dump(dict(rules), sort_keys=False, width=1000))
    (workdir / test_file.name).write_text(fill(test_file.read_text(), variables))
    check = subprocess.run(
        [promtool(), "check", "rules", RULE_FILE], cwd=workdir, capture_output=True, text=True, timeout=120
    )
    if check.returncode != 0:
        return check
    return subprocess.run(
        [promtool(), "test", "rules", test_file.name], cwd=workdir, capture_output=True, text=True, timeout=300
    )


def covered(test_text: str) -> dict[str, dict[str, set[str]]]:
    """What a filled test file proves of each rule name: for alerts, `fires` and
    `silent` cases; for records, the distinct expected results (`values`)."""
    proven: dict[str, dict[str, set[str]]] = {}
    tests = yaml.safe_load(test_text)["tests"]
    for test in tests:
        for case in test.get("alert_rule_test", []):
            side = "fires" if case.get("exp_alerts") else "silent"
            proven.setdefault(f"alert:{case['alertname']}", {}).setdefault(side, set()).add(str(case["eval_time"]))
        for case in test.get("promql_expr_test", []):
            match = re.fullmatch(
                r"\s*(?:round\()?([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?(?:, [0-9.]+\))?\s*", case["expr"]
            )
            if not match:
                continue
            slo = re.search(r'slo="([^"]+)"', match.group(2) or "")
            name = f"record:{match.group(1)}" + (f"{{slo={slo.group(1)}}}" if slo else "")
            result = json.dumps(case.get("exp_samples") or [], sort_keys=True)
            proven.setdefault(name, {}).setdefault("values", set()).add(result)
    return proven
