"""`harden`: a cdk8s-plus workload beside the service, hardened the way the service's own
pods are. The gate refuses each kind as cdk8s-plus renders it and passes it hardened (with
its DNS egress); the result validates against Kubernetes 1.27's schema; one CronJob is
compared whole with the YAML it must render (input and expected output side by side)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cdk8s_plus_27 as kplus
import pytest
from cdk8s import ApiObject, ApiObjectMetadata, Cron, JsonPatch, Size

from cdk8s_webservice import ConfigError, EnvironmentChart, ServiceLevelObjectives, WebService, WebServiceProps, testing
from cdk8s_webservice.gate.schema import core_validator
from cdk8s_webservice.kinds.harden import harden
from cdk8s_webservice.kinds.network import dns_egress
from cdk8s_webservice.synthesis.rendering import to_yaml

LABELS = {"app.kubernetes.io/name": "worker"}
IMAGE = "registry.example.com/worker:v1.0.0"
SLO = ServiceLevelObjectives(error_rate=0.01, latency_quantile=0.95, latency_seconds=0.5)
WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")

Workload = kplus.Deployment | kplus.StatefulSet | kplus.DaemonSet | kplus.Job | kplus.CronJob


def _common(**extra: Any) -> dict[str, Any]:
    return {
        "metadata": ApiObjectMetadata(name="worker"),
        "pod_metadata": ApiObjectMetadata(labels=LABELS),
        "containers": [kplus.ContainerProps(image=IMAGE, args=["--once"])],
        "init_containers": [kplus.ContainerProps(image="registry.example.com/migrate:v1.0.0", name="migrate")],
        **extra,
    }


MAKERS: dict[str, Callable[[EnvironmentChart], Workload]] = {
    "Deployment": lambda chart: kplus.Deployment(chart, "worker", **_common()),
    "StatefulSet": lambda chart: kplus.StatefulSet(
        chart,
        "worker",
        **_common(
            containers=[kplus.ContainerProps(image=IMAGE, ports=[kplus.ContainerPort(number=8080, name="http")])]
        ),
    ),
    "DaemonSet": lambda chart: kplus.DaemonSet(chart, "worker", **_common()),
    "Job": lambda chart: kplus.Job(chart, "worker", **_common()),
    "CronJob": lambda chart: kplus.CronJob(chart, "worker", **_common(schedule=Cron.daily())),
}


def _chart() -> EnvironmentChart:
    """A WebService in its namespace (default deny), as every environment has it."""
    profile = testing.profile()
    chart = testing.chart(profile)
    WebService(
        chart,
        "app",
        props=WebServiceProps(name="app", image="registry.example.com/app", profile=profile, slo=SLO),
    )
    return chart


def _dns_policy(chart: EnvironmentChart) -> None:
    """The cookbook's NetworkPolicy: the workload's pods may resolve names."""
    kplus.k8s.KubeNetworkPolicy(
        chart,
        "worker-egress",
        metadata=kplus.k8s.ObjectMeta(name="worker"),
        spec=kplus.k8s.NetworkPolicySpec(
            pod_selector=kplus.k8s.LabelSelector(match_labels=LABELS),
            policy_types=["Egress"],
            egress=[dns_egress()],
        ),
    )


def _refused(chart: EnvironmentChart) -> set[tuple[str, str]]:
    """(kind, rule) of every violation the gate reports for the chart."""
    return {(v.kind, v.rule) for v in testing.check(testing.synth(chart))}


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_the_gate_refuses_a_cdk8s_plus_workload_and_passes_it_hardened(kind: str) -> None:
    chart = _chart()
    workload = MAKERS[kind](chart)
    _dns_policy(chart)
    # What cdk8s-plus-27 cannot say with a prop: the gate names both, for each container.
    pod = "spec.jobTemplate.spec.template.spec" if kind == "CronJob" else "spec.template.spec"
    assert {(v.kind, v.rule, v.field) for v in testing.check(testing.synth(chart))} == {
        (kind, rule, f"{pod}.{container}.securityContext.{field}")
        for container in ("containers[main]", "initContainers[migrate]")
        for rule, field in (("drop-all-capabilities", "capabilities.drop"), ("seccomp-required", "seccompProfile.type"))
    }

    harden(workload)
    assert _refused(chart) == set()
    rendered = testing.find(testing.synth(chart), kind, "worker")
    validator = core_validator("1.27", rendered["apiVersion"], kind)
    assert validator is not None
    assert [e.message for e in validator.iter_errors(rendered)] == []


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_hardened_without_its_network_policy_it_still_resolves_no_name(kind: str) -> None:
    chart = _chart()
    harden(MAKERS[kind](chart))
    assert _refused(chart) == {("NetworkPolicy", "dns-reachable")}


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_hardening_twice_renders_the_same_yaml(kind: str) -> None:
    chart = _chart()
    workload = MAKERS[kind](chart)
    harden(workload)
    once = [to_yaml(o) for o in testing.synth(chart)]
    assert "seccompProfile" in "".join(once)
    harden(workload)
    assert [to_yaml(o) for o in testing.synth(chart)] == once


# Input (what a user writes) and the exact YAML `harden` makes of it, side by side.
CRONJOB_EXPECTED = """\
apiVersion: batch/v1
kind: CronJob
metadata:
  labels:
    app.kubernetes.io/managed-by: cdk8s
    app.kubernetes.io/part-of: test
    environment: test
  name: cleanup
  namespace: test
