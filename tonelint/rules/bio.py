"""Rule type ``bio``: a profile bio that leaves out what a prospect needs to know.

``check`` picks what must be there:

- ``name``: the business's name, in the bio, the profile's ``name`` field or as the
  configured ``account``; without either, a capitalised name ending in a business word
  ("Brightside Dental", "Clearflow Gutters LLC") counts.
- ``website``: a URL or domain in the bio, or the profile's ``website`` field.
- ``offering``: what the business does or sells: a word from the ``offerings`` vocabulary
  (trades, products, services, fields; industry rulesets add theirs), a kind of
  organisation with a descriptive word before it ("mining company", "family dental
  practice"), or service language ("news on ...", "support for ..."). A slogan ("Innovating
  with purpose every day") or "the official account of X" says nothing of the offering.
- ``personal``: fires when the bio is only personal (two or more words from the ``personal``
  vocabulary: pets, family, cookies), speaks as a person rather than "we", and says nothing
  about a business.
- ``location``: a place in the bio or the ``location`` field, for local businesses: when
  ``local_only`` is true the check applies only to bios that name a local trade
  (``local_trades``: dentist, plumber, bakery ...).

Example (``offering``)::

    FAIL  Delivering excellence every day. #Innovation
    PASS  Family dentistry in Springfield: cleanings, fillings and braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import nlp
from ..account import LEGAL_SUFFIXES, TRADE_WORDS
from ..model import Match
from ..names import is_given_name
from ..textspans import URL_RE, hashtag_form, overlaps
from .base import Option, Rule, vocabulary_check
from .phrase import PhraseIndex

if TYPE_CHECKING:
    from ..context import PostContext

CHECKS = ("name", "website", "offering", "personal", "location")
VOCABULARIES = ("offerings", "organisations", "personal", "local_trades", "places")
_NOT_MODIFIERS = frozenset(
    """a an the our your their its his her my this that new global leading international
    official best great top premier trusted local independent largest biggest world's
    worlds first only one more most every all some any innovative diversified proud
    sustainable better smart simple integrated comprehensive creative custom total complete
    digital modern flexible reliable unique quality class""".split()
)
# Kinds of organisation that say little with a capitalised word before them ("Our Social
# Care team", "Partner Network").
_LOOSE_KINDS = frozenset("team teams network club group partners associates solutions".split())
_ABSTRACT = frozenset(
    """world worlds future life lives people everyone everybody everything excellence purpose
    innovation innovations innovative innovator solutions solution difference change impact
    way ways day days time times dream dreams idea ideas possibility possibilities potential
    passion mission vision values value quality success growth journey experience
    experiences inspiration sustainability sustainable tomorrow today better best good great
    new latest official account twitter feed page handle tweets tweet stuff brand brands
    leader leading global technology technologies home community communities planet earth
    customers colleagues partners progress evolution action outcomes results power powerful
    bold bolder bigger difference achievement achievements moment moments love heart hearts
    spirit smile smiles fun joy happiness hope trust care caring things thing lot lots
    amazing incredible awesome simple easy easier exciting excited proud more most""".split()
)
_STOP = frozenset(
    """a an the and or of to in on for with from by at as is are was were be been being it its
    this that these those we our us you your they their them he she his her i my me all any
    some every each no not only just so very too also than then there here who what which
    when where why how will can may might must shall should would could do does did done
    have has had get got make makes made up out about into over after before under again""".split()
)
_SERVICE_VERBS = frozenset(
    """make makes making sell sells selling offer offers offering provide provides providing
    publish publishes publishing serve serves serving teach teaches teaching host hosts
    hosting deliver delivers delivering repair repairs repairing install installs installing
    build builds building design designs designing source sources sourcing cover covers
    covering bake bakes baking brew brews brewing cook cooks cooking grow grows growing
    produce produces producing manufacture manufactures manufacturing supply supplies
    supplying distribute distributes distributing retweet retweets retweeting review reviews
    reviewing help helps helping support supports supporting manage manages managing run
    runs running operate operates operating organise organises organising organize
    organizes organizing train trains training coach coaches coaching clean cleans cleaning
    fix fixes fixing plan plans planning write writes writing print prints printing ship
    ships shipping rent rents renting lease leases leasing insure insures insuring treat
    treats treating""".split()
)
_COLLECTIVE = re.compile(
    r"\b(?:home|network|community|collection|maker|makers|provider|providers|publisher|"
    r"supplier|suppliers|source|coalition|association|group|club|team|studio|shop|store|"
    r"buyers?|sellers?|dealers?|importers?|exporters?|producers?|growers?|designers?|"
    r"builders?|makers?|retailers?|distributors?)\s+(?:of|in|for)\b"
    r"|\bspeciali[sz](?:e|es|ed|ing|ists?)\s+in\b|\bexperts?\s+in\b",
    re.IGNORECASE,
)
_SERVICE = re.compile(
    r"\b(?:keep|stay)(?:ing)?\s+(?:up[- ]to[- ]date|informed|in the know)\s+(?:with|on|about)\s+\w"
    r"|\b(?i:tweets|tweeting|posts|posting|page|account|blog|blogging)\s+(?:all\s+)?about\s+"
    r"(?:the\s+)?(?!(?i:me|us|you|my|our|your|life|love|it|this|that|everything|nothing)\b)"
    r"[A-Za-z#]"
    r"|\b(?:news|tips|updates|advice|info|information|deals|coverage|insights|stories|"
    r"resources|support|help|answers|questions)\s+(?:you need\s+)?(?:on|about|for|with|in)"
    r"\s+(?:all\s+)?"
    r"(?:things\s+)?(?:your\s+|the\s+|our\s+)?[A-Za-z#]",
)
_PROSE_WITH_TAGS = 3  # words outside hashtags and links that make hashtags a description
# what may come right before the first such hashtag besides a word, when a sentence leads
# into it ("control for #Aerospace"), not when the hashtags follow it ("About you. #plumbing")
_LEADS_INTO_TAGS = frozenset(",&+:")
_LINK_LABEL = re.compile(r"\s*:\s*(?:https?://|www\.)")
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|England|Scotland|"
    "Wales|Ireland|London|Manchester|Toronto|Sydney|Melbourne|Dublin"
)
_ABBR = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|ON|BC|UK|USA"
)
_PLACE = re.compile(
    rf"\b(?:{_STATES})\b"
    rf"|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,\s?(?:{_ABBR})\b"
    r"|\b\d{5}(?:-\d{4})?\b"
    r"|\b\d+\s+(?:[NSEW]\.?\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s+"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Pkwy|Hwy)\b"
)
# Names of trades and professions by their endings: "hygienist", "electrician", "dietitian".
_OCCUPATION = re.compile(r"[a-z]{4,}(?:ists?|icians?|itians?)")
_NOT_OCCUPATIONS = frozenset(
    """optimist optimists realist realists idealist idealists perfectionist perfectionists
    feminist feminists activist activists enthusiast enthusiasts checklist checklists
    playlist playlists wishlist wishlists bucketlist cyclist cyclists""".split()
)
_CREDENTIALS = frozenset(
    """md dds dmd do phd rn np pa cpa cfp esq jd llm mba lcsw lpc dvm od dc pt rd rdh lmt ot
    slp dpt psyd lmft fnp aprn pharmd facs cfa chfc clu ea""".split()
)
# Job titles written after a person's name and a comma: "Tasha Greene, Realtor".
_ROLE_TITLES = frozenset(
    "realtor broker agent attorney lawyer owner founder ceo dentist therapist coach".split()
)
_EVENTS = frozenset("forum conference summit expo festival institute council society".split())
_TITLES = frozenset(
    """dr dr. dra dra. mr mr. mrs mrs. ms ms. prof prof. attorney coach chef auntie aunt uncle
    pastor nurse abogada abogado grandma grandpa granny nana papa mama""".split()
)
# Titles that make one name a person ("Dr. Mo", "Coach Dre", "Auntie Pat"); "Mr." and "Mrs."
# also make brands' personas ("Mr. Rooter", "Mrs. Fields").
_PERSON_TITLES = frozenset(
    "dr dra coach chef auntie aunt uncle pastor nurse grandma grandpa granny nana".split()
)
# Little words a title-case name leaves in lower case ("Bank of America").
_NAME_LINKS = frozenset("of the and for on in at to a an by de la du da von van y".split())
_HANDLES_AND_LINKS = re.compile(r"(?:https?://|www\.)\S+|\S*@[\w.]+")
_NAME_SUFFIX = re.compile(r"\b(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|PLLC|P\.C\.|Co\.|& Sons|Group)(?!\w)")


def _is_content(token: Any) -> bool:
    """A word that says something concrete: not a stop word, not mission-speak, not a link."""
    text = token.lower_
    return bool(
        token.is_alpha
        and len(text) > 2
        and text not in _STOP
        and text not in _ABSTRACT
        and token.lemma_ not in _ABSTRACT
    )


def _person(name: str, bio: str, business_words: frozenset[str]) -> bool:
    """Whether a profile's name field is a person's name ("Randy Walker", "Sheri M.
    Green", "Dr. David Sherman", "Anna", "Tom & Linda"): common given names, with a surname,
    a title or alone, no business word, and not repeated in the bio (a firm named after its
    founders, "Morgan Stanley", says its name in the bio; handles and links do not count)."""
    piped = "|" in name  # "Jess | Physio", "Dr. Tom | Dentist": a person and a trade
    if piped:
        name = name.split("|")[0]
    head, comma, tail = name.partition(",")
    if comma and _roles(tail):
        name = head  # "Tasha Greene, Realtor®", "Meg Alvarez, RD": a person and a role
    everything = re.findall(r"[^\W\d_][\w.'\u2019-]*", name)
    words = [w for w in everything if w.lower() not in _TITLES]
    while words and words[-1].rstrip(".").lower() in _CREDENTIALS:
        words.pop()  # "David Sherman, MD", "Jane Smith CPA"
    said = _HANDLES_AND_LINKS.sub(" ", bio)
    if len(words) == 1:
        word = words[0]
        titled = len(everything) > 1 and everything[0].lower().rstrip(".") in _PERSON_TITLES
        if re.search(r"['\u2019]s\b", name):
            return False  # "Papa John's": a possessive names a business
        if piped or comma or len(everything) > 1:
            # "Dr. Mo", "Coach Dre" and "Grandma Bev" are people; "Mr. Rooter" is a brand
            return word[:1].isupper() and (is_given_name(word) or titled)
        # "Anna", "jules", "Siobhán": a person unless the bio names it ("Meta is ...")
        return len(word) > 2 and is_given_name(word) and not _said(word, said)
    couple = re.fullmatch(r"\s*([^\W\d_]+)\s+(?:&|and|\+)\s+([^\W\d_]+)\s*", name)
    if couple:  # "Tom & Linda", "Rob and Bonnie"
        return all(is_given_name(w) and not _said(w, said) for w in couple.groups())
    if not 2 <= len(words) <= 3 or re.search(r"['\u2019]s\b|&|\band\b", name):
        return False
    first, last = words[0], words[-1]
    middle = words[1:-1]
    initial = len(last.rstrip(".")) == 1  # "Randy W."
    shouted = all(w.isupper() for w in words)  # "RANDY LEE"
    acronym = last.isupper() and len(last) <= 5 and not initial and not shouted
    # a bare "First Last" is a person only by a hand-chosen given name: the census also
    # lists founders' names that brands carry ("Avery Dennison", "Parker Hannifin"); a
    # title, a credential or a trade after a pipe says "person" on its own
    marked = piped or comma or len(everything) > len(words)
    curated = not marked
    if not is_given_name(first, curated) or not last[:1].isupper() or acronym:
        return False  # "Austin PBS": an acronym names an organisation
    lowers = {w.lower().rstrip(".") for w in words}
    if not lowers.isdisjoint(business_words):
        return False  # "Charles Schwab Corp", "Tyler Technologies", "NOAH Conference"
    if any(len(m.rstrip(".")) > 1 and not m[:1].isupper() for m in middle):
        return False
    if any(len(m.rstrip(".")) > 1 and not is_given_name(m, curated) for m in middle):
        return False  # "Kim Sells Houston": a brand, not a middle name
    if initial:
        return True
    return not _said(last.rstrip("."), said)


def _said(word: str, text: str) -> bool:
    """Whether ``word`` is in ``text`` as a whole word, in any case."""
    return re.search(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE) is not None


def _slogan(name: str, bio: str, business_words: frozenset[str]) -> bool:
    """Whether a profile's name field is a phrase, not a name ("by appointment only",
    "Healing is not linear", "made with love"): two or more words, one of them a lower-case
    word a name would capitalise and one a little word ("by", "is", "with"), all of them
    common English words, none a business word, and not repeated in the bio."""
    words = re.findall(r"[^\W\d_][\w'\u2019]*", name)
    if len(words) < 2:
        return False
    lowered = any(w[:1].islower() and w.lower() not in _NAME_LINKS for w in words)
    lowers = {w.lower() for w in words}
    little = not lowers.isdisjoint(_STOP)
    common = all(nlp.is_common_word(w) or w in _STOP or w in _NAME_LINKS for w in lowers)
    phrase = lowered and little and common and lowers.isdisjoint(business_words)
    return phrase and not _said(name.strip(), bio)


def _roles(text: str) -> bool:
    """Whether ``text`` (after a comma in a profile name) is only credentials or a job title:
    "RD", "MD, FACS", "Realtor®", "Broker"."""
    words = re.findall(r"[^\W\d_][\w.]*", text)
    return bool(words) and all(
        w.rstrip(".").lower() in _CREDENTIALS or w.lower() in _ROLE_TITLES for w in words
    )


def _latin(text: str) -> bool:
    """Whether most letters of the text are Latin (a bio the English word lists can read);
    text with few letters counts as Latin."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 10:
        return True
    return sum(c < "\u0250" for c in letters) * 2 >= len(letters)


