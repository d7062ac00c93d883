"""The process a command runs in: the Node.js jsii starts, jsii's settings, signals and exit.

An app calls `runtime.start(root, app=True)` before anything imports cdk8s (node.py).
"""

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
