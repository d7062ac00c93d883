"""An optional, version-guarded fast path for handing structs to jsii.

Profiles of a synth show most of the Python side of building constructs in one
function: jsii's `_make_reference_for_native`, which serializes every struct
(a Deployment's spec is dozens of nested ones) by calling each field's property,
and every property evaluates a `typing.cast(typing.Optional[...], ...)` on the
way. The values are already in the struct's `_values` dict; reading them there
gives the same data in a fraction of the time.

Installed only by app entry points (`cli.prepare_process`), only for the jsii
versions it was checked against, and anything that is not a plain struct goes
to jsii's own function. The tests synthesize with and without it and compare
the output byte for byte.
"""

from __future__ import annotations

import enum
from typing import Any

#: jsii versions whose `_make_reference_for_native` this mirrors (checked line by line).
SUPPORTED_JSII = ("1.142.",)


def install() -> bool:
    """Install the fast path; False (and nothing changed) on an unchecked jsii."""
    import jsii
    from jsii import _kernel

    if not jsii.__version__.startswith(SUPPORTED_JSII) or getattr(_kernel, "_webservice_fast_path", False):
        return False
    original = _kernel._make_reference_for_native

    def make_reference(kernel: Any, value: Any) -> Any:
        if isinstance(value, dict):
            return {"$jsii.map": {k: make_reference(kernel, v) for k, v in value.items()}}
        if isinstance(value, list):
            return [make_reference(kernel, item) for item in value]
        cls = type(value)
        mapping = getattr(cls, "__jsii_name_mapping__", None)
        values = getattr(value, "_values", None)
        if mapping is not None and isinstance(values, dict) and not isinstance(value, enum.Enum):
            return {
                "$jsii.struct": {
                    "fqn": cls.__jsii_type__,
                    "data": {
                        jsii_name: make_reference(kernel, values.get(name)) for name, jsii_name in mapping.items()
                    },
                }
            }
        return original(kernel, value)

    _kernel._make_reference_for_native = make_reference  # type: ignore[assignment]
    setattr(_kernel, "_webservice_fast_path", True)  # noqa: B010 - marks the module as patched
    return True
