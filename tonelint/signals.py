"""What a post does, as countable signals: who it talks about, what it sells, whether it
asks, answers or invites.  The ``score`` rule type weighs these into explainable judgements
(``self-promotion``, ``no-engagement``).

Signals come from the blank pipeline's tokens and lemmas, the account config, and the
vocabulary lists a ruleset gives (``promotional``, ``bragging``, ``calls_to_buy``,
``invitations``, ``informative``), matched like ``phrase`` rules.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from . import nlp
from .literals import Gate
from .rules.phrase import PhraseIndex
from .textspans import hashtag_form, is_reply, overlaps

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import PostContext

FIRST_PERSON = frozenset(
    {"we", "our", "ours", "us", "ourselves", "i", "my", "me", "mine", "myself"}
)
SINGULAR = frozenset({"i", "my", "me", "mine", "myself"})
# "our communities", "our lives": the inclusive we of the reader and the writer together.
INCLUSIVE = frozenset(
    {
        "lives",
        "communities",
        "community",
        "nation",
        "country",
        "world",
        "planet",
        "children",
        "kids",
        "society",
        "future",
        "neighbors",
        "neighbours",
        "health",
    }
)
IMPLIED_SPEAKER = frozenset({"proud", "honored", "honoured", "thrilled", "excited", "delighted"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "y'all", "ya"})
_PERSONAL = FIRST_PERSON | IMPLIED_SPEAKER | SECOND_PERSON
VOCABULARIES = ("promotional", "bragging", "calls_to_buy", "invitations", "informative")
SIGNALS = (
    "first_person",
    "self_mention",
    "second_person",
    *VOCABULARIES,
    "link",
    "teaser",
    "caption",
    "question",
    "pitch_question",
    "greets_first",
    "mention",
    "reply",
)
# Composite signal names a rule may also use.
COMPOSITES = {"self_reference": ("first_person", "self_mention")}
# The order the phrase lists are read in: boasts before invitations ("voted best" is no
# call to vote), invitations before offers, offers and calls before advice ("flat rate").
_VOCABULARY_ORDER = ("bragging", "invitations", "calls_to_buy", "promotional", "informative")

_RESHARE = re.compile(r"^\s*RT (@\w{1,30}):")
# Another organisation's news passed on, with at most a line of the business's own: "Sharing
# from the Pellworth Police Department: ...", "From the Marsh Ferry Historical Society: ...",
# "[Repost from Alder Falls Parks & Rec: ...]".
_SHARED_FROM = re.compile(
    r"(?i)^\W*(?:sharing|shared|reposting|reposted|repost|passing along)(?:\s+this)?\s+from\s+"
    r"(?:the\s+)?((?-i:[A-Z@])[^\n:]{1,60}):"
    r"|^\W*from\s+the\s+((?-i:[A-Z][\w'&.-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w'&.-]*){1,7}))\s*:"
)
# A repost quoted under a line of the business's own ("come say hi 🍭 [Repost from Parks &
# Rec: ...]"): the bracket is someone else's words, read as a quotation.
_REPOST = re.compile(r"(?i)\[(?:repost(?:ed)?|shared|sharing)\s+from\b[^\]]*\]?")
# A reply starts with the handles it answers; in a hosted chat the answer number comes
# first ("A3b @dana ...", "A12a .@dana ...").
_REPLY = re.compile(r"^\s*(?:[AQ]\d{1,2}[a-z]?\s*[:.]?\s+\.?)?(?:@\w{1,30}\s*)+")
_QUESTION = re.compile(r"\?(?=[\s\"'\u201d)]|$)")
# A quotation right after a question mark: the question is answered in the post.
_QUOTED_ANSWER = re.compile(r"\s{0,3}[\"\u201c]")
# A sales hook phrased as a question ("Need a plumber fast?", "Who doesn't want free
# pizza?"): it answers itself with the offer that follows and asks nothing back.
_HOOK = re.compile(
    r"(?:(?:still |a little |running )?(?:want|wanna|need|needing|looking for|ready for|"
    r"ready to|craving|hungry|thirsty|tired of|sick of|missed|miss|late on|short on|"
    r"in the mood for|in need of|struggling with|can't decide|can\u2019t decide|"
    r"who doesn't|who doesn\u2019t|who does not|why not|what's better than|"
    r"what\u2019s better than|have you tried|planning|thinking of|thinking about|considering|"
    r"due for|overdue for|putting off|been putting off|dreaming of)\b)",
    re.IGNORECASE,
)
# The end of a sentence: not the dot of "2.5", "t.co" or "St. Louis".
_SENTENCE_BREAK = re.compile(
    r"[!?\n]|(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bvs)(?<!\bNo)\.(?=\s|$)"
)
# "Join us", "help CDC", "follow @OurBrand": asking people to come to the account itself.
_INVITE_TO_SELF = re.compile(
    r"\b(?:join|visit|follow|support|help|meet|contact|call|watch|listen to|hear from|"
    r"stop by|come see|come visit)\s+$",
    re.IGNORECASE,
)
# Thanks or congratulations aimed at the account's own people ("congrats to our CEO").
_OWN_PEOPLE = re.compile(
    r"\s*(?:our|my)\s+(?:own\b(?!\s+(?:[\w.-]+\s+)?(?:community|town|city|village|county|state"
    r"|country|neighbou?r\w*|backyard|back yard)\b)"
    r"|(?:(?!(?:and|or|of|for|with)\b)[\w.-]+\s+){0,2}?"
    r"(?:ceo|founder|president|officers?|team|teams|staff|employees|people|franchisees?|crew|"
    r"colleagues|leaders?|stylists?|hygienists?|technicians?|techs?|nurses?|assistants?|"
    r"managers?|associates?|apprentices?|receptionists?|groomers?|paralegals?|attorneys?|"
    r"dentists?|doctors?|veterinarians?|agents?|arborists?|barbers?|bakers?|foreman|drivers?))\b",
    re.IGNORECASE,
)
# A credential earned or years served: a business congratulates its own people on these
# ("Congrats to Luis on passing his ISA Certified Arborist exam", "now he's officially
# licensed", "shout out to Miguel for 5 yrs with us").
_CREDENTIAL = re.compile(
    r"(?i)\b(?:pass(?:ed|ing)|earn(?:ed|ing)|complet(?:ed|ing)|achiev(?:ed|ing))\s+"
    r"(?:(?:his|her|their|the|a|an)\s+)?(?:[\w\u00ae&.'()-]+\s+){0,5}?"
    r"(?:exams?|boards|certification|licen[cs]e|designation|credential)\b"
    r"|\b(?:now|officially)\s+(?:a\s+)?(?:licensed|certified|credentialed|board[- ]certified)\b"
    r"|\bon\s+(?:his|her|their)\s+(?:[\w\u00ae&.'()-]+\s+){0,4}?(?:certification|licen[cs]e"
    r"|designation)\b"
    r"|\bon\s+(?:his|her|their)\s+(?:appointment|promotion)\s+(?:as|to)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:manager|director|partner|supervisor|lead|head|chief|officer|president|associate)\b"
    r"|\b(?:complet(?:ion|ing|ed))\s+(?:of\s+)?(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:fellowship|residency|certification|training|degree)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\s*(?:years?|yrs)\s+"
    r"(?:with us|on (?:the|our) team|behind the (?:counter|chair|bar))\b"
)
# The account, named first, congratulating someone else in its own formal voice: "Northbeam
# Financial extends its warmest congratulations to ...", "Fenwick & Osei congratulates the
# Eastside Workers Center", "... would like to recognize Mr. Harold Dempsey".  (Thanks and
# appreciation in that voice usually lead into the firm's own good deed, and "is proud to
# recognize" into its own programme: neither is counted here.)
_FORMAL_GREETING = re.compile(
    r"(?i)\s+(?:(?:extends?|sends?)\s+(?:(?:its|our|their)\s+)?(?:(?:warmest|warm|sincere"
    r"|sincerest|heartfelt|hearty|best)\s+)?congratulations(?:\s+to)?|congratulates"
    r"|(?:would like|wishes|is pleased)\s+to\s+(?:congratulate|recogni[sz]e))\b"
)
_CREDENTIAL_REACH = 160  # characters after the congratulations
# Thanks to everyone in a group: "Congrats to all the seniors who passed their exams".
_GENERIC_PARTY = re.compile(r"(?i)\s*(?:to\s+)?(?:all|everyone|everybody|every|each|anyone)\b")
_THANKS = re.compile(
    r"(?i)^(?:thank|thanks|congrat|shout|happy (?:birthday|retirement|anniversary))"
)
_THANK_YOU = re.compile(r"(?i)^thank")
# Pride in someone else, not a boast: "proud of you", "so proud of y'all", "proud of Denise".
_PRIDE_IN_OTHERS = re.compile(
    r"\s+of\s+(?:(?i:you|y'?all|y\u2019all|your|them|him|her|these|those|every|each)\b"
    r"|@\w|(?!(?:Our|My|Us|We|The)\b)[A-Z][a-z])"
)
# Thanks, congratulations or a shout-out to someone named: "Thank you to the Port Alder
# Public Library", "Shoutout to Miller Family Farm", "Congrats to @TheIronKettleKC".
_NAMED_PARTY = re.compile(
    r"\s*(?:the\s+)?(?:@\w|(?!(?:Every|Everyone|Everybody|All|Each|You|Your|Our|My|Us|We)\b)"
    r"[A-Z][a-z])"
)
# A greeting's signature: "from all of us at Acme", "from the Acme team".
_SIGN_OFF = re.compile(
    r"\bfrom (?:all of us|everyone|the (?:whole |entire )?"
    r"[\w!'\u2019.&-]+(?: [\w!'\u2019.&-]+){0,3}? (?:team|family|crew|staff))"
    r"(?: (?:here )?at [^.!?\n]{1,40})?",
    re.IGNORECASE,
)
_SIGN_OFF_GATE = Gate(_SIGN_OFF)  # "from" is in every sign-off: most posts skip the regex
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# A phone number ("555-0142", "(555) 201-7788", "1-800-555-0199"): a way to buy, like a
# call to action.
_PHONE = re.compile(r"(?<![\w.-])(?:\+?1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])?\d{3}[-.]\d{4}(?![\w-])")
_PHONE_HINT = re.compile(r"\d{3}[-.]\d")  # what every phone number holds, found fast
# A staff spotlight opening a sentence: "Meet Rosa!", "Say hello to Dr. Lee", "This is Sal.",
# "Crew spotlight: meet Luis".
_SPOTLIGHT = re.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[Ss]potlight:)|(?<=SPOTLIGHT:))[^\w\n]{0,8}"
    r"\b(?:(?:Meet|MEET|meet|Say hello to|Say hi to)\s+"
    r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?(?!(?:The|Our|Us|An?|Your|My)\b)[A-Z][a-z]+\b"
    r"|This is (?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][a-z]+(?=[.!,]))"
)
# "Welcome Dr. Lee to the team!", "Welcome to the family @kev.cuts": a new hire announced.
_WELCOME = re.compile(
    r"\b[Ww]elcome,?\s+(?:(?:Dr|Mr|Mrs|Ms)\.?\s+|Attorney\s+|Nurse\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+)?,?\s+to\s+(?:the|our)\s+(?:[\w&'\u2019-]+\s+){0,3}?"
    r"(?:team|firm|practice|office|clinic|crew|family|staff)\b"
    r"|\b[Ww]elcome to the (?:team|family|crew)[,!]?\s+(?:@\w|[A-Z][a-z])"
)
# A quoted review signed by the customer: '"They were so gentle." — Karen'.
_TESTIMONIAL = re.compile(r"[\"\u201d]\s*[-\u2013\u2014]+\s*[A-Z][a-z]")
# What follows the business's own name when it announces a service in the third person.
_OFFERS = re.compile(r"(?i)\s+(?:now |also )?(?:offers|provides)\b|\s+now (?:has|accepts|takes)\b")
# A finished job shown off: "Before ➡️ after", "before/after", "before & after", "Before:
# sleeves too long. After: fixed.", "came in looking like a mop and left looking like a
# teddy bear", "Out with the old, in with the new".
_BEFORE_AFTER = re.compile(
    r"(?i)\bbefore\s*(?:[/&+]|->|\u2192|\u27a1\ufe0f?)\s*after\b"
    r"|\bbefore\s*:(?=[\s\S]{0,300}?\bafter\s*:)"
    r"|\bcame in (?:looking like|as)\b[^.!?\n]{1,80}?\b(?:left|went home) (?:looking like|as)\b"
    r"|\bout with the old\b"
)
# A job the business finished, told with where or when: "Tankless water heater install in
# Riverside today", "replacement done in ONE day", "FULL CORRECTION on this Mustang GT",
# "swapped out this water heater in Hilliard today", "Water heater swap today in Lakeview".
# The work is the business's own even when no "we" says so; "well done to everyone who ran"
# and "once he finished" are not jobs.
_JOB = (
    r"(?:done|finished|completed|installed|wrapped up|wrapped it up|swapped out|replaced|install"
    r"|(?:heater|panel|tire|tyre|battery|furnace|toilet|faucet|pump|unit|motor|compressor|breaker"
    r"|filter|valve|line)\s+swap|tear-off|re-?roof"
    r"|installation|replacement|upgrade|correction|tune-up|clean-?up|makeover|remodel"
    r"|renovation|goes solar|in for an?)"
)
_WHEN = (
    r"(?:today|yesterday|this (?:week|morning|afternoon)|in (?:one|two|three|\d+) days?"
    r"|(?:on|in|for|at) this (?!(?:day|week|month|year|time|post|season|weekend|morning)\b)\w+)"
)
_JOB_DONE = re.compile(rf"(?i)\b{_JOB}\b")
_JOB_GATE = Gate(_JOB_DONE)  # the literals every match holds: a cheap test first
_JOB_WHEN = re.compile(rf"(?i)\b{_WHEN}\b")
_NOT_A_JOB = re.compile(r"(?i)\b(?:well|he|she|they|I|we|you)\s+$")  # "well done", "she finished"
_JOB_REACH = 60  # characters between the job and its where or when, in one sentence
# A question asking what the business should do next: input wanted, even after an offer.
_ASKS_FOR_INPUT = re.compile(
    r"(?i)\b(?:should we|shall we|want us to|like us to|would you like us|should I|help us)\b"
)
# Greetings to someone else the phrase list cannot hold: "Happy 90th birthday to Ruth",
# "Happy 10 years to our neighbours", "Muchas gracias a Doña Carmen", "Cheers to the lady".
_GREETING = re.compile(
    r"(?i)(?:\bhappy\s+\d+(?:st|nd|rd|th)?\s+(?:birthday|anniversary|years?)?\s*(?:to)?"
    r"|\b(?:muchas\s+)?gracias(?:\s+a)?|\bcheers\s+to|\bwelcome\s+to\s+the\s+neighbou?rhood"
    r"|^\W*thank\s+you(?=,?\s+(?:@\w|(?-i:[A-Z])))),?"
)
_GREETING_GATE = Gate(_GREETING)
# "#1" or "number one" ranking a fact, not the business: "the #1 reason aids break".
_RANKS = frozenset({"#1", "no. 1", "number one"})
_RANKS_A_FACT = re.compile(
    r"(?i)\s+(?:reason|cause|question|mistake|tip|thing|rule|complaint|sign|killer|source"
    r"|risk|problem|culprit|myth|request)s?\b"
)
_OF = re.compile(r"\s+of\b(?!\s+the\s+line\b)", re.IGNORECASE)  # "top of the line" boasts
# A price ("$49", "£18", "$99/mo"): an offer.
_PRICE = re.compile(r"[$\u00a3\u20ac]\s?\d[\d,]*(?:\.\d\d)?\b|\b\d{1,2}\s?%\s?(?i:off|discount)\b")
# A call to act that only applies if something happens ("If someone calls you, hang up and
# call us"): advice, not a sale.
_CONDITION = re.compile(r"(?i)\b(?:if|unless)\b")
# A row of rating stars: a review shown off.
_STARS = re.compile(r"[\u2b50\u2605](?:\ufe0f)?(?:\s*[\u2b50\u2605](?:\ufe0f)?){2,}")
# A capitalised word just after a match ("Advisory Council"); the end of a sentence just
# before one.
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][\w'\u2019&-]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:\n]|^\W+)\s*$")
# A call to buy is an imperative: its verb opens the sentence ("Book now", "🦷 Call us")
# or follows a word that leaves it one ("please call", "so come in", "don't forget to
# book", "you can order").  "We see aids come in for repair" and "people choose to come in
# monthly" tell what others do; they call nobody.
_CALL_VERBS = frozenset(
    "book order buy shop call visit stop come sign register donate get grab reserve schedule"
    " claim try click use join apply tune watch dm message text swing save enquire"
    " inquire".split()
)
_BEFORE_CALL = frozenset(
    "please pls plz just so then and or now today tonight simply also go come kindly".split()
)
_BEFORE_TO_CALL = frozenset(
    "forget sure remember hesitate free want need wait you time reminder chance".split()
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LAST_WORDS = re.compile(r"(?:([\w'\u2019]+)\W+)?([\w'\u2019]+)[^\w]*$")
# A product or service back or in ("Pumpkin spice is BACK", "Flu shots are in 💉",
# "Preorders are open!", "Spring menu is here:", "Seed potatoes are in for spring"): an
# offer, the business's own, even with no "we".  Seasons ("Flu season is here") and
# "comments are open" are no offer.
_ARRIVAL = re.compile(
    r"[sSeE]\s+(?i:here|back|in|out|open)\b(?=\s*(?:[!.:,]|$|[^\w\s])|[ \t]*\r?\n"
    r"|\s+(?i:today|tomorrow|now|again|for (?:the )?(?:spring|summer|fall|autumn|winter|season"
    r"|holidays))\b)"
    rf"|[sSeE]\s+(?i:back)\s+(?=(?i:on {_WEEKDAY}s?|every"
    r"|this (?:week|weekend)|by (?:popular )?demand)\b)"
)
# The same offer said with "returns" ("Maple oat latte returns tomorrow", "the Festive Feast
# returns just in time!"); tax and investment returns are no offer.
_RETURNS = re.compile(
    r"(?<![\w'\u2019-])([\w'\u2019-]{1,40})\s+(?i:returns|is returning|are returning)"
    r"(?=\s*!|\s+(?i:today|tomorrow|tonight|this|next|on|just in time)\b)"
)
_NOT_ARRIVING = frozenset(
    "season seasons comments comment weather spring summer winter fall autumn it that this"
    " he she they we who what there here results votes kids school power".split()
)
_NOT_RETURNING = _NOT_ARRIVING | frozenset(
    "tax taxes income amended individual federal business your their our investment"
    " investments market annual expected guaranteed higher lower total accept accepts no free"
    " easy sunshine sun rain snow cold heat warmth".split()
)
# A service the business has just added ("Now offering dry needling", "Acme PT is now in
# network with ...", "pleased to offer telehealth"): its own offer, with or without "we".
# ("... is now available" and "now open Sundays" are left to the word lists: readers call
# them notices as often as offers.)
_NEW_SERVICE = re.compile(
    r"(?i)\b(?:now (?:offering|accepting|serving|servicing|installing|in[- ]network|carrying"
    r"|stocking)"
    r"|(?P<formula>(?:pleased|happy|proud|excited|thrilled) to (?:now )?offer))\b"
)
# Who says it: a headline ("Now offering ..." opens a sentence), "we", or the account's name
# just before ("Acme PT is now in network"); "The food bank is now accepting donations" is
# someone else's news.
_SAID_BY_US = re.compile(
    r"(?i)(?:\b(?:we|we're|we\u2019re|we are|we have|i am|i'm)\s+(?:\w+\s+)?$)"
)
# A talk its own people give ("Attorney Simone Delacroix will present \"Immigration ...\" at
# the Chamber breakfast", "Dr. Ames is speaking at the Rotary lunch"): the firm shows its
# expertise.
_TALK = re.compile(
    r"\bwill (?:present|speak|be speaking|be presenting)(?: on| at)?:?\s*(?=[\"\u201c])"
    r"|\b(?:will be|is|are) (?:speaking|presenting) at\b"
)
# The speaker of a talk, earlier in its sentence: one of the firm's people by title, or "we".
_SPEAKER = re.compile(
    r"(?:\b(?:Attorney|Partner|Counsel|Associate|Dr\.?|Our|our|We|we)\b)[^.!?\n]{0,60}$"
)
_ARRIVAL_SUBJECT = re.compile(r"(?i)([\w'\u2019-]+)\s*(?:\s(?:is|are)|'s|\u2019s)$")
# A sale shown off at the top of the post, in capitals: "SOLD in 4 days", "JUST LEASED 🔑",
# "CLOSED! 🔑🎉".  ("CLOSED Monday for Labor Day" is a notice.)
_DEAL_DONE = re.compile(
    r"^\W*(?:JUST\s+)?(?:(?:SOLD|UNDER CONTRACT|LISTED|LEASED)\b|CLOSED\b(?![ \t]*[:,-]?[ \t]*"
    r"(?i:on|for|until|till|today|tomorrow|tonight|this|next|all|due|mon|tue|wed|thu|fri|sat"
    r"|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|snow|weather)\b))"
)
TEASER_WORDS = 2
_SMALL_WORDS = frozenset({"the", "and", "for", "but", "nor", "with", "from", "via", "per"})


def _opens_sentence(token: Token, followers: tuple[str, ...]) -> bool:
    """The token starts a sentence and the next word is one of ``followers``."""
    doc = nlp.sentenced(token.doc)
    first = token.i == 0 or token.is_sent_start or doc[token.i - 1].is_space
    return bool(first and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in followers)


@dataclass
class Signals:
    """Counts per signal, and the words that produced them (for the message).  A signal
    that is absent has no entry in ``counts``: every count there is positive."""

    counts: dict[str, int] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, word: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        self.words.setdefault(name, []).append(word)

    def count(self, name: str) -> int:
        parts = COMPOSITES.get(name)
        if parts is None:  # the common case: one signal, no sum to build
            return self.counts.get(name, 0)
        return sum(self.counts.get(p, 0) for p in parts)


class Vocabulary:
    """The ruleset's signal word lists, compiled once (and shared by rules with the same lists,
    so a post's signals are counted once for all of them)."""

    _shared: ClassVar[dict[str, Vocabulary]] = {}

    def __init__(self, lists: Mapping[str, Sequence[str]]) -> None:
        self.indexes = {
            name: PhraseIndex([(p, None) for p in lists.get(name, ())]) for name in VOCABULARIES
        }
        # phrases of several words run together, as a hashtag writes them: "happythanksgiving"
        # for "happy thanksgiving" (one-word phrases already match a hashtag's word).  Not
        # the informative words: an observance hashtag (#InternationalWomensDay) heads
        # features on the company's own people as often as posts about others.
        self.hashtags = {
            hashtag_form(p): name
            for name in VOCABULARIES
            if name != "informative"
            for p in lists.get(name, ())
            if len(hashtag_form(p)) > 2 and hashtag_form(p) != p.lower()
        }

    @classmethod
    def shared(cls, lists: Mapping[str, Sequence[str]]) -> Vocabulary:
        key = json.dumps({k: list(v) for k, v in lists.items()}, sort_keys=True)
        if key not in cls._shared:
            cls._shared[key] = cls(lists)
        return cls._shared[key]


