"""Probes: how the kubelet checks a container (HTTP, exec, gRPC or TCP), and when.

`Probe.http("/healthz")`, `Probe.grpc(port=9000)`, `Probe.exec(["cat", "/tmp/ready"])`,
`Probe.tcp(port="http")`. `HealthChecks` (in `workload`) holds one per purpose; its
defaults are the library's HTTP probes on the `http` port.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cdk8s_plus_27 import k8s

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.k8s_values import int_or_string
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_int, check_port, check_str

PROBE_KINDS = ("http", "exec", "grpc", "tcp")

_PORT_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?")


def check_port_name(field: str, value: object) -> str:
    """An IANA service name, as Kubernetes names ports: at most 15 lower-case letters,
    digits and '-', at least one letter, no '-' at either end or twice in a row."""
    if (
        not isinstance(value, str)
        or len(value) > 15
        or not _PORT_NAME.fullmatch(value)
        or "--" in value
        or not any(c.isalpha() for c in value)
    ):
        raise ConfigError(
            field,
            value,
            "a port name: at most 15 lower-case letters, digits and '-', with a letter, "
            "not starting or ending with '-' and no '--'",
        )
    return value


def check_port_ref(field: str, value: object) -> int | str:
    """A container port by number (1-65535) or by name."""
    if isinstance(value, str):
        return check_port_name(field, value)
    return check_port(field, value)


@public
@dataclass(frozen=True)
class Probe:
    """One probe. Build it with `Probe.http`, `Probe.exec`, `Probe.grpc` or `Probe.tcp`.

    Timings are Kubernetes' fields; `initial_delay_seconds` 0 and `success_threshold`
    None leave the field out (Kubernetes' own defaults, 0 and 1).
    """

    kind: str
    """`http`, `exec`, `grpc` or `tcp`."""
    path: str | None = None
    """HTTP path (http only), absolute."""
    port: int | str | None = "http"
    """Container port, by name (`http`, default) or number; gRPC takes a number only; None for exec."""
    command: tuple[str, ...] = ()
    """Command run in the container (exec only); exit 0 is healthy."""
    grpc_service: str | None = None
    """gRPC health service name (grpc only; None: the server's overall health)."""
    initial_delay_seconds: int = 0
    """Seconds before the first check (default 0: a startup probe does the waiting)."""
    period_seconds: int = 10
    """Seconds between checks (default 10)."""
    timeout_seconds: int = 3
    """Seconds a check may take (default 3; Kubernetes' 1 s fails under GC pauses)."""
    failure_threshold: int = 3
    """Failed checks in a row before acting (default 3)."""
    success_threshold: int | None = None
    """Successes in a row to count as healthy again (None: Kubernetes' 1; liveness and startup allow only 1)."""

    def __post_init__(self) -> None:
        if self.kind not in PROBE_KINDS:
            raise ConfigError("probe.kind", self.kind, f"one of: {', '.join(PROBE_KINDS)}")
        if self.kind == "http":
            if (
                not isinstance(self.path, str)
                or not self.path.startswith("/")
                or any(c.isspace() or not c.isprintable() or c == "#" for c in self.path)
            ):
                raise ConfigError(
                    "probe.path", self.path, "an absolute HTTP path starting with '/', without spaces, '#' or controls"
                )
        elif self.path is not None:
            raise ConfigError("probe.path", self.path, f"None: a {self.kind} probe has no path")
        if self.kind == "exec":
            if self.port is not None:
                raise ConfigError("probe.port", self.port, "None: an exec probe runs a command, on no port")
            if not isinstance(self.command, tuple) or not self.command:
                raise ConfigError("probe.command", self.command, "a non-empty tuple of strings")
            for part in self.command:
                check_str("probe.command", part, "a non-empty tuple of strings")
        else:
            if self.command:
                raise ConfigError("probe.command", self.command, f"empty: a {self.kind} probe runs no command")
            if self.kind == "grpc":
                check_port("probe.port", self.port)
            else:
                check_port_ref("probe.port", self.port)
        if self.grpc_service is not None:
            if self.kind != "grpc":
                raise ConfigError("probe.grpc_service", self.grpc_service, "None: only a grpc probe names a service")
            check_str("probe.grpc_service", self.grpc_service)
        check_int("probe.initial_delay_seconds", self.initial_delay_seconds)
        check_int("probe.period_seconds", self.period_seconds, minimum=1)
        check_int("probe.timeout_seconds", self.timeout_seconds, minimum=1)
        check_int("probe.failure_threshold", self.failure_threshold, minimum=1)
        if self.success_threshold is not None:
            check_int("probe.success_threshold", self.success_threshold, minimum=1)

    @staticmethod
    def http(
        path: str,
        *,
        port: int | str = "http",
        initial_delay_seconds: int = 0,
        period_seconds: int = 10,
        timeout_seconds: int = 3,
        failure_threshold: int = 3,
        success_threshold: int | None = None,
    ) -> Probe:
        """An HTTP GET of `path` on `port` (default `http`): 200-399 is healthy."""
        return Probe(
            "http",
            path=path,
            port=port,
            initial_delay_seconds=initial_delay_seconds,
            period_seconds=period_seconds,
            timeout_seconds=timeout_seconds,
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
        )

    @staticmethod
    def exec(
        command: Sequence[str],
        *,
        initial_delay_seconds: int = 0,
        period_seconds: int = 10,
        timeout_seconds: int = 3,
        failure_threshold: int = 3,
        success_threshold: int | None = None,
    ) -> Probe:
        """Run `command` in the container: exit status 0 is healthy."""
        if isinstance(command, str) or not isinstance(command, Sequence):
            raise ConfigError("probe.command", command, "a sequence of strings (the program and its arguments)")
        return Probe(
            "exec",
            port=None,
            command=tuple(command),
            initial_delay_seconds=initial_delay_seconds,
            period_seconds=period_seconds,
            timeout_seconds=timeout_seconds,
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
        )

    @staticmethod
    def grpc(
        *,
        port: int,
        service: str | None = None,
        initial_delay_seconds: int = 0,
        period_seconds: int = 10,
        timeout_seconds: int = 3,
        failure_threshold: int = 3,
        success_threshold: int | None = None,
    ) -> Probe:
        """The gRPC health-checking protocol on `port` (a number: Kubernetes takes no name)."""
        return Probe(
            "grpc",
            port=port,
            grpc_service=service,
            initial_delay_seconds=initial_delay_seconds,
            period_seconds=period_seconds,
            timeout_seconds=timeout_seconds,
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
        )

    @staticmethod
    def tcp(
        *,
        port: int | str = "http",
        initial_delay_seconds: int = 0,
        period_seconds: int = 10,
        timeout_seconds: int = 3,
        failure_threshold: int = 3,
        success_threshold: int | None = None,
    ) -> Probe:
        """A TCP connection to `port` (default `http`): accepted is healthy."""
        return Probe(
            "tcp",
            port=port,
            initial_delay_seconds=initial_delay_seconds,
            period_seconds=period_seconds,
            timeout_seconds=timeout_seconds,
            failure_threshold=failure_threshold,
            success_threshold=success_threshold,
        )

    def to_k8s(self) -> k8s.Probe:
        """The Kubernetes probe."""
        port = self._port()
        return k8s.Probe(
            http_get=k8s.HttpGetAction(path=self.path, port=port) if self.kind == "http" and port else None,
            tcp_socket=k8s.TcpSocketAction(port=port) if self.kind == "tcp" and port else None,
            grpc=(
                k8s.GrpcAction(port=self.port, service=self.grpc_service)
                if self.kind == "grpc" and isinstance(self.port, int)
                else None
            ),
            exec=k8s.ExecAction(command=list(self.command)) if self.kind == "exec" else None,
            initial_delay_seconds=self.initial_delay_seconds or None,
            period_seconds=self.period_seconds,
            timeout_seconds=self.timeout_seconds,
            failure_threshold=self.failure_threshold,
            success_threshold=self.success_threshold,
        )

    def _port(self) -> k8s.IntOrString | None:
        if isinstance(self.port, str):
            return int_or_string(self.port)
        if isinstance(self.port, int):
            return int_or_string(self.port)
        return None
