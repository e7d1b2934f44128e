"""Bios and profiles: how they are read, and the bio rules' judgements."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tonelint.account import Account
from tonelint.context import PostContext
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.rules.bio import BioRule
from tonelint.ruleset import load_ruleset

from .test_cli import write

BIO_RULES = (
    "bio-missing-business-name,bio-missing-website,bio-missing-offering,"
    "bio-personal-only,bio-missing-location"
)


def _bio(text: str, account: Account | None = None, **meta: Any) -> Post:
    return Post(text, "bio.txt", PositionMap.simple(text), kind="bio", meta=meta, account=account)


def _fired(text: str, account: Account | None = None, **meta: Any) -> set[str]:
    linter = Linter(load_ruleset("general"), select=BIO_RULES.split(","))
    return {f.rule for f in linter.lint_post(_bio(text, account, **meta))}


def _offering(text: str, **meta: Any) -> list[str]:
    rule = load_ruleset("general").get("bio-missing-offering")
    assert rule is not None and isinstance(rule.impl, BioRule)
    return rule.impl.offering(PostContext(_bio(text, **meta)))


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Family dentistry in Springfield.", "dentistry"),
        ("We are a global mining company.", "mining company"),
        ("Multifamily company passionate about homes.", "Multifamily company"),
        ("Tips and news on home repair.", "news on h"),
        ("At Crumbs, we make bagels from scratch.", "make bagels"),
        ("Buyers of diamonds, watches and coins.", "Buyers of"),
        ("Wildlife, game breeding, conservation, horses.", "Wildlife"),
        ("Superior SEO services for small shops.", "SEO services"),
        ("Pizza, 🍕 and more in the Ville", "Pizza"),
        ("Clearflow is a UK Production Company.", "Production Company"),
        ("Quest Diagnostics empowers people.", "Diagnostics"),  # a name that says the field
        ("The easy way to plan your wedding.", "wedding"),
        ("Reliable energy infrastructure for the Midwest.", "energy infrastructure"),
        ("We help clinics by managing their billing and scheduling.", "managing"),
        ("All the news you need about air travel.", "news you need about"),
        ("Acupuncture • herbs • cupping 🌸 Licensed since 2009", "Acupuncture"),  # bullets
        ("Loaves, buns & too much butter 🥐 Wed to Sun 7 to 2", "Loaves"),  # emoji ends it
        ("Registered dietitian. No detoxes.", "dietitian"),  # a profession by its ending
        ("Hygienist. I will ask if you floss.", "Hygienist"),
        ("Motion and control for #Aerospace #Semiconductor #Electronics", "#Aerospace"),
        ("Just tweeting about Howard County and Wisconsin", "tweeting about"),
        ("Twitter page all about the track life!", "page all about"),
        ("Qualified and experienced babysitting across Suffolk.", "babysitting"),
    ],
)
def test_offering_evidence(text: str, evidence: str) -> None:
    assert any(e.startswith(evidence) for e in _offering(text)), _offering(text)


@pytest.mark.parametrize(
    "text",
    [
        "Innovating with purpose every day. #Excellence",
        "The official account of Brightside Group.",
        "Creating a sustainable, resilient future for everyone.",
        "Refresh the world. Make a difference.",
        "Blog: https://a.example Support: https://b.example",
        "Building the future of energy for the communities we serve.",  # a field, no more
        "Quest Social Team is here for you 24/7.",  # a loose kind after a capital
        "Water matters. Energy matters.",  # broad fields, nothing concrete
        "Innovating every day. #DigitalDentistry #dentist",  # a hashtag alone says nothing
        "Because they're family. 🐾❤️",  # nor does an emoji
        "🦷✨😁",
        "Your smile is our passion 💙 #FamilyDentist #SmileBright",  # nor a profession tag
        "Optimist. Playlist curator. Early riser.",  # endings that name no trade
        "Wife | mom | sunshine 💛 Fridays are for long walks",  # no list of items
        "💈✂️ BOOK ONLINE ⬇️",  # how to buy is not what is sold
        "books open the 1st of every month, form only",
        "DM or book through the link 📲 closed Mon + Tue",
        "Drink local. Be kind.",
        "Ice at the bar til 2am",  # "til" is no singular of "tiles"
        "Now booking for spring, link below",  # nor is "booking" of "books"
        "#landscaping #gardendesign #hardscape #outdoorliving",  # trade tags, no prose
        "It's all about you. #plumbing #drains",  # nor with a slogan of too few words
        "A page all about me and my life",
    ],
)
def test_no_offering(text: str) -> None:
    assert _offering(text, name="Quest Diagnostics") == []


def test_a_bio_in_another_script_is_not_judged() -> None:
    text = "タイにて美容整形と観光ツアーを行っています。一人ひとりとの繋がりを大事にしています。"
    assert "bio-missing-offering" not in _fired(text, name="Sophia")
    assert "bio-missing-offering" in _fired("Making tomorrow brighter, together.", name="X")


def test_profile_fields_count() -> None:
    text = "Family dentistry: cleanings, fillings and braces."
    assert _fired(text) == {
        "bio-missing-business-name",
        "bio-missing-website",
        "bio-missing-location",
    }
    fields = {
        "name": "Brightside Dental",
        "website": "https://b.example",
        "location": "Springfield, IL",
    }
    assert _fired(text, None, **fields) == set()


def test_an_email_address_is_no_website() -> None:
    fields = {"name": "Brightside Dental", "location": "Springfield, IL"}
    text = "Family dentistry. Email hello@brightsidedental.example"
    assert "bio-missing-website" in _fired(text, None, **fields)
    assert "bio-missing-website" in _fired(
        "Family dentistry. bright.side@mail.example", None, **fields
    )
    assert "bio-missing-website" not in _fired(text + " or brightside.example", None, **fields)


def test_account_names_the_business() -> None:
    text = "Brightside makes family dentistry easy. brightside.example"
    assert "bio-missing-business-name" in _fired(text)
    assert "bio-missing-business-name" not in _fired(text, Account(name="Brightside"))


def test_personal_only() -> None:
    assert "bio-personal-only" in _fired(
        "Coffee lover, dog mom and proud grandma. Cookies are life!"
    )
    assert "bio-personal-only" in _fired("Husband to @dana 💍 | Buckeyes 🏈 | Jesus first")
    assert "bio-personal-only" in _fired("Grandma of 6. Quilter. Retired? Not yet")
    assert "bio-personal-only" not in _fired(
        "Dog mom and coffee lover. Family dentist in Springfield."
    )
    assert "bio-personal-only" not in _fired("We help pets and their people. Dog lover team!")
    # in a person's bio, pastimes and coffee are no offering; a trade or a profession is
    # a trade done for fun or in the past is a pastime ("amateur baker", "retired nurse")
    assert "bio-personal-only" in _fired(
        "Cyclist, amateur baker, bad guitarist. Dad to two. Writing about nothing."
    )
    assert "bio-personal-only" not in _fired("Baker and cyclist. Dad to two. Sourdough daily.")
    life = "Husband to Amy. Dad x2. Ice fishing, bad puns, Vikings fan. One more coffee."
    assert {"bio-personal-only", "bio-missing-offering"} <= _fired(life, name="Dave Kowalski")
    vet = _fired("Vet | cat lady | dog mom | coffee dependent", name="Dr. Leah Moreno, DVM")
    assert "bio-personal-only" not in vet and "bio-missing-offering" not in vet
    # a business's name makes the same words an offering
    cakes = _fired("Mama of 3 | custom cakes | coffee lover", name="Sweet Crumbs Bakery")
    assert "bio-missing-offering" not in cakes and "bio-personal-only" not in cakes


def test_location_only_for_local_trades() -> None:
    assert "bio-missing-location" in _fired("Your neighbourhood bakery. Fresh bread daily.")
    assert "bio-missing-location" not in _fired("Your downtown bakery. Fresh bread daily.")
    assert "bio-missing-location" not in _fired("Cloud payroll software for HR teams.")
    assert "bio-missing-location" not in _fired("Bakery on Main. 123 Main St, Springfield")


def test_bio_files_by_name_kind_and_front_matter(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    personal = "Coffee lover, dog mom and proud grandma. Cookies are life!\n"
    for name in ("bio.txt", "team.bio.txt", "team.bio.md"):
        write(tmp_path, name, personal)
    write(tmp_path, "draft.txt", personal)
    write(tmp_path, "fm.md", "---\nkind: bio\n---\n" + personal)
    _, data = run_json("--select", "bio-personal-only", ".")
    flagged = sorted({Path(f["path"]).name for f in data["findings"]})
    assert flagged == ["bio.txt", "fm.md", "team.bio.md", "team.bio.txt"]
    _, data = run_json("--select", "bio-personal-only", "--kind", "bio", "draft.txt")
    assert [f["rule"] for f in data["findings"]] == ["bio-personal-only"]


def test_profile_yaml_positions_and_fields(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "shop.profile.yaml",
        "platform: x\nname: Crumbs Bakery\nwebsite: crumbs.example\nbio: |\n"
        "  Fresh bread daily.\n  We are leveraging synergies downtown.\n",
    )
    code, data = run_json("shop.profile.yaml")
    rules = {f["rule"]: f for f in reversed(data["findings"])}
    assert code == 1
    assert (rules["corporate-jargon"]["line"], rules["corporate-jargon"]["column"]) == (6, 10)
    assert "bio-missing-website" not in rules and "bio-missing-business-name" not in rules


def test_profile_json_and_bio_limit(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    bio = "Family dentistry in Springfield, IL. " * 6
    write(
        tmp_path,
        "p.json",
        '{\n  "platform": "instagram",\n  "name": "Brightside",\n  "bio": "' + bio + '"\n}\n',
    )
    _, data = run_json("p.json")
    (too_long,) = [f for f in data["findings"] if f["rule"] == "too-long"]
    assert too_long["line"] == 4 and too_long["message"].startswith("bio is 221 characters")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: A\n", "p.yaml:1: error: a profile file needs a mapping with a 'bio' field"),
        ("bio: [1, 2]\n", "p.yaml:1: error: profile field 'bio' must be a string"),
        ("bio: ''\n", "p.yaml:1: error: the profile's 'bio' is empty"),
        ("bio: hi\nplatform: myspace\n", "p.yaml:2: error: unknown platform 'myspace'"),
        ("bio: [\n", "p.yaml:2: error: invalid YAML"),
    ],
)
def test_bad_profiles(run: Callable[..., Any], tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path, "p.yaml", content)
    result = run("p.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


@pytest.mark.parametrize(
    ("name", "bio", "named"),
    [
        ("Randy Walker", "Air conditioning and heating, residential and commercial.", False),
        ("Sheri M. Green", "We support small companies with their back-office needs.", False),
        ("Dr. David Sherman", "Eye and vision care in Oceanside.", False),
        ("Walker Heating", "Air conditioning and heating, residential and commercial.", True),
        ("Morgan Stanley", "Official account of Morgan Stanley.", True),  # said in the bio
        ("Charles Schwab Corp", "Champions of investors.", True),  # a legal suffix
        ("Austin PBS", "Community supported non-profit television.", True),  # an acronym
        ("Wendy's", "Fresh burgers.", True),  # a possessive
        ("Acme", "Fresh burgers.", True),
        ("David Sherman, MD", "Eye and vision care in Oceanside.", False),  # a credential
        ("Randy W.", "Heating and cooling.", False),  # an initial
        ("RANDY LEE", "Heating and cooling.", False),  # written in capitals
        ("Jane Cook", "Home cooking classes.", False),  # "Cook" is not in the bio as a word
        ("Jess | Physio", "Helping runners stay off the injured list.", False),  # person | trade
        ("Dr. Tom | Dentist", "Nervous patients welcome.", False),
        ("Attorney Renee Duval", "Family law attorney.", False),  # a title
        ("Kim Sells Houston", "Realtor. Top 1 %.", True),  # a word no middle name is
        ("Dr. Mia Lopez", "Dermatologist at Bayfront Dermatology.", True),  # the bio names it
        ("Amir Haddad", "Tax returns. Social Media tips too.", False),  # a field, not a name
        ("Tasha Greene, Realtor®", "Helping families find home.", False),  # a job title
        ("Lisa Alvarez, RD", "Registered dietitian. No detoxes.", False),  # a credential
        ("Dr. Mo", "Dad. Dentist. Bad golfer.", False),  # a doctor by one name
        ("Mr. Rooter", "Drains unclogged fast.", True),  # a brand's persona
        ("Greene, Realty Group", "Homes in Raleigh.", True),  # no role after the comma
        ("Anna", "Licensed psychologist. Telehealth across Oregon.", False),  # a first name
        ("jules", "gardening, knitting, quiet mornings", False),  # written in lower case
        ("Siobhán 🌿", "Chartered physio. Home visits.", False),  # accents and an emoji
        ("Simon", "The official home of Simon, a shopping destination.", True),  # said in the bio
        ("Tom & Linda", "Retired teachers chasing sunsets.", False),  # a couple
        ("Coach Dre", "Discipline > motivation.", False),  # a title and a name
        ("Grandma Bev", "Knitter of too many scarves.", False),
        ("Papa John's", "Better pizza.", True),  # a possessive
        ("Carlos Mendez", "Husband to @ana.mendez. Tacos > everything.", False),  # a handle
        ("Johnson Controls", "Smart buildings.", True),  # a census name, then a common word
        ("Meg Alvarez, RD", "Registered dietitian.", False),
        ("by appointment only", "DM or book through the link", False),  # a phrase
        ("made with love", "pre-orders open Sunday", False),
        ("brown paper bag", "The best of Mumbai in a brown paper bag!", True),  # said in the bio
        ("collective strategy", "We help teams build healthy organisations.", True),
    ],
)
def test_a_person_as_the_profile_name_names_no_business(name: str, bio: str, named: bool) -> None:
    fired = "bio-missing-business-name" in _fired(bio, name=name)
    assert fired is not named


def test_review_fixes_for_topic_and_trade_tags() -> None:
    assert any(e.lower().startswith("tweets about") for e in _offering("Tweets about politics."))
    assert _offering("Just a page all about my dog Max") == []
    assert _offering("It's all about you. #nz #plumbing #drains") == []
