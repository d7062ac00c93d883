"""cdk8s's escape hatch works on every construct: its main object is its default
child, so `ApiObject.of(construct)` and `construct.node.default_child` find it."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from cdk8s import ApiObject, App
from conftest import PRODUCTION, PROJECT, STAGING

from cdk8s_webservice import EnvironmentProfile
from cdk8s_webservice.delivery.canary import FlaggerCanary
from cdk8s_webservice.kinds.access import ServiceAccount


def _constructs(profile: EnvironmentProfile) -> list[Any]:
    """Every construct of the chart with an `api_object` (duck-typed: of any class)."""
    chart = PROJECT.chart(App(), profile)  # blacklist's chart, its sealed values included
    return [c for c in chart.node.find_all() if not isinstance(c, ApiObject) and hasattr(c, "api_object")]


@pytest.mark.parametrize("profile", ["staging", "production"])
def test_every_construct_with_an_api_object_is_found_by_api_object_of(profile: str) -> None:
    constructs = _constructs(STAGING if profile == "staging" else PRODUCTION)
    assert len(constructs) >= 15
    for construct in constructs:
        main = construct.api_object
        assert ApiObject.of(construct).name == main.name, construct.node.path
        assert ApiObject.of(construct).kind == main.kind, construct.node.path
        child = construct.node.default_child
        assert isinstance(child, ApiObject) and child.node.id == "Resource", construct.node.path


def test_renamed_parts_warn_with_their_new_name() -> None:
    constructs = _constructs(PRODUCTION)
    canary = next(c for c in constructs if isinstance(c, FlaggerCanary))
    account = next(c for c in constructs if isinstance(c, ServiceAccount))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert canary.canary.kind == "Canary"
        assert account.service_account.kind == "ServiceAccount"
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert messages == [
        "FlaggerCanary.canary is deprecated since 0.6.0: use FlaggerCanary.api_object",
        "ServiceAccount.service_account is deprecated since 0.6.0: use ServiceAccount.api_object",
    ]
