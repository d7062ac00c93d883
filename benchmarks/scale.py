"""Scale runs for bench.py, on copies of the blacklist service (each in its own
namespaces, as separate services would be), through the path `make synth` takes
(pipelined gate, rendering, Helm charts and ArgoCD Applications).

    scale.py 1 10 50 100      N services in one project, one process, for each N:
                              prints {"N": seconds} (synthesis only; nothing written)
    scale.py --cold N         one synth of a project of N services in this new process
    scale.py --fleet N        N services, each its own project (as N services' repositories
                              would be), through `synthesize_fleet` (recycled workers)
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


def project(services: int, first: int = 0) -> ServiceProject:
    """The blacklist project, with copies `first`..`first + services - 1` of the service
    per environment, each in its own namespace."""
    from constructs import Construct

    import main
    from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, WebService
    from charts.blacklist import blacklist_props

    def chart(scope: Construct, profile: EnvironmentProfile) -> EnvironmentChart:
        environment_chart = EnvironmentChart(scope, profile.name, profile=profile)
        for index in range(first, first + services):
            own = dataclasses.replace(profile, namespace=f"svc{index}-{profile.namespace}"[:63])
            props = blacklist_props(own, sealed.get(profile.name))
            # The copies' in-cluster k6 TestRun is left out: its pods would carry the copy's
            # name as part-of, and the mesh gate refuses the chart's shared part-of for them.
            load_test = dataclasses.replace(props.delivery.load_test, cluster_environments=())
            delivery = dataclasses.replace(props.delivery, load_test=load_test)
            WebService(
                environment_chart,
                f"svc{index}",
                props=dataclasses.replace(props, name=f"svc{index}", delivery=delivery),
            )
        return environment_chart

    sealed = main.read_sealed_values(main.SEALED_SECRETS)
    return dataclasses.replace(main.project(), chart=chart)


def copy_project(index: int) -> ServiceProject:
    """Copy `index` of the service as a project of its own (named after it)."""
    return dataclasses.replace(project(1, first=index), name=f"svc{index}", part_of=f"svc{index}")


def synthesize(services: int) -> float:
    scaled = project(services)
    start = time.perf_counter()
    scaled.synthesize()
    return time.perf_counter() - start


def fleet(services: int) -> None:
    from cdk8s_webservice.synthesis.fleet import FleetMember, synthesize_fleet

    members = [FleetMember("benchmarks.scale:copy_project", (index,)) for index in range(services)]
    for _member, _rendered in synthesize_fleet(members, ROOT):
        pass


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fleet"]:
        # This process only hands out the work: it never loads jsii.
        fleet(int(sys.argv[2]))
        sys.exit(0)
    runtime.start(ROOT, app=True)
    if sys.argv[1:2] == ["--cold"]:
        # One synth of N services in a new process, as a user runs it (bench.py times the process).
        project(int(sys.argv[2])).synthesize()
        runtime.exit_now(0)
    counts = [int(n) for n in sys.argv[1:]] or [1, 10, 50, 100]
    synthesize(1)  # warm-up: the gate's validator caches, as a second service would find them
    print(json.dumps({str(n): round(synthesize(n), 4) for n in counts}))
    runtime.exit_now(0)
