"""Positions of YAML scalar values, so findings inside a profile or schedule file point at
the right line and column.

``load_nodes`` parses a document into PyYAML's node tree (aliases and size are checked as
for every YAML file tonelint reads), and ``load_data`` also builds its data from that tree
(one parse for both); ``scalar_origins`` maps each line of a scalar's value
to where it starts in the file: the line after ``|``/``>`` with the block's indentation for
block scalars, the opening quote plus one for quoted ones.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..model import LineOrigin
from ..yamlutil import check_size, yaml_errors


def load_nodes(text: str, path: str) -> yaml.Node | None:
    """The node tree of one YAML document; ``InputError`` with the line on a syntax error."""
    with yaml_errors(path):
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        check_size(node, path, 1)
    return node


def load_data(text: str, path: str) -> tuple[yaml.Node | None, Any]:
    """The node tree of one YAML document and its data (what ``yaml.safe_load`` gives),
    from a single parse."""
    node = load_nodes(text, path)
    if node is None:
        return None, None
    loader = yaml.SafeLoader("")
    try:
        with yaml_errors(path):
            return node, loader.construct_document(node)
    finally:
        loader.dispose()


def key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The 1-based line of each plain key of a mapping node (empty for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def mapping_get(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a mapping node (None when absent or not a mapping)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found: yaml.Node = value_node
            return found
    return None


def scalar_origins(node: yaml.ScalarNode, source: str) -> list[LineOrigin]:
    """Where each line of the scalar's value starts in the file (1-based)."""
    line, column = node.start_mark.line, node.start_mark.column
    style = node.style
    if style in ("|", ">"):
        lines = source.split("\n")
        body = line + 1  # the value starts on the line after "|" (blank lines included)
        first = body
        while first < len(lines) and not lines[first].strip():
            first += 1
        indent = len(lines[first]) - len(lines[first].lstrip(" ")) if first < len(lines) else 0
        header = lines[line][column:] if line < len(lines) else ""
        digits = [c for c in header[:3] if c.isdigit()]
        if digits:  # an explicit indentation indicator ("|2"): content keeps extra spaces
            parent = len(lines[line]) - len(lines[line].lstrip(" "))
            indent = min(indent, parent + int(digits[0]))
        count = node.value.count("\n") + 1
        if style == ">":  # folded: value lines do not follow file lines; point at the block
            return [LineOrigin(first + 1, indent + 1)] * count
        return [LineOrigin(body + 1 + i, indent + 1) for i in range(count)]
    offset = 1 if style in ("'", '"') else 0
    count = node.value.count("\n") + 1
    return [LineOrigin(line + 1, column + 1 + offset)] * count
