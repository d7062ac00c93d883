"""OpenTelemetry: OTLP exporter settings for the SDK in the container."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.core.values import check_number, check_port, check_str

_ENDPOINT = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?/?")


@public
@dataclass(frozen=True)
class OpenTelemetry:
    """Traces (and metrics/logs, if the SDK sends them) to an OTLP collector.

    The standard `OTEL_*` variables are set, so any OpenTelemetry SDK picks them up
    without code. `collector_namespace` and `collector_port` open the matching
    egress in the service's NetworkPolicy; without that the default-deny policy
    would drop every span.
    """

    endpoint: str = "http://otel-collector.observability:4317"
    """OTLP endpoint of the collector."""
    protocol: str = "grpc"
    """`grpc` (default) or `http/protobuf`."""
    collector_namespace: str = "observability"
    """Namespace of the collector (egress is opened to it)."""
    collector_port: int = 4317
    """Port of the collector (egress is opened to it; 4317 is OTLP/gRPC)."""
    sampler: str = "parentbased_traceidratio"
    """Trace sampler (default: follow the parent, else sample a ratio)."""
    sampling_ratio: float = 0.1
    """Share of root traces sampled (default 0.1)."""

    def __post_init__(self) -> None:
        if not isinstance(self.endpoint, str) or not _ENDPOINT.fullmatch(self.endpoint):
            raise ConfigError("telemetry.endpoint", self.endpoint, "an http(s)://host[:port] URL")
        if self.protocol not in ("grpc", "http/protobuf"):
            raise ConfigError("telemetry.protocol", self.protocol, "'grpc' or 'http/protobuf'")
        check_dns_label("telemetry.collector_namespace", self.collector_namespace)
        check_port("telemetry.collector_port", self.collector_port)
        check_str("telemetry.sampler", self.sampler, "an OpenTelemetry sampler name such as 'parentbased_traceidratio'")
        check_number("telemetry.sampling_ratio", self.sampling_ratio, "a ratio from 0 to 1", minimum=0, maximum=1)

    def env(self, identity: ServiceIdentity, version: str) -> dict[str, str]:
        """The container's OTEL_* variables. `$(POD_NAME)` and `$(POD_NAMESPACE)` are
        expanded by the kubelet from variables the workload defines before these."""
        attributes = ",".join(
            [
                f"deployment.environment={identity.environment}",
                f"service.namespace={identity.part_of}",
                f"service.version={version}",
                "k8s.namespace.name=$(POD_NAMESPACE)",
                "k8s.pod.name=$(POD_NAME)",
            ]
        )
        return {
            "OTEL_SERVICE_NAME": identity.name,
            "OTEL_EXPORTER_OTLP_ENDPOINT": self.endpoint,
            "OTEL_EXPORTER_OTLP_PROTOCOL": self.protocol,
            "OTEL_RESOURCE_ATTRIBUTES": attributes,
            "OTEL_TRACES_SAMPLER": self.sampler,
            "OTEL_TRACES_SAMPLER_ARG": f"{self.sampling_ratio:g}",
        }