def _noun_list(tokens: list[Any], text: str) -> list[str]:
    """A list of three or more short items ("Wildlife, game breeding, conservation",
    "Acupuncture • herbs • cupping") with concrete words in at least two: a bio that lists
    what it offers.  Commas, "and", bullets and pipes part the items; an emoji, a line break
    or the end of a sentence ends the list."""
    items: list[list[Any]] = [[]]
    for n, token in enumerate(tokens):
        word = token.text
        if word in _ITEM_MARKS or token.lower_ == "and":
            items.append([])
            continue
        if word in (".", "!", "?") or _emoji(word):
            if len(items) >= 3 and _listed(items):
                break
            items = [[]]
            continue
        items[-1].append(token)
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        if following is not None and "\n" in text[token.idx + len(token) : following.idx]:
            if len(items) >= 3 and _listed(items):
                break
            items = [[]]
    if len(items) >= 3 and _listed(items):
        concrete = [i for i in items if i and any(_is_content(t) for t in i)]
        return [" ".join(t.text for t in concrete[0])]
    return []


_ITEM_MARKS = frozenset({",", "&", ";", "/", "|", "\u2022", "\u00b7", "+"})


def _emoji(text: str) -> bool:
    """A pictograph token ("🥐", "⚡"): it ends a list of items in a bio."""
    return bool(text) and all(not c.isascii() and not c.isalnum() for c in text)


