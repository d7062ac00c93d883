"""The gate: every synthesized object is checked before anything is written.

    schema      core kinds against Kubernetes 1.27 (strict); custom resources
                against the project's CRD files (undeclared fields rejected)
    policy      policies/*.rego (package kubernetes.admission, rule deny)
    references  selectors, targets, ports and network admission across objects;
                names, labels, namespaces, no plain Secret

A failed gate raises `GateFailed`, whose report names environment, kind, name,
field and rule for each violation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .violations import GateFailed, Violation

# The rule modules (jsonschema, rego-cpp, Kubernetes' schema files) are imported
# when a Gate is made, not with this package: `prewarm` makes one in a background
# thread while the app starts Node.js.

__all__ = ["Gate", "GateFailed", "GateSettings", "Violation", "prewarm", "warmed_gate"]


@dataclass(frozen=True)
class GateSettings:
    """What the gate checks against.

    `extra_crd_files` and `extra_policy_dirs` add a project's own CRDs and Rego
    policies to the library's. The namespaces are where the ingress controller
    and Prometheus run: the network policies must admit them.
    """

    kubernetes_version: str = "1.27"
    """Kubernetes minor version of the core schemas (default 1.27, as cdk8s-plus-27)."""
    ingress_namespace: str = "ingress-nginx"
    """Where the ingress controller runs: NetworkPolicies must admit it to Ingress backends."""
    monitoring_namespace: str = "monitoring"
    """Where Prometheus runs: NetworkPolicies must admit it to scraped ports."""
    extra_crd_files: tuple[Path, ...] = field(default_factory=tuple)
    """The project's own CRD files, added to the library's."""
    extra_policy_dirs: tuple[Path, ...] = field(default_factory=tuple)
    """Folders of the project's own Rego policies (package kubernetes.admission)."""


class Gate:
    """Runs every rule on one folder of objects at a time."""

    def __init__(self, settings: GateSettings | None = None) -> None:
        from .policy import policy_files
        from .schema import crd_files

        self.settings = settings or GateSettings()
        self._crds = crd_files(self.settings.extra_crd_files)
        self._policies = policy_files()
        self._extra_policies = policy_files(self.settings.extra_policy_dirs)[len(self._policies) :]

    def warm(self) -> Gate:
        """Load the schemas and compile the policies now, rather than at the first check."""
        from .policy import prepare_policies
        from .schema import prepare_schemas

        prepare_schemas(self.settings.kubernetes_version, self._crds)
        prepare_policies(self._policies)
        if self._extra_policies:
            prepare_policies(self._policies + self._extra_policies)
        return self

    def check(
        self, environment: str, objects: Iterable[Mapping[str, Any]], *, workloads: bool = True
    ) -> list[Violation]:
        """Violations in one folder. `workloads=False` (e.g. the ArgoCD folder) runs
        the schema rules only."""
        from .policy import POD_KINDS, check_policies
        from .references import check_references
        from .schema import check_schemas

        objects = list(objects)
        s = self.settings
        violations = check_schemas(environment, objects, kubernetes_version=s.kubernetes_version, crds=self._crds)
        if workloads:
            violations += check_policies(environment, objects, files=self._policies, kinds=POD_KINDS)
            if self._extra_policies:
                # A project's own policies may look at any kind: they see every object.
                violations += check_policies(environment, objects, files=self._policies + self._extra_policies)
            violations += check_references(
                environment, objects, ingress_namespace=s.ingress_namespace, monitoring_namespace=s.monitoring_namespace
            )
        return sorted(violations)

    def check_folder(
        self, root: Path, *, schema_only: Iterable[str] = ("argocd", "argocd-applicationset")
    ) -> list[Violation]:
        """Violations in rendered output on disk: every sub-folder of `root` with
        YAML files is one environment (Helm charts, whose templates are not plain
        YAML, are skipped)."""
        import yaml

        skip = set(schema_only)
        violations: list[Violation] = []
        for folder in sorted(p for p in Path(root).iterdir() if p.is_dir() and p.name != "helm"):
            objects = [
                doc
                for path in sorted(folder.glob("*.yaml"))
                for doc in yaml.safe_load_all(path.read_text(encoding="utf-8"))
                if doc
            ]
            violations += self.check(folder.name, objects, workloads=folder.name not in skip)
        return violations

    def enforce(self, folders: Mapping[str, Iterable[Mapping[str, Any]]], *, schema_only: Iterable[str] = ()) -> None:
        """Raise `GateFailed` with every violation in every folder."""
        skip = set(schema_only)
        violations = [v for name, objs in folders.items() for v in self.check(name, objs, workloads=name not in skip)]
        if violations:
            raise GateFailed(violations)


_WARMING: dict[GateSettings, Future[Gate]] = {}
_PROCESSES: dict[GateSettings, Any] = {}


def prewarm(settings: GateSettings | None = None, *, process: bool = False) -> None:
    """Start warming a gate now, before the app needs it.

    Loading Kubernetes' schema definitions and compiling the policies takes a
    few hundred milliseconds of work that needs no construct; an app calls this
    first, so it runs while jsii starts Node.js. With `process=True` the gate
    runs in a worker process (see `worker`), on another core; otherwise in a
    background thread of this process."""
    settings = settings or GateSettings()
    if process:
        if settings not in _PROCESSES:
            from .worker import GateProcess

            _PROCESSES[settings] = GateProcess(settings)
        return
    if settings not in _WARMING:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gate-warm")
        _WARMING[settings] = executor.submit(lambda: Gate(settings).warm())
        executor.shutdown(wait=False)


def warmed_gate(settings: GateSettings | None = None) -> Any:
    """The gate `prewarm` started for `settings` (or a new one in this process).
    Either kind has `check(environment, objects, workloads=...)`."""
    settings = settings or GateSettings()
    if settings in _PROCESSES:
        return _PROCESSES[settings]
    future = _WARMING.get(settings)
    return future.result() if future is not None else Gate(settings)