def extract(ctx: PostContext, vocabulary: Vocabulary) -> Signals:
    """Count every signal in one post (once per post and vocabulary)."""
    cache: dict[int, Signals] = ctx.cache.setdefault("signals", {})
    if id(vocabulary) not in cache:
        cache[id(vocabulary)] = _extract(ctx, vocabulary)
    return cache[id(vocabulary)]


def _personal_positions(lowers: Sequence[str], curly: bool) -> list[int]:
    """The positions of the tokens (by lower-case form) the person loop of ``_extract``
    reads: the words of ``_PERSONAL`` and, when the text holds a curly apostrophe
    (``curly``), every token with one ("we\u2019re").  Most posts hold no such word, and a
    set test finds that without a loop."""
    if curly:
        return [i for i, lower in enumerate(lowers) if lower in _PERSONAL or "\u2019" in lower]
    if _PERSONAL.isdisjoint(lowers):
        return []
    return [i for i, lower in enumerate(lowers) if lower in _PERSONAL]


def _same_first_word(found: str, phrase: str) -> bool:
    """Whether ``found`` begins with the phrase's own first word, not another form of it."""
    first = phrase.split()[0].lower()
    return found[: len(first)].lower() == first and not found[len(first) : len(first) + 1].isalpha()


def _extract(ctx: PostContext, vocabulary: Vocabulary) -> Signals:
    text = ctx.text
    signals = Signals()
    account = ctx.post.account
    reshare = _RESHARE.match(text)
    if reshare:  # "RT @someone: ..." passes on another account's words: a share, not a boast
        signals.add("mention", reshare.group(1))
        return signals
    shared = _SHARED_FROM.match(text)
    if shared and not (account and account.self_mentions(shared.group(1) or shared.group(2))):
        signals.add("mention", " ".join(shared.group().split()))  # the same, said in words
        return signals
    quoted = ctx.skipped_spans(("quotes",))
    if "[" in text:
        reposts = [m.span() for m in _REPOST.finditer(text)]
        if reposts:
            quoted = sorted([*quoted, *reposts])
            signals.add("mention", "a repost")
    urls = ctx.skipped_spans(("urls",))
    signed = (
        [m.span() for m in _SIGN_OFF.finditer(text)]
        if _SIGN_OFF_GATE.may_match(text, ctx.lower, ctx.folds_to_ascii)
        else []
    )
    self_spans = account.self_mentions(text) if account else []
    if signed:  # "... from all of us at Acme": the sender's signature, not the subject
        self_spans = [span for span in self_spans if not overlaps(*span, signed)]
    for start, end in self_spans:
        signals.add("self_mention", " ".join(text[start:end].split()))
    if urls:
        signals.add("link", text[urls[0][0] : urls[0][1]])
        if _prose_words(ctx) <= TEASER_WORDS:
            signals.add("teaser", text[urls[0][0] : urls[0][1]])
    reply = _REPLY.match(text)
    if reply and account and account.owns_handle(reply.group().split("@")[1].split()[0]):
        reply = None  # "@OurBrand did X": the account talking about itself, not a reply
    reviews = _reviews(text)  # a customer's review shown off: stars, a signed quotation
    if reply:
        signals.add("reply", reply.group().strip())
    elif is_reply(text) and not text.lstrip().startswith("@") and not reviews:
        signals.add("reply", text.strip()[:20])  # "Hi Maria, ..." answers a person
    for start, end in ctx.skipped_spans(("mentions",)):
        handle = text[start:end]
        if reply and end <= reply.end():
            continue
        if overlaps(start, end, urls) or (account and account.owns_handle(handle)):
            continue
        signals.add("mention", handle)
    breaks: list[int] = []  # sentence starts, worked out at the first "?"
    tags: dict[int, int] = {}
    asked: list[int] = []  # where the questions end that open with no sales hook
    for m in _QUESTION.finditer(text):
        if overlaps(m.start(), m.end(), quoted) or overlaps(m.start(), m.end(), urls):
            continue
        if _QUOTED_ANSWER.match(text, m.end()):
            continue  # 'Favorite part of the job? "The view."': an interview, answered
        if not breaks:
            breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text)]
            tags = dict(ctx.skipped_spans(("mentions", "hashtags")))
        if not _hook(text, m.start(), breaks, tags):
            asked.append(m.end())
    doc = ctx.doc
    toks = nlp.tokens(doc)
    lowers = toks.lowers
    headline: bool | None = None
    us: list[tuple[int, int]] = []
    for i in _personal_positions(lowers, "\u2019" in text):
        lower = lowers[i]
        if lower not in _PERSONAL:
            lower = lower.replace("\u2019", "'")
        word = toks.texts[i]
        start = toks.starts[i]
        if quoted and overlaps(start, start + len(word), quoted):
            continue
        if signed and overlaps(start, start + len(word), signed):
            continue
        if lower in FIRST_PERSON:
            if lower in SINGULAR and headline is None:
                headline = _headline(toks)
            inclusive = lower == "our" and i + 1 < len(lowers) and lowers[i + 1] in INCLUSIVE
            if (lower in SINGULAR and headline) or word in ("US", "U.S.") or inclusive:
                continue  # a headline quotes a person; "our communities" means everyone
            signals.add("first_person", word)
        elif lower in IMPLIED_SPEAKER and _opens_sentence(doc[i], ("to", "of")):
            if not _pride_in_others(text, start + len(word), self_spans):
                signals.add("first_person", word)  # "Proud to ...": "we" left out
        elif lower in SECOND_PERSON:
            signals.add("second_person", word)
        if lower == "us":
            us.append((start, start + len(word)))
    skip = sorted([*quoted, *urls, *self_spans])
    marks: dict[str, list[int]] = {}  # sentence starts and "if" words, on first use

    def conditional(at: int) -> bool:
        if not marks:
            marks["starts"] = breaks or [b.end() for b in _SENTENCE_BREAK.finditer(text)]
            marks["ifs"] = [m.start() for m in _CONDITION.finditer(text)]
        return _conditional(at, marks["starts"], marks["ifs"])

    calls: list[tuple[int, int]] = []
    invites: list[int] = []
    named: list[str] = []
    own_people = False  # thanks or congratulations to the business's own people
    offers: list[tuple[int, int]] = []  # promotional words and calls: advice words inside
    # them ("flat rate", "booking recommended") are part of the offer
    boasts: list[tuple[int, int]] = []
    greeted: list[tuple[int, int]] = []  # invitations: "anniversary" in "happy anniversary
    # to you both" is theirs, not the business's
    for name in _VOCABULARY_ORDER:
        for start, end, phrase, _ in vocabulary.indexes[name].find(ctx.doc):
            if overlaps(start, end, skip):
                continue
            if name == "promotional" and overlaps(start, end, greeted):
                continue
            if name == "informative" and any(s < end and start <= e + 1 for s, e in offers):
                continue  # "flat rate", "NEW class alert": part of the offer, not advice
            if name == "informative" and _in_name(text, start, end):
                if headline is None:
                    headline = _headline(toks)
                if not headline:
                    continue  # "Advisory" in "Animal Welfare Advisory Council" names
            found = " ".join(text[start:end].split())
            signal = name
            if name == "invitations" and _THANKS.match(found):
                if _to_self(text, end, self_spans):
                    signal = "bragging"  # thanking or congratulating itself: a boast
                    own_people = True
                elif _NAMED_PARTY.match(text, end):
                    named.append(found)  # thanks to someone named: kept in a boasting post
            elif name == "bragging" and _pride_in_others(text, end, self_spans):
                continue  # "so proud of you, Denise": praise for someone else
            elif name == "bragging" and phrase in _RANKS and _RANKS_A_FACT.match(text, end):
                continue  # "the #1 reason aids break", "the number one cause": a fact
            elif name == "bragging" and phrase == "top" and _OF.match(text, end):
                continue  # "the top of the coat", "at the top of the canopy": a place
            elif name == "calls_to_buy":
                if conditional(start):
                    continue  # "if it happens, call us": advice, not a sale
                if not _same_first_word(found, phrase):
                    continue  # "the team stopped by", "she called us": a report, no call
                if not _imperative(text, start, phrase):
                    continue  # "we see aids come in for repair": what others do
                calls.append((start, end))
                offers.append((start, end))
            elif name == "promotional":
                offers.append((start, end))
            elif name == "bragging":
                boasts.append((start, end))
            elif name == "invitations":
                if overlaps(start, end, boasts) or text[start:end].lower() == "voted":
                    continue  # "voted best", "everyone who voted": a report, not a call to vote
                invites.append(start)
            if signal == "invitations":
                greeted.append((start, end))
            signals.add(signal, found)
    for _, end in self_spans:
        offer = _OFFERS.match(text, end)
        if offer and any(s < offer.end() and offer.start() < e for s, e in offers):
            continue  # the words are on the promotional list already ("now offers")
        if offer:  # "TrueLevel Home Inspections offers ...": "we offer", in the third person
            signals.add("promotional", " ".join(offer.group().split()))
    for start, end in sorted([*us, *self_spans]):
        verb = _INVITE_TO_SELF.search(text, max(0, start - 20), start)
        if verb and not conditional(start):
            _invited(text, verb, end, signals, calls)
    if _PHONE_HINT.search(text):
        for m in _PHONE.finditer(text):
            if overlaps(m.start(), m.end(), skip) or conditional(m.start()):
                continue
            if any(0 <= m.start() - e <= 12 for _, e in calls[-3:]):
                continue  # "Call us at 555-0142": the call is counted once
            signals.add("calls_to_buy", m.group())  # "📞 555-0142"
            calls.append(m.span())
    lower = ctx.lower
    if "meet" in lower or "say h" in lower or "this is" in lower:  # what spotlights hold
        for m in _SPOTLIGHT.finditer(text):
            signals.add("promotional", re.sub(r"^\W+", "", " ".join(m.group().split())))
    if "elcome" in text:
        for m in _WELCOME.finditer(text):
            signals.add("promotional", m.group())
    if "fter" in lower or "came in" in lower or "with the old" in lower:
        for m in _BEFORE_AFTER.finditer(text):  # the business's own work, "we" or not
            _own_offer(signals, offers, text, m.span(), "a job shown")
    if "$" in text or "%" in text or "\u00a3" in text or "\u20ac" in text:
        price = next((m for m in _PRICE.finditer(text) if not overlaps(*m.span(), skip)), None)
        if price:  # one price is an offer; more prices are the same offer
            signals.add("promotional", price.group())
            offers.append(price.span())
    for m in _ARRIVAL.finditer(text):  # the verb's last letter first: a cheap scan
        subject = _ARRIVAL_SUBJECT.search(text, max(0, m.start() - 40), m.start() + 1)
        if subject is None or subject.group(1).lower() in _NOT_ARRIVING:
            continue
        if overlaps(subject.start(), m.end(), skip):
            continue
        span = (subject.start(), m.end())
        _own_offer(signals, offers, text, span, "an offer back or in")
        break
    if "eturn" in lower:
        for m in _RETURNS.finditer(text):
            if m.group(1).lower() not in _NOT_RETURNING and not overlaps(*m.span(), skip):
                _own_offer(signals, offers, text, m.span(), "an offer back or in")
                break
    if "now" in lower or "offer" in lower:
        for m in _NEW_SERVICE.finditer(text):
            if overlaps(*m.span(), skip) or not _said_by_us(text, m, self_spans):
                continue
            # Counted as an offer of its own besides the word the lists found in it ("now
            # offering"): an announced service says more than a promotional word.
            _own_offer(signals, offers, text, m.span(), "a service of its own")
            break
    if "speaking" in lower or "present" in lower:
        for m in _TALK.finditer(text):
            if overlaps(*m.span(), skip):
                continue
            opening = text.rfind("\n", 0, m.start()) + 1
            if _SPEAKER.search(text, max(opening, m.start() - 80), m.start()):
                signals.add("promotional", "a talk of its own")
                offers.append(m.span())
                break
    deal = _DEAL_DONE.match(text)
    if deal:
        _own_offer(signals, offers, text, deal.span(), "a sale shown")
    if (
        own_people
        and not signals.counts.get("first_person")
        and not signals.counts.get("self_mention")
    ):
        signals.add("self_mention", "its own people")  # "Congrats to Luis on his exam"
    for review in reviews:
        signals.add("bragging", review)
    if reviews and not signals.counts.get("self_mention"):
        signals.add("self_mention", "a customer's review")  # about the business
    if not signals.counts.get("self_mention") and not invites and _job_shown(ctx, skip):
        signals.add("self_mention", "a job shown")  # the business's own work, no "we" needed
    if signals.counts.get("bragging") and "invitations" in signals.counts:
        _thanks_for_the_boast(signals, named)
    if _GREETING_GATE.may_match(text, ctx.lower, ctx.folds_to_ascii):
        for m in _GREETING.finditer(text):
            if overlaps(*m.span(), skip) or _to_self(text, m.end(), self_spans):
                continue
            if _NAMED_PARTY.match(text, m.end()):  # someone named, not "happy 4th of July"
                signals.add("invitations", " ".join(m.group().split()))
                invites.append(m.start())
                greeted.append(m.span())
    formal = _formal_greeting(text, self_spans)
    formal_first = False  # the post opens with the account greeting someone else formally
    if formal is not None:
        greeting, ours = formal
        if ours:  # "Acme congratulates Dana on her CFP certification": its own people
            signals.add("bragging", greeting)
        else:  # an invitation of its own besides "congratulations to" in it: the point
            signals.add("invitations", greeting)
            formal_first = True
    kept = set(signals.words.get("invitations", ()))  # thanks for a boast are dropped
    greeted = [(s, e) for s, e in greeted if " ".join(text[s:e].split()) in kept]
    if formal_first and not reviews:
        signals.add("greets_first", formal[0] if formal else "")
    elif greeted and not reviews:  # thanks for a review shown off: the review is the point
        first = min(greeted)
        if first[0] <= _opening(text) + 2:  # "Congratulations to the Nguyens ...": the point
            signals.add("greets_first", " ".join(text[first[0] : first[1]].split()))
    call_starts = sorted(start for start, _ in calls)
    called = set(calls)
    sold = sorted(start for start, end in offers if (start, end) not in called)
    invites.sort()
    first_offer = min((start for start, _ in offers), default=None)
    for end in asked:
        if _answered_by_offer(end, breaks, call_starts, invites, sold):
            continue
        if not invites and _follows_offer(text, end, breaks, first_offer):
            signals.add("pitch_question", "?")  # still a question, but part of the pitch
            continue
        signals.add("question", "?")
    if vocabulary.hashtags and "#" in text:
        for start, end in ctx.skipped_spans(("hashtags",)):
            listed = vocabulary.hashtags.get(hashtag_form(text[start + 1 : end]))
            if listed and not overlaps(start, end, skip):
                signals.add(listed, text[start:end])  # "#HappyThanksgiving", "#BookNow"
    if account is not None and _caption(ctx, signals):
        signals.add("self_mention", "a caption of its own")
        signals.add("caption", "a caption of its own")  # and the wares it shows
    return signals