def _listed(items: list[list[Any]]) -> bool:
    """Every item is short and at least two hold a concrete word."""
    full = [i for i in items if i]
    return (
        len(full) >= 3
        and all(len(i) <= 3 for i in full)
        and sum(any(_is_content(t) for t in i) for i in full) >= 2
    )


# Words after a product word that make it a verb of buying or a slogan, not an offering:
# "BOOK ONLINE", "books open 1st of the month", "orders via link", "Drink local".
_HOW_TO_BUY = re.compile(
    r"[ \t]*(?:online|now|here|below|via|through|open|today|ahead|direct|directly|local|"
    r"till|until|link|[\u2190-\u21ff\u2b07\u2935\u27a1\U0001f447])",
    re.IGNORECASE,
)


# Words before a trade that make it a pastime or a past: "amateur baker", "retired nurse".
_PASTIME = re.compile(
    r"\b(?:amateur|bad|retired|former|ex|aspiring|wannabe|hobby|hobbyist|weekend|self-taught|"
    r"recovering|part-time)[\s-]+$",
    re.IGNORECASE,
)


def _pastime(text: str, start: int) -> bool:
    """The trade starting at ``start`` is a pastime or a past job ("amateur baker")."""
    return _PASTIME.search(text, max(0, start - 24), start) is not None


