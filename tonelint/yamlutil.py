"""Safe YAML loading that remembers line numbers, for errors that point at the right line.

Every mapping is loaded as a ``LineDict``: a plain dict that also knows the line of each of
its keys.  Syntax errors and duplicate keys become ``InputError`` with file and line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import yaml

from .model import InputError


class LineDict(dict[Any, Any]):
    """A dict loaded from YAML, with the 1-based line of the mapping and of each key."""

    line: int | None = None
    key_lines: dict[Any, int] = {}  # noqa: RUF012 - replaced per instance by the loader

    def line_of(self, key: Any) -> int | None:
        return self.key_lines.get(key, self.line)


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built


class _Loader(_Base):  # type: ignore[misc]
    """SafeLoader building ``LineDict`` mappings and refusing duplicate keys."""

    path = "<yaml>"
    offset = 0

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        result = LineDict()
        result.line = node.start_mark.line + 1 + self.offset
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise InputError(
                    "mapping keys must be plain values",
                    self.path,
                    key_node.start_mark.line + 1 + self.offset,
                ) from None
            if key in result:
                raise InputError(
                    f"duplicate key {key!r}", self.path, key_node.start_mark.line + 1 + self.offset
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1 + self.offset
        return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)

MAX_NODES = 200_000


def lined(value: Any) -> Any:
    """Plain dicts (from TOML or JSON), also inside lists, as ``LineDict`` without lines."""
    if isinstance(value, dict) and not isinstance(value, LineDict):
        return LineDict((k, lined(v)) for k, v in value.items())
    if isinstance(value, list):
        return [lined(v) for v in value]
    return value


def plain(value: Any) -> Any:
    """``value`` with every ``LineDict`` turned back into a plain dict."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def load(text: str, path: str, first_line: int = 1) -> Any:
    """Parse YAML ``text`` from ``path``; line numbers are offset to start at ``first_line``."""
    loader = _Loader(text)
    loader.path = path
    loader.offset = first_line - 1
    try:
        with yaml_errors(path, first_line):
            node = loader.get_single_node()
            if node is None:
                return None
            check_size(node, path, first_line)
            return loader.construct_document(node)
    finally:
        loader.dispose()


@contextlib.contextmanager
def yaml_errors(path: str, first_line: int = 1) -> Iterator[None]:
    """Turn PyYAML's errors (and runaway nesting) into one-line ``InputError``s with the
    file line, counting from ``first_line``."""
    try:
        yield
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", path) from None
    except RecursionError:
        raise InputError("YAML is nested too deeply", path) from None


def check_size(root: yaml.Node, path: str, first_line: int) -> None:
    """Refuse documents whose aliases expand past ``MAX_NODES`` (a "billion laughs" file)."""
    expanded: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > 500:
            raise InputError("YAML is nested too deeply", path, node.start_mark.line + first_line)
        key = id(node)
        if key in expanded:
            return expanded[key]
        expanded[key] = 1
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k, depth + 1) + size(v, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child, depth + 1)
        if total > MAX_NODES:
            raise InputError(
                f"YAML expands to more than {MAX_NODES} nodes (alias bomb?)",
                path,
                node.start_mark.line + first_line,
            )
        expanded[key] = total
        return total

    size(root, 0)
