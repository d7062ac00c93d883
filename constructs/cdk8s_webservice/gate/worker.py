"""The gate in a process of its own, so its pure-Python work (jsonschema) runs on
another core instead of competing with jsii for the interpreter lock.

An app starts it first thing (`prewarm(process=True)`): it loads the schemas and
compiles the policies while the app starts Node.js, then checks each
environment as soon as it is built.

Protocol, one JSON document per line: the client writes
`{"environment": ..., "objects": [...], "workloads": true}`, the worker answers
`{"violations": [[environment, kind, name, field, rule, message], ...]}` or
`{"error": "..."}`. End of input ends the worker.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import Gate, GateSettings
from .violations import Violation


def _settings_to_json(settings: GateSettings) -> str:
    return json.dumps(
        {
            "kubernetes_version": settings.kubernetes_version,
            "ingress_namespace": settings.ingress_namespace,
            "monitoring_namespace": settings.monitoring_namespace,
            "extra_crd_files": [str(p) for p in settings.extra_crd_files],
            "extra_policy_dirs": [str(p) for p in settings.extra_policy_dirs],
        }
    )


def _settings_from_json(text: str) -> GateSettings:
    data = json.loads(text)
    return GateSettings(
        kubernetes_version=data["kubernetes_version"],
        ingress_namespace=data["ingress_namespace"],
        monitoring_namespace=data["monitoring_namespace"],
        extra_crd_files=tuple(Path(p) for p in data["extra_crd_files"]),
        extra_policy_dirs=tuple(Path(p) for p in data["extra_policy_dirs"]),
    )


class GateProcess:
    """A `Gate` whose checks run in a worker process (same results, same interface)."""

    def __init__(self, settings: GateSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [sys.executable, "-O", "-m", "cdk8s_webservice.gate.worker", _settings_to_json(settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def check(
        self, environment: str, objects: Iterable[Mapping[str, Any]], *, workloads: bool = True
    ) -> list[Violation]:
        request = json.dumps({"environment": environment, "objects": list(objects), "workloads": workloads})
        with self._lock:
            stdin, stdout = self._process.stdin, self._process.stdout
            if stdin is None or stdout is None:
                raise RuntimeError("the gate worker has no pipes")
            stdin.write(request + "\n")
            stdin.flush()
            answer = stdout.readline()
        if not answer:
            raise RuntimeError(f"the gate worker ended (exit status {self._process.poll()})")
        reply = json.loads(answer)
        if "error" in reply:
            raise RuntimeError(f"the gate worker failed: {reply['error']}")
        return [Violation(*fields) for fields in reply["violations"]]

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=10)


def serve(settings: GateSettings) -> None:
    gate = Gate(settings).warm()
    for line in sys.stdin:
        try:
            request = json.loads(line)
            violations = gate.check(request["environment"], request["objects"], workloads=request["workloads"])
            reply: dict[str, Any] = {
                "violations": [[v.environment, v.kind, v.name, v.field, v.rule, v.message] for v in violations]
            }
        except Exception as error:
            reply = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    # Lower priority: on a busy machine the app's own start (Python and Node.js)
    # comes first; the worker uses what they leave idle.
    os.nice(5)
    serve(_settings_from_json(sys.argv[1]))