def _how_to_buy(text: str, end: int) -> bool:
    """The product word ending at ``end`` is how to buy, not what is sold ("book online")."""
    return _HOW_TO_BUY.match(text, end) is not None and not text[end : end + 1].isalnum()


def _idiom_tail(text: str, start: int) -> bool:
    """The word ends an idiom joined by hyphens around a little word ("best-in-class",
    "state-of-the-art"), not a real compound ("indie-rock")."""
    if not start or text[start - 1] != "-":
        return False
    before = re.search(r"([A-Za-z]+)-$", text[:start])
    return before is not None and before.group(1).lower() in _STOP


def _plural(token: Any) -> bool:
    """A plural noun ("bagels", "repairs"): the surest noun the blank pipeline can see."""
    text = token.lower_
    return len(text) > 3 and text.endswith("s") and not text.endswith(("ss", "us", "is"))


def _own_name_spans(ctx: PostContext) -> list[tuple[int, int]]:
    """Where the bio spells the business's own name exactly ("The Cove Magazine is ..."):
    the capitalised word before a kind of organisation there is the name, not a
    description of what the business is."""
    account = ctx.post.account
    names = [str(ctx.post.meta.get("name", ""))]
    if account is not None:
        names += [account.name or "", *account.aliases]
    spans: list[tuple[int, int]] = []
    for name in {n.strip() for n in names if len(n.strip()) > 2}:
        spans += [m.span() for m in re.finditer(re.escape(name), ctx.text)]
    return spans


