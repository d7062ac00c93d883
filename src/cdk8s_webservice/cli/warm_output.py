"""A warm request's output: what the command writes to stdout and stderr, sent to the
client in order (the watch's own reports keep the terminal)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Mapping
from typing import Any, TextIO


class Answer:
    """One request's output, sent as frames in the order written (coalesced until a flush)."""

    def __init__(self, connection: socket.socket | None) -> None:
        self.connection = connection
        self.pending: list[tuple[str, list[str]]] = []
        self.size = 0
        self.sent = False
        self.broken = False

    def write(self, channel: str, text: str) -> None:
        if self.pending and self.pending[-1][0] == channel:
            self.pending[-1][1].append(text)
        else:
            self.pending.append((channel, [text]))
        self.size += len(text)
        if self.size > 1 << 16:
            self.flush()

    def flush(self) -> None:
        pending, self.pending, self.size = self.pending, [], 0
        for channel, texts in pending:
            self.send({channel: "".join(texts)})
            self.sent = True

    def send(self, frame: Mapping[str, object]) -> None:
        """A frame to the client; a client that went away gets no more (the command
        still finishes: what it writes is written whole or not at all)."""
        if self.connection is None or self.broken:
            return
        try:
            self.connection.sendall(json.dumps(frame).encode() + b"\n")
        except OSError:
            self.broken = True


CURRENT = threading.local()


class RoutedStream:
    """sys.stdout or sys.stderr while serving: a request's thread writes to its answer;
    every other thread (the watch's own reports) to the stream this replaced."""

    def __init__(self, original: TextIO, channel: str) -> None:
        self._original = original
        self._channel = channel

    def write(self, text: str) -> int:
        answer: Answer | None = getattr(CURRENT, "answer", None)
        if answer is None:
            return self._original.write(text)
        answer.write(self._channel, text)
        return len(text)

    def flush(self) -> None:
        answer: Answer | None = getattr(CURRENT, "answer", None)
        if answer is None:
            self._original.flush()
        else:
            answer.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)
