"""blacklist: an HTTP API on port 8080 with Prometheus metrics on 9090."""

from __future__ import annotations

from cdk8s_webservice import EnvironmentChart, EnvironmentProfile, NetworkAccess, WebService, WebServiceProps
from constructs import Construct

NAME = "blacklist"
IMAGE = "registry.jclee.me/blacklist"

# Settings shared by every environment; each profile's `config` overrides these.
BASE_CONFIG = {
    "LOG_LEVEL": "info",
    "LOG_FORMAT": "json",
    "WORKERS": "2",
    "METRICS_ENABLED": "true",
    "METRICS_PATH": "/metrics",
}


def blacklist_props(profile: EnvironmentProfile) -> WebServiceProps:
    return WebServiceProps(
        name=NAME,
        image=IMAGE,
        profile=profile,
        config=BASE_CONFIG,
        # The API pulls upstream threat-intelligence feeds over HTTPS.
        network=NetworkAccess(egress_https=True),
    )


class BlacklistChart(EnvironmentChart):
    """Every object of blacklist in one environment."""

    def __init__(self, scope: Construct, profile: EnvironmentProfile) -> None:
        props = blacklist_props(profile)
        super().__init__(scope, f"{NAME}-{profile.name}", profile=profile, labels=props.identity.common_labels)
        self.service = WebService(self, NAME, props=props)
