"""Karpenter rules: a NodePool's requirements can be met and its node class exists; a
workload that targets a NodePool in its folder tolerates the pool's taints and
selects its labels; an EC2NodeClass requires IMDSv2, encrypts its root volume and
pins its AMI.

A pod spec targets a pool when its node selector or required node affinity names
one of the pool's template labels, or a toleration names one of its taints. The
pools are those of the same folder (they are cluster-scoped: no namespace).

Over 250 lines on purpose: six rules on two kinds and the pods that target them share
one reading of a NodePool (its requirements, labels and taints), kept in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .model import Obj
from .registry import POD_BEARING, Fail, rule

KARPENTER = "Karpenter"
NODE_CLASS_GROUP = "karpenter.k8s.aws"
#: The values Karpenter (and the AWS provider) give their well-known node labels.
KNOWN_VALUES: Mapping[str, frozenset[str]] = {
    "karpenter.sh/capacity-type": frozenset({"spot", "on-demand", "reserved"}),
    "kubernetes.io/arch": frozenset({"amd64", "arm64"}),
    "kubernetes.io/os": frozenset({"linux", "windows"}),
}
_NUMERIC = {"Gt", "Lt", "Gte", "Lte"}
_EXISTS = {"In", "Exists", *_NUMERIC}
_FLOATING_AMI = re.compile(r"@latest$")


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _int(text: Any) -> int | None:
    return int(text) if isinstance(text, str) and text.isdigit() else None


def _allows(requirements: Iterable[Mapping[str, Any]], value: str) -> bool:
    """Whether a node label `value` meets every requirement (all on one key)."""
    for req in requirements:
        op, values = req.get("operator"), [str(v) for v in _list(req.get("values"))]
        number = _int(value)
        if op == "In" and value not in values:
            return False
        if op == "NotIn" and value in values:
            return False
        if op == "DoesNotExist":
            return False
        if op in _NUMERIC:
            bound = _int(values[0]) if len(values) == 1 else None
            if number is None or bound is None:
                return False
            if not {"Gt": number > bound, "Lt": number < bound, "Gte": number >= bound, "Lte": number <= bound}[op]:
                return False
    return True


def _unsatisfiable(key: str, requirements: Sequence[Mapping[str, Any]]) -> str | None:
    """Why no node can carry `key` as the requirements on it ask; None if one can."""
    ops = [req.get("operator") for req in requirements]
    if "DoesNotExist" in ops:
        if any(op in _EXISTS for op in ops):
            return "requires the label both absent and present"
        return None
    for req in requirements:
        values = _list(req.get("values"))
        if req.get("operator") == "In" and not values:
            return "'In' with no values matches nothing"
        if req.get("operator") in _NUMERIC and (len(values) != 1 or _int(values[0]) is None):
            return f"'{req.get('operator')}' takes one non-negative whole number"
    candidates: set[str] | None = None
    for req in requirements:
        if req.get("operator") == "In":
            listed = {str(v) for v in _list(req.get("values"))}
            candidates = listed if candidates is None else candidates & listed
    known = KNOWN_VALUES.get(key)
    if candidates is None:
        if not any(op in _NUMERIC for op in ops):
            if known is not None and not any(_allows(requirements, v) for v in known):
                return f"no value Karpenter knows ({', '.join(sorted(known))}) is allowed"
            return None
        # Only numeric bounds (and NotIn): look for a whole number within them.
        low, high = 0, 10**9
        for req in requirements:
            bound = _int(_list(req.get("values"))[0]) if req.get("operator") in _NUMERIC else None
            if bound is None:
                continue
            op = req.get("operator")
            low = max(low, bound + 1 if op == "Gt" else bound if op == "Gte" else low)
            high = min(high, bound - 1 if op == "Lt" else bound if op == "Lte" else high)
        if low > high:
            return "the numeric bounds leave no value"
        return None
    allowed = sorted(v for v in candidates if _allows(requirements, v) and (known is None or v in known))
    if not allowed:
        return "no value meets every requirement" + (f" (Karpenter knows {', '.join(sorted(known))})" if known else "")
    for req in requirements:
        minimum = req.get("minValues")
        if req.get("operator") == "In" and isinstance(minimum, int) and len(allowed) < minimum:
            return f"minValues {minimum} but only {len(allowed)} value(s) remain"
    return None


def _by_key(requirements: list[Any]) -> dict[str, list[tuple[int, Mapping[str, Any]]]]:
    grouped: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    for index, req in enumerate(requirements):
        if isinstance(req, Mapping):
            grouped.setdefault(str(req.get("key")), []).append((index, req))
    return grouped


def _template(pool: Obj) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """(template labels, template spec) of a NodePool."""
    template = _map(pool.spec.get("template"))
    return _map(_map(template.get("metadata")).get("labels")), _map(template.get("spec"))


@rule(
    "nodepool-satisfiable",
    kinds=("NodePool",),
    reason="a NodePool whose requirements (or labels) no instance can meet: its pods stay Pending",
    source=f"{KARPENTER}: NodePool requirements are ANDed; template labels must meet them",
)
def nodepool_satisfiable(obj: Obj, fail: Fail) -> None:
    labels, spec = _template(obj)
    grouped = _by_key(_list(spec.get("requirements")))
    for key, indexed in grouped.items():
        why = _unsatisfiable(key, [req for _, req in indexed])
        if why:
            fail(f"spec.template.spec.requirements[{indexed[-1][0]}]", f"{key}: {why}")
    for key, value in labels.items():
        if key in grouped and not _allows([req for _, req in grouped[key]], str(value)):
            fail(f"spec.template.metadata.labels.{key}", f"{value!r} does not meet the requirements on {key}")
    for resource, limit in _map(obj.spec.get("limits")).items():
        if str(limit).strip("0.") == "":
            fail(f"spec.limits.{resource}", f"a limit of {limit!r} allows no node at all")


@rule(
    "nodepool-node-class",
    kinds=("NodePool",),
    reason="a NodePool whose nodeClassRef names no EC2NodeClass of the folder: Karpenter launches nothing",
    source=f"{KARPENTER}: nodeClassRef must resolve (the NodePool reports NodeClassReady=False)",
)
def nodepool_node_class(obj: Obj, fail: Fail) -> None:
    ref = _map(_template(obj)[1].get("nodeClassRef"))
    classes = {o.name for o in obj.folder.objects if o.kind == "EC2NodeClass"}
    if ref.get("group") != NODE_CLASS_GROUP or ref.get("kind") != "EC2NodeClass" or ref.get("name") not in classes:
        fail(
            "spec.template.spec.nodeClassRef",
            f"{ref.get('group')}/{ref.get('kind')} {ref.get('name')!r} is not an EC2NodeClass here "
            f"({', '.join(sorted(classes)) or 'none'})",
        )


def _required_terms(pod: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    affinity = _map(_map(pod.get("affinity")).get("nodeAffinity"))
    required = _map(affinity.get("requiredDuringSchedulingIgnoredDuringExecution"))
    return [_map(term) for term in _list(required.get("nodeSelectorTerms"))]


def _tolerates(tolerations: list[Any], taint: Mapping[str, Any]) -> bool:
    for toleration in map(_map, tolerations):
        key, operator = toleration.get("key", ""), toleration.get("operator", "Equal")
        if toleration.get("effect") not in (None, "", taint.get("effect")):
            continue
        if not key and operator == "Exists":
            return True
        if key == taint.get("key") and (operator == "Exists" or toleration.get("value", "") == taint.get("value", "")):
            return True
    return False


def _term_selects(term: Mapping[str, Any], key: str, value: str) -> bool:
    return any(
        _map(e).get("key") == key and _map(e).get("operator") == "In" and value in _list(_map(e).get("values"))
        for e in _list(term.get("matchExpressions"))
    )


@rule(
    "nodepool-scheduling",
    kinds=(POD_BEARING,),
    reason="pods aimed at a NodePool that do not tolerate its taints or select its labels: "
    "they stay Pending, or land on other nodes",
    source=f"{KARPENTER}: pods schedule on a pool's nodes only if they tolerate its taints and match its labels",
)
def nodepool_scheduling(obj: Obj, fail: Fail) -> None:
    pools = [o for o in obj.folder.objects if o.kind == "NodePool"]
    for pod in obj.pods:
        spec = pod.spec
        selector = _map(spec.get("nodeSelector"))
        terms = _required_terms(spec)
        tolerations = _list(spec.get("tolerations"))
        named = set(selector) | {str(_map(e).get("key")) for term in terms for e in _list(term.get("matchExpressions"))}
        for pool in pools:
            labels, template = _template(pool)
            taints = [_map(t) for t in _list(template.get("taints"))]
            tolerated_keys = {str(_map(t).get("key")) for t in tolerations if _map(t).get("key")}
            if not (named & set(labels) or tolerated_keys & {str(t.get("key")) for t in taints}):
                continue
            for taint in taints:
                if taint.get("effect") in ("NoSchedule", "NoExecute") and not _tolerates(tolerations, taint):
                    fail(
                        f"{pod.path}.tolerations",
                        f"targets NodePool {pool.name} but does not tolerate its taint "
                        f"{taint.get('key')}={taint.get('value', '')}:{taint.get('effect')}",
                    )
            for key, value in labels.items():
                in_selector = selector.get(key) == value
                in_affinity = bool(terms) and all(_term_selects(term, key, str(value)) for term in terms)
                if not (in_selector or in_affinity):
                    fail(
                        f"{pod.path}.nodeSelector",
                        f"targets NodePool {pool.name} but does not select its label {key}={value} "
                        "(node selector or required node affinity)",
                    )
            grouped = _by_key(_list(template.get("requirements")))
            for key, value in selector.items():
                if key in grouped and not _allows([req for _, req in grouped[key]], str(value)):
                    fail(
                        f"{pod.path}.nodeSelector.{key}",
                        f"{value!r} is not a value NodePool {pool.name}'s requirements allow",
                    )


@rule(
    "ec2nodeclass-imdsv2",
    kinds=("EC2NodeClass",),
    reason="nodes whose instance metadata answers without a token (IMDSv1) or beyond the node (hop limit above 1)",
    source="AWS EC2 best practice: IMDSv2 required; hop limit 1 keeps pods from the node role's credentials",
)
def ec2nodeclass_imdsv2(obj: Obj, fail: Fail) -> None:
    options = _map(obj.spec.get("metadataOptions"))
    if options.get("httpTokens") != "required":
        fail("spec.metadataOptions.httpTokens", f"{options.get('httpTokens')!r}: 'required' (IMDSv2) must be explicit")
    if options.get("httpPutResponseHopLimit") != 1:
        fail(
            "spec.metadataOptions.httpPutResponseHopLimit",
            f"{options.get('httpPutResponseHopLimit')!r}: 1, so containers cannot reach the metadata service",
        )


@rule(
    "ec2nodeclass-encrypted-root",
    kinds=("EC2NodeClass",),
    reason="a node volume (the root volume above all) stored unencrypted",
    source="AWS EBS encryption at rest (CIS AWS Foundations 2.2.1)",
)
def ec2nodeclass_encrypted_root(obj: Obj, fail: Fail) -> None:
    mappings = [_map(m) for m in _list(obj.spec.get("blockDeviceMappings"))]
    if not any(m.get("rootVolume") is True for m in mappings):
        fail("spec.blockDeviceMappings", "declares no root volume (rootVolume: true) with ebs.encrypted: true")
    for index, mapping in enumerate(mappings):
        if _map(mapping.get("ebs")).get("encrypted") is not True:
            fail(f"spec.blockDeviceMappings[{index}].ebs.encrypted", "must be true")


@rule(
    "ec2nodeclass-pinned-ami",
    kinds=("EC2NodeClass",),
    reason="an AMI selector that floats (alias @latest, an SSM parameter): every new AMI replaces the nodes "
    "without a change in git",
    source="project: AMIs change in reviewed commits, like image tags (Karpenter drift replaces nodes)",
)
def ec2nodeclass_pinned_ami(obj: Obj, fail: Fail) -> None:
    for index, term in enumerate(map(_map, _list(obj.spec.get("amiSelectorTerms")))):
        alias = term.get("alias")
        if isinstance(alias, str) and _FLOATING_AMI.search(alias):
            fail(f"spec.amiSelectorTerms[{index}].alias", f"{alias!r} floats: pin a version (family@vYYYYMMDD)")
        if "ssmParameter" in term:
            fail(f"spec.amiSelectorTerms[{index}].ssmParameter", "an SSM parameter floats: pin an alias version or id")
