"""The flat `WebServiceProps` of 0.6 (`port=8080`, `create_namespace=False`), deprecated
in 0.7.0 and removed in 0.8.0: each keyword goes into its group with a
`DeprecationWarning` naming the new spelling, and each attribute reads from its group
likewise (`props.port` is `props.pod.port`). A flat keyword beside its group
(`port=` with `pod=`) is a `ConfigError`: one of the two would be lost."""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
import warnings
from typing import Any, TypeVar

from cdk8s_webservice.core import keywords
from cdk8s_webservice.core.deprecation import deprecated_alias
from cdk8s_webservice.core.errors import ConfigError, _Shown
from cdk8s_webservice.kinds.network import NetworkAccess

from .options import DeliveryOptions, NamespaceOptions, NetworkOptions, ObservabilityOptions, PodOptions

SINCE = "0.7.0"

GROUPS: dict[str, type] = {
    "pod": PodOptions,
    "network": NetworkOptions,
    "delivery": DeliveryOptions,
    "observability": ObservabilityOptions,
    "namespace": NamespaceOptions,
}

#: Each flat keyword of 0.6 -> (its group, its name there).
FLAT: dict[str, tuple[str, str]] = {
    **{
        name: ("pod", name)
        for name in (
            "port",
            "metrics_port",
            "health",
            "config",
            "env",
            "secret_name",
            "sealed_secret",
            "secret_optional",
            "ports",
            "sidecars",
            "init_containers",
            "volumes",
            "volume_mounts",
            "scheduling",
        )
    },
    "service_port": ("network", "service_port"),
    "ingress": ("network", "ingress"),
    "api_access": ("network", "api_access"),
    "canary": ("delivery", "canary"),
    "scaling": ("delivery", "scaling"),
    "vpa": ("delivery", "vpa"),
    "load_test": ("delivery", "load_test"),
    "scraping": ("observability", "scraping"),
    "business_panels": ("observability", "business_panels"),
    "telemetry": ("observability", "telemetry"),
    "create_namespace": ("namespace", "create"),
    "pod_security": ("namespace", "pod_security"),
}

# Frames skipped to point a warning at the code that built the props.
_INTERNAL = {os.path.abspath(__file__), os.path.abspath(keywords.__file__), "<string>"}

T = TypeVar("T")


def _warn(message: str) -> None:
    level, frame = 3, sys._getframe(2)  # 1 is this function, 2 regroup, 3 the __init__ wrapper
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename) in _INTERNAL:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, DeprecationWarning, stacklevel=level)


def new_spelling(old: str) -> str:
    """What replaces the flat keyword `old`: `pod=PodOptions(port=...)`."""
    group, name = FLAT[old]
    return f"{group}={GROUPS[group].__name__}({name}=...)"


def regroup(owner: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` with every flat keyword moved into its group, each with a warning."""
    values: dict[str, dict[str, Any]] = {}
    network = kwargs.get("network")
    if isinstance(network, NetworkAccess):
        _warn(
            f"{owner}(network=NetworkAccess(...)) is deprecated since {SINCE}: "
            "use network=NetworkOptions(access=NetworkAccess(...))"
        )
        values["network"] = {"access": network}
        kwargs = {key: value for key, value in kwargs.items() if key != "network"}
    for old in [key for key in kwargs if key in FLAT]:
        group, name = FLAT[old]
        if group in kwargs:
            raise ConfigError(
                f"{owner}.{old}",
                _Shown(f"{old}= beside {group}="),
                f"{group}={GROUPS[group].__name__}({name}=...) alone ({old}= is deprecated since {SINCE})",
            )
        _warn(f"{owner}({old}=...) is deprecated since {SINCE}: use {new_spelling(old)}")
        values.setdefault(group, {})[name] = kwargs[old]
    if not values:
        return kwargs
    kwargs = {key: value for key, value in kwargs.items() if key not in FLAT}
    for group, given in values.items():
        kwargs[group] = GROUPS[group](**given)
    return kwargs


def accept_flat_keywords(cls: type[T]) -> type[T]:
    """Give the props class the 0.6 keywords (into `__init__`) and attributes (read-only)."""
    init = cls.__dict__["__init__"]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **regroup(type(self).__name__, kwargs))

    type.__setattr__(cls, "__init__", __init__)
    # `keywords.strict_keywords` takes these names too (and suggests them for a misspelling).
    type.__setattr__(cls, keywords.DEPRECATED_KEYWORDS, (*FLAT, "network"))
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for old, (group, name) in FLAT.items():
        assert old not in fields, old
        type.__setattr__(cls, old, deprecated_alias(old, f"{group}.{name}", SINCE))
    return cls
