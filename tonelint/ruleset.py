"""Load YAML rulesets, resolve ``extends``, apply overrides and compile the rules once.

A ruleset file names its ``extends`` parents and keys its ``rules`` by id.  A rule written
in a child file either defines a new rule (it has a ``type``) or overrides some keys of an
inherited one; ``off``/``false`` turns a rule off and ``on``/``true`` back on.  The config's
``rules:`` mapping is applied the same way, as the last layer.  Every rule is validated
against its type's option schema here, at load, and a mistake becomes one ``InputError``
naming the file, line and rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import yamlutil
from .model import InputError, Severity
from .rules import RULE_TYPES, Option, OptionError, Rule

RULESET_KEYS = ("name", "description", "extends", "vocabulary", "rules")
GENERIC_KEYS = ("type", "severity", "message", "description", "source", "examples", "kinds")
KINDS = ("post", "bio")


def bundled_dir() -> Path:
    """The directory of the bundled rulesets, in an installed wheel or in a checkout."""
    packaged = Path(str(resources.files("tonelint"))) / "rulesets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rulesets"


def bundled_names() -> list[str]:
    return sorted(p.stem for p in bundled_dir().glob("*.yaml"))


@dataclass(frozen=True)
class Example:
    """A should-fail or should-pass text from a rule's ``examples``; for a schedule rule,
    a small calendar (``schedule``: entries with ``at``, ``platform``, ``text``) instead."""

    text: str
    platform: str | None = None
    kind: str = "post"
    schedule: tuple[Mapping[str, Any], ...] = ()
    timezone: str = "UTC"


@dataclass(frozen=True)
class CompiledRule:
    """A validated rule with its implementation, ready to run."""

    id: str
    type_name: str
    severity: Severity
    kinds: tuple[str, ...]
    message: str
    description: str
    source: str
    examples_fail: tuple[Example, ...]
    examples_pass: tuple[Example, ...]
    options: Mapping[str, Any]
    impl: Rule
    path: str
    line: int | None


@dataclass(frozen=True)
class Ruleset:
    """The effective, compiled set of rules of one ruleset plus overrides."""

    name: str
    description: str
    path: str
    rules: tuple[CompiledRule, ...]
    chain: tuple[str, ...] = field(default=())

    def get(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    @property
    def ids(self) -> list[str]:
        return [r.id for r in self.rules]


@dataclass
class _Value:
    value: Any
    path: str
    line: int | None


@dataclass
class _Spec:
    values: dict[str, _Value]
    path: str
    line: int | None
    enabled: bool = True


def closest(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``choices``, or an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean '{match[0]}'?" if match else ""


def resolve(ref: str, search_dirs: Sequence[Path], base_dir: Path | None) -> Path:
    """The file a ruleset reference names: a path, or a name in the search dirs or bundled."""
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        path = Path(ref).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.is_file():
            raise InputError(f"ruleset file not found: {ref}")
        return path
    for directory in [*search_dirs, bundled_dir()]:
        for suffix in (".yaml", ".yml"):
            candidate = directory / f"{ref}{suffix}"
            if candidate.is_file():
                return candidate
    names = sorted({p.stem for d in [*search_dirs, bundled_dir()] for p in d.glob("*.y*ml")})
    raise InputError(
        f"unknown ruleset {ref!r}{closest(ref, names)} (available: {', '.join(names)})"
    )


def _read(path: Path) -> yamlutil.LineDict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read ruleset: {exc}", str(path)) from None
    data = yamlutil.load(text, str(path))
    if not isinstance(data, yamlutil.LineDict):
        raise InputError("a ruleset must be a YAML mapping with 'rules'", str(path), 1)
    for key in data:
        if key not in RULESET_KEYS:
            raise InputError(
                f"unknown ruleset key {key!r}{closest(str(key), RULESET_KEYS)}",
                str(path),
                data.line_of(key),
            )
    return data


def _layers(
    ref: str, search_dirs: Sequence[Path], base_dir: Path | None, seen: tuple[Path, ...] = ()
) -> list[tuple[Path, yamlutil.LineDict]]:
    path = resolve(ref, search_dirs, base_dir).resolve()
    if path in seen:
        chain = " -> ".join(p.name for p in (*seen, path))
        raise InputError(f"ruleset extends itself: {chain}", str(path))
    data = _read(path)
    parents = data.get("extends") or []
    if isinstance(parents, str):
        parents = [parents]
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        raise InputError(
            "'extends' must be a ruleset name or a list of them", str(path), data.line_of("extends")
        )
    layers: list[tuple[Path, yamlutil.LineDict]] = []
    for parent in parents:
        try:
            layers.extend(_layers(parent, search_dirs, path.parent, (*seen, path)))
        except InputError as exc:
            if exc.path is None:  # the parent could not be found: say which file named it
                exc.path, exc.line = str(path), data.line_of("extends")
            raise
    layers.append((path, data))
    return layers


def _apply(specs: dict[str, _Spec], rules: Any, path: str, line: int | None) -> None:
    """Merge one layer's ``rules:`` mapping into ``specs``."""
    if rules is None:
        return
    if not isinstance(rules, yamlutil.LineDict):
        raise InputError("'rules' must be a mapping of rule id to rule", path, line)
    for rule_id, body in rules.items():
        where = rules.line_of(rule_id)
        if not isinstance(rule_id, str):
            raise InputError(f"rule id {rule_id!r} must be a string", path, where)
        spec = specs.get(rule_id)
        if body in (False, "off", True, "on", None):
            if spec is None:
                raise InputError(f"unknown rule {rule_id!r}{closest(rule_id, specs)}", path, where)
            spec.enabled = body in (True, "on")
            continue
        if not isinstance(body, yamlutil.LineDict):
            raise InputError(f"rule {rule_id!r} must be a mapping, or off/on", path, where)
        if spec is None:
            if "type" not in body:
                raise InputError(
                    f"unknown rule {rule_id!r}{closest(rule_id, specs)} "
                    "(a new rule needs a 'type')",
                    path,
                    where,
                )
            spec = specs[rule_id] = _Spec({}, path, where)
        elif "type" in body and body["type"] != spec.values["type"].value:
            spec.values = {}
        spec.enabled = True
        for key, value in body.items():
            spec.values[key] = _Value(value, path, body.line_of(key))


