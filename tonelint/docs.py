"""Generate ``docs/rules.md`` from the bundled rulesets: the rules document themselves.

Run ``python -m tonelint.docs > docs/rules.md`` after changing a ruleset; a test fails
when the committed file is stale.
"""

from __future__ import annotations

import sys

from .rules import RULE_TYPES
from .ruleset import CompiledRule, bundled_names, load_ruleset


def _rule(rule: CompiledRule) -> list[str]:
    cls = RULE_TYPES[rule.type_name]
    out = [f"### `{rule.id}`", ""]
    out.append(
        f"**{str(rule.severity).capitalize()}**, type `{rule.type_name}`, "
        f"applies to {', '.join(rule.kinds)}."
    )
    out += ["", rule.description, "", f"*Source:* {rule.source}", "", f"*Message:* {rule.message}"]
    options = [n for n in cls.options if n != "vocabulary"]
    if options:
        out += ["", "| option | meaning | default |", "|---|---|---|"]
        for name in options:
            opt = cls.options[name]
            out.append(f"| `{name}` | {opt.doc} | `{opt.default!r}` |")
    for label, examples in (("Fails", rule.examples_fail), ("Passes", rule.examples_pass)):
        if examples:
            out += ["", f"{label}:", ""]
            for ex in examples:
                where = f" *({ex.platform})*" if ex.platform else ""
                where += f" *({ex.kind})*" if ex.kind != "post" else ""
                text = ex.text.replace("\n", " ").replace("|", "\\|")
                out.append(f"- {text}{where}")
    out.append("")
    return out


def render() -> str:
    """The whole rules reference, in Markdown."""
    out = [
        "# tonelint rules",
        "",
        "Generated from the bundled rulesets by `python -m tonelint.docs`; do not edit.",
        "Each industry ruleset lists only the rules it adds to the one it extends.",
        "",
        "## Rule types",
        "",
        "| type | what it checks |",
        "|---|---|",
        *(f"| `{name}` | {cls.summary} |" for name, cls in sorted(RULE_TYPES.items())),
        "",
    ]
    for name in ["general", *[n for n in bundled_names() if n != "general"]]:
        ruleset = load_ruleset(name)
        parents = [p for p in ruleset.chain[:-1]]
        inherited: set[str] = set()
        for parent in parents:
            stem = parent.rsplit("/", 1)[-1].removesuffix(".yaml")
            inherited |= set(load_ruleset(stem).ids)
        own = [r for r in ruleset.rules if r.id not in inherited]
        out += [f"## Ruleset `{name}`", "", ruleset.description, ""]
        if parents:
            stems = [p.rsplit("/", 1)[-1].removesuffix(".yaml") for p in parents]
            out += [f"Extends: {', '.join(f'`{s}`' for s in stems)}.", ""]
        for rule in own:
            out += _rule(rule)
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