def _hook(text: str, end: int, breaks: list[int], tags: dict[int, int]) -> bool:
    """Whether the question ending at ``end`` opens with a sales hook (``_HOOK``);
    ``breaks`` are the sentence starts of the text, ``tags`` its handles and hashtags
    (start -> end)."""
    i = bisect.bisect_left(breaks, end) - 1
    start = breaks[i] if i >= 0 else 0
    while True:  # skip what leads the sentence: spaces, emoji, handles and hashtags
        while start < end and not text[start].isalnum() and text[start] not in "@#":
            start += 1
        if start not in tags:
            break
        start = tags[start]
    return bool(_HOOK.match(text, start, end))


def _own_offer(
    signals: Signals, offers: list[tuple[int, int]], text: str, span: tuple[int, int], why: str
) -> None:
    """Count the offer at ``span`` ("Flu shots are IN", "SOLD in 4 days") as promotional
    and, when nothing else names the business, as the business talking about itself."""
    signals.add("promotional", " ".join(text[span[0] : span[1]].split()))
    offers.append(span)
    if not signals.counts.get("self_mention"):
        signals.add("self_mention", why)


def _reviews(text: str) -> list[str]:
    """The rows of stars and signed quotations of a customer's review the text shows off.
    A post that shows one is about the business, and a thank-you that opens it ("Thank you
    for the kind words, Harold!") answers nobody in particular."""
    found = []
    if "\u2b50" in text or "\u2605" in text:
        found += [m.group() for m in _STARS.finditer(text)]
    if '"' in text or "\u201d" in text:
        found += [m.group() for m in _TESTIMONIAL.finditer(text)]
    return found


