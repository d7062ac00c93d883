"""Messages that name the real cause (issue 25, item 4): the environment in a profile's
errors, a missing program as "not found on PATH", a missing file as missing, and a
misspelled keyword argument of a props or value dataclass as a `ConfigError` naming
the closest field (not a TypeError traceback)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle
import re
from pathlib import Path
from typing import Any, cast

import pytest

import cdk8s_webservice
from cdk8s_webservice import (
    ConfigError,
    EnvironmentProfile,
    Releases,
    Resources,
    ScalingBounds,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.cli.release_workflow import find_argocd
from cdk8s_webservice.core.errors import NotFound

PACKAGE: Any = cdk8s_webservice  # its private tables (_EXPORTS, _MOVED), which the stub leaves out
RESOURCES = Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi")


def profile_values(**changes: object) -> dict[str, object]:
    return {
        "name": "staging",
        "namespace": "orders-staging",
        "replicas": 1,
        "resources": RESOURCES,
        "autoscaling": ScalingBounds(min_replicas=1, max_replicas=3),
        "image_tag": "v1.0.0",
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"replicas": 5}, "staging.replicas"),
        ({"namespace": "Orders_Staging"}, "staging.namespace"),
        ({"tag_policy": "pinned"}, "staging.tag_policy"),
        ({"image_tag": "latest"}, "staging.image_tag"),
        ({"git_revision": "a..b"}, "staging.git_revision"),
        ({"config": {"1BAD": "x"}}, "staging.config"),
        ({"resources": {"cpu_request": "1"}}, "staging.resources"),
    ],
)
def test_every_profile_error_names_the_environment(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError) as caught:
        EnvironmentProfile(**profile_values(**changes))  # type: ignore[arg-type]
    assert caught.value.field.startswith(field), caught.value.field


@pytest.mark.parametrize(
    ("cls", "values", "message"),
    [
        (
            WebServiceProps,
            {"nmae": "orders-api", "image": "registry.example.com/orders-api"},
            "WebServiceProps.nmae: 'nmae' is not allowed; a field of WebServiceProps: did you mean 'name'?",
        ),
        (
            EnvironmentProfile,
            {**profile_values(), "replica": 2},
            "EnvironmentProfile.replica: 'replica' is not allowed; a field of EnvironmentProfile: did you mean 'replicas'?",
        ),
        (
            Resources,
            {"cpu": "1", "cpu_limit": "1", "memory_request": "1Gi", "memory_limit": "1Gi"},
            "Resources.cpu: 'cpu' is not allowed; a field of Resources: one of: cpu_request, cpu_limit,",
        ),
        (
            ScalingBounds,
            {"min_replicas": 1},
            "ScalingBounds.max_replicas: nothing is not allowed; a value: it is required (max_replicas missing)",
        ),
    ],
)
def test_a_misspelled_or_missing_keyword_is_a_config_error(cls: type, values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        cls(**values)
    assert str(caught.value).startswith(message), str(caught.value)


def test_surplus_and_repeated_positional_arguments_are_config_errors() -> None:
    with pytest.raises(ConfigError, match=re.escape("ScalingBounds: 3 positional arguments is not allowed; at most 2")):
        ScalingBounds(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match=re.escape("ScalingBounds.min_replicas: 1 is not allowed; given once")):
        ScalingBounds(1, 2, min_replicas=1)  # type: ignore[misc]


def test_every_public_dataclass_keeps_its_signature_and_checks_its_keywords() -> None:
    """The check wraps the generated __init__ only (its signature is the fields'), and
    every public dataclass has it where it is defined (`@public`), top level or not."""
    checked = 0
    for name, module in {**PACKAGE._MOVED, **PACKAGE._EXPORTS}.items():
        cls = getattr(importlib.import_module(f"cdk8s_webservice.{module}"), name)
        if not (inspect.isclass(cls) and dataclasses.is_dataclass(cls)):
            continue
        fields = [f.name for f in dataclasses.fields(cls) if f.init]
        assert list(inspect.signature(cls).parameters) == fields, name
        with pytest.raises(ConfigError, match=rf"^{name}\.no_such_field: "):
            cast(Any, cls)(no_such_field=1)
        checked += 1
    assert checked > 40


def test_valid_construction_and_replace_still_work() -> None:
    profile = testing.profile()
    assert dataclasses.replace(profile, replicas=2).replicas == 2
    with pytest.raises(ConfigError, match="did you mean 'replicas'"):
        dataclasses.replace(profile, replicass=2)  # type: ignore[call-arg]


def test_a_missing_program_is_not_found_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(NotFound) as caught:
        find_argocd()
    assert str(caught.value).startswith("--sync: 'argocd' not found on PATH; install the argocd CLI")
    assert "is not allowed" not in str(caught.value)


def test_a_missing_releases_file_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "releases.yaml"
    with pytest.raises(NotFound) as caught:
        Releases.load(path)
    assert str(caught.value) == (
        f"releases file: '{path}' does not exist; start it with `cdk8s-webservice releases init -e ENV TAG` "
        "(format: docs/releases.md)"
    )


def test_not_found_travels_between_processes_unchanged() -> None:
    error = NotFound("k6", "k6", "not found on PATH", "install it")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is NotFound and str(copy) == str(error) == "k6: 'k6' not found on PATH; install it"


ENVIRONMENTS_MODULE = """
from cdk8s_webservice import EnvironmentProfile, Environments, Resources, ScalingBounds



def limits(cpu):
    return Resources(cpu_request=cpu, cpu_limit="1", memory_request="64Mi", memory_limit="128Mi")


def environments(releases):
    staging = EnvironmentProfile(name="staging", namespace="orders-staging", replicas=1, resources=limits("100m"),
                                 autoscaling=ScalingBounds(min_replicas=1, max_replicas=3), image_tag="v1.0.0")
    production = EnvironmentProfile(
        name="production", namespace="orders", replicas=2, resources=RESOURCES,
        autoscaling=ScalingBounds(min_replicas=AUTOSCALING_MIN, max_replicas=3), image_tag="v1.0.0",
    )
    return Environments([staging, production])
"""


@pytest.mark.parametrize(
    ("resources", "minimum", "message"),
    [
        (
            'Resources(cpu_request="2", cpu_limit="1", memory_request="64Mi", memory_limit="128Mi")',
            "1",
            "production.resources.cpu_request: '2' is not allowed; it must not exceed resources.cpu_limit (1)",
        ),
        ('limits("2")', "1", "production.resources.cpu_request: '2' is not allowed"),  # through a helper
        ('limits("1")', "0", "production.autoscaling.min_replicas: 0 is not allowed"),
    ],
)
def test_a_value_refused_before_its_profile_exists_names_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resources: str, minimum: str, message: str
) -> None:
    """Resources and ScalingBounds raise before the profile they are given to exists; the
    project names the environment from the `EnvironmentProfile(name=...)` call they sit in."""
    import importlib

    from cdk8s_webservice import ServiceProject

    source = ENVIRONMENTS_MODULE.replace("RESOURCES", resources).replace("AUTOSCALING_MIN", minimum)
    (tmp_path / "orders_environments.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("orders_environments")
    try:
        project = ServiceProject(name="orders", environments=module.environments, chart=lambda scope, p: None)  # type: ignore[arg-type,return-value]
        with pytest.raises(ConfigError) as caught:
            project.load_environments(Releases({}))
        assert str(caught.value).startswith(message), str(caught.value)
    finally:
        import sys

        sys.modules.pop("orders_environments", None)


def test_an_error_outside_any_profile_is_left_as_it_was() -> None:
    from cdk8s_webservice import ServiceProject

    def environments(releases: Releases) -> object:
        return Resources(cpu_request="2", cpu_limit="1", memory_request="64Mi", memory_limit="128Mi")

    project = ServiceProject(name="orders", environments=environments, chart=lambda scope, p: None)  # type: ignore[arg-type,return-value]
    with pytest.raises(ConfigError, match=r"^resources\.cpu_request: '2' is not allowed"):
        project.load_environments(Releases({}))
