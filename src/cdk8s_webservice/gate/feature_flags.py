"""OpenFeature rules: a FeatureFlag's flags can be evaluated (the default variant exists,
the variants share the flag's type), and what injects flagd points at what exists."""

from __future__ import annotations

from collections.abc import Mapping

from cdk8s_webservice.addons.feature_flags import ENABLED_ANNOTATION, SOURCE_ANNOTATION, FlagType

from .model import Obj
from .registry import Fail, rule

FLAGD = "flagd"


def _flags(obj: Obj) -> Mapping[str, object]:
    flag_spec = obj.spec.get("flagSpec")
    flags = flag_spec.get("flags") if isinstance(flag_spec, Mapping) else None
    return flags if isinstance(flags, Mapping) else {}


@rule(
    "feature-flag-default-variant",
    kinds=("FeatureFlag",),
    reason="a flag whose defaultVariant is not one of its variants",
    source=f"{FLAGD}: every evaluation of the flag fails (no value to serve)",
)
def default_variant(obj: Obj, fail: Fail) -> None:
    for key, flag in sorted(_flags(obj).items()):
        if not isinstance(flag, Mapping):
            continue
        variants = flag.get("variants")
        default = flag.get("defaultVariant")
        if not isinstance(variants, Mapping) or default not in variants:
            names = ", ".join(sorted(variants)) if isinstance(variants, Mapping) else "none"
            fail(f"spec.flagSpec.flags.{key}.defaultVariant", f"{default!r} is not a variant ({names})")


@rule(
    "feature-flag-variant-type",
    kinds=("FeatureFlag",),
    reason="a variant whose value is not of the flag's type (metadata.type, else the default variant's)",
    source=f"{FLAGD}: an evaluation of the flag's type fails with TYPE_MISMATCH on that variant",
)
def variant_type(obj: Obj, fail: Fail) -> None:
    for key, flag in sorted(_flags(obj).items()):
        if not isinstance(flag, Mapping) or not isinstance(flag.get("variants"), Mapping):
            continue
        variants: Mapping[str, object] = flag["variants"]
        metadata = flag.get("metadata")
        declared = metadata.get("type") if isinstance(metadata, Mapping) else None
        if declared is not None:
            try:
                flag_type = FlagType(declared)
            except ValueError:
                allowed = ", ".join(t.value for t in FlagType)
                fail(f"spec.flagSpec.flags.{key}.metadata.type", f"{declared!r} is not a flag type ({allowed})")
                continue
        elif flag.get("defaultVariant") in variants:
            found = FlagType.of(variants[str(flag["defaultVariant"])])
            if found is None:
                continue  # reported below as a value of no type
            # Numbers: an integer default makes an integer flag unless a variant is a float.
            numbers = (FlagType.INTEGER, FlagType.FLOAT)
            if found in numbers and all(FlagType.of(v) in numbers for v in variants.values()):
                found = FlagType.FLOAT
            flag_type = found
        else:
            continue  # feature-flag-default-variant reports it
        for name, value in sorted(variants.items()):
            if not flag_type.accepts(value):
                fail(f"spec.flagSpec.flags.{key}.variants.{name}", f"{value!r} is not a {flag_type.value} value")


@rule(
    "feature-flag-source-exists",
    kinds=("FeatureFlagSource",),
    reason="a FeatureFlagSource syncing a FeatureFlag that does not exist",
    source="project: flagd starts with no flags; every evaluation answers the caller's default",
)
def source_exists(obj: Obj, fail: Fail) -> None:
    for index, source in enumerate(obj.spec.get("sources") or []):
        if not isinstance(source, Mapping) or source.get("provider", "kubernetes") not in ("kubernetes", "file"):
            continue
        namespace, _, name = str(source.get("source", "")).rpartition("/")
        if namespace != obj.namespace or obj.model.get("FeatureFlag", name) is None:
            fail(
                f"spec.sources[{index}].source", f"{source.get('source')!r}: no FeatureFlag {name!r} in {obj.namespace}"
            )


@rule(
    "feature-flag-source-exists",
    kinds=("Deployment",),
    reason="pods that ask for flagd configured by a FeatureFlagSource that does not exist",
    source="project: the OpenFeature webhook cannot configure flagd for the pods (it refuses or mis-injects them)",
)
def pods_source_exists(obj: Obj, fail: Fail) -> None:
    for pod in obj.pods:
        annotations = pod.annotations
        if annotations.get(ENABLED_ANNOTATION) != "true" or SOURCE_ANNOTATION not in annotations:
            continue
        name = str(annotations[SOURCE_ANNOTATION]).rpartition("/")[2]
        if obj.model.get("FeatureFlagSource", name) is None:
            fail(
                f"spec.template.metadata.annotations.{SOURCE_ANNOTATION}",
                f"{name!r}: no FeatureFlagSource of that name in {obj.namespace}",
            )
