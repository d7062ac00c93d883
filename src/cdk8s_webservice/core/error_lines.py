"""The error contract's one line: what a user can cause, said in one bounded line.

`error_line` turns an exception into `error: ...` (at most `LINE_LIMIT` characters) for
every error a user can cause (a bad value, a file that is not UTF-8 or not YAML, an
OSError, what Node.js threw, jsii's runtime failing), or None for a bug, whose traceback
is shown. The command (`cli`), the app entry point and `watch` print it.
"""

from __future__ import annotations

import os

import yaml

from .errors import ConfigError, shorten


def error_line(error: BaseException) -> str | None:
    """The one-line message for an error a user can cause (at most `LINE_LIMIT`
    characters), or None for a bug."""
    line = _error_line(error)
    return shorten(line, LINE_LIMIT) if line is not None else None


#: The longest error line: whatever a user's input was, the message stays readable.
LINE_LIMIT = 1000


def jsii_runtime_failed(error: BaseException) -> bool:
    """Whether `error` is jsii failing to talk to its Node.js process (it ended, or
    answered something that is not jsii's protocol): raised in jsii's process provider."""
    if not isinstance(error, (ValueError, OSError, EOFError)):
        return False
    where = os.path.join("jsii", "_kernel", "providers", "process.py")
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(where):
            return True
        traceback = traceback.tb_next
    return False


def _error_line(error: BaseException) -> str | None:
    if jsii_runtime_failed(error):
        chosen = os.environ.get("JSII_RUNTIME")
        what = f"{type(error).__name__}: {error}"
        if chosen is not None:
            allowed = (
                f"a jsii runtime that speaks jsii's protocol (it ended or answered something else: {what}); "
                "unset it to use jsii's own"
            )
            return f"error: {ConfigError('JSII_RUNTIME', chosen, allowed)}"
        return f"error: jsii's Node.js ended or answered something else ({what}): check JSII_NODE and NODE_OPTIONS"
    if isinstance(error, ConfigError):
        return f"error: {error}"
    if isinstance(error, UnicodeDecodeError):
        return f"error: a file is not UTF-8 text ({error.reason} at byte {error.start})"
    if isinstance(error, yaml.YAMLError):
        return f"error: not valid YAML: {' '.join(str(error).split())}"
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"error: {where}{error.strerror or error}"
    if type(error).__module__.split(".")[0] == "jsii" or (
        # What Node.js threw (a construct's own check, a damaged assembly): jsii raises it
        # as a RuntimeError from its JavaScriptError, the JavaScript stack.
        isinstance(error, RuntimeError) and type(error.__cause__).__module__.split(".")[0] == "jsii"
    ):
        return f"error: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
    return None


#: Set to 1 to see the whole traceback of an error the project's own code raised.
TRACEBACK_ENV = "CDK8S_WEBSERVICE_TRACEBACK"
# What a mistake in a chart or profile raises (a misspelled keyword of cdk8s-plus, a
# missing name, a wrong type), and what jsii raises when cdk8s refuses a call.
_CODE_ERRORS = (TypeError, ValueError, AttributeError, NameError, KeyError, IndexError, ImportError, SyntaxError)


def project_code_line(error: BaseException, root: str | os.PathLike[str]) -> str | None:
    """`error: <file>:<line>: <Type>: <message>` for an error raised in the project's own
    code (a file under `root`, outside its virtualenvs and this library), or None: a
    bug of ours, or `CDK8S_WEBSERVICE_TRACEBACK=1`, keeps its traceback."""
    if os.environ.get(TRACEBACK_ENV, "").strip() not in ("", "0"):
        return None
    from_jsii = type(error).__module__.split(".")[0] == "jsii"
    if not (isinstance(error, _CODE_ERRORS) or from_jsii):
        return None
    project = os.path.realpath(root)
    library = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    where = None
    traceback = error.__traceback__
    while traceback is not None:
        path = os.path.realpath(traceback.tb_frame.f_code.co_filename)
        inside = path.startswith(project + os.sep) and not path.startswith(library + os.sep)
        if inside and f"{os.sep}site-packages{os.sep}" not in path:
            where = (os.path.relpath(path, project), traceback.tb_lineno)
        traceback = traceback.tb_next
    if isinstance(error, SyntaxError) and error.filename:  # where the parser stopped, not a frame
        path = os.path.realpath(error.filename)
        if path.startswith(project + os.sep) and f"{os.sep}site-packages{os.sep}" not in path:
            where = (os.path.relpath(path, project), error.lineno or 0)
    if where is None:
        return None
    message = " ".join((error.msg if isinstance(error, SyntaxError) else str(error)).split()) or type(error).__name__
    line = (
        f"error: {where[0]}:{where[1]}: {type(error).__name__}: {message} "
        f"(raised in the project's code; {TRACEBACK_ENV}=1 shows the traceback)"
    )
    return shorten(line, LINE_LIMIT)
