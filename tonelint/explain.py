"""Rule documentation, generated from the rulesets: ``--explain``, ``--list-rules``, docs.

A rule's YAML ``description``, ``source``, options (with the type's defaults) and examples
are the only source of its documentation, so the docs cannot drift from the rules.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from .rules import RULE_TYPES
from .ruleset import CompiledRule, Ruleset


def _short(value: Any, width: int = 70) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, allow_unicode=True).strip()
    text = text.removesuffix("\n...").strip()
    return text if len(text) <= width else text[: width - 3] + "..."


def explain(rule: CompiledRule) -> str:
    """The full documentation of one rule, as plain text."""
    cls = RULE_TYPES[rule.type_name]
    out = [
        f"{rule.id} ({rule.severity}, type {rule.type_name}, applies to {', '.join(rule.kinds)})",
        "",
    ]
    out += textwrap.wrap(rule.description, 88) or ["(no description)"]
    out += ["", f"Source: {rule.source or '(none given)'}", "", f"Message: {rule.message}", ""]
    out.append("Options (value in this ruleset; type default):")
    for name, opt in cls.options.items():
        out.append(f"  {name}: {_short(rule.options.get(name))}")
        out.append(f"      {opt.doc} Default: {_short(opt.default)}")
    for label, examples in (("Fails", rule.examples_fail), ("Passes", rule.examples_pass)):
        if examples:
            out += ["", f"{label}:"]
            for ex in examples:
                where = f" [{ex.platform}]" if ex.platform else ""
                where += f" [{ex.kind}]" if ex.kind != "post" else ""
                shown = ex.text if len(ex.text) <= 200 else ex.text[:197] + "..."
                out.append(f"  -{where} {shown}")
    out += ["", f"Defined in: {rule.path}:{rule.line}"]
    return "\n".join(out)


def list_rules(ruleset: Ruleset) -> str:
    """One line per rule of the effective ruleset."""
    out = [f"Ruleset {ruleset.name}: {ruleset.description}".rstrip(": "), ""]
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for rule in ruleset.rules:
        summary = rule.description.split(". ")[0].rstrip(".")
        if len(summary) > 80:
            summary = summary[:77] + "..."
        out.append(f"{rule.id:<{width}}  {rule.severity!s:<7}  {rule.type_name:<7}  {summary}")
    return "\n".join(out)
