"""The `cdk8s-webservice` command's first step: ask a running `watch` (warm) before starting cold.

`synth`, `diff`, `validate` and `render` are answered by the project's running
`cdk8s-webservice watch` over a Unix domain socket when one is up (as `dmypy` does for
mypy), and run cold, exactly as without it, otherwise. This module is what the console
script starts: it imports only the standard library (no cdk8s, jsii or the CLI's
modules) until it knows the answer will not come from the socket.

The socket is `<project root>/.cache/cdk8s-webservice/watch.sock`, found from the working
directory upwards. It is used only when it is a socket owned by this user with mode
0600 in a folder of this user's that no one else may write to; otherwise one line on
stderr says why, and the command runs cold. Nobody listening (a watch that was
killed) is no message: the command runs cold. `--no-warm` (on the four commands) or
`CDK8S_WEBSERVICE_WARM=0` skips the socket.

The protocol (version `PROTOCOL`), one connection per command:

- the client sends one line of JSON: `{"protocol", "library", "stamp", "argv", "cwd",
  "env", "optimize"}` (`library`: the package's folder; `stamp`: this module's file,
  `stamp`; `env`: the variables named in `environment`; `optimize`: `python -O`);
- the server answers with lines of JSON: `{"decline": reason}` (then the client runs
  cold; nothing else was done), or any number of `{"out": text}` and `{"err": text}`
  in the order the command wrote them, then `{"exit": code}`.

A connection that ends, or goes silent for `CDK8S_WEBSERVICE_WARM_TIMEOUT` seconds
(default 120), before the exit code: the command runs cold when nothing of the
answer was written yet, else one line on stderr and exit 2.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn

from .warm_protocol import (
    ANSWER_TIMEOUT,
    FOLDER,
    OFF,
    PROTOCOL,
    SERVED,
    SOCKET,
    TIMEOUT_ENV,
    WARM_ENV,
    connect,
    environment,
    refusal,
    stamp,
)


def wanted(argv: Sequence[str], env: Mapping[str, str]) -> bool:
    """Whether to ask a watch at all: one of `SERVED`, not `--no-warm`, not help, not
    `CDK8S_WEBSERVICE_WARM=0`. (The server parses the arguments again and declines what
    it cannot answer as the cold path would.)"""
    if env.get(WARM_ENV, "1").strip().lower() in OFF:
        return False
    if any(arg == "--no-warm" or arg == "-h" or arg.startswith("--h") for arg in argv):
        return False
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--project" and rest:
            rest.pop(0)
    return bool(rest) and rest[0] in SERVED


def find_socket(cwd: str) -> str | None:
    """The nearest `.cache/cdk8s-webservice/watch.sock` from `cwd` upwards (any kind of file)."""
    folder = cwd
    while True:
        path = os.path.join(folder, FOLDER, SOCKET)
        if os.path.lexists(path):
            return path
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _timeout(env: Mapping[str, str]) -> float:
    try:
        value = float(env.get(TIMEOUT_ENV, ANSWER_TIMEOUT))
    except ValueError:
        return ANSWER_TIMEOUT
    return value if 0 < value < float("inf") else ANSWER_TIMEOUT


def ask(argv: Sequence[str], env: Mapping[str, str]) -> int | None:
    """The command answered by a running watch: its exit status (its output written to
    this process's stdout and stderr), or None to run it cold."""
    if not wanted(argv, env):
        return None
    try:
        cwd = os.getcwd()
    except OSError:
        return None
    path = find_socket(cwd)
    if path is None:
        return None
    problem = refusal(path)
    if problem is not None:
        print(problem, file=sys.stderr, flush=True)
        return None
    try:
        client = connect(path)
    except OSError:  # nobody listening (a killed watch's socket), or no room in its queue
        return None
    request = {
        "protocol": PROTOCOL,
        "library": os.path.dirname(os.path.abspath(__file__)),
        "stamp": stamp(),
        "argv": list(argv),
        "cwd": cwd,
        "env": environment(env),
        "optimize": sys.flags.optimize,
    }
    wrote = False
    with client:
        try:
            client.settimeout(_timeout(env))
            client.sendall(json.dumps(request).encode() + b"\n")
            for line in client.makefile("rb"):
                frame = json.loads(line)
                if "decline" in frame and not wrote:
                    return None
                if "exit" in frame:
                    return int(frame["exit"])
                stream = sys.stdout if "out" in frame else sys.stderr
                wrote = True  # from here on, a closed stdout (`| head`) is the reader's, not the watch's
                stream.write(frame.get("out", frame.get("err", "")))
                stream.flush()
        except (OSError, ValueError, TypeError, AttributeError) as error:
            if isinstance(error, BrokenPipeError) and wrote:
                raise
            if not wrote:
                return None
            reason = "timed out" if isinstance(error, TimeoutError) else "broke off"
            return _gave_up(path, reason)
    if not wrote:
        return None
    return _gave_up(path, "ended")


def _gave_up(path: str, what: str) -> int:
    print(
        f"error: watch socket: {path!r}: the answer {what} before the command finished "
        "(the watch stopped?); run the command again, or with --no-warm",
        file=sys.stderr,
        flush=True,
    )
    return 2


def run() -> NoReturn:
    """Console-script entry point: the watch's answer, else the command run cold (`cli.run`)."""
    try:
        code = ask(sys.argv[1:], os.environ)
    except KeyboardInterrupt:
        os._exit(130)
    except BrokenPipeError:  # the reader went away (`| head`), as cli.run reports it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141
    if code is not None:
        sys.stdout.flush()
        raise SystemExit(code)
    from .command_line import run as cold

    cold()
    raise SystemExit(0)  # cold() exits itself
