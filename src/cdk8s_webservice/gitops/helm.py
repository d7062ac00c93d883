"""Each environment's output packaged as a Helm chart, for clusters that install charts.

The chart carries the rendered manifests as its templates (the values were decided
in Python). Text that looks like a Go template, such as `{{ $labels.pod }}` in alert
annotations or `{{pod}}` in dashboard legends, is escaped so Helm prints it unchanged.

An environment on several clusters whose objects differ (`Cluster`) is one chart with
a values file per cluster, `values-<cluster>.yaml`, naming the cluster: a template
whose object is the same everywhere is that object; one that differs holds each
cluster's object in a branch of its own, so `helm template -f values-<cluster>.yaml`
prints exactly that cluster's folder. Without a cluster (or with another) Helm fails,
naming the clusters.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

from cdk8s_webservice.core import yaml_emitter

_DELIMITER = re.compile(r"\{\{|\}\}")
_ESCAPES = {"{{": '{{ "{{" }}', "}}": '{{ "}}" }}'}
_UNESCAPE = re.compile(r'\{\{ "(\{\{|\}\})" \}\}')


def escape(text: str) -> str:
    """Make `text` a Helm template that renders to exactly `text`."""
    return _DELIMITER.sub(lambda m: _ESCAPES[m.group()], text)


def unescape(template: str) -> str:
    """What Helm renders from an `escape`d template (for tests without a helm binary)."""
    return _UNESCAPE.sub(lambda m: m.group(1), template)


def chart_files(
    *,
    name: str,
    environment: str,
    version: str,
    app_version: str,
    manifests: Mapping[str, str],
    clusters: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, str]:
    """Chart.yaml, values.yaml and templates/ for one environment; with `clusters`
    (cluster name -> that cluster's manifests, instead of `manifests`), a
    `values-<cluster>.yaml` each and the templates that differ branched per cluster.

    The chart version is `version` with the content's hash as build metadata, so
    any change in the output is a new chart version, and none without one.
    """
    if clusters:
        content = "".join(f"{c}\0{k}\0{v}\0" for c, files in sorted(clusters.items()) for k, v in sorted(files.items()))
    else:
        content = "".join(f"{k}\0{v}\0" for k, v in sorted(manifests.items()))
    digest = hashlib.sha256(content.encode()).hexdigest()[:12]
    chart = {
        "apiVersion": "v2",
        "name": name,
        "description": f"{name} in {environment}, rendered by cdk8s (not parameterised)",
        "type": "application",
        "version": f"{version}+{digest}",
        "appVersion": app_version,
        "annotations": {"environment": environment},
    }
    if clusters:
        return {"Chart.yaml": yaml_emitter.dump(chart), **_cluster_files(name, clusters)}
    files = {
        "Chart.yaml": yaml_emitter.dump(chart),
        "values.yaml": "# The manifests were rendered by cdk8s; this chart takes no values.\n" + yaml_emitter.dump({}),
    }
    files.update({f"templates/{file}": escape(text) for file, text in sorted(manifests.items())})
    return files


def _cluster_files(name: str, clusters: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """values.yaml, a values file per cluster, the cluster check and the templates."""
    names = list(clusters)
    listed = ", ".join(names)
    check = (
        f'{{{{- define "{name}.cluster" -}}}}\n'
        f"{{{{- $clusters := list {' '.join(json.dumps(c) for c in names)} -}}}}\n"
        "{{- if not (has .Values.cluster $clusters) -}}\n"
        f'{{{{- fail (printf "values: cluster: %q is not allowed; one of: {listed} (helm template -f values-<cluster>.yaml)" '
        ".Values.cluster) -}}\n"
        "{{- end -}}\n"
        "{{- .Values.cluster -}}\n"
        "{{- end -}}\n"
    )
    files = {
        "values.yaml": f"# The manifests were rendered by cdk8s for each cluster: pick one with -f values-<cluster>.yaml ({listed}).\n"
        + yaml_emitter.dump({"cluster": ""}),
        **{f"values-{c}.yaml": yaml_emitter.dump({"cluster": c}) for c in names},
        "templates/_cluster.tpl": check,
    }
    every = sorted({file for manifests in clusters.values() for file in manifests})
    for file in every:
        texts = [clusters[c].get(file) for c in names]
        if all(text == texts[0] for text in texts):
            files[f"templates/{file}"] = escape(texts[0] or "")
            continue
        branches = []
        for index, (cluster, text) in enumerate(zip(names, texts, strict=True)):
            keyword = "if" if index == 0 else "else if"
            branches.append(f'{{{{ {keyword} eq (include "{name}.cluster" .) "{cluster}" }}}}{escape(text or "")}')
        files[f"templates/{file}"] = "".join(branches) + "{{ end }}"
    return dict(sorted(files.items()))
