"""The load-test scripts of a chart: one per web service in it (`dist/loadtest/<env>/`)."""

from __future__ import annotations

from constructs import Construct

from cdk8s_webservice.loadtest.script import render
from cdk8s_webservice.loadtest.specs import SCRIPT_FILE, spec_of

from .web_service import WebService


def web_services(scope: Construct) -> list[WebService]:
    """Every `WebService` under `scope`, in construct order."""
    return [c for c in scope.node.find_all() if isinstance(c, WebService)]


def script_files(chart: Construct, *, base_url: str | None = None, folder: str = "") -> dict[str, str]:
    """File name -> script of each web service in a chart: `load-test.js` for the one
    service of a chart, `load-test-<name>.js` each where there are several. `base_url`:
    the default `BASE_URL` (a cluster's regional host) instead of the Ingress's first host;
    `folder`: where the script is written under dist/loadtest/ (default: the environment)."""
    # A service without objectives has no thresholds to judge a load test by.
    services = [s for s in web_services(chart) if s.props.slo is not None]
    target = "the cluster's regional host" if base_url is not None else None
    if not services:
        return {}
    if len(services) == 1:
        return {SCRIPT_FILE: render(spec_of(services[0].props, base_url=base_url, target=target, folder=folder))}
    return {
        f"load-test-{s.props.name}.js": render(spec_of(s.props, base_url=base_url, target=target, folder=folder))
        for s in services
    }