def load_ruleset(
    ref: str,
    search_dirs: Sequence[Path] = (),
    base_dir: Path | None = None,
    overrides: Any = None,
    overrides_path: str = "<config>",
) -> Ruleset:
    """Load ``ref`` with its parents, apply ``overrides`` (a config's ``rules:``), compile."""
    layers = _layers(ref, search_dirs, base_dir)
    specs: dict[str, _Spec] = {}
    vocabulary: dict[str, list[str]] = {}
    for path, data in layers:
        _merge_vocabulary(vocabulary, data.get("vocabulary"), str(path), data.line_of("vocabulary"))
        _apply(specs, data.get("rules"), str(path), data.line_of("rules"))
    _apply(specs, overrides, overrides_path, getattr(overrides, "line", 1))
    leaf_path, leaf = layers[-1]
    compiled = tuple(
        _compile(rule_id, spec, vocabulary) for rule_id, spec in specs.items() if spec.enabled
    )
    name = leaf.get("name") or leaf_path.stem
    return Ruleset(
        name=str(name),
        description=str(leaf.get("description") or ""),
        path=str(leaf_path),
        rules=compiled,
        chain=tuple(str(p) for p, _ in layers),
    )


def _option_file(rule_id: str, key: str, ref: str, ruleset: str, option: Option) -> Any:
    """The value of option ``key`` read from the YAML file ``ref`` names (relative to the
    ``ruleset`` file that sets it), checked; errors name that file."""
    path = Path(ref).expanduser()
    if not path.is_absolute():
        path = Path(ruleset).parent / path
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(
            f"rule {rule_id!r}: cannot read option '{key}' file: {reason}", ref
        ) from None
    value = yamlutil.plain(yamlutil.load(text, str(path)))
    try:
        return option.validate(key, value)
    except OptionError as exc:
        raise InputError(f"rule {rule_id!r}: {exc}", str(path)) from None


def _merge_vocabulary(into: dict[str, list[str]], value: Any, path: str, line: int | None) -> None:
    """Add one layer's ``vocabulary:`` lists to the inherited ones (a union, in order)."""
    if value is None:
        return
    if not isinstance(value, dict):
        raise InputError("'vocabulary' must map list names to lists of phrases", path, line)
    for name, items in value.items():
        where = value.line_of(name) if isinstance(value, yamlutil.LineDict) else line
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise InputError(f"vocabulary '{name}' must be a list of phrases", path, where)
        merged = into.setdefault(str(name), [])
        merged.extend(i for i in items if i not in merged)


