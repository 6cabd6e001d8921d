"""Reading the user's YAML and JSON files (case files, plans) strictly and safely.

Whatever the bytes, reading gives a value or a :class:`CaseFileError` naming the file:
a folder, a binary or non-UTF-8 file, JSON nested too deep, a duplicate key (YAML and JSON
would silently keep the last one) or a date YAML cannot build are all clean errors. A
timestamp-looking scalar that is no real date (``2026-02-30``) stays text, so that the
field's own check reports it with its name, exactly as if it had been quoted."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .errors import N_, CaseFileError, Problem, given
from .parameters import _DecimalLoader

MAX_FILE_BYTES = 10_000_000  # a case or plan file is a few kilobytes
MAX_DEPTH = 50  # nesting of mappings and lists; a case file needs three
MAX_VALUES = 100_000  # values in one file, counting each use of a YAML alias (alias bombs)


class _StrictLoader(_DecimalLoader):
    """Exact decimals (as parameter files), duplicate keys refused, bad dates kept as text."""


def _mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, f"a key must be text, got {given(key)}", key_node.start_mark
            ) from None
        if key in seen:
            raise _Duplicate(str(key), key_node.start_mark.line + 1, seen[key])
        seen[key] = key_node.start_mark.line + 1
    return dict(loader.construct_mapping(node, deep=True))


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return str(loader.construct_scalar(node))


def _float(loader: Any, node: yaml.ScalarNode) -> Any:
    """An exact Decimal; YAML's .nan and .inf become Decimal's NaN and Infinity, which the
    facts' checks refuse by name."""
    text = str(loader.construct_scalar(node)).replace("_", "")
    special = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}
    try:
        return Decimal(special.get(text.lower(), text))
    except InvalidOperation:
        return text


def _int(loader: Any, node: yaml.ScalarNode) -> Any:
    """An integer; one too long for Python to read (over 4300 digits) stays text, which the
    fact's check then refuses by name."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        return str(loader.construct_scalar(node))


_StrictLoader.add_constructor("tag:yaml.org,2002:float", _float)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _int)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _Duplicate(Exception):
    def __init__(self, key: str, line: int, first: int) -> None:
        self.key, self.line, self.first = key, line, first


def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Nesting depth, stopping at ``limit`` (iterative: no recursion to overflow); a value
    larger than MAX_VALUES counts as too deep."""
    deepest, stack, seen = 0, [(value, 1)], 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        seen += 1
        if deepest > limit or seen > MAX_VALUES:
            return limit + 1
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def _fail(path: Path, template: str, **params: Any) -> CaseFileError:
    problem = Problem(str(path), template, {k: str(v) for k, v in params.items()})
    return CaseFileError(str(problem), problems=[problem])


def read_text(path: Path, missing: str = N_("no such file")) -> str:
    if path.is_dir():
        raise _fail(path, N_("is a folder; expected a file"))
    try:
        data = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except FileNotFoundError:
        raise _fail(path, missing) from None
    except OSError as error:
        raise _fail(path, N_("cannot be read ({reason})"), reason=error.strerror) from None
    if len(data) > MAX_FILE_BYTES:
        raise _fail(path, N_("is larger than {limit} bytes"), limit=MAX_FILE_BYTES)
    if b"\0" in data:
        raise _fail(path, N_("is a binary file; expected UTF-8 text"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fail(
            path, N_("is not UTF-8 text (byte {position}); save it as UTF-8"), position=error.start
        ) from None


def _no_deep_brackets(path: Path, text: str) -> None:
    """Refuse deep nesting before a parser recurses into it."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise _fail(path, N_("is nested more than {limit} levels deep"), limit=MAX_DEPTH)
        elif char in "]}":
            depth -= 1


def read_data(path: Path, missing: str = N_("no such file")) -> Any:
    """The value in a .yaml, .yml or .json file (``missing``: the message if there is none)."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise _fail(path, N_("expected a .yaml, .yml or .json file"))
    text = read_text(path, missing)
    _no_deep_brackets(path, text)
    try:
        if suffix == ".json":
            value = json.loads(text, parse_float=Decimal, object_pairs_hook=_json_object)
        else:
            value = yaml.load(text, Loader=_StrictLoader)
    except _Duplicate as duplicate:
        if not duplicate.line:  # JSON does not say where
            raise _fail(path, N_("key {key} appears twice"), key=given(duplicate.key)) from None
        raise _fail(
            path,
            N_("key {key} appears twice (line {line}, first on line {first})"),
            key=given(duplicate.key),
            line=duplicate.line,
            first=duplicate.first,
        ) from None
    except (json.JSONDecodeError, yaml.YAMLError, RecursionError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        template = (
            N_("not valid JSON: {reason}") if suffix == ".json" else N_("not valid YAML: {reason}")
        )
        raise _fail(path, template, reason=given(reason)[1:-1]) from None
    if _depth(value) > MAX_DEPTH:
        raise _fail(
            path,
            N_("is nested more than {limit} levels deep or holds more than {values} values"),
            limit=MAX_DEPTH,
            values=MAX_VALUES,
        )
    return value


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key, 0, 0)
        result[key] = value
    return result