def _in_email(text: str, start: int, end: int) -> bool:
    """The domain at ``start:end`` belongs to an e-mail address ("hello@brightside.example"),
    which is no website to visit."""
    return text[start - 1 : start] == "@" or text[end : end + 1] == "@"


def _check_check(value: Any) -> None:
    if value not in CHECKS:
        raise ValueError(f"unknown check {value!r}; expected one of {', '.join(CHECKS)}")


class BioRule(Rule):
    type_name = "bio"
    summary = "A bio or profile missing the business's name, website, offering or place."
    placeholders = frozenset({"example", "found"})
    vocabularies = VOCABULARIES
    options: ClassVar[dict[str, Option]] = {
        "check": Option(
            str, "offering", "What must be there: " + ", ".join(CHECKS) + ".", _check_check
        ),
        "vocabulary": Option(
            dict,
            {},
            "Phrase lists: " + ", ".join(VOCABULARIES) + ".",
            vocabulary_check(VOCABULARIES),
        ),
        "local_only": Option(bool, True, "location: only for bios that name a local trade."),
        "example": Option(str, "", "A one-line example of a better bio, for the message."),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        vocab = self.opts["vocabulary"]
        self.index = {n: PhraseIndex([(p, None) for p in vocab.get(n, ())]) for n in VOCABULARIES}
        self.organisations = {w.lower() for w in vocab.get("organisations", ())}
        # single words that say what a business is or does ("Walker Plumbing")
        self.offering_words = {
            w.lower()
            for n in ("offerings", "local_trades")
            for w in vocab.get(n, ())
            if w.isalpha()
        }
        # offerings as a hashtag writes them: "#videoproduction", "#aerospace"
        self.offering_tags = {
            hashtag_form(w) for n in ("offerings", "local_trades") for w in vocab.get(n, ())
        }
        # words that make a profile name a business's, not a person's ("Walker Plumbing",
        # "Charles Schwab Corp", "NOAH Conference"): worked out once, read for every bio
        self.business_words = frozenset(
            self.organisations | self.offering_words | LEGAL_SUFFIXES | TRADE_WORDS | _EVENTS
        )
        # words that end a business's name in a bio ("Bayfront Dermatology")
        self.name_words = frozenset(self.organisations | TRADE_WORDS)
        trades = vocab.get("local_trades", ())
        self.trade_in_name = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in trades) + ")") if trades else None
        )

    def _hits(self, ctx: PostContext, name: str) -> list[tuple[int, int, str]]:
        """Vocabulary matches outside links, handles and link labels ("Blog:
        https://..."); worked out once per bio and list.  Words in the business's own name
        count when the bio spells it out: "Vertex Pharmaceuticals" says what Vertex makes."""
        key = f"bio-hits:{id(self.index[name])}"
        if key not in ctx.cache:
            skip = sorted(ctx.skipped_spans(("urls", "mentions", "hashtags")))
            ctx.cache[key] = [
                (s, e, ctx.text[s:e])
                for s, e, _, _ in self.index[name].find(ctx.doc)
                if not overlaps(s, e, skip)
                and not _LINK_LABEL.match(ctx.text, e)
                and not _idiom_tail(ctx.text, s)
            ]
        hits: list[tuple[int, int, str]] = ctx.cache[key]
        return hits

    def offering(self, ctx: PostContext) -> list[str]:
        """Evidence that the bio says what the business does (empty when it does not)."""
        nlp.sentenced(nlp.lemmatized(ctx.doc))  # read below: lemmas and sentence starts
        personal = [(s, e) for s, e, _ in self._hits(ctx, "personal")]
        offered = [
            (s, e, t)
            for name in ("offerings", "local_trades")
            for s, e, t in self._hits(ctx, name)
            if not overlaps(s, e, personal)
            and not _how_to_buy(ctx.text, e)
            and not _pastime(ctx.text, s)
        ]
        found = [t for _, _, t in offered]
        tokens = [t for t in ctx.doc if not t.is_space]
        if self._personal_voice(ctx, personal):
            # a person's bio ("Husband to Amy. Dad x2. Coffee first."): only a trade or a
            # profession says there is a business; coffee, coaching or gardening are pastimes
            trades = [
                t
                for s, e, t in self._hits(ctx, "local_trades")
                if not overlaps(s, e, personal) and not _pastime(ctx.text, s)
            ]
            return trades + self._occupations(ctx, tokens, [])
        for i, token in enumerate(tokens):
            if token.lower_ in _SERVICE_VERBS or token.lemma_ in _SERVICE_VERBS:
                content = [t for t in tokens[i + 1 : i + 5] if _is_content(t)]
                named = [
                    t for t in content if _plural(t) or any(s <= t.idx < e for s, e, _ in offered)
                ]
                if named:
                    found.append(f"{token.text} {named[0].text}")
        for m in _COLLECTIVE.finditer(ctx.text):
            after = [
                t for t in ctx.doc.char_span(m.end(), len(ctx.text), alignment_mode="expand") or []
            ][:6]
            if any(_is_content(t) for t in after):
                found.append(m.group())
        found += _noun_list(
            [t for t in tokens if not overlaps(t.idx, t.idx + len(t), personal)], ctx.text
        )
        own = _own_name_spans(ctx)
        for i, token in enumerate(tokens):
            if i and (token.lemma_ in self.organisations or token.lower_ in self.organisations):
                before = tokens[i - 1]
                starts = before.is_sent_start or before.i == 0 or tokens[i - 2].text.endswith(".")
                acronym = before.text.isupper() and len(before.text) <= 5  # "SEO services"
                # "UK Production Company", "Creative Agency": a capitalised common word
                # describes; an uncommon one ("Kube Group") names
                described = (
                    before.text[:1].isupper()
                    and token.lower_ not in _LOOSE_KINDS
                    and nlp.is_common_word(before.lower_)
                )
                if overlaps(before.idx, token.idx + len(token), own):
                    continue  # the business's own name ("The Cove Magazine")
                plain = before.text.islower() or starts or acronym or described
                word = before.text.replace("&", "").isalnum() and not (
                    before.idx and ctx.text[before.idx - 1] == "-"
                )
                if word and plain and before.lower_ not in _NOT_MODIFIERS:
                    found.append(f"{before.text} {token.text}")
        found += [m.group() for m in _SERVICE.finditer(ctx.text)]
        found += self._occupations(ctx, tokens, own)
        if not found:
            found = self._trade_tags(ctx, tokens)
        return found

    def _trade_tags(self, ctx: PostContext, tokens: list[Any]) -> list[str]:
        """Trades written as hashtags that a sentence leads into ("Motion & control for
        #Aerospace #OilandGas #Semiconductor").  One hashtag, or hashtags with no prose
        before them ("#landscaping #nz #outdoorliving", "About you. #plumbing"), say
        little."""
        text = ctx.text
        tags = [
            (s, text[s:e])
            for s, e in ctx.skipped_spans(("hashtags",))
            if text[s + 1 : e].lower() in self.offering_tags
        ]
        if len(tags) < 2:
            return []
        skip = ctx.skipped_spans(("urls", "mentions", "hashtags"))
        prose = [t for t in tokens if t.is_alpha and not overlaps(t.idx, t.idx + 1, skip)]
        # the character before the run of hashtags that holds the first trade tag
        words = text[: tags[0][0]].split()
        while words and words[-1].startswith("#"):
            words.pop()
        lead = words[-1][-1:] if words else ""
        if len(prose) < _PROSE_WITH_TAGS or not (lead.isalnum() or lead in _LEADS_INTO_TAGS):
            return []
        return [tag for _, tag in tags]

    def _personal_voice(self, ctx: PostContext, personal: list[tuple[int, int]]) -> bool:
        """Two or more different personal words (family, faith, pastimes), no "we" and no
        business's name: the bio speaks of a person's life."""
        words = {ctx.text[s:e].lower() for s, e in personal}
        if len(words) < 2 or any(t.lower_ in ("we", "our", "us") for t in ctx.doc):
            return False
        return not self._named(ctx)  # a business's name makes it a business's bio

    @staticmethod
    def _occupations(ctx: PostContext, tokens: list[Any], own: list[tuple[int, int]]) -> list[str]:
        """Professions named by their endings ("hygienist", "electrician", "dietitian"),
        outside the business's own name, links, handles and hashtags."""
        tags = ctx.skipped_spans(("urls", "mentions", "hashtags"))
        return [
            t.text
            for t in tokens
            if _OCCUPATION.fullmatch(t.lower_)
            and t.lower_ not in _NOT_OCCUPATIONS
            and not _pastime(ctx.text, t.idx)
            and not overlaps(t.idx, t.idx + len(t), own)
            and not overlaps(t.idx, t.idx + len(t), tags)
        ]

    def _named(self, ctx: PostContext) -> bool:
        name = str(ctx.post.meta.get("name", ""))
        if (
            re.search(r"[^\W\d_]", name)
            and not _person(name, ctx.text, self.business_words)
            and not _slogan(name, ctx.text, self.business_words)
        ):
            return True  # a name with letters ("3M"), not a ZIP code, a person or a phrase
        account = ctx.post.account
        if account is not None and account.self_mentions(ctx.text):
            return True
        if _NAME_SUFFIX.search(ctx.text):
            return True
        for token in ctx.doc[1:]:
            if token.lower_ in self.name_words and token.text[:1].isupper():
                before = ctx.doc[token.i - 1]
                shouted = before.is_upper and token.is_upper  # "THE END RECORDS"
                if not (before.text[:1].isupper() and before.is_alpha) or shouted:
                    continue
                if token.lower_ in self.organisations or not nlp.is_common_word(before.lower_):
                    return True  # "Acme Company", "Bayfront Dermatology"; not "Social Media"
        return False

    def _missing(self, ctx: PostContext) -> str | None:
        """What the bio lacks for this check, or None when it is fine."""
        check = self.opts["check"]
        if check == "name":
            return None if self._named(ctx) else "the business's name"
        if check == "website":
            has = bool(str(ctx.post.meta.get("website", "")).strip()) or any(
                not _in_email(ctx.text, *m.span()) for m in URL_RE.finditer(ctx.text)
            )
            return None if has else "a website"
        if check in ("offering", "personal") and not _latin(ctx.text):
            return None  # the word lists are English: a bio in another script is not judged
        if check == "offering":
            return None if self.offering(ctx) else "what the business does"
        if check == "personal":
            personal = {t.lower() for _, _, t in self._hits(ctx, "personal")}
            business_voice = any(t.lower_ in ("we", "our", "us") for t in ctx.doc)
            alone = len(personal) >= 2 and not business_voice and not self.offering(ctx)
            return "the business" if alone else None
        if self.opts["local_only"] and not (
            self._hits(ctx, "local_trades") or self._local_name(ctx)
        ):
            return None
        has = bool(str(ctx.post.meta.get("location", "")).strip())
        return None if has or _PLACE.search(ctx.text) or self._hits(ctx, "places") else "where"

    def _local_name(self, ctx: PostContext) -> bool:
        name = str(ctx.post.meta.get("name", "")).lower()
        return bool(name and self.trade_in_name and self.trade_in_name.search(name))

    def check(self, ctx: PostContext) -> Iterator[Match]:
        missing = self._missing(ctx)
        if missing is None:
            return
        text = ctx.text
        start = len(text) - len(text.lstrip())
        end = max(len(text.rstrip()), start)
        personal = ", ".join(t for _, _, t in self._hits(ctx, "personal")[:3])
        yield Match(
            start, end, self.render(example=self.opts["example"], found=personal or missing)
        )