def _examples(value: _Value, rule_id: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    data = value.value
    if not isinstance(data, dict) or set(data) - {"fail", "pass"}:
        raise InputError(
            f"rule {rule_id!r}: 'examples' must be a mapping with 'fail' and 'pass' lists",
            value.path,
            value.line,
        )
    out: dict[str, list[Example]] = {"fail": [], "pass": []}
    for key in ("fail", "pass"):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise InputError(
                f"rule {rule_id!r}: examples.{key} must be a list", value.path, value.line
            )
        for item in items:
            if isinstance(item, str):
                out[key].append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("schedule"), list):
                entries = tuple(yamlutil.plain(e) for e in item["schedule"])
                if set(item) - {"schedule", "timezone"} or not all(
                    isinstance(e, dict) and "at" in e and "text" in e for e in entries
                ):
                    raise InputError(
                        f"rule {rule_id!r}: a schedule example is {{schedule: [{{at, text, ...}}], "
                        "timezone}",
                        value.path,
                        value.line,
                    )
                texts = " / ".join(str(e["text"]) for e in entries)
                zone = str(item.get("timezone", "UTC"))
                out[key].append(Example(texts, schedule=entries, timezone=zone))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                extra = set(item) - {"text", "platform", "kind"}
                if extra:
                    raise InputError(
                        f"rule {rule_id!r}: unknown example key {sorted(extra)[0]!r}",
                        value.path,
                        value.line,
                    )
                out[key].append(
                    Example(item["text"], item.get("platform"), item.get("kind", "post"))
                )
            else:
                raise InputError(
                    f"rule {rule_id!r}: each example is a string or {{text, platform, kind}}",
                    value.path,
                    value.line,
                )
    return tuple(out["fail"]), tuple(out["pass"])


def _compile(rule_id: str, spec: _Spec, vocabulary: Mapping[str, list[str]]) -> CompiledRule:
    values = spec.values

    def fail(message: str, key: str | None = None) -> InputError:
        where = values[key] if key and key in values else None
        return InputError(
            f"rule {rule_id!r}: {message}",
            where.path if where else spec.path,
            where.line if where else spec.line,
        )

    type_name = values["type"].value
    cls = RULE_TYPES.get(type_name) if isinstance(type_name, str) else None
    if cls is None:
        raise fail(
            f"unknown rule type {type_name!r}; valid types: {', '.join(sorted(RULE_TYPES))}", "type"
        )
    for key in values:
        if key not in GENERIC_KEYS and key not in cls.options:
            valid = [*GENERIC_KEYS, *cls.options]
            raise fail(f"unknown option {key!r} for type '{type_name}'{closest(key, valid)}", key)
    try:
        severity = (
            Severity.parse(str(values["severity"].value))
            if "severity" in values
            else Severity.WARNING
        )
    except ValueError as exc:
        raise fail(str(exc), "severity") from None
    texts: dict[str, str] = {}
    for key in ("message", "description", "source"):
        value = values.get(key)
        if value is not None and not isinstance(value.value, str):
            raise fail(f"'{key}' must be a string", key)
        texts[key] = value.value.strip() if value is not None else ""
    if not texts["message"]:
        raise fail("needs a 'message'")
    try:
        from .rules.base import message_fields

        unknown = message_fields(texts["message"]) - cls.placeholders
    except OptionError as exc:
        raise fail(str(exc), "message") from None
    if unknown:
        raise fail(
            f"message uses unknown placeholder {{{sorted(unknown)[0]}}}; "
            f"'{type_name}' offers {', '.join('{' + p + '}' for p in sorted(cls.placeholders))}",
            "message",
        )
    kinds = values["kinds"].value if "kinds" in values else ["post"]
    if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
        raise fail(f"'kinds' must be a list of {', '.join(KINDS)}", "kinds")
    raw = {k: yamlutil.plain(v.value) for k, v in values.items() if k in cls.options}
    for key in cls.file_options:
        if isinstance(raw.get(key), str):
            raw[key] = _option_file(rule_id, key, raw[key], values[key].path, cls.options[key])
    shared = {n: vocabulary[n] for n in cls.vocabularies if n in vocabulary}
    if shared:  # the ruleset's vocabulary lists, then the rule's own additions
        given = raw.get("vocabulary")
        own: dict[str, Any] = given if isinstance(given, dict) else {}
        raw["vocabulary"] = {**own, **{n: [*shared[n], *own.get(n, [])] for n in shared}}
    try:
        options = cls.validate_options(raw)
    except OptionError as exc:
        bad = next((k for k in raw if f"'{k}'" in str(exc)), None)
        raise fail(str(exc), bad) from None
    try:
        impl = cls(rule_id, texts["message"], options)
    except (ValueError, TypeError) as exc:
        raise fail(str(exc)) from None
    fails, passes = _examples(values["examples"], rule_id) if "examples" in values else ((), ())
    return CompiledRule(
        id=rule_id,
        type_name=type_name,
        severity=severity,
        kinds=tuple(kinds),
        message=texts["message"],
        description=texts["description"],
        source=texts["source"],
        examples_fail=fails,
        examples_pass=passes,
        options=options,
        impl=impl,
        path=spec.path,
        line=spec.line,
    )