def _imperative(text: str, start: int, phrase: str) -> bool:
    """Whether the call ``phrase`` found at ``start`` is said as an imperative: its verb
    opens a sentence or a clause (after a comma, a colon, a dash or an emoji) or follows a
    word that leaves it one (``_BEFORE_CALL``; "to" after "don't forget"; "can" after
    "you").  Calls that are no verb ("link in bio", "walk-ins welcome") always count."""
    if phrase.split()[0].lower() not in _CALL_VERBS:
        return True
    before = _SENTENCE_BREAK.split(text[max(0, start - 60) : start])[-1]
    last = _LAST_WORDS.search(before)
    if last is None:
        return True  # the verb opens the sentence
    if before[last.end(2) :].strip():
        return True  # after a comma, a colon, a dash or an emoji: "Questions? ... 🦷 call"
    word = last.group(2).lower().replace("\u2019", "'")
    prior = (last.group(1) or "").lower()
    if word in _BEFORE_CALL:
        return True
    if word == "to":
        return prior in _BEFORE_TO_CALL
    if word in ("can", "could"):
        return prior in ("you", "simply", "also")
    return False


def _conditional(start: int, breaks: list[int], ifs: list[int]) -> bool:
    """Whether the sentence holding ``start`` makes it conditional before it ("If the
    power goes out, call us"); ``breaks`` are the sentence starts and ``ifs`` where "if"
    and "unless" stand, both sorted."""
    i = bisect.bisect_right(breaks, start) - 1
    opening = breaks[i] if i >= 0 else 0
    j = bisect.bisect_left(ifs, opening)
    return j < len(ifs) and ifs[j] < start


