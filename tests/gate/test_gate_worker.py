"""The gate's worker process: settings travel whole, verdicts match, it closes."""

from __future__ import annotations

import copy
import dataclasses
import multiprocessing
from typing import Any

from cdk8s_webservice.gate import Gate, GateSettings
from cdk8s_webservice.gate.worker import GateProcess


def test_every_setting_reaches_the_worker(objects: dict[str, list[dict[str, Any]]]) -> None:
    """Settings are pickled whole: a non-default value is used by the worker too (with
    Prometheus elsewhere, the NetworkPolicy no longer admits it)."""
    settings = GateSettings(monitoring_namespace="observability")
    fields = {f.name for f in dataclasses.fields(GateSettings)}
    assert fields == {
        "kubernetes_version",
        "ingress_namespace",
        "monitoring_namespace",
        "extra_crd_files",
        "extra_policy_dirs",
    }, "a new field: extend this test's settings with a non-default value for it"
    production = copy.deepcopy(objects["production"])
    expected = Gate(settings).check("production", production)
    assert any(v.rule == "prometheus-admitted" for v in expected)
    worker = GateProcess(settings)
    try:
        assert worker.check("production", production) == expected
    finally:
        worker.close()


def test_the_worker_is_closed_deterministically() -> None:
    before = set(multiprocessing.active_children())
    worker = GateProcess(GateSettings())
    assert worker.check("empty", []) == []
    started = set(multiprocessing.active_children()) - before
    worker.close()
    assert len(started) == 1 and not any(process.is_alive() for process in started)
