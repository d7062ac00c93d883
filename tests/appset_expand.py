"""What Argo CD makes of an ApplicationSet, for the constructs this project emits.

The list generator yields its elements; the cluster generator yields, for each cluster
Secret registered in Argo CD whose labels its selector matches, the cluster's `name`,
`server` and `metadata.labels` with its `values` rendered against them. Each parameter
set renders the template (Go templates with `missingkey=error`: a missing key fails), the
`templatePatch` branch of its `if eq` is rendered and merged over it, and the result is
read as Argo CD's Go types read it (`omitempty`: empty strings and lists dropped).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

_ACTION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")


def registered(name: str, labels: Mapping[str, str], server: str | None = None) -> dict[str, Any]:
    """A cluster Secret as `argocd cluster add NAME --label k=v` registers it."""
    return {"name": name, "server": server or f"https://{name}.k8s.example.com", "labels": dict(labels)}


def _lookup(params: Mapping[str, Any], path: str) -> Any:
    value: Any = params
    for key in path.strip(".").split("."):
        if not isinstance(value, Mapping) or key not in value:
            raise KeyError(f"map has no entry for key {key!r} ({path})")  # missingkey=error
        value = value[key]
    return value


def render(text: str, params: Mapping[str, Any]) -> str:
    """The `{{ .a.b }}` actions of `text` with `params` substituted."""

    def action(match: re.Match[str]) -> str:
        expression = match[1]
        assert re.fullmatch(r"(\.[A-Za-z_][\w]*)+", expression), f"not a field reference: {expression!r}"
        return str(_lookup(params, expression))

    return _ACTION.sub(action, text)


def _selects(selector: Mapping[str, Any], labels: Mapping[str, str]) -> bool:
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        present = labels.get(expression["key"]) in expression.get("values", [])
        if (expression["operator"] == "In" and not present) or (expression["operator"] == "NotIn" and present):
            return False
    return True


def parameter_sets(appset: Mapping[str, Any], clusters: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    sets = []
    for generator in appset["spec"]["generators"]:
        if "list" in generator:
            sets += [copy.deepcopy(e) for e in generator["list"]["elements"]]
        elif "clusters" in generator:
            for cluster in clusters:
                if _selects(generator["clusters"].get("selector", {}), cluster["labels"]):
                    params: dict[str, Any] = {
                        "name": cluster["name"],
                        "server": cluster["server"],
                        "metadata": {"labels": cluster["labels"], "annotations": {}},
                    }
                    values = generator["clusters"].get("values", {})
                    params["values"] = {k: render(v, params) for k, v in values.items()}
                    sets.append(params)
        else:
            raise AssertionError(f"a generator this expander does not know: {sorted(generator)}")
    return sets


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        base[key] = _merge(base.get(key, {}), value) if isinstance(value, Mapping) else value
    return base


def omit_empty(value: Any) -> Any:
    """`value` as Argo CD's Go types read it back (`omitempty`)."""
    if isinstance(value, dict):
        return {k: omit_empty(v) for k, v in value.items() if v not in ("", [], None, {})}
    if isinstance(value, list):
        return [omit_empty(v) for v in value]
    return value


def expand(appset: Mapping[str, Any], clusters: Sequence[Mapping[str, Any]] = ()) -> dict[str, dict[str, Any]]:
    """Application name -> the Application, for the clusters registered (`registered`)."""
    patch_text = appset["spec"].get("templatePatch", "")
    parts = re.split(r'\{\{- (?:else )?if eq \.values\.environment "([a-z0-9-]+)" \}\}\n', patch_text)
    patches = dict(zip(parts[1::2], parts[2::2], strict=True))
    out = {}
    for params in parameter_sets(appset, clusters):
        app = yaml.safe_load(render(yaml.safe_dump(appset["spec"]["template"]), params))
        branch = patches.get(params["values"]["environment"])
        if branch is not None:
            app = _merge(app, yaml.safe_load(render(branch.replace("{{- end }}\n", ""), params)) or {})
        app = omit_empty(app)
        out[app["metadata"]["name"]] = app
    return out