def _thanks_for_the_boast(signals: Signals, named: list[str]) -> None:
    """In a post that brags ("Voted best dentist! Thank you to everyone who voted"), the
    thanks are for the boast: they invite nothing back, so they no longer count.  Thanks to
    someone named (``named``: "Thank you to the Port Alder Library") still count."""
    spare = list(named)
    kept = []
    for w in signals.words["invitations"]:
        if w in spare:
            spare.remove(w)
            kept.append(w)
        elif not _THANK_YOU.match(w):
            kept.append(w)
    if len(kept) == len(signals.words["invitations"]):
        return
    if kept:
        signals.words["invitations"] = kept
        signals.counts["invitations"] = len(kept)
    else:
        del signals.words["invitations"]
        del signals.counts["invitations"]


def _job_shown(ctx: PostContext, skip: list[tuple[int, int]]) -> bool:
    """Whether the post tells of a job done with where or when in the same sentence, within
    ``_JOB_REACH`` characters ("install in Riverside today"), outside ``skip``."""
    text = ctx.text
    if not _JOB_GATE.may_match(text, ctx.lower, ctx.folds_to_ascii):
        return False
    for job in _JOB_DONE.finditer(text):
        if overlaps(*job.span(), skip) or _NOT_A_JOB.search(
            text, max(0, job.start() - 6), job.start()
        ):
            continue
        after = _SENTENCE_BREAK.split(text[job.end() : job.end() + _JOB_REACH + 40], 1)[0]
        when = _JOB_WHEN.search(after)
        if when and when.start() <= _JOB_REACH + 1:
            return True
        before = _SENTENCE_BREAK.split(text[max(0, job.start() - _JOB_REACH - 40) : job.start()])[
            -1
        ]
        if any(len(before) - w.end() <= _JOB_REACH + 1 for w in _JOB_WHEN.finditer(before)):
            return True
    return False


