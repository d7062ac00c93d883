"""Scale run for bench.py: N copies of the blacklist service in each of the 3
environments, synthesized by a ServiceProject (the path `make synth` takes:
pipelined gate, rendering, Helm charts and ArgoCD Applications), in one
process, for each N given.

Prints one JSON line: {"N": seconds, ...} (synthesis only; nothing is written).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cdk8s_webservice import cli  # noqa: E402

cli.prepare_process()

from constructs import Construct  # noqa: E402

from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, WebService  # noqa: E402
from charts.blacklist import blacklist_props  # noqa: E402
from main import PROJECT  # noqa: E402


def project(services: int):  # type: ignore[no-untyped-def]
    """The blacklist project, with `services` copies of the service per environment,
    each in its own namespace as separate services would be."""

    def chart(scope: Construct, profile: EnvironmentProfile) -> EnvironmentChart:
        environment_chart = EnvironmentChart(scope, profile.name, profile=profile)
        for index in range(services):
            own = dataclasses.replace(profile, namespace=f"svc{index}-{profile.namespace}"[:63])
            WebService(
                environment_chart, f"svc{index}", props=dataclasses.replace(blacklist_props(own), name=f"svc{index}")
            )
        return environment_chart

    return dataclasses.replace(PROJECT, chart=chart)


def synthesize(services: int) -> float:
    scaled = project(services)
    start = time.perf_counter()
    scaled.synthesize()
    return time.perf_counter() - start


if __name__ == "__main__":
    counts = [int(n) for n in sys.argv[1:]] or [1, 10, 50, 100]
    synthesize(1)  # warm-up: the gate's validator caches, as a second service would find them
    print(json.dumps({str(n): round(synthesize(n), 4) for n in counts}))
    cli.exit_now(0)
