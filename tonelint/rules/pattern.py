"""Rule type ``pattern``: regular expressions and spaCy token patterns written in YAML.

Each entry of ``patterns`` is ``{regex: ...}`` (Python ``re`` syntax, matched on the post
text), ``{account: ...}`` (a regex matched right after the post's own account, named by its
name, an alias or its website at the start of a sentence: "Harbor Light Fertility invites";
nothing without an ``account``), ``{tokens: [...]}`` (a spaCy ``Matcher`` pattern: a list of
token specs such as ``{LEMMA: pleased}``; lemmas are lower case) or ``{words: [...], min:
N}``: words and phrases matched as the ``phrase`` type matches them (lemmas, token
boundaries) that are flagged only when at least N different ones stand in one sentence,
where each alone would be an ordinary word ("committed", "stakeholders", "initiative"). A
capitalised word inside a sentence is left out: it belongs to a name or a title ("Chief
Inclusion Officer"). A ``words`` match spans its first to its last listed word and gives way
to any other entry's match it overlaps. An entry may carry its own ``message`` and
``suggestion``; ``{match}`` in a message is the matched text and ``{words}`` the listed
words found (for a regex or token entry, the matched text). ``not_followed_by`` and
``not_preceded_by`` are regexes that cancel a match when they occur in the same sentence
within 80 characters after / before it (a passive voice "was decided" unless "by ...");
``unless`` is a regex that cancels the entry's matches when it occurs anywhere in the post;
``fix: true`` declares the suggestion a safe replacement for ``--fix``. Rule options:
``unless`` (with ``unless_within``: only the first N characters) clears the whole post, as a
disclosure does; ``replies_only`` checks only replies (to an @handle or a review: "Hi Sarah,
...", "Thanks for your review"). Patterns are compiled once, when the ruleset loads.

Example::

    patterns:
      - regex: '\\bper our conversation\\b'
        suggestion: as we discussed
      - tokens: [{LEMMA: be}, {LOWER: pleased}, {LOWER: to}, {LEMMA: announce}]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from .. import nlp, regexcheck
from ..literals import Gate, GateSet
from ..model import Match
from ..textspans import SPAN_KINDS, is_reply, overlaps
from .base import Option, Rule, message_fields, quote
from .phrase import PhraseIndex, _check_kinds, watch_words, word_forms

if TYPE_CHECKING:
    from ..context import PostContext

_ENTRY_KEYS = {
    "regex",
    "account",
    "tokens",
    "words",
    "min",
    "message",
    "suggestion",
    "not_followed_by",
    "not_preceded_by",
    "unless",
    "fix",
}
_KINDS = ("regex", "account", "tokens", "words")
_CONTEXT = 80  # characters searched by not_followed_by / not_preceded_by
# What may stand between the start of a sentence and the account's name: a few marks or
# emoji ("🎉 Acme invites ...").
_OPENING = re.compile(r"(?:^|[.!?:]\s+|\n\s*)\W{0,4}$")


def _check_patterns(value: Any) -> None:
    if not value:
        raise ValueError("needs at least one pattern")
    for n, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise ValueError(f"pattern {n} must be a mapping with 'regex' or 'tokens'")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise ValueError(f"pattern {n}: unknown key {sorted(unknown)[0]!r}")
        if sum(key in item for key in _KINDS) != 1:
            raise ValueError(
                f"pattern {n} needs exactly one of 'regex', 'account', 'tokens' or 'words'"
            )
        if "min" in item and "words" not in item:
            raise ValueError(f"pattern {n}: 'min' belongs to a 'words' entry")
        if "words" in item:
            words = item["words"]
            if not (
                isinstance(words, list)
                and words
                and all(isinstance(w, str) and w.strip() for w in words)
            ):
                raise ValueError(f"pattern {n}: words must be a non-empty list of phrases")
            least = item.get("min", 2)
            if not (isinstance(least, int) and not isinstance(least, bool) and least >= 2):
                raise ValueError(f"pattern {n}: min must be a whole number of at least 2")
        elif "regex" in item or "account" in item:
            kind = "regex" if "regex" in item else "account"
            if not isinstance(item[kind], str):
                raise ValueError(f"pattern {n}: {kind} must be a string")
            try:
                regexcheck.check(item[kind])
            except ValueError as exc:
                raise ValueError(f"pattern {n}: {exc}") from None
        elif not (
            isinstance(item["tokens"], list)
            and item["tokens"]
            and all(isinstance(t, dict) for t in item["tokens"])
        ):
            raise ValueError(f"pattern {n}: tokens must be a non-empty list of mappings")
        for key in ("message", "suggestion", "not_followed_by", "not_preceded_by", "unless"):
            if key in item and not isinstance(item[key], str):
                raise ValueError(f"pattern {n}: {key} must be a string")
        if "message" in item:
            unknown = message_fields(item["message"]) - PatternRule.placeholders
            if unknown:
                raise ValueError(
                    f"pattern {n}: message uses unknown placeholder {{{sorted(unknown)[0]}}}; "
                    "patterns offer {match}, {words} and {suggestion}"
                )
        if "fix" in item and not (isinstance(item["fix"], bool) and item.get("suggestion")):
            raise ValueError(f"pattern {n}: fix must be true or false, with a suggestion")
        for key in ("not_followed_by", "not_preceded_by", "unless"):
            if key in item:
                try:
                    regexcheck.check(item[key])
                except ValueError as exc:
                    raise ValueError(f"pattern {n}: {key}: {exc}") from None


@dataclass(frozen=True)
class _Entry:
    message: str | None
    suggestion: str | None
    after: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    fix: bool = False

    def vetoed(self, text: str, start: int, end: int) -> bool:
        """Whether the text right after / before the match (same sentence) cancels it."""
        if self.after is not None:
            tail = re.split(r"[.!?\n]", text[end : end + _CONTEXT], maxsplit=1)[0]
            if self.after.search(tail):
                return True
        if self.before is not None:
            head = re.split(r"[.!?\n]", text[max(0, start - _CONTEXT) : start])[-1]
            if self.before.search(head):
                return True
        return False


_WORD_KEYS = ("LOWER", "LEMMA", "ORTH", "TEXT")

# Where a ``words`` entry's sentence ends: . ! ? before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_AFTER_SENTENCE = frozenset(".!?:\n")


def _in_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised inside a sentence, as a word of a name
    or a title is ("our Chief Inclusion Officer"); a sentence's first word is not."""
    if not text[start].isupper():
        return False
    i = start - 1
    while i >= 0 and text[i].isspace() and text[i] != "\n":
        i -= 1
    return i >= 0 and text[i] not in _AFTER_SENTENCE


