"""Reading YAML a user wrote (the releases file, sealed values), within bounds.

A YAML file of a few hundred bytes can stand for gigabytes: each alias (`*a`) repeats
its anchor's node, and anchors can nest (the "billion laughs"), so the value a loader
builds, and any message that shows it, grows exponentially. Deep nesting (`[[[[...`)
makes PyYAML's composer recurse until Python's RecursionError. `check_bounds` reads
the file's events first (PyYAML's parser keeps its own stack: no recursion) and
refuses, in one line, a document deeper than `MAX_DEPTH` or that would expand to
more than `MAX_NODES` nodes, aliases counted as the nodes they repeat. The gate's
reader of rendered manifests has its own rules (gate/).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ConfigError

#: Nesting levels (mappings and sequences) a user's YAML file may have.
MAX_DEPTH = 64
#: Nodes (scalars, mappings, sequences) a file may expand to, aliases expanded.
MAX_NODES = 100_000

_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def check_bounds(text: str, field: str, shown: str) -> None:
    """Refuse (`ConfigError` naming `field` and `shown`) YAML too deep or too big once
    its aliases are expanded. Syntax errors are left to the loader, which reports them."""
    expanded: dict[str, int] = {}  # anchor -> nodes its node stands for
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, nodes so far) of each open collection
    total = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, _START):
                open_nodes.append((event.anchor, total))
                total += 1
                if len(open_nodes) > MAX_DEPTH:
                    raise ConfigError(field, shown, f"YAML nested at most {MAX_DEPTH} levels deep")
            elif isinstance(event, _END) and open_nodes:
                anchor, before = open_nodes.pop()
                if anchor is not None:
                    expanded[anchor] = total - before
            elif isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor is not None:
                    expanded[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                total += expanded.get(event.anchor or "", 1)
            if total > MAX_NODES:
                raise ConfigError(
                    field, shown, f"YAML of at most {MAX_NODES:,} values with its aliases (*name) expanded"
                )
    except yaml.YAMLError:
        return  # the loader reports it, with its line


def load_bounded(text: str, loader: type[yaml.SafeLoader], field: str, shown: str) -> object:
    """`yaml.load` with `loader`, after `check_bounds`."""
    check_bounds(text, field, shown)
    return yaml.load(text, Loader=loader)


def read_mapping(path: Path, what: str) -> dict[str, str]:
    """A YAML file of `key: value` text pairs (e.g. an environment's sealed values), read
    within bounds; anything else (missing, not UTF-8, not YAML, empty, a list, a nested
    value) is a one-line `ConfigError` naming the file."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(what, shown, f"UTF-8 text (byte {error.start} is not)") from None
    except OSError as error:
        raise ConfigError(what, shown, f"a readable file ({error.strerror or error})") from None
    try:
        data = load_bounded(text, yaml.SafeLoader, what, shown)
    except yaml.YAMLError as error:
        raise ConfigError(what, shown, f"valid YAML ({' '.join(str(error).split())})") from None
    if not isinstance(data, dict) or not data:
        found = "empty" if data is None or data == {} else f"a {type(data).__name__}"
        raise ConfigError(what, shown, f"a mapping of key: value (the file is {found})")
    for key, value in data.items():
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not isinstance(key, (str, int)):
            raise ConfigError(f"{what} {path.name}", key, "key: text pairs (a value is not text)")
    return {str(key): str(value) for key, value in data.items()}
