"""Time every rule on long, repetitive posts built to find super-linear work.

Usage::

    python bench/hostile.py [--ruleset general] [--chars 100000]

A regex with nested or lazy repeats, or a scan that looks back over the whole post for each
match, costs little on a tweet and grows with the square of the length on a long post.
Each input here repeats one shape (capitalised words, stacked corporate words, calls and
phone numbers, questions, thanks, hashtags, punctuation runs) up to ``--chars`` characters,
and ends with a sentence that makes the usual patterns match, so gates on literals do not
skip the work.  For each input the script lints the post once per rule (with an account
configured, as a business would) and prints the total time and the slowest rule.  Linear
work stays well under a second at 100,000 characters on the development machine.
"""

from __future__ import annotations

import argparse
import sys
import time

from tonelint.account import Account
from tonelint.context import PostContext
from tonelint.model import PositionMap, Post
from tonelint.ruleset import load_ruleset

# The closing sentence gives the corporate-tone, self-promotion and bio patterns their
# literals, so the repeated part is scanned by the regexes that need them.
_TAIL = (
    " Acme Plumbing Co is proud to announce that we are pleased to offer, effective "
    "immediately, our committed stakeholder initiative. Pumpkin bread returns tomorrow and "
    "is back on Saturdays. Now offering drain care. Our Dr. Ames is speaking at the fair. "
    "Congrats to Luis on passing his exam! Call us at 555-0142 today!"
)

SHAPES = {
    "capitalised words": "Abc ",
    "capitalised sentences": "Abc Def Ghi. ",
    "stacked corporate words": "committed stakeholder initiative ",
    "calls and phones": "Call us at 555-0142 or book now. ",
    "questions": "Need a plumber? ",
    "conditional calls": "If it leaks, call us. ",
    "thanks and pride": "Thank you to Acme! So proud of you. ",
    "hashtags and handles": "#acmeplumbing @acme ",
    "punctuation runs": "!?!?.,;: ",
    "one long word": "a",
    "quotes": '"Great work" - Dana. ',
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ruleset", default="general")
    parser.add_argument("--chars", type=int, default=100_000)
    args = parser.parse_args(argv)
    ruleset = load_ruleset(args.ruleset)
    rules = [r for r in ruleset.rules if "post" in r.kinds or "bio" in r.kinds]
    account = Account(name="Acme Plumbing Co", handles=("acme",), website="acme.example")
    print(f"{args.chars:,} characters per input, ruleset {args.ruleset}, {len(rules)} rules")
    worst_total = 0.0
    for label, unit in SHAPES.items():
        text = unit * (args.chars // len(unit)) + _TAIL
        spent: dict[str, float] = {}
        for rule in rules:
            kind = "bio" if "post" not in rule.kinds else "post"
            post = Post(
                text, "p", PositionMap.simple(text), platform="x", kind=kind, account=account
            )
            ctx = PostContext(post)
            ctx.doc  # tokenising is not the rule's cost  # noqa: B018
            started = time.perf_counter()
            list(rule.impl.check(ctx))
            spent[rule.id] = time.perf_counter() - started
        total = sum(spent.values())
        slowest = max(spent, key=lambda k: spent[k])
        worst_total = max(worst_total, total)
        print(f"  {label:<24} {total:6.2f} s   slowest {slowest} {spent[slowest]:.2f} s")
    print(f"slowest input: {worst_total:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