spec:
  concurrencyPolicy: Forbid
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app.kubernetes.io/name: cleanup
            cdk8s.io/metadata.addr: test-cleanup-c8d79811
        spec:
          automountServiceAccountToken: false
          containers:
            - args:
                - "--older-than"
                - 30d
              image: registry.example.com/cleanup:v1.4.0
              imagePullPolicy: Always
              name: main
              resources:
                limits:
                  cpu: 200m
                  memory: 128Mi
                requests:
                  cpu: 50m
                  memory: 64Mi
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                    - ALL
                privileged: false
                readOnlyRootFilesystem: true
                runAsNonRoot: true
              volumeMounts:
                - mountPath: /tmp
                  name: tmp
          dnsPolicy: ClusterFirst
          hostNetwork: false
          restartPolicy: Never
          securityContext:
            fsGroup: 10001
            fsGroupChangePolicy: Always
            runAsGroup: 10001
            runAsNonRoot: true
            runAsUser: 10001
            seccompProfile:
              type: RuntimeDefault
          setHostnameAsFQDN: false
          terminationGracePeriodSeconds: 30
          volumes:
            - emptyDir:
                sizeLimit: 64Mi
              name: tmp
  schedule: 0 0 * * *
  startingDeadlineSeconds: 10
  successfulJobsHistoryLimit: 3
  suspend: false
