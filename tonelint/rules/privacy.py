"""Rule type ``phi``: identifiers of a person next to health details.

A post that names or identifies someone *and* talks about health care can disclose
protected health information (HIPAA's identifiers: names, dates tied to a person, phone,
fax, e-mail, SSN, record, account and plan numbers, street addresses, ages over 89).  The
rule needs both:

- health context: a phrase from the ruleset's ``health_context`` vocabulary ("root canal",
  "diagnosis", "your visit");
- an identifier: one of the ``identifiers`` regexes, a name after a cue
  (``name_cues``: "patient Maria", "Mrs. Lopez"), the person a reply is addressed to
  ("@maria_l", "Hi Maria,"), and, when a trained spaCy pipeline is configured
  (``model:``), its PERSON entities.  The trained pipeline runs only on posts where
  the cheap health-context trigger already fired.

Example::

    FAIL  Great to see Mrs. Lopez back for her crown today!
    PASS  Crowns usually take two visits. Questions? Call us at the office.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import regexcheck
from ..model import Match
from ..textspans import MENTION_RE, is_reply, overlaps
from .base import Option, Rule, quote, vocabulary_check
from .phrase import PhraseIndex

if TYPE_CHECKING:
    from ..context import PostContext

_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear|thanks|thank you)[, ]+(?-i:([A-Z][a-z]+))\b"
    r"|(?-i:([A-Z][a-z]+)),\s+(?:thank you|thanks|we)\b"
    r"|(?:thank you|thanks) (?:so much )?for (?:your|the|this) (?:\w+ )?(?:review|feedback"
    r"|words|comment|note|message|stars|rating),?\s+(?-i:([A-Z][a-z]+))\b)",
    re.I,
)
_NOT_NAMES = frozenset({"We", "Our", "Everyone", "All", "You", "The", "This", "So", "For"})


_CONTACT_KINDS = frozenset({"phone", "e-mail", "street address", "fax"})
_OWN_CONTACT = re.compile(
    r"\b(?:call|text|phone|tel|telephone|fax|reach|contact|e-?mail|write|visit|book|find|"
    r"located|office|clinic|us|our|appointments?|consult(?:ation)?)\b[^.!?\n]*$",
    re.IGNORECASE,
)


def _title_case(text: str) -> bool:
    """A headline In Title Case, where every word is capitalised and none is a name."""
    words = re.findall(r"[A-Za-z][a-z']+", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _check_identifiers(value: Any) -> None:
    for name, regex in value.items():
        if not isinstance(regex, str):
            raise ValueError(f"identifier {name!r} must be a regex string")
        try:
            regexcheck.check(regex)
        except ValueError as exc:
            raise ValueError(f"identifier {name!r}: {exc}") from None


def _check_regex(value: Any) -> None:
    compiled = regexcheck.check(value)
    if compiled.groups < 1:
        raise ValueError("name_cues needs a group around the name")


class PhiRule(Rule):
    type_name = "phi"
    summary = "A person's identifiers in a post that also talks about their health care."
    placeholders = frozenset({"match", "kind", "context"})
    vocabularies = ("health_context",)
    options: ClassVar[dict[str, Option]] = {
        "identifiers": Option(dict, {}, "Kind of identifier -> regex.", _check_identifiers),
        "name_cues": Option(str, None, "Regex with a group around a name.", _check_regex, True),
        "vocabulary": Option(
            dict, {}, "health_context phrases.", vocabulary_check(("health_context",))
        ),
        "use_ner": Option(bool, True, "Use PERSON entities when a trained model is configured."),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        self.identifiers = {k: re.compile(v) for k, v in self.opts["identifiers"].items()}
        cues = self.opts["name_cues"]
        self.cues = re.compile(cues) if cues else None
        terms = self.opts["vocabulary"].get("health_context", [])
        self.context = PhraseIndex([(t, None) for t in terms])

    def _found(self, ctx: PostContext) -> Iterator[tuple[int, int, str]]:
        text = ctx.text
        urls = ctx.skipped_spans(("urls",))
        for kind, regex in self.identifiers.items():
            for m in regex.finditer(text):
                if m.end() > m.start() and not overlaps(m.start(), m.end(), urls):
                    if kind in _CONTACT_KINDS and _OWN_CONTACT.search(
                        text[max(0, m.start() - 40) : m.start()]
                    ):
                        continue  # "call us at 555-...": the practice's own number
                    yield m.start(), m.end(), kind
        if self.cues is not None and not _title_case(text):
            for m in self.cues.finditer(text):
                yield m.start(1), m.end(1), "name"
        if is_reply(text):
            greeting = _GREETING.match(text)
            group = next((g for g in (1, 2, 3) if greeting and greeting.group(g)), None)
            if greeting and group and greeting.group(group) not in _NOT_NAMES:
                yield greeting.start(group), greeting.end(group), "name"
            first = MENTION_RE.match(text.lstrip())
            if first:
                offset = len(text) - len(text.lstrip())
                yield offset + first.start(), offset + first.end(), "handle"
        if self.opts["use_ner"]:
            for start, end in ctx.entities("PERSON"):
                yield start, end, "name"

    def check(self, ctx: PostContext) -> Iterator[Match]:
        context = [ctx.text[s:e] for s, e, _, _ in self.context.find(ctx.doc)]
        if not context:
            return  # the cheap trigger: no health details, nothing to protect
        shown = ", ".join(dict.fromkeys(c.lower() for c in context))
        taken: list[tuple[int, int]] = []
        for start, end, kind in sorted(set(self._found(ctx))):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            yield Match(
                start,
                end,
                self.render(match=quote(ctx.text[start:end]), kind=kind, context=shown),
            )
