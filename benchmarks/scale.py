"""Scale run for bench.py: N copies of the blacklist service in each of the 3
environments, synthesized by a ServiceProject (the path `make synth` takes:
pipelined gate, rendering, Helm charts and ArgoCD Applications), in one
process, for each N given.

Prints one JSON line: {"N": seconds, ...} (synthesis only; nothing is written).
`scale.py --cold N`: one synth of N services in this new process, nothing printed.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice import runtime

if TYPE_CHECKING:  # imported after runtime.start, which must come before cdk8s
    from cdk8s_webservice import ServiceProject

ROOT = Path(__file__).resolve().parent.parent


def project(services: int) -> ServiceProject:
    """The blacklist project, with `services` copies of the service per environment,
    each in its own namespace as separate services would be."""
    from constructs import Construct

    import main
    from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, WebService
    from charts.blacklist import blacklist_props

    def chart(scope: Construct, profile: EnvironmentProfile) -> EnvironmentChart:
        environment_chart = EnvironmentChart(scope, profile.name, profile=profile)
        for index in range(services):
            own = dataclasses.replace(profile, namespace=f"svc{index}-{profile.namespace}"[:63])
            props = blacklist_props(own, sealed.get(profile.name))
            # The copies' in-cluster k6 TestRun is left out: its pods would carry the copy's
            # name as part-of, and the mesh gate refuses the chart's shared part-of for them.
            load_test = props.load_test and dataclasses.replace(props.load_test, cluster_environments=())
            WebService(
                environment_chart,
                f"svc{index}",
                props=dataclasses.replace(props, name=f"svc{index}", load_test=load_test),
            )
        return environment_chart

    sealed = main.read_sealed_values(main.SEALED_SECRETS)
    return dataclasses.replace(main.project(), chart=chart)


def synthesize(services: int) -> float:
    scaled = project(services)
    start = time.perf_counter()
    scaled.synthesize()
    return time.perf_counter() - start


if __name__ == "__main__":
    runtime.start(ROOT, app=True)
    if sys.argv[1:2] == ["--cold"]:
        # One synth of N services in a new process, as a user runs it (bench.py times the process).
        project(int(sys.argv[2])).synthesize()
        runtime.exit_now(0)
    counts = [int(n) for n in sys.argv[1:]] or [1, 10, 50, 100]
    synthesize(1)  # warm-up: the gate's validator caches, as a second service would find them
    print(json.dumps({str(n): round(synthesize(n), 4) for n in counts}))
    runtime.exit_now(0)
