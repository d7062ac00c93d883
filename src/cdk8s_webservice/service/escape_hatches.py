"""JSON patches that cannot lose data: `add_json_patch` on a typed object, checked.

Where the loss happens: cdk8s applies an `ApiObject`'s JSON patches to its JSON
first, and a typed class (`k8s.Kube*` of cdk8s-plus' L1 module, a generated CRD
binding) then passes the patched JSON through its generated `toJson_*` converters.
Those know each field's type: a `Quantity` or `IntOrString` field keeps only a typed
value (`k8s.Quantity.from_string("100m")`), and a key the type does not declare is
dropped. A sidecar patched in as a plain dict, `{"resources": {"limits": {"cpu":
"100m"}}}`, renders as `resources: {limits: {}}`, without a word.

`guard(scope)` (`WebService` calls it on itself) makes `add_json_patch` on every
`ApiObject` under `scope` render the object with the new operations and refuse,
with `ConfigError`, a value the typed rendering dropped or changed, saying what
to write instead. The refused operations stay recorded on the object (cdk8s has no
way to take a patch back): the error is meant to end the build.
"""

from __future__ import annotations

from typing import Any

from cdk8s import ApiObject, JsonPatch
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError

_GUARDED = "_cdk8s_webservice_guarded"
HOW = (
    "the typed {cls} renders only the fields it declares, in their types, and dropped this. Build the value "
    "from the typed classes (a sidecar as k8s.Container(name=..., image=..., resources=k8s.ResourceRequirements("
    'limits={{"cpu": k8s.Quantity.from_string("100m")}})); ports and probe ports as k8s.IntOrString.from_number(...)) '
    "and use the Kubernetes (camelCase) field names; see docs/cookbook.md, 'JSON patches'"
)


def guard(scope: Construct) -> None:
    """Check every later `add_json_patch` on the ApiObjects under `scope` (idempotent)."""
    for node in scope.node.find_all():
        if isinstance(node, ApiObject) and not node.__dict__.get(_GUARDED):
            node.__dict__[_GUARDED] = True
            node.__dict__["add_json_patch"] = _checked(node, node.add_json_patch)


def _checked(api_object: ApiObject, add: Any) -> Any:
    def add_json_patch(*ops: JsonPatch) -> None:
        expected = JsonPatch.apply(api_object.to_json(), *ops)
        add(*ops)
        lost = _first_loss(expected, api_object.to_json(), "")
        if lost is not None:
            path, value = lost
            raise ConfigError(
                f"{api_object.kind}/{api_object.name} add_json_patch {path or '/'}",
                value,
                HOW.format(cls=type(api_object).__name__),
            )

    add_json_patch.__doc__ = ApiObject.add_json_patch.__doc__
    return add_json_patch


def _plain(value: Any) -> Any:
    """A typed value as the typed rendering writes it: `Quantity` and `IntOrString`
    are `{"value": x}` in a patch and `x` once rendered."""
    if isinstance(value, dict) and value.keys() == {"value"} and not isinstance(value["value"], dict | list):
        return value["value"]
    return value


def _first_loss(expected: Any, actual: Any, path: str) -> tuple[str, Any] | None:
    """The first place (JSON pointer, value) where `actual` lost or changed `expected`."""
    expected = _plain(expected)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return path, expected
        for key, value in expected.items():
            if value is None:
                continue
            if key not in actual:
                return f"{path}/{key}", value
            lost = _first_loss(value, actual[key], f"{path}/{key}")
            if lost is not None:
                return lost
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return path, expected
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            lost = _first_loss(want, got, f"{path}/{index}")
            if lost is not None:
                return lost
        return None
    return None if expected == actual else (path, expected)
