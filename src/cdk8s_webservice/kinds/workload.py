"""The Deployment: a hardened, observable, spread-out workload.

Its props (`DeploymentProps`, `HealthChecks`) and what the pod's parts must agree on are
in `deployment_props.py`; the ConfigMap it loads is `config_map.py`.
"""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.k8s_values import int_or_string, quantity

from .containers import ExtraContainer
from .deployment_props import (
    CONFIG_CHECKSUM_ANNOTATION,
    DEFAULT_CONTAINER_ANNOTATION,
    DeploymentProps,
    scanner_waivers,
)


class Deployment(Construct):
    """Deployment `<name>` (or `<name>-<colour>` for blue-green).

    Secure by default: non-root (UID 10001), read-only root filesystem with a small
    writable /tmp, every capability dropped, no privilege escalation, seccomp
    RuntimeDefault, no service-account token. Zero-downtime rollouts (maxUnavailable
    0), spread over zones (best effort) and nodes (hard), a preStop pause so the
    ingress controller drops the endpoint before SIGTERM. The pod template carries
    the ConfigMap's checksum.

    Escape hatch: `api_object`, the `k8s.KubeDeployment`.
    """

    def __init__(self, scope: Construct, id: str, *, props: DeploymentProps) -> None:
        super().__init__(scope, id)
        ident = props.identity
        self.name = ident.derived_name(props.colour) if props.colour else ident.name
        selector = ident.colour_selector(props.colour)
        pod_labels = {**ident.pod_labels, **selector}

        env_from = [k8s.EnvFromSource(config_map_ref=k8s.ConfigMapEnvSource(name=props.config_name))]
        if props.secret_env_from:
            env_from.append(
                k8s.EnvFromSource(
                    secret_ref=k8s.SecretEnvSource(name=props.secret_env_from, optional=props.secret_optional or None)
                )
            )
        volumes, mounts = self._volumes(props)
        probes = props.health.probes()

        container = k8s.Container(
            name=ident.name,
            image=props.image,
            image_pull_policy=props.image_pull_policy,
            ports=[
                k8s.ContainerPort(name="http", container_port=props.port, protocol="TCP"),
                k8s.ContainerPort(name="metrics", container_port=props.metrics_port, protocol="TCP"),
                *(extra.container_port() for extra in props.ports),
            ],
            env=self._env(props),
            env_from=env_from,
            resources=k8s.ResourceRequirements(
                requests={k: quantity(v) for k, v in props.resources.requests().items()},
                limits={k: quantity(v) for k, v in props.resources.limits().items()},
            ),
            startup_probe=probes["startup"].to_k8s(),
            liveness_probe=probes["liveness"].to_k8s(),
            readiness_probe=probes["readiness"].to_k8s(),
            lifecycle=self._lifecycle(props.pre_stop_sleep_seconds),
            security_context=hardened_security_context(),
            volume_mounts=mounts + [m.to_k8s() for m in props.volume_mounts],
        )

        workload_selector = k8s.LabelSelector(match_labels=ident.workload_selector)
        scheduling = props.scheduling
        self.api_object = k8s.KubeDeployment(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(
                name=self.name,
                namespace=ident.namespace,
                labels={**selector, "app.kubernetes.io/component": ident.component},
                annotations=scanner_waivers(props) or None,
            ),
            spec=k8s.DeploymentSpec(
                replicas=props.replicas,
                revision_history_limit=5,
                progress_deadline_seconds=600,
                strategy=k8s.DeploymentStrategy(
                    type="RollingUpdate",
                    rolling_update=k8s.RollingUpdateDeployment(
                        max_surge=int_or_string("25%"), max_unavailable=int_or_string(0)
                    ),
                ),
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(
                        labels=pod_labels,
                        annotations={
                            **props.pod_annotations,
                            DEFAULT_CONTAINER_ANNOTATION: ident.name,
                            CONFIG_CHECKSUM_ANNOTATION: props.config_checksum,
                        },
                    ),
                    spec=k8s.PodSpec(
                        service_account_name=props.service_account_name,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        termination_grace_period_seconds=props.termination_grace_period_seconds,
                        security_context=k8s.PodSecurityContext(
                            run_as_non_root=True,
                            run_as_user=props.run_as_user,
                            run_as_group=props.run_as_user,
                            fs_group=props.run_as_user,
                            seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
                        ),
                        topology_spread_constraints=[
                            spread.to_k8s(workload_selector) for spread in scheduling.topology_spread
                        ]
                        or None,
                        node_selector=dict(scheduling.node_selector) or None,
                        tolerations=[t.to_k8s() for t in scheduling.tolerations] or None,
                        affinity=scheduling.affinity(workload_selector),
                        priority_class_name=scheduling.priority_class_name,
                        init_containers=[self._extra(c) for c in props.init_containers] or None,
                        containers=[container, *(self._extra(c) for c in props.sidecars)],
                        volumes=volumes + [v.to_k8s() for v in props.volumes],
                    ),
                ),
            ),
        )
        """The Deployment (escape hatch)."""

    @staticmethod
    def _volumes(props: DeploymentProps) -> tuple[list[k8s.Volume], list[k8s.VolumeMount]]:
        """A bounded writable /tmp; and, only when the service needs the API, a
        token mounted explicitly: read-only, expiring, at the path client libraries
        expect (automountServiceAccountToken stays false)."""
        volumes = [
            k8s.Volume(
                name="tmp",
                empty_dir=k8s.EmptyDirVolumeSource(size_limit=quantity(props.tmp_size_limit)),
            )
        ]
        mounts = [k8s.VolumeMount(name="tmp", mount_path="/tmp")]
        if props.api_token_expiration_seconds is not None:
            volumes.append(
                k8s.Volume(
                    name="kube-api-access",
                    projected=k8s.ProjectedVolumeSource(
                        default_mode=0o444,
                        sources=[
                            k8s.VolumeProjection(
                                service_account_token=k8s.ServiceAccountTokenProjection(
                                    path="token", expiration_seconds=props.api_token_expiration_seconds
                                )
                            ),
                            k8s.VolumeProjection(
                                config_map=k8s.ConfigMapProjection(
                                    name="kube-root-ca.crt", items=[k8s.KeyToPath(key="ca.crt", path="ca.crt")]
                                )
                            ),
                            k8s.VolumeProjection(
                                downward_api=k8s.DownwardApiProjection(
                                    items=[
                                        k8s.DownwardApiVolumeFile(
                                            path="namespace",
                                            field_ref=k8s.ObjectFieldSelector(
                                                api_version="v1", field_path="metadata.namespace"
                                            ),
                                        )
                                    ]
                                )
                            ),
                        ],
                    ),
                )
            )
            mounts.append(
                k8s.VolumeMount(
                    name="kube-api-access", mount_path="/var/run/secrets/kubernetes.io/serviceaccount", read_only=True
                )
            )
        return volumes, mounts

    @staticmethod
    def _env(props: DeploymentProps) -> list[k8s.EnvVar]:
        fixed = [
            k8s.EnvVar(name="PORT", value=str(props.port)),
            k8s.EnvVar(name="METRICS_PORT", value=str(props.metrics_port)),
            k8s.EnvVar(
                name="POD_NAME",
                value_from=k8s.EnvVarSource(field_ref=k8s.ObjectFieldSelector(field_path="metadata.name")),
            ),
            k8s.EnvVar(
                name="POD_NAMESPACE",
                value_from=k8s.EnvVarSource(field_ref=k8s.ObjectFieldSelector(field_path="metadata.namespace")),
            ),
        ]
        taken = {var.name for var in fixed}
        clashes = sorted(taken & set(props.env))
        if clashes:
            raise ConfigError("env", clashes[0], f"the construct sets {', '.join(sorted(taken))} itself")
        return fixed + [k8s.EnvVar(name=k, value=v) for k, v in sorted(props.env.items())]

    @staticmethod
    def _extra(c: ExtraContainer) -> k8s.Container:
        """A sidecar or init container, hardened like the service's own: the same
        security context, the pod's writable /tmp, requests and limits."""
        return k8s.Container(
            name=c.name,
            image=c.image,
            image_pull_policy=c.image_pull_policy,
            command=list(c.command) or None,
            args=list(c.args) or None,
            ports=[p.container_port() for p in c.ports] or None,
            env=[k8s.EnvVar(name=k, value=v) for k, v in sorted(c.env.items())] or None,
            resources=k8s.ResourceRequirements(
                requests={k: quantity(v) for k, v in c.resources.requests().items()},
                limits={k: quantity(v) for k, v in c.resources.limits().items()},
            ),
            security_context=hardened_security_context(),
            volume_mounts=[k8s.VolumeMount(name="tmp", mount_path="/tmp"), *(m.to_k8s() for m in c.volume_mounts)],
        )

    @staticmethod
    def _lifecycle(pre_stop_sleep_seconds: int) -> k8s.Lifecycle | None:
        # Kubernetes 1.27 has no `sleep` handler (1.30+): the image's own `sleep` runs instead.
        if pre_stop_sleep_seconds <= 0:
            return None
        return k8s.Lifecycle(
            pre_stop=k8s.LifecycleHandler(exec=k8s.ExecAction(command=["sleep", str(pre_stop_sleep_seconds)]))
        )


def hardened_security_context() -> k8s.SecurityContext:
    """Every container's: not root, no privilege or escalation, a read-only root
    filesystem, every capability dropped (the pod adds seccomp RuntimeDefault)."""
    return k8s.SecurityContext(
        run_as_non_root=True,
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=True,
        capabilities=k8s.Capabilities(drop=["ALL"]),
    )