def _follows_offer(text: str, end: int, breaks: list[int], first_offer: int | None) -> bool:
    """Whether the question ending at ``end`` comes after an offer made in an earlier
    sentence ("Mosquito packages, $299 a season. Anybody else's yard a buffet?"): part of
    the pitch, unless it asks what the business should do ("What should we bake next?").
    ``breaks`` are the sorted sentence starts, ``first_offer`` where the first offer starts."""
    if first_offer is None:
        return False
    i = bisect.bisect_right(breaks, end - 1) - 1
    opening = breaks[i] if i >= 0 else 0
    return first_offer < opening and not _ASKS_FOR_INPUT.search(text, opening, end)


def _answered_by_offer(
    end: int, breaks: list[int], calls: list[int], invites: list[int], sold: list[int]
) -> bool:
    """Whether the question ending at ``end`` is answered by a call to buy, with no
    invitation between: within the next two sentences ("Going away this summer? Book your
    travel shots now."), or anywhere after it when the post opens with the question and an
    offer follows it ("Moving out? Our move-out clean starts at $199. ... Text 555-0148 for
    a quote"): a sales hook, not a question to the reader.  ``breaks``, ``calls`` (where
    calls start), ``invites`` (where invitations start) and ``sold`` (where promotional
    words and prices start) are sorted."""
    i = bisect.bisect_right(breaks, end)
    opener = bisect.bisect_left(breaks, end) == 0 and bool(sold) and sold[-1] >= end
    limit = breaks[i + 1] if i + 1 < len(breaks) and not opener else end + 1_000_000
    j = bisect.bisect_left(calls, end)
    if j == len(calls) or calls[j] >= limit:
        return False
    k = bisect.bisect_left(invites, end)
    return k == len(invites) or invites[k] >= calls[j]


