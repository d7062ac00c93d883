"""The gate's results kept by content (`gate/memo.py`): the same answer as a fresh
check, and a changed object always checked again."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

import pytest

from cdk8s_webservice.gate import Gate, Violation, schema
from cdk8s_webservice.gate.memo import Memo, content_digest


def test_the_digest_is_of_the_content_only_and_exact() -> None:
    assert content_digest({"a": 1, "b": [1, "x"]}) == content_digest({"b": [1, "x"], "a": 1})
    assert content_digest({"a": 1}) != content_digest({"a": True}) != content_digest({"a": 1.0})
    assert content_digest({"a": "1"}) != content_digest({"a": 1})
    # Content JSON would not render exactly is never keyed (checked every time).
    for odd in ({1: "x"}, {"a": (1, 2)}, {"a": math.nan}, {"a": {1, 2}}, {"a": b"x"}):
        assert content_digest(odd) is None


def test_the_memo_keeps_the_most_recently_used() -> None:
    memo: Memo[int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # a is now the most recent
    memo.put("c", 3)
    assert memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = schema._check_object

    def check_object(environment: str, obj: Mapping[str, Any], **kwargs: Any) -> list[Violation]:
        checked.append(obj["metadata"]["name"])
        return real(environment, obj, **kwargs)

    monkeypatch.setattr(schema, "_check_object", check_object)
    return checked


def test_a_folder_checked_again_gives_the_same_answer_without_checking(
    objects: dict[str, list[dict[str, Any]]], counted: list[str]
) -> None:
    gate = Gate()
    folder = objects["staging"]
    first = gate.check("staging", folder)
    assert counted and first == []
    counted.clear()
    assert gate.check("staging", copy.deepcopy(folder)) == first
    assert counted == []  # same content: nothing validated again


def test_a_changed_object_is_checked_again_and_only_it(
    objects: dict[str, list[dict[str, Any]]], counted: list[str]
) -> None:
    gate = Gate()
    folder = copy.deepcopy(objects["staging"])
    gate.check("staging", folder)
    counted.clear()
    service = next(o for o in folder if o["kind"] == "Service")
    service["spec"]["clusterIP"] = 42  # not a string
    found = gate.check("staging", folder)
    assert counted == [service["metadata"]["name"]]
    assert [(v.kind, v.field, v.rule) for v in found] == [("Service", "spec.clusterIP", "schema/kubernetes-1.27")]
    # Back as it was: the earlier answer again, from the memo, violations included.
    counted.clear()
    assert gate.check("staging", folder) == found and counted == []
    del service["spec"]["clusterIP"]
    assert gate.check("staging", folder) == [] and counted == []


def test_a_remembered_violation_names_the_folder_it_is_found_in(objects: dict[str, list[dict[str, Any]]]) -> None:
    gate = Gate()
    folder = copy.deepcopy(objects["staging"])
    next(o for o in folder if o["kind"] == "Service")["spec"]["clusterIP"] = 42
    assert {v.environment for v in gate.check("staging", folder)} == {"staging"}
    assert {v.environment for v in gate.check("elsewhere", folder)} == {"elsewhere"}
