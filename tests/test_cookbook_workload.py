"""The cookbook's workload beside the service (docs/cookbook.md, "A workload beside the
service") is real: its code, run in a chart with the cookbook's `payments-api`, passes the
gate, and without its `harden(...)` line or its DNS egress the gate refuses it, naming the
rules the cookbook names."""

from __future__ import annotations

import re
from typing import Any

from conftest import ROOT

from cdk8s_webservice import EnvironmentChart, ServiceLevelObjectives, WebService, WebServiceProps, testing

SECTION = "## A workload beside the service"
SLO = ServiceLevelObjectives(error_rate=0.01, latency_quantile=0.95, latency_seconds=0.5)


def cookbook_code() -> str:
    text = (ROOT / "docs" / "cookbook.md").read_text()
    section = text[text.index(SECTION) :]
    following = section.find("\n## ", len(SECTION))
    section = section if following < 0 else section[:following]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1
    return str(blocks[0])


def run(code: str) -> tuple[EnvironmentChart, list[Any]]:
    """The code in the cookbook's chart (its `environment` and `service`): the chart and
    what the gate says of it."""
    profile = testing.profile(name="staging", namespace="payments")
    environment = testing.chart(profile)
    service = WebService(
        environment,
        "payments-api",
        props=WebServiceProps(name="payments-api", image="registry.example.com/payments-api", profile=profile, slo=SLO),
    )
    exec(compile(code, "docs/cookbook.md", "exec"), {"environment": environment, "service": service})
    return environment, testing.check(testing.synth(environment), environment="staging")


def test_the_cookbook_workload_passes_the_gate() -> None:
    chart, violations = run(cookbook_code())
    assert [str(v) for v in violations] == []
    cronjob = testing.find(testing.synth(chart), "CronJob", "cleanup")
    pod = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod["containers"][0]["securityContext"]["capabilities"] == {"drop": ["ALL"]}


def test_without_harden_the_gate_refuses_it_as_the_cookbook_says() -> None:
    code = cookbook_code()
    assert "\nharden(cleanup)" in code
    _, violations = run(code.replace("\nharden(cleanup)", "\npass  # harden(cleanup)"))
    assert {(v.kind, v.name, v.rule) for v in violations} == {
        ("CronJob", "cleanup", "seccomp-required"),
        ("CronJob", "cleanup", "drop-all-capabilities"),
    }


def test_without_its_dns_egress_the_gate_refuses_it_as_the_cookbook_says() -> None:
    code = cookbook_code()
    assert "dns_egress(),  #" in code
    _, violations = run(code.replace("dns_egress(),  #", "#"))
    assert {(v.kind, v.rule) for v in violations} == {("NetworkPolicy", "dns-reachable")}
    assert "no NetworkPolicy egress lets the pods of cleanup reach DNS" in str(violations[0])
