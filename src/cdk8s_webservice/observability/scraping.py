"""Prometheus scraping through the Prometheus Operator's ServiceMonitor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import PROMETHEUS_JOB, ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_label_value
from cdk8s_webservice_crds.com.coreos import monitoring

_DURATION = re.compile(r"([0-9]+(ms|s|m|h))+")


@public
@dataclass(frozen=True)
class Scraping:
    """How Prometheus scrapes the `metrics` port.

    `release_label` is matched by kube-prometheus-stack's default
    serviceMonitorSelector; set it to your Prometheus' selector value.
    """

    path: str = "/metrics"
    """HTTP path of the metrics (default `/metrics`)."""
    interval: str = "30s"
    """Scrape interval (default 30s)."""
    scrape_timeout: str = "10s"
    """Scrape timeout (default 10s, below the interval)."""
    release_label: str = "kube-prometheus-stack"
    """Value of the `release` label kube-prometheus-stack selects ServiceMonitors by."""

    def __post_init__(self) -> None:
        if not isinstance(self.path, str) or not self.path.startswith("/"):
            raise ConfigError("scraping.path", self.path, "an absolute HTTP path starting with '/'")
        for name in ("interval", "scrape_timeout"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _DURATION.fullmatch(value):
                raise ConfigError(f"scraping.{name}", value, "a Prometheus duration such as '30s' or '1m'")
        check_label_value("scraping.release_label", self.release_label)


class ServiceMonitor(Construct):
    """ServiceMonitor `<name>` scraping the `metrics` port of the Services in `jobs`,
    and each port named in `extra_ports` (same path, interval and timeout).

    Services are selected by their `prometheus.io/job` label, whose value becomes
    the `job` label: `<name>` for the live pods (what alerts and dashboards
    query), `<name>-preview` or `<name>-canary` for pods under test, so their
    series never mix with the live ones. A Service is listed once, so no pod is
    scraped twice (Flagger's apex Service is left out: it selects the primary pods).

    Escape hatch: `api_object`, the generated `ServiceMonitor` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        scraping: Scraping,
        jobs: list[str],
        extra_ports: Sequence[str] = (),
    ) -> None:
        super().__init__(scope, id)
        if isinstance(extra_ports, str) or len(set(extra_ports)) != len(extra_ports) or "metrics" in extra_ports:
            raise ConfigError("extra_ports", extra_ports, "port names other than 'metrics', each once")
        self.ports: tuple[str, ...] = ("metrics", *extra_ports)
        """The scraped ports, in the order of the endpoints."""
        self.api_object = monitoring.ServiceMonitor(
            self,
            "Resource",
            metadata=ApiObjectMetadata(
                name=identity.name,
                namespace=identity.namespace,
                labels={**identity.selector, "release": scraping.release_label},
            ),
            spec=monitoring.ServiceMonitorSpec(
                job_label=PROMETHEUS_JOB,
                selector=monitoring.ServiceMonitorSpecSelector(
                    match_expressions=[
                        monitoring.ServiceMonitorSpecSelectorMatchExpressions(
                            key=PROMETHEUS_JOB, operator="In", values=sorted(jobs)
                        )
                    ]
                ),
                endpoints=[
                    monitoring.ServiceMonitorSpecEndpoints(
                        port=port,
                        path=scraping.path,
                        interval=scraping.interval,
                        scrape_timeout=scraping.scrape_timeout,
                        honor_labels=False,
                    )
                    for port in self.ports
                ],
            ),
        )
