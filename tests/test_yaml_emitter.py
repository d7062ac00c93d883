"""The YAML emitter: every string it writes is read back as that same string by
go-yaml v2 (YAML 1.1 rules: sigs.k8s.io/yaml, so kubectl and ArgoCD), go-yaml v3
(YAML 1.2 core: kustomize) and PyYAML; numbers, booleans and null keep their type.

The documents are parsed with PyYAML's parser (structure and scalar styles), then
every plain scalar is resolved three ways: by go-yaml's rules (`gate.goyaml`,
written from go-yaml's resolve.go) for v2 and v3, and by PyYAML's resolver.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any, cast

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.gate.goyaml import resolve_v2, resolve_v3

_PYYAML_TAGS = {f"tag:yaml.org,2002:{t}": t for t in ("str", "bool", "int", "float", "null", "timestamp", "merge")}
_PYYAML_TAGS["tag:yaml.org,2002:value"] = "value"


def _pyyaml_resolve(text: str) -> str:
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return cast(str, _PYYAML_TAGS.get(tag, tag))


READERS: dict[str, Callable[[str], str]] = {
    "go-yaml v2": resolve_v2,
    "go-yaml v3": resolve_v3,
    "PyYAML": _pyyaml_resolve,
}


def compose(text: str) -> yaml.Node:
    """`text` as PyYAML parses it: once, for every reader (parsing is most of the work)."""
    return cast(yaml.Node, yaml.compose(text, Loader=yaml.SafeLoader))


def read_back(node: yaml.Node, resolve: Callable[[str], str]) -> Any:
    """The document's structure (`compose`); a scalar is its text when it is a string,
    else `(tag,)` with the tag `resolve` gives a plain scalar."""

    def build(node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return {build(key): build(value) for key, value in node.value}
        if isinstance(node, yaml.SequenceNode):
            return [build(item) for item in node.value]
        tag = resolve(node.value) if cast(yaml.ScalarNode, node).style is None else "str"
        return node.value if tag == "str" else (tag,)

    return build(node)


def expected(value: Any) -> Any:
    """What `read_back` should give for data the emitter wrote."""
    if isinstance(value, dict):
        return {expected(k): expected(v) for k, v in value.items()}
    if isinstance(value, list):
        return [expected(item) for item in value]
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool",)
    if isinstance(value, int):
        return ("int",)
    if isinstance(value, float):
        return ("float",)
    return value


def check(document: dict[Any, Any]) -> str:
    text = yaml_emitter.dump(document)
    node = compose(text)
    for name, resolve in READERS.items():
        assert read_back(node, resolve) == expected(document), f"{name} reads something else from:\n{text}"
    assert yaml.safe_load(text) == document
    return text


# Known traps: each must come back as the same string, as a key and as a value.
TRAPS = [
    *[
        "y",
        "Y",
        "n",
        "N",
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
    ],
    *[
        "~",
        "null",
        "Null",
        "NULL",
        "1e3",
        "1E3",
        "1e+3",
        "+1",
        "-1",
        "+0",
        "0",
        "00",
        ".5",
        "5.",
        "-.5",
        "0x1F",
        "0X1f",
        "0o17",
        "0O17",
        "0b101",
        "-0b101",
        "1_000",
        "_1",
        "012",
        "08",
        "09",
        "12e45",
        "0e12ab",
        "1ee3",
        "1e3e",
        "1a2b",
        "0b12",
        "123abc",
    ],
    "2001-12-14",
    "2001-12-14T21:59:43.10-05:00",
    "2001-12-14t21:59:43.10Z",
    "2001-12-14 21:59:43.10",
    "2001-12-14  21:59:43,10",
    "2001-1-2",
    *[
        ".inf",
        ".Inf",
        ".INF",
        "-.inf",
        "-.Inf",
        "+.inf",
        ".nan",
        ".NaN",
        ".NAN",
        "190:20:30",
        "1:20",
        "-1:20",
        "1:20.5",
        "<<",
        "=",
        ".",
        "..",
        "...",
        "---",
        "-",
    ],
    "",
    " ",
    " x",
    "x ",
    "- x",
    "-x",
    "? x",
    "?x",
    ": x",
    "a: b",
    "a:",
    "a #b",
    "#x",
    "@x",
    "`x",
    "!x",
    "&x",
    "*x",
    "%x",
    "|",
    "|-",
    ">",
    "'x'",
    '"x"',
    "[x]",
    "{x}",
    "x,y",
    "... x",
    "--- x",
    "a\tb",
    "\tx",
    "a\nb",
    "a\n",
    "\n",
    "a\rb",
    "a\r\nb\n",
    "a\u2028b",
    "a\u2029b",
    "a\x85b",
    "a\ufeffb",
    "\ufeffx",
    "a\x7fb",
    "a\x00b",
    "a\x1bb",
    "line one\nline two\n  indented\n",
    "  leading\nspaces\n",
    "trailing  \nspaces\n",
    "a\n\n\n",
    "\n\nx",
    "a\\b",
    "é",
    "日本",
    "emoji \U0001f600",
    "\u00a0",
    "x" * 2000,
]


def test_the_trap_table_fails_without_quoting() -> None:
    # The reader itself: these really are not strings when written plain.
    for text in ("y", "n", "on", "off", "1e3", "0x1F", "0o17", "1_000", "012", "0b101", "2001-12-14"):
        assert resolve_v2(text) != "str", text
    assert {resolve_v3(t) for t in ("y", "n", "on", "off")} == {"str"}
    assert {resolve_v3(t) for t in ("1e3", "0o17", "2001-12-14", "true", "~")} != {"str"}


@pytest.mark.parametrize("trap", TRAPS, ids=repr)
def test_known_traps_stay_strings(trap: str) -> None:
    if len(trap) > 1000:
        check({"key": trap, "list": [trap]})
        check({trap: "value"})
        return
    check({trap: trap, "list": [trap, {trap: [trap]}], "nested": {trap: {"k": trap}}})


def test_the_issue_s_config_values_are_quoted() -> None:
    text = yaml_emitter.dump({"data": {"DEBUG_SQL": "n", "RETRY_BACKOFF": "1e3", "LOG_LEVEL": "info"}})
    assert text == 'data:\n  DEBUG_SQL: "n"\n  RETRY_BACKOFF: "1e3"\n  LOG_LEVEL: info\n'


def test_ordinary_strings_stay_plain() -> None:
    checksum = "108df1cd1548bf11e2e83b6503dbf721d5fa2a6903b14b38cef34dc6e69ebb45"
    for text in (
        "info",
        "v1.4.2",
        "500m",
        "256Mi",
        "10.0.0.0/8",
        "/metrics",
        "app.kubernetes.io/name",
        "a:b",
        checksum,
    ):
        assert yaml_emitter.dump({"k": text}) == f"k: {text}\n"


def test_numbers_booleans_and_null_keep_their_type() -> None:
    document = {"i": 3, "neg": -7, "f": 0.95, "small": 1e-05, "big": 1e16, "t": True, "no": False, "none": None}
    check(document)
    assert yaml.safe_load(yaml_emitter.dump(document)) == document


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused(value: float) -> None:
    with pytest.raises(ValueError, match=r"not a finite number"):
        yaml_emitter.dump({"spec": {"weights": [1.0, value]}})


@pytest.mark.parametrize("value", [2**64, -(2**63) - 1])
def test_integers_beyond_64_bits_are_refused(value: int) -> None:
    with pytest.raises(ValueError, match=r"outside the 64-bit integers"):
        yaml_emitter.dump({"k": value})


def test_anything_else_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot write"):
        yaml_emitter.dump({"k": {1, 2}})


def test_empty_document_and_collections() -> None:
    assert yaml_emitter.dump({}) == "{}\n"
    assert yaml.safe_load(yaml_emitter.dump({"a": {}, "b": [], "c": [[], {}]})) == {"a": {}, "b": [], "c": [[], {}]}


def test_keys_may_be_sorted() -> None:
    assert yaml_emitter.dump({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True) == "a:\n  c: 3\n  d: 2\nb: 1\n"


def test_multiline_strings_are_literal_blocks_read_back_exactly() -> None:
    model = {"title": "blacklist: business", "panels": [{"id": 1, "expr": 'sum(rate(x{job="a"}[5m]))'}]}
    dashboard = json.dumps(model, indent=2) + "\n"
    text = check({"data": {"dashboard.json": dashboard, "script.sh": "#!/bin/sh\nset -eu\necho 'hi: there'\n"}})
    assert "  dashboard.json: |\n    {\n" in text
    assert "  script.sh: |\n    #!/bin/sh\n" in text
    assert text.count("\n") == dashboard.count("\n") + 6


# -- property-based: generated strings, as keys and as values, nested ---------------

_WORDS = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ".inf", "-.inf", ".nan", "<<", "=", "nan"]


def _cased(word: str, mask: list[bool]) -> str:
    return "".join(c.upper() if upper else c for c, upper in zip(word, mask + [False] * len(word), strict=False))


_number_like = st.one_of(
    st.from_regex(r"[-+]?[0-9_]{0,5}(\.[0-9_]{0,4})?([eE][-+]?[0-9_]{1,3})?", fullmatch=True),
    st.from_regex(r"[-+]?0[xXoObB][0-9a-fA-F_]{1,6}", fullmatch=True),
    st.from_regex(r"[-+]?[0-9][0-9a-fA-FxXoObB]{0,8}", fullmatch=True),
    st.from_regex(r"[-+]?[0-9]{1,3}(:[0-9]{1,2}){1,3}(\.[0-9]*)?", fullmatch=True),
    st.from_regex(r"[-+]?\.[0-9_a-zA-Z]{1,4}", fullmatch=True),
    st.integers().map(str),
    st.floats().map(repr),
)
_date_like = st.from_regex(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]{1,2}[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}([.,][0-9]{0,3})?( ?(Z|[-+][0-9]{2}(:[0-9]{2})?))?)?",
    fullmatch=True,
)
_word_like = st.builds(_cased, st.sampled_from(_WORDS), st.lists(st.booleans(), max_size=5))
_indicator_like = st.from_regex(r"[-?:,\[\]{}#&*!|>'\"%@`.~=< \t]{1,3}[ a-z0-9:#'\"-]{0,4}", fullmatch=True)
_ascii = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=12)
_atom = st.one_of(st.text(max_size=20), _ascii, _number_like, _date_like, _word_like, _indicator_like)
# Strings built from pieces: a safe word next to a trap, traps joined by spaces or line breaks.
_joined = st.lists(_atom, min_size=1, max_size=4).flatmap(
    lambda parts: st.sampled_from(["", " ", "\n", ": ", " #", "-", "\t", "\r\n", "\u2028"]).map(
        lambda sep: sep.join(parts)
    )
)
_multiline = st.lists(st.one_of(_atom, st.just("")), min_size=2, max_size=6).flatmap(
    lambda lines: st.sampled_from(["", "\n", "\n\n"]).map(lambda end: "\n".join(lines) + end)
)
_json_text = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
).map(lambda doc: json.dumps(doc, indent=2) + "\n")
strings = st.one_of(_atom, _joined, _multiline, _json_text)
scalars = st.one_of(
    strings,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
)
documents = st.recursive(
    st.dictionaries(strings, scalars, max_size=4),
    lambda inner: st.dictionaries(
        strings, st.one_of(scalars, inner, st.lists(st.one_of(scalars, inner), max_size=3)), max_size=4
    ),
    max_leaves=16,
)

EXAMPLES = 600


@example({"": "\u20280\n"})  # found by hypothesis: U+2028 inside a literal block
@example({"": "\u2028\n"})
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_read_back_the_same_everywhere(document: dict[str, Any]) -> None:
    check(document)


@settings(max_examples=EXAMPLES, deadline=None)
@given(strings)
def test_generated_strings_as_key_value_and_list_item(text: str) -> None:
    check({text: text, "items": [text, [text], {text: text}]})


# -- what the project writes ----------------------------------------------------------


def test_every_written_file_reads_the_same_in_go_yaml_and_pyyaml(rendered: dict[str, dict[str, str]]) -> None:
    from cdk8s_webservice.gitops.helm import unescape

    count = 0
    for folder, files in rendered.items():
        for name, text in files.items():
            if not name.endswith((".yaml", ".yml")):
                continue  # loadtest/<env>/load-test.js: a k6 script, not YAML
            if text.startswith("{{ if eq (include "):
                continue  # a Helm template branched per cluster: each branch is a cluster's file, read there
            text = unescape(text) if "/templates/" in f"{folder}/{name}" else text
            for document in text.split("---\n"):
                if not document.strip():
                    continue
                node = compose(document)
                pyyaml = read_back(node, _pyyaml_resolve)
                for reader in (resolve_v2, resolve_v3):
                    assert read_back(node, reader) == pyyaml, f"{folder}/{name}"
                assert pyyaml == expected(yaml.safe_load(document))
                count += 1
    assert count > 100


def test_dashboards_are_pretty_printed_json_in_literal_blocks(rendered: dict[str, dict[str, str]]) -> None:
    dashboards = {
        k: v for k, v in rendered["production/prod-eu-west-1"].items() if k.startswith("configmap-blacklist-dashboard-")
    }
    assert len(dashboards) == 3
    for text in dashboards.values():
        ((name, value),) = yaml.safe_load(text)["data"].items()
        assert f"  {name}: |\n    {{\n" in text
        assert value == json.dumps(json.loads(value), indent=2) + "\n"
