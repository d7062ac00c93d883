"""blacklist: an HTTP API on port 8080 with Prometheus metrics on 9090."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from constructs import Construct

from cdk8s_webservice import (
    ApiAccess,
    ApiRule,
    BusinessPanel,
    EnvironmentChart,
    EnvironmentProfile,
    NetworkAccess,
    OpenTelemetry,
    ServiceLevelObjectives,
    WebService,
    WebServiceProps,
)

NAME = "blacklist"
IMAGE = "registry.jclee.me/blacklist"
SECRET = "blacklist-secrets"
SEALED_SECRETS = Path(__file__).resolve().parent / "sealed-secrets"

# Settings shared by every environment; each profile's `config` overrides these.
BASE_CONFIG = {
    "LOG_LEVEL": "info",
    "LOG_FORMAT": "json",
    "WORKERS": "2",
    "METRICS_ENABLED": "true",
    "METRICS_PATH": "/metrics",
}

SLO = ServiceLevelObjectives(
    error_rate=0.05,
    latency_quantile=0.95,
    latency_seconds=1.0,
    runbook_base_url="https://runbooks.jclee.me",
)

BUSINESS_PANELS = (
    BusinessPanel(
        "Lookups by verdict (req/s)",
        'sum by (verdict) (rate(blacklist_lookups_total{namespace="$namespace"}[5m]))',
        unit="reqps",
        legend="{{verdict}}",
    ),
    BusinessPanel("Blocked entries", 'max(blacklist_entries{namespace="$namespace"})', legend="entries"),
    BusinessPanel(
        "Threat-feed age",
        'time() - max by (feed) (blacklist_feed_last_success_timestamp_seconds{namespace="$namespace"})',
        unit="s",
        legend="{{feed}}",
    ),
)


@cache
def sealed_secret(environment: str) -> dict[str, str] | None:
    """This environment's ciphertext, or None where nothing is sealed (development)."""
    path = SEALED_SECRETS / f"{environment}.yaml"
    if not path.exists():
        return None
    values = yaml.safe_load(path.read_text())
    return {str(key): str(value) for key, value in values.items()}


def blacklist_props(profile: EnvironmentProfile) -> WebServiceProps:
    sealed = sealed_secret(profile.name)
    return WebServiceProps(
        name=NAME,
        image=IMAGE,
        profile=profile,
        config=BASE_CONFIG,
        secret_name=SECRET,
        sealed_secret=sealed,
        # Development seals nothing: the app starts on its built-in development defaults.
        secret_optional=sealed is None,
        # The config reloader watches the service's own ConfigMap, and nothing else.
        api_access=ApiAccess(rules=(ApiRule(resource="configmaps", names=(f"{NAME}-config",)),)),
        # The API pulls upstream threat-intelligence feeds over HTTPS.
        network=NetworkAccess(egress_https=True),
        slo=SLO,
        business_panels=BUSINESS_PANELS,
        telemetry=OpenTelemetry(),
    )


class BlacklistChart(EnvironmentChart):
    """Every object of blacklist in one environment."""

    def __init__(self, scope: Construct, profile: EnvironmentProfile) -> None:
        props = blacklist_props(profile)
        super().__init__(scope, f"{NAME}-{profile.name}", profile=profile, labels=props.identity.common_labels)
        self.service = WebService(self, NAME, props=props)