class _WordRegex:
    """A ``LOWER: {REGEX: ...}`` test a pattern needs ``count`` tokens to pass; its verdict
    on each word is remembered across posts (bounded)."""

    __slots__ = ("count", "hits", "regex", "seen")

    def __init__(self, pattern: str, count: int) -> None:
        self.regex = re.compile(pattern)
        self.count = count
        self.seen: dict[str, None] = {}
        """Every word tested so far (a dict of strings, which the garbage collector does
        not track, unlike a set: it grows large)."""
        self.hits: set[str] = set()
        """The words of ``seen`` the regex matches."""

    def present(self, lowers: Sequence[str]) -> bool:
        """Whether at least ``count`` of the tokens ``lowers`` match the regex.  Set
        operations find the words not tested yet and the words that match, so a post of
        known words that match none (the usual case) costs no loop over its tokens."""
        distinct = set(lowers)
        new = distinct.difference(self.seen)
        if new:
            if len(self.seen) + len(new) > 100_000:
                self.seen.clear()
                self.hits.clear()
            search = self.regex.search
            self.hits.update(w for w in new if search(w))
            self.seen.update(dict.fromkeys(new))
        matched = self.hits.intersection(distinct)
        if not matched:
            return False
        if self.count <= 1:
            return True
        return sum(1 for lower in lowers if lower in matched) >= self.count


Need = frozenset[str] | _WordRegex


def _required_words(tokens: list[dict[str, Any]]) -> list[Need] | None:
    """What a post must contain for a token pattern to match, one entry per token the
    pattern cannot skip (no ``OP``, or ``OP: "+"``) and whose test is on words: the
    lower-cased words one of which must be present (``LOWER``, ``LEMMA``, ``ORTH`` or
    ``TEXT`` as a string or ``{IN: [...]}``), or the regex some lower-case word must match
    (``LOWER: {REGEX: ...}``, with how many tokens must match it).  Other tests add
    nothing.  None when nothing is required."""
    needs: list[Need] = []
    regexes: dict[str, int] = {}
    for spec in tokens:
        if not isinstance(spec, dict) or spec.get("OP", "1") not in ("1", "+"):
            continue
        if set(spec) - {*_WORD_KEYS, "OP"}:
            continue  # also tests something else (IS_ALPHA ...): keep it simple, no need
        words: set[str] = set()
        regex: re.Pattern[str] | None = None
        for key in _WORD_KEYS:
            value = spec.get(key)
            if isinstance(value, str):
                words.add(value.lower())
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                words.update(str(v).lower() for v in value["IN"])
            elif key == "LOWER" and isinstance(value, dict) and set(value) == {"REGEX"}:
                regex = re.compile(str(value["REGEX"]))
            elif value is not None:
                break  # NOT_IN, a number ...: no need from this token
        else:
            if regex is not None and not words and len(spec.keys() - {"OP"}) == 1:
                regexes[regex.pattern] = regexes.get(regex.pattern, 0) + 1
            elif words and regex is None:
                needs.append(frozenset(words))
    # set lookups first: they are cheaper
    needs += [_WordRegex(pattern, count) for pattern, count in regexes.items()]
    return needs or None


