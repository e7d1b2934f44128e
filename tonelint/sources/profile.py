"""Profile files: a YAML or JSON mapping with ``bio`` and the profile's other fields.

``platform``, ``name``, ``handle``, ``website``, ``location`` and ``bio`` are read; the bio
becomes a ``Post`` of kind ``bio`` whose positions point into the file, and the other
fields travel with it in ``meta`` so the bio rules can count a website or a name kept in its
own field, as real profiles do.  JSON is read with the YAML parser (JSON is YAML), which
gives line numbers; a JSON file YAML cannot read falls back to ``json`` without them.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from .. import platforms
from ..account import Account
from ..model import InputError, LineOrigin, PositionMap, Post
from .yamlpos import key_lines, load_data, mapping_get, scalar_origins

PROFILE_KEYS = ("platform", "name", "handle", "website", "location", "bio")


def looks_like_profile(data: Any) -> bool:
    return isinstance(data, dict) and "bio" in data and "posts" not in data


def read(text: str, path: str, platform: str | None, account: Account | None) -> list[Post]:
    try:
        node, data = load_data(text, path)
    except InputError:
        if not path.endswith(".json"):
            raise
        try:
            data, node = json.loads(text), None
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    if not isinstance(data, dict) or not looks_like_profile(data):
        raise InputError("a profile file needs a mapping with a 'bio' field", path, 1)
    line_of = key_lines(node).get
    fields: dict[str, str] = {}
    for key in PROFILE_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"profile field '{key}' must be a string", path, line_of(key))
        fields[key] = value
    if not fields.get("bio", "").strip():
        raise InputError("the profile's 'bio' is empty", path, line_of("bio"))
    bio_node = mapping_get(node, "bio") if node is not None else None
    if isinstance(bio_node, yaml.ScalarNode):
        positions = PositionMap(fields["bio"], scalar_origins(bio_node, text))
    else:
        positions = PositionMap(fields["bio"], [LineOrigin(line_of("bio") or 1, 1)])
    shown_platform = platform
    if "platform" in fields:
        try:
            shown_platform = platforms.normalize(fields["platform"])
        except ValueError as exc:
            raise InputError(str(exc), path, line_of("platform")) from None
    return [
        Post(
            text=fields["bio"],
            path=path,
            positions=positions,
            platform=shown_platform,
            kind="bio",
            account=account,
            meta={k: v for k, v in fields.items() if k != "bio"},
        )
    ]
