"""The gate: every synthesized object is checked before anything is written.

    schema      core kinds against Kubernetes 1.27 (strict); custom resources
                against the project's CRD files (undeclared fields rejected)
    policy      policies/*.rego (package kubernetes.admission, rule deny)
    rules       the Python rules, a table of them (`registry`): pod_security
                (PSS restricted), references (selectors and targets across
                objects), traffic (ports, network admission), metadata (names,
                labels, namespaces, no plain Secret), on typed views of the
                objects (`model`)

A failed gate raises `GateFailed`, whose report names environment, kind, name,
field and rule for each violation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cdk8s_webservice.core.keywords import public

from .violations import GateFailed, Violation

# The rule modules (jsonschema, rego-cpp, Kubernetes' schema files) are imported
# when a Gate is made, not with this package: `worker.prewarm` makes one in a background
# thread while the app starts Node.js.

__all__ = ["Gate", "GateFailed", "GateSettings", "Violation"]


@public
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
        from .memo import Memo
        from .policy import policy_files
        from .schema import crd_files

        self.settings = settings or GateSettings()
        # Results by the content checked (`memo`): a long-lived gate (`watch`) sees
        # mostly unchanged folders and objects again.
        self._folders: Memo[list[Violation]] = Memo(64)
        self._objects: Memo[list[Violation]] = Memo(8192)
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

    def check(self, environment: str, objects: Iterable[Mapping[str, Any]]) -> list[Violation]:
        """Violations in one folder: every rule, on every object of a kind it looks at
        (rules are chosen by kind, never by where the objects are). An object the rules
        cannot read (no kind or name, a workload without its pod template) is reported
        and left out of the rules; a rule module that fails on malformed input is
        reported, never raised."""
        from .inputs import structural_problems
        from .memo import content_digest
        from .policy import POD_KINDS, check_policies
        from .redaction import redact, secret_values
        from .rules import check_rules
        from .schema import check_schemas
        from .violations import rule_failed

        objects = list(objects)
        digests = {id(obj): content_digest(obj) for obj in objects}
        key = (environment, tuple(digests[id(obj)] for obj in objects))
        known = None not in key[1]
        found = self._folders.get(key) if known else None
        if found is not None:
            return list(found)
        s = self.settings
        readable: list[Mapping[str, Any]] = []
        violations: list[Violation] = []
        for obj in objects:
            problems = (
                structural_problems(obj) if isinstance(obj, Mapping) else [("(object)", "input/not-an-object", "")]
            )
            for field_path, rule, message in problems:
                meta = obj.get("metadata") if isinstance(obj, Mapping) else None
                name = meta.get("name") if isinstance(meta, Mapping) else None
                kind = obj.get("kind") if isinstance(obj, Mapping) else None
                violations.append(Violation(environment, str(kind or "?"), str(name or "?"), field_path, rule, message))
            if not problems:
                readable.append(obj)
        stages: list[tuple[str, Callable[[], list[Violation]]]] = [
            (
                "schema",
                lambda: check_schemas(
                    environment,
                    readable,
                    kubernetes_version=s.kubernetes_version,
                    crds=self._crds,
                    memo=(self._objects, digests),
                ),
            ),
            ("policies", lambda: check_policies(environment, readable, files=self._policies, kinds=POD_KINDS)),
            (
                "rules",  # reports a stage of its own that cannot run, and runs the others
                lambda: check_rules(
                    environment,
                    readable,
                    ingress_namespace=s.ingress_namespace,
                    monitoring_namespace=s.monitoring_namespace,
                ),
            ),
        ]
        if self._extra_policies:
            # A project's own policies may look at any kind: they see every object.
            stages.append(
                (
                    "project policies",
                    lambda: check_policies(environment, readable, files=self._policies + self._extra_policies),
                )
            )
        for stage, run in stages:
            try:
                violations += run()
            except Exception as error:  # malformed input a rule did not expect: report it, never a traceback
                violations.append(rule_failed(environment, stage, error))
        result = sorted(redact(violations, secret_values(readable)))
        if known:
            self._folders.put(key, result)
        return list(result)

    def check_folder(self, root: Path) -> list[Violation]:
        """Violations in rendered output on disk, read as ArgoCD reads a directory
        source with `recurse: true` (see `inputs`): `root` itself and every folder
        below it that holds manifests is one group (Helm chart folders are skipped).
        Every group gets every rule, whatever its folder is called. Unreadable input
        and finding no object at all are violations."""
        from .inputs import read_folder

        groups, violations = read_folder(Path(root))
        for group in groups:
            violations += self.check(group.name, group.objects)
        return sorted(violations)

    def enforce(self, folders: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        """Raise `GateFailed` with every violation in every folder."""
        violations = [v for name, objs in folders.items() for v in self.check(name, objs)]
        if violations:
            raise GateFailed(violations)