def _present(need: Need, keys: set[str], lowers: Sequence[str]) -> bool:
    """Whether a post with these word keys (``Forms.keys``) and token lower-case forms
    meets one need of a token pattern."""
    if isinstance(need, frozenset):
        return not need.isdisjoint(keys)
    return need.present(lowers)


class PatternRule(Rule):
    type_name = "pattern"
    summary = "Regular expressions and spaCy token-Matcher patterns."
    placeholders = frozenset({"match", "suggestion", "words"})
    options: ClassVar[dict[str, Option]] = {
        "patterns": Option(
            list, [], "Entries {regex|tokens, message?, suggestion?}.", _check_patterns
        ),
        "ignore_case": Option(bool, True, "Match regexes case-insensitively."),
        "unless": Option(
            str, None, "A regex that clears the whole post when found.", nullable=True
        ),
        "unless_within": Option(
            int, None, "Look for 'unless' only in the first N characters.", nullable=True
        ),
        "replies_only": Option(bool, False, "Only check replies (to a person or a review)."),
        "ignore_inside": Option(
            list, list(SPAN_KINDS), "Spans never matched (see the phrase type).", _check_kinds
        ),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        flags = re.IGNORECASE if self.opts["ignore_case"] else 0
        self.regexes: list[tuple[re.Pattern[str], _Entry, Gate]] = []
        self.token_entries: dict[str, _Entry] = {}
        self.matcher: Any = None
        self.needs: list[list[Need] | None] = []
        self.stacks: list[tuple[PhraseIndex, int, _Entry]] = []
        self.after_account: list[tuple[re.Pattern[str], _Entry]] = []
        for n, item in enumerate(self.opts["patterns"]):
            entry = _Entry(
                item.get("message"),
                item.get("suggestion"),
                re.compile(item["not_followed_by"], flags) if "not_followed_by" in item else None,
                re.compile(item["not_preceded_by"], flags) if "not_preceded_by" in item else None,
                re.compile(item["unless"], flags) if "unless" in item else None,
                bool(item.get("fix", False)),
            )
            if "regex" in item:
                regex = re.compile(item["regex"], flags)
                self.regexes.append((regex, entry, Gate(regex)))
                continue
            if "account" in item:
                self.after_account.append((re.compile(item["account"], flags), entry))
                continue
            if "words" in item:
                index = PhraseIndex([(w, None) for w in item["words"]])
                self.stacks.append((index, item.get("min", 2), entry))
                continue
            if self.matcher is None:
                from spacy.matcher import Matcher

                self.matcher = Matcher(nlp.blank_pipeline().vocab)
            key = f"{rule_id}-{n}"
            self.needs.append(_required_words(item["tokens"]))
            try:
                self.matcher.add(key, [item["tokens"]])
            except (ValueError, KeyError, TypeError) as exc:
                first = str(exc).strip().splitlines()[0]
                raise ValueError(f"pattern {n + 1}: invalid token pattern: {first}") from None
            self.token_entries[key] = entry
        self.gates = GateSet([gate for _, _, gate in self.regexes])
        # ``Forms.keys`` holds only watched words: the words the token patterns need
        watch_words(
            w for needs in self.needs if needs for n in needs if isinstance(n, frozenset) for w in n
        )
        # The words one of which every token pattern needs first: a post with none of them
        # skips the token patterns at once (None when some pattern needs no such word).
        firsts = [needs[0] for needs in self.needs if needs and isinstance(needs[0], frozenset)]
        self.first_words: frozenset[str] | None = (
            frozenset[str]().union(*firsts) if firsts and len(firsts) == len(self.needs) else None
        )
        self.skip = tuple(self.opts["ignore_inside"])
        flag = re.IGNORECASE if self.opts["ignore_case"] else 0
        self.unless = regexcheck.check(self.opts["unless"], flag) if self.opts["unless"] else None

    def _matches(self, ctx: PostContext) -> Iterator[tuple[int, int, _Entry]]:
        text = ctx.text
        regexes = self.regexes
        for i in self.gates.open(text, ctx.lower, ctx.folds_to_ascii):
            regex, entry, _ = regexes[i]
            for m in regex.finditer(text):
                if m.end() > m.start():
                    yield m.start(), m.end(), entry
        account = ctx.post.account
        if self.after_account and account is not None:
            yield from self._after_account(text, account.self_mentions(text))
        if self.matcher is not None and self._may_match(ctx):
            doc = nlp.sentenced(nlp.lemmatized(ctx.doc))  # patterns may test either
            strings = doc.vocab.strings
            for match_id, start, end in self.matcher(doc):
                span = doc[start:end]
                yield span.start_char, span.end_char, self.token_entries[strings[match_id]]

    def _after_account(
        self, text: str, spans: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int, _Entry]]:
        """The ``account`` entries' matches: the account named (not by a handle or a
        hashtag) at the start of a sentence, and the entry's regex right after it."""
        for start, end in spans:
            if text[start] in "@#" or not _OPENING.search(text, max(0, start - 8), start):
                continue
            for regex, entry in self.after_account:
                m = regex.match(text, end)
                if m and m.end() > end:
                    yield start, m.end(), entry

    def _stacked(
        self, ctx: PostContext, skipped: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int, _Entry, str]]:
        """The ``words`` entries' matches: sentences holding ``min`` different listed words
        outside the skipped spans and outside names, from the first to the last of them."""
        text = ctx.text
        for index, least, entry in self.stacks:
            found: dict[int, dict[str, tuple[int, int]]] = {}
            ends: list[int] | None = None
            for start, end, phrase, _ in index.find(ctx.doc):
                if overlaps(start, end, skipped) or _in_name(text, start):
                    continue
                if ends is None:
                    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
                found.setdefault(bisect.bisect_right(ends, start), {}).setdefault(
                    phrase, (start, end)
                )
            for words in found.values():
                if len(words) >= least:
                    spans = sorted(words.values())
                    listed = ", ".join(f"'{quote(text[s:e])}'" for s, e in spans)
                    yield spans[0][0], spans[-1][1], entry, listed

    def _may_match(self, ctx: PostContext) -> bool:
        """Whether some token pattern could match: every one needs certain words (see
        ``_required_words``), and most posts hold none of them, so the matcher is skipped."""
        keys = word_forms(ctx.doc).keys
        if self.first_words is not None and self.first_words.isdisjoint(keys):
            return False
        lowers = nlp.tokens(ctx.doc).lowers
        for needs in self.needs:  # plain loops: any() over all() over generators is slower
            if needs is None:
                return True
            for need in needs:
                if not _present(need, keys, lowers):
                    break
            else:
                return True
        return False

    def _cleared(self, regex: re.Pattern[str] | None, text: str) -> bool:
        if regex is None:
            return False
        within = self.opts["unless_within"]
        return bool(regex.search(text if within is None else text[:within]))

    def check(self, ctx: PostContext) -> Iterator[Match]:
        if self.opts["replies_only"] and not is_reply(ctx.text):
            return
        skipped = ctx.skipped_spans(self.skip)
        matches: list[tuple[int, int, _Entry, str | None]] = [
            (start, end, entry, None) for start, end, entry in self._matches(ctx)
        ]
        matches.sort(key=lambda m: (m[0], -m[1]))
        if self.stacks:  # after the other entries: they give way to any of those
            matches += sorted(self._stacked(ctx, skipped), key=lambda m: (m[0], -m[1]))
        if not matches or self._cleared(self.unless, ctx.text):
            return  # (the rule-wide 'unless' is tested only when something matched)
        taken: list[tuple[int, int]] = []
        for start, end, entry, listed in matches:
            if listed is None and overlaps(start, end, skipped):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            if entry.vetoed(ctx.text, start, end) or self._cleared(entry.unless, ctx.text):
                continue
            taken.append((start, end))
            text = quote(ctx.text[start:end])
            template = entry.message or self.message
            values = {"match": text, "suggestion": entry.suggestion or "", "words": listed or text}
            suggestion = entry.suggestion
            if suggestion and ctx.text[start : start + 1].isupper() and suggestion[:1].islower():
                suggestion = suggestion[0].upper() + suggestion[1:]
            fix = suggestion if entry.fix else None
            yield Match(start, end, template.format_map(values), suggestion, fix)
