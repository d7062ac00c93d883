"""OpenFeature: a service's flags as a `FeatureFlag`, and the flagd sidecar's settings as a
`FeatureFlagSource`, for the OpenFeature Operator (core.openfeature.dev/v1beta1).

The operator's webhook injects flagd into every pod annotated as `feature_flags.pod_annotations` says
(`WebService` annotates its pod templates). flagd syncs with the provider `file`: the
operator writes the FeatureFlag into a ConfigMap it mounts into the sidecar, so flagd
needs no service-account token and no network egress; the application evaluates flags
on `localhost:8013` (gRPC) or `localhost:8016` (OFREP).
"""

from __future__ import annotations

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice_crds.dev.openfeature import core

from .feature_flags import FLAGD_PORTS, FeatureFlags


class FeatureFlag(Construct):
    """FeatureFlag `<name>-flags`: each flag with its state, variants and default variant
    (and its type in `metadata.type`, which the gate checks the variants against).

    Escape hatch: `api_object`, the generated `FeatureFlag` binding (e.g. targeting rules:
    `add_json_patch(JsonPatch.add("/spec/flagSpec/flags/<key>/targeting", {...}))`).
    """

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, flags: FeatureFlags) -> None:
        super().__init__(scope, id)
        self.name = identity.derived_name("flags")
        self.api_object = core.FeatureFlag(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=self.name, namespace=identity.namespace, labels=identity.selector),
            spec=core.FeatureFlagSpec(
                flag_spec=core.FeatureFlagSpecFlagSpec(
                    flags={
                        flag.key: core.FeatureFlagSpecFlagSpecFlags(
                            state=core.FeatureFlagSpecFlagSpecFlagsState(spec["state"]),
                            variants=spec["variants"],
                            default_variant=spec["defaultVariant"],
                            metadata=spec["metadata"],
                        )
                        for flag in flags.flags
                        for spec in [flag.spec()]
                    }
                )
            ),
        )


def source_name(identity: ServiceIdentity) -> str:
    """The name of a service's `FeatureFlagSource` (its pods' annotations name it)."""
    return identity.derived_name("flagd")


class FeatureFlagSource(Construct):
    """FeatureFlagSource `<name>-flagd`: the injected flagd sidecar's configuration. It
    syncs the FeatureFlag `feature_flag` through the `file` provider, with probes on its
    management port and requests and limits from `FeatureFlags.sidecar_resources`.

    Escape hatch: `api_object`, the generated `FeatureFlagSource` binding.
    """

    def __init__(
        self, scope: Construct, id: str, *, identity: ServiceIdentity, flags: FeatureFlags, feature_flag: str
    ) -> None:
        super().__init__(scope, id)
        self.name = source_name(identity)
        resources = flags.sidecar_resources
        self.api_object = core.FeatureFlagSource(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=self.name, namespace=identity.namespace, labels=identity.selector),
            spec=core.FeatureFlagSourceSpec(
                sources=[
                    core.FeatureFlagSourceSpecSources(source=f"{identity.namespace}/{feature_flag}", provider="file")
                ],
                port=FLAGD_PORTS["port"],
                management_port=FLAGD_PORTS["management_port"],
                ofrep_port=FLAGD_PORTS["ofrep_port"],
                probes_enabled=flags.probes,
                resources=core.FeatureFlagSourceSpecResources(
                    requests={
                        "cpu": core.FeatureFlagSourceSpecResourcesRequests.from_string(resources.cpu_request),
                        "memory": core.FeatureFlagSourceSpecResourcesRequests.from_string(resources.memory_request),
                    },
                    limits={
                        "cpu": core.FeatureFlagSourceSpecResourcesLimits.from_string(resources.cpu_limit),
                        "memory": core.FeatureFlagSourceSpecResourcesLimits.from_string(resources.memory_limit),
                    },
                ),
                log_format="json",
            ),
        )
