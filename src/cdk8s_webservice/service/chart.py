"""The chart of one service in one environment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk8s import Chart
from constructs import Construct

from cdk8s_webservice.core.identity import ENVIRONMENT, MANAGED_BY, PART_OF
from cdk8s_webservice.core.names import CLUSTER_SCOPED, check_dns_label, check_label_value
from cdk8s_webservice.core.values import check_str_mapping
from cdk8s_webservice.profiles.environment import EnvironmentProfile

PART_OF_CONTEXT = "cdk8s-webservice:part-of"
"""App context a `ServiceProject` sets (its `part_of`, else its name): the default
`app.kubernetes.io/part-of` of the charts it builds."""


class EnvironmentChart(Chart):
    """A cdk8s Chart that knows which environment it renders.

    The output writer puts its objects under `<outdir>/<profile.name>/`. Every object
    made in the chart, the library's and your own (cdk8s-plus, `k8s.Kube*`, CRD
    bindings), gets without asking:

    - the shared labels `app.kubernetes.io/managed-by: cdk8s`,
      `app.kubernetes.io/part-of` (`part_of`; default: the `ServiceProject`'s
      `part_of` or name when the project builds the chart, else the chart's id) and
      `environment` (the profile's name); `labels` are merged over them (extend or
      override);
    - the namespace `namespace` (default: the profile's), unless the object sets its
      own; cluster-scoped kinds (Namespace, ClusterRole, ...) get none;
    - `annotations`, on every object (an object's own annotation of the same key wins).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        profile: EnvironmentProfile,
        part_of: str | None = None,
        namespace: str | None = None,
        labels: Mapping[str, str] | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> None:
        part_of = part_of or scope.node.try_get_context(PART_OF_CONTEXT) or id
        check_label_value("part_of", part_of)
        namespace = namespace if namespace is not None else profile.namespace
        check_dns_label("namespace", namespace)
        shared = {PART_OF: part_of, MANAGED_BY: "cdk8s", ENVIRONMENT: profile.name}
        merged = {**shared, **check_str_mapping("labels", labels if labels is not None else {})}
        super().__init__(scope, id, namespace=namespace, labels=merged)
        self.profile = profile
        self.annotations = check_str_mapping("annotations", annotations if annotations is not None else {})
        """Put on every object of the chart when it is rendered."""

    def to_json(self) -> list[Any]:
        """The chart's objects: cdk8s' rendering, plus the chart's annotations, and no
        namespace on cluster-scoped kinds (cdk8s gives every object the chart's)."""
        return [self._finish(obj) for obj in super().to_json()]

    def _finish(self, obj: Any) -> Any:
        """What the chart adds to one rendered object (also `testing.synth`'s, for a
        construct's objects)."""
        metadata = obj.setdefault("metadata", {})
        if obj.get("kind") in CLUSTER_SCOPED:
            metadata.pop("namespace", None)
        if self.annotations:
            metadata["annotations"] = {**self.annotations, **metadata.get("annotations", {})}
        return obj