"""


def test_a_hardened_cronjob_renders_exactly_this() -> None:
    chart = testing.chart()
    cleanup = kplus.CronJob(
        chart,
        "cleanup",
        metadata=ApiObjectMetadata(name="cleanup"),
        pod_metadata=ApiObjectMetadata(labels={"app.kubernetes.io/name": "cleanup"}),
        schedule=Cron.daily(),
        containers=[
            kplus.ContainerProps(
                image="registry.example.com/cleanup:v1.4.0",
                args=["--older-than", "30d"],
                resources=kplus.ContainerResources(
                    cpu=kplus.CpuResources(request=kplus.Cpu.millis(50), limit=kplus.Cpu.millis(200)),
                    memory=kplus.MemoryResources(request=Size.mebibytes(64), limit=Size.mebibytes(128)),
                ),
            )
        ],
    )
    harden(cleanup)
    assert to_yaml(testing.find(testing.synth(chart), "CronJob", "cleanup")) == CRONJOB_EXPECTED


def _pod_spec(chart: EnvironmentChart, kind: str = "Deployment") -> dict[str, Any]:
    rendered = testing.find(testing.synth(chart), kind, "worker")
    return dict(rendered["spec"]["template"]["spec"])


def test_stricter_or_equal_choices_stay_and_weaker_ones_are_replaced() -> None:
    chart = testing.chart()
    workload = kplus.Deployment(
        chart,
        "worker",
        metadata=ApiObjectMetadata(name="worker"),
        security_context=kplus.PodSecurityContextProps(user=2000, group=0),
        containers=[
            kplus.ContainerProps(
                image=IMAGE,
                security_context=kplus.ContainerSecurityContextProps(
                    read_only_root_filesystem=False, allow_privilege_escalation=True, user=0
                ),
            )
        ],
    )
    base = "/spec/template/spec"
    ApiObject.of(workload).add_json_patch(
        JsonPatch.add(f"{base}/securityContext/seccompProfile", {"type": "Localhost", "localhostProfile": "p.json"}),
        JsonPatch.add(f"{base}/containers/0/securityContext/capabilities", {"drop": ["ALL", "NET_RAW"]}),
        JsonPatch.add(f"{base}/containers/0/volumeMounts", [{"name": "scratch", "mountPath": "/tmp/"}]),
        JsonPatch.add(f"{base}/volumes", [{"name": "scratch", "emptyDir": {}}]),
    )
    harden(workload)
    spec = _pod_spec(chart)
    assert spec["securityContext"] == {
        "fsGroup": 10001,
        "fsGroupChangePolicy": "Always",
        "runAsGroup": 10001,  # 0 (root's group) replaced
        "runAsNonRoot": True,
        "runAsUser": 2000,  # another non-root UID kept
        "seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"},  # kept
    }
    (container,) = spec["containers"]
    assert container["securityContext"] == {
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL", "NET_RAW"]},
        "privileged": False,
        "readOnlyRootFilesystem": True,
        "runAsNonRoot": True,
        "runAsUser": 10001,
    }
    assert container["volumeMounts"] == [{"mountPath": "/tmp/", "name": "scratch"}]  # its own /tmp kept
    assert spec["volumes"] == [{"emptyDir": {}, "name": "scratch"}]
    assert testing.check(testing.synth(chart)) == []


def test_an_unconfined_container_and_a_custom_uid_and_no_tmp() -> None:
    chart = testing.chart()
    workload = kplus.Job(chart, "worker", metadata=ApiObjectMetadata(name="worker"), containers=[{"image": IMAGE}])
    ApiObject.of(workload).add_json_patch(
        JsonPatch.add("/spec/template/spec/containers/0/securityContext/seccompProfile", {"type": "Unconfined"})
    )
    harden(workload, run_as_user=4242, tmp_size_limit=None)
    spec = _pod_spec(chart, "Job")
    assert spec["containers"][0]["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert {k: spec["securityContext"][k] for k in ("runAsUser", "runAsGroup", "fsGroup")} == dict.fromkeys(
        ("runAsUser", "runAsGroup", "fsGroup"), 4242
    )
    assert "volumes" not in spec and "volumeMounts" not in spec["containers"][0]


def test_a_container_added_after_harden_is_refused_by_the_gate() -> None:
    chart = testing.chart()
    workload = kplus.Deployment(chart, "worker", **_common())
    harden(workload)
    workload.add_container(image="registry.example.com/sidecar:v1.0.0", name="late")
    fields = {v.field for v in testing.check(testing.synth(chart)) if v.rule == "drop-all-capabilities"}
    assert fields == {"spec.template.spec.containers[late].securityContext.capabilities.drop"}


def test_anything_but_the_five_workloads_is_one_line_naming_its_type() -> None:
    chart = testing.chart()
    pod = kplus.Pod(chart, "pod", containers=[{"image": IMAGE}])
    with pytest.raises(ConfigError, match=r"^harden\(workload\): 'Pod' is not allowed; a cdk8s-plus-27 Deployment"):
        harden(pod)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"'KubeDeployment' is not allowed"):
        harden(kplus.k8s.KubeDeployment(chart, "l1", spec=kplus.k8s.DeploymentSpec(selector={}, template={})))  # type: ignore[arg-type]


def test_a_container_without_a_limit_is_refused_not_given_one() -> None:
    chart = testing.chart()
    workload = kplus.Job(
        chart,
        "worker",
        metadata=ApiObjectMetadata(name="worker"),
        containers=[
            kplus.ContainerProps(
                image=IMAGE,
                name="main",
                resources=kplus.ContainerResources(
                    cpu=kplus.CpuResources(request=kplus.Cpu.millis(50), limit=kplus.Cpu.millis(200)),
                    memory=kplus.MemoryResources(request=Size.mebibytes(64)),
                ),
            )
        ],
    )
    with pytest.raises(ConfigError) as raised:
        harden(workload)
    assert str(raised.value).startswith(
        "Job/worker: spec.template.spec.containers[main].resources.limits.memory: None is not allowed; "
    )
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"run_as_user": 0}, r"^harden\.run_as_user: 0 is not allowed"),
        ({"tmp_size_limit": "lots"}, r"^harden\.tmp_size_limit: 'lots' is not allowed"),
    ],
)
def test_its_own_options_are_checked(options: dict[str, Any], message: str) -> None:
    workload = kplus.Job(testing.chart(), "worker", containers=[{"image": IMAGE}])
    with pytest.raises(ConfigError, match=message):
        harden(workload, **options)


def test_a_volume_named_tmp_that_is_no_scratch_space_is_refused() -> None:
    chart = testing.chart()
    workload = kplus.Job(chart, "worker", metadata=ApiObjectMetadata(name="worker"), containers=[{"image": IMAGE}])
    ApiObject.of(workload).add_json_patch(
        JsonPatch.add("/spec/template/spec/volumes", [{"name": "tmp", "configMap": {"name": "settings"}}])
    )
    with pytest.raises(ConfigError, match=r"^Job/worker: spec\.template\.spec\.volumes\[tmp\]: \['configMap'\]"):
        harden(workload)
