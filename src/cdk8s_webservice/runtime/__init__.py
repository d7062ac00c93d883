"""The process a command runs in: the Node.js jsii starts, jsii's settings, signals and exit.

An app calls `runtime.start(root, app=True)` before anything imports cdk8s (node.py).
"""

from cdk8s_webservice.core.deprecation import moved_module_attributes

from .node import (
    NodeNotFound,
    configure,
    exit_now,
    find_node,
    flush_output,
    select_node,
    sigterm_interrupts,
    start,
    stopped_by_sigterm,
)

__all__ = [
    "NodeNotFound",
    "configure",
    "exit_now",
    "find_node",
    "flush_output",
    "select_node",
    "sigterm_interrupts",
    "start",
    "stopped_by_sigterm",
]

# The rest of the module this path was before 0.7.0 (`runtime.check_node`, ...), with a warning.
__getattr__ = moved_module_attributes(__name__, "cdk8s_webservice.runtime.node", since="0.7.0")
