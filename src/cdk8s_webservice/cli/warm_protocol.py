"""The warm path's protocol, shared by the command (`warm_client`) and the watch
(`warm_server`): where the socket lives, what a request carries, and who may answer. The
standard library only."""

from __future__ import annotations

import json
import os
import socket
import stat
from collections.abc import Mapping

PROTOCOL = 1


FOLDER = os.path.join(".cache", "cdk8s-webservice")  # the project's local state, which copies and git leave out


SOCKET = "watch.sock"


WARM_ENV = "CDK8S_WEBSERVICE_WARM"


TIMEOUT_ENV = "CDK8S_WEBSERVICE_WARM_TIMEOUT"


SERVED = ("synth", "diff", "validate", "render")


CONNECT_TIMEOUT = 0.05


ANSWER_TIMEOUT = 120.0


# What a command's answer may depend on besides its arguments and the sources: a server
# started with other values declines (the command runs cold).
ENV_PREFIXES = ("CDK8S_", "JSII_", "NODE_")


ENV_NAMES = ("PYTHONPATH", "PYTHONWARNINGS", "PYTHONHASHSEED")


OFF = ("0", "off", "false", "no")


# AF_UNIX paths are limited to 108 bytes; a longer one is reached through a folder descriptor.
_SHORT_PATH = 100


def environment(env: Mapping[str, str]) -> dict[str, str]:
    """The variables a request carries and a server must share (`ENV_PREFIXES`,
    `ENV_NAMES`; not this module's own switches)."""
    return {
        name: value
        for name, value in sorted(env.items())
        if (name.startswith(ENV_PREFIXES) or name in ENV_NAMES) and not name.startswith(WARM_ENV)
    }


def stamp() -> str:
    """This module's file as installed (size, modification time, inode): a library upgraded
    or reinstalled in place since the watch started differs."""
    found = os.stat(__file__)
    return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ino}"


def refusal(path: str) -> str | None:
    """Why the socket at `path` must not be used (one line), or None. Its folder must be
    this user's and writable by no one else; it must be a socket of this user's, mode 0600."""
    uid = os.getuid()
    want = f"a socket owned by this user (uid {uid}) with mode 0600, in a folder no other user can write"
    try:
        folder, found = os.lstat(os.path.dirname(path)), os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(folder.st_mode) or folder.st_uid != uid or stat.S_IMODE(folder.st_mode) & 0o022:
        what = f"its folder is uid {folder.st_uid}, mode {stat.S_IMODE(folder.st_mode):04o}"
    elif not stat.S_ISSOCK(found.st_mode):
        what = "it is not a socket"
    elif found.st_uid != uid or stat.S_IMODE(found.st_mode) & 0o077:
        what = f"it is uid {found.st_uid}, mode {stat.S_IMODE(found.st_mode):04o}"
    else:
        return None
    return f"warning: watch socket: {path!r} is not allowed; {want} ({what}): ran without the watch"


def connect(path: str, timeout: float = CONNECT_TIMEOUT) -> socket.socket:
    """A connection to the socket at `path` (OSError when nobody listens)."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(timeout)
    try:
        if len(os.fsencode(path)) < _SHORT_PATH:
            client.connect(path)
        else:
            descriptor = os.open(os.path.dirname(path), os.O_RDONLY | os.O_DIRECTORY)
            try:
                client.connect(f"/proc/self/fd/{descriptor}/{os.path.basename(path)}")
            finally:
                os.close(descriptor)
    except BaseException:
        client.close()
        raise
    return client


ORIGINAL_ENV = "CDK8S_WEBSERVICE_WARM_ENV"
"""The environment the watch was started with (`environment`), kept across its
re-executions (the process sets jsii's variables for itself)."""


def original_environment() -> dict[str, str]:
    """The variables a request must share with this process, as they were when the watch
    was first started (call before `runtime.start`)."""
    kept = os.environ.get(ORIGINAL_ENV)
    if kept is None:
        found = environment(os.environ)
        os.environ[ORIGINAL_ENV] = json.dumps(found)
        return found
    loaded = json.loads(kept)
    return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def serving_enabled() -> bool:
    return os.environ.get(WARM_ENV, "1").strip().lower() not in OFF
