"""Each environment's output packaged as a Helm chart, for clusters that install charts.

The chart carries the rendered manifests as its templates (nothing is
parameterised: the values were decided in Python). Text that looks like a Go
template, such as `{{ $labels.pod }}` in alert annotations or `{{pod}}` in
dashboard legends, is escaped so Helm prints it unchanged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from . import yaml_emitter

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
    *, name: str, environment: str, version: str, app_version: str, manifests: Mapping[str, str]
) -> dict[str, str]:
    """Chart.yaml, values.yaml and templates/ for one environment.

    The chart version is `version` with the content's hash as build metadata, so
    any change in the output is a new chart version, and none without one.
    """
    digest = hashlib.sha256("".join(f"{k}\0{v}\0" for k, v in sorted(manifests.items())).encode()).hexdigest()[:12]
    chart = {
        "apiVersion": "v2",
        "name": name,
        "description": f"{name} in {environment}, rendered by cdk8s (not parameterised)",
        "type": "application",
        "version": f"{version}+{digest}",
        "appVersion": app_version,
        "annotations": {"environment": environment},
    }
    files = {
        "Chart.yaml": yaml_emitter.dump(chart),
        "values.yaml": "# The manifests were rendered by cdk8s; this chart takes no values.\n" + yaml_emitter.dump({}),
    }
    files.update({f"templates/{file}": escape(text) for file, text in sorted(manifests.items())})
    return files