def _headline(toks: nlp.Tokens) -> bool:
    """Title Case text ("I Helped My Daughter Heal"): a headline, whose "I" and "my" are
    the person it quotes.  ("We" and "our" still count: "Our New Menu Is Here".)"""
    words = [
        text
        for text, lower, alpha in zip(toks.texts, toks.lowers, toks.alpha, strict=True)
        if alpha and len(text) > 2 and lower not in _SMALL_WORDS
    ]
    title = len(words) >= 3 and all(w[0].isupper() for w in words)
    return title and not all(w.isupper() for w in words)  # ALL CAPS is shouting, not a title


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised words at ``start:end`` qualify a name ("Data" in "IT Data
    Design Analyst", "Advisory" in "Animal Welfare Advisory Council"): they do not open a
    sentence and a capitalised word follows.  As the name's last word they still count: a
    "Travel Advisory" or "CDC Recommendations" is advice.  (In a Title Case headline every
    word is capitalised, so there the caller counts them all.)"""
    if not text[start].isupper():
        return False
    before = text[max(0, start - 40) : start]
    if _SENTENCE_END.search(before):
        return False  # opens a sentence: "Data show ...", "Update: ..."
    return bool(_NAME_AFTER.match(text, end))


_CAPTION_WORDS = 8  # at most this many words of prose make a caption
_CREDIT = re.compile(r"(?i)(?<!\w)by\s+$")
# A short notice is no caption: "truck broke down 😩 no service today. sorry fam".
_SORRY = re.compile(
    r"(?i)\b(?:sorry|no service|cancell?ed|broke down|out of order|snow day|opening (?:late|at)"
    r"|closing (?:early|at)|closed\s+(?:today|tomorrow"
    rf"|tonight|for|until|till|all|this|on\s+{_WEEKDAY}))\b"
)
_NOT_IN_A_CAPTION = (
    "self_mention",
    "first_person",
    "second_person",
    "question",
    "pitch_question",
    "invitations",
    "informative",
    "mention",
    "reply",
    "link",
)


def _is_emoji(char: str) -> bool:
    """A pictograph or symbol of the emoji blocks (not CJK, kana or Hangul)."""
    code = ord(char)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF


def _caption(ctx: PostContext, signals: Signals) -> bool:
    """A business's caption of its own work or wares: a few words, hashtags or emoji, and
    nothing said to or about anyone else ("birria tuesday 🔥🌮 #tacotuesday", "spa day 🛁🐾
    #dogsofinstagram").  On a business's account such a post shows what it sells.  A handle
    credited with the work ("Lived-in copper 🍂 by @stylist.bree") is its own stylist or
    barber, not someone else talked to."""
    text = ctx.text
    for name in _NOT_IN_A_CAPTION:
        if signals.counts.get(name) and not (name == "mention" and _credits_only(ctx)):
            return False
    if "#" not in text and not any(_is_emoji(c) for c in text):
        return False
    words = _prose_words(ctx, limit=_CAPTION_WORDS)
    return 0 < words <= _CAPTION_WORDS and not _SORRY.search(text)


def _credits_only(ctx: PostContext) -> bool:
    """Whether every @handle of the post follows "by" ("Clean taper ✂️ by @marco.cuts")."""
    text = ctx.text
    return all(
        _CREDIT.search(text, max(0, start - 8), start) is not None
        for start, _ in ctx.skipped_spans(("mentions",))
    )


def _prose_words(ctx: PostContext, limit: int = TEASER_WORDS) -> int:
    """Words of prose outside links, @handles and #hashtags, counted up to one past
    ``limit`` (a bare link and a hashtag is a teaser, not a message)."""
    text = ctx.text
    spans = ctx.skipped_spans(("urls", "mentions", "hashtags"))
    count = 0
    for m in _WORD.finditer(text):
        if not overlaps(m.start(), m.end(), spans):
            count += 1
            if count > limit:
                break
    return count


def _invited(
    text: str, verb: re.Match[str], end: int, signals: Signals, calls: list[tuple[int, int]]
) -> None:
    """Count "help us" / "visit CDC" (``verb`` asking people to the account, which ends at
    ``end``) as a call, unless the vocabulary's calls to buy already counted it ("join
    us")."""
    if not any(s < end and verb.start() < e for s, e in calls):
        signals.add("calls_to_buy", " ".join(text[verb.start() : end].split()))


def _pride_in_others(text: str, end: int, self_spans: list[tuple[int, int]]) -> bool:
    """Whether "proud" ending at ``end`` is pride in someone else ("proud of you, Denise"),
    not in the business itself ("proud of Brightside Dental's ten years")."""
    m = _PRIDE_IN_OTHERS.match(text, end)
    return m is not None and not any(end <= s <= m.end() for s, _ in self_spans)


def _said_by_us(text: str, service: re.Match[str], self_spans: list[tuple[int, int]]) -> bool:
    """Whether the new service (a ``_NEW_SERVICE`` match) is the business's own: it is
    announced as "pleased to offer", it opens its sentence ("Now offering ..."), or "we" or
    the account's name comes just before it ("The food bank is now accepting donations" is
    not)."""
    start = service.start()
    if service.group("formula") or _SENTENCE_END.search(text, max(0, start - 40), start):
        return True
    if _SAID_BY_US.search(text, max(0, start - 30), start):
        return True
    return any(  # "Acme PT is now ..."
        0 <= start - end <= 40 and not _SENTENCE_BREAK.search(text, end, start)
        for _, end in self_spans
    )


def _opening(text: str) -> int:
    """Where the post's first letter or digit stands (past emoji and punctuation)."""
    return next((i for i, c in enumerate(text) if c.isalnum()), 0)


def _formal_greeting(text: str, self_spans: list[tuple[int, int]]) -> tuple[str, bool] | None:
    """The greeting of a post that opens with the account's name and congratulates or
    recognises someone in its formal voice (``_FORMAL_GREETING``), and whether that someone
    is its own people (``_to_self``); None when the post does not open so."""
    if not self_spans:
        return None
    opening = _opening(text)
    head = next((e for s, e in self_spans if s <= opening + 2), None)
    if head is None:
        return None
    m = _FORMAL_GREETING.match(text, head)
    if m is None:
        return None
    return " ".join(m.group().split()), _to_self(text, m.end(), self_spans)


def _to_self(text: str, end: int, self_spans: list[tuple[int, int]]) -> bool:
    """Whether the thanks ending at ``end`` goes to the account itself: its own people
    ("congrats to our CEO", "congrats to Luis on passing his arborist exam": a business
    congratulates its own people on credentials) or the account named within the next few
    words."""
    if _OWN_PEOPLE.match(text, end):
        return True
    if not _GENERIC_PARTY.match(text, end) and _CREDENTIAL.search(
        text, end, end + _CREDENTIAL_REACH
    ):
        return True  # "Congrats to Luis on passing his exam", not "to all who passed"
    window = text[end : end + 40]
    near = end + (len(window) - len(window.lstrip())) + len(" ".join(window.split()[:4]))
    return any(end <= s < near for s, _ in self_spans)
