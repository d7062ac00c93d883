"""The one place that touches private parts of other packages: opt-in, version-guarded.

1. A fast path for handing structs to jsii.

Profiles of a synth show most of the Python side of building constructs in one
function: jsii's `_make_reference_for_native`, which serializes every struct
(a Deployment's spec is dozens of nested ones) by calling each field's property,
and every property evaluates a `typing.cast(typing.Optional[...], ...)` on the
way. The values are already in the struct's `_values` dict; reading them there
gives the same data in a fraction of the time.

Installed only by app entry points (`runtime.start(app=True)`), only for the
jsii versions it was checked against, and anything that is not a plain struct
goes to jsii's own function. The tests synthesize with and without it and compare
the output byte for byte.

2. A fast exit (`fast_exit`): run the exit hooks (`atexit._run_exitfuncs`: jsii
stops Node.js there), then `os._exit`, skipping the interpreter's teardown of
every module (~0.3 s). Used only where the fast path was installed.
"""

from __future__ import annotations

import atexit
import enum
import os
import sys
from typing import Any, NoReturn

#: jsii versions whose `_make_reference_for_native` this mirrors (checked line by line).
SUPPORTED_JSII = ("1.142.",)


def installed() -> bool:
    from jsii import _kernel

    return bool(getattr(_kernel, "_webservice_fast_path", False))


def install() -> str | None:
    """Install the fast path: None when it is in place, else why not (nothing changed)."""
    import jsii
    from jsii import _kernel

    if getattr(_kernel, "_webservice_fast_path", False):
        return None
    if not jsii.__version__.startswith(SUPPORTED_JSII):
        return f"jsii {jsii.__version__} is not one it was checked against ({', '.join(SUPPORTED_JSII)}x)"
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
    return None


def run_exit_hooks() -> None:
    """The exit hooks now (jsii stops Node.js there), e.g. before `os.execv`."""
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()


def fast_exit(code: int) -> NoReturn:
    """Exit hooks, flush, then `os._exit` (see the module's docstring)."""
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
