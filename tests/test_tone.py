"""Tone rules: the ``score`` judgement and its signals, the account, shouting, hashtags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tonelint.account import Account, parse_account
from tonelint.context import PostContext
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.rules.score import ScoreRule
from tonelint.ruleset import load_ruleset

from .helpers import compile_rules, lint
from .test_cli import write

ACME = Account(
    name="Acme Plumbing",
    handles=("@AcmeCo",),
    aliases=("Acme", "DrainPro"),
    website="https://www.acme-plumbing.example/",
)


def _post(text: str, account: Account | None = None, platform: str | None = None) -> Post:
    return Post(text, "t.txt", PositionMap.simple(text), platform=platform, account=account)


def _self_promotion(text: str, account: Account | None = None) -> list[str]:
    linter = Linter(load_ruleset("general"), select=["self-promotion"])
    return [f.message for f in linter.lint_post(_post(text, account))]


def _signals(text: str, account: Account | None = None) -> dict[str, int]:
    rule = load_ruleset("general").get("self-promotion")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    return rule.impl.signals(PostContext(_post(text, account))).counts


def test_account_third_person_counts_as_self() -> None:
    text = "Acme's new DrainPro service wins the county award, see acme-plumbing.example"
    assert _self_promotion(text) == []  # no account: only first person counts
    (message,) = _self_promotion(text, ACME)
    assert "names the account (Acme, acme-plumbing.example, DrainPro)" in message
    assert "bragging (award)" in message


def test_account_in_the_third_person_sounds_corporate() -> None:
    linter = Linter(load_ruleset("general"), select=["corporate-tone"])

    def flagged(text: str, account: Account | None = ACME) -> list[str]:
        found = linter.lint_post(_post(text, account))
        return [text[f.column - 1 : f.end_column - 1] for f in found]

    invite = "Acme Plumbing invites homeowners to a free workshop on Saturday."
    assert flagged(invite) == ["Acme Plumbing invites"]
    assert flagged("Big news! 🎉 Acme is proud to sponsor the fun run.") == ["Acme is proud"]
    assert flagged(invite, None) == []  # without an account, nothing is the business
    assert flagged("@AcmeCo invites you to the fair.") == []  # a handle may be a tag
    assert flagged("Thanks to everyone Acme Plumbing invites each year.") == []  # mid-sentence
    assert flagged("Acme Plumbing fixed 40 leaks this week.") == []  # a plain verb


def test_own_handles_and_brand_accounts_are_self_not_mentions() -> None:
    signals = _signals("@AcmeCo and @AcmeCoTexas crews fixed 40 leaks, thanks to @CityWater", ACME)
    assert signals["self_mention"] == 2
    assert signals["mention"] == 1
    assert "reply" not in signals  # starting with our own handle is not a reply


def test_reply_is_never_self_promotion() -> None:
    text = "@dana We're proud our award-winning team could help! Book now: https://acme.example"
    assert _signals(text)["reply"] == 1
    assert _self_promotion(text) == []


def test_question_or_invitation_clears_a_promo() -> None:
    promo = "We're proud to launch our award-winning drain service today."
    assert _self_promotion(promo)
    assert not _self_promotion(promo + " Which repair should we film next? Tell us below!")


def test_message_names_the_features() -> None:
    (message,) = _self_promotion(
        "We are thrilled to be named the best plumber in town! https://a.example"
    )
    assert message.startswith("reads as self-promotion (score ")
    assert "bragging (named, the best, thrilled)" in message and "a link" in message


def test_implied_speaker() -> None:
    assert _signals("Proud to support the food bank again this year.")["first_person"] == 1
    assert "first_person" not in _signals("The proud owner of a new boiler.")


def test_quotes_are_not_the_account_speaking() -> None:
    assert "first_person" not in _signals('A customer wrote: "we love our new sink."')


def test_a_company_post_about_its_own_people_needs_no_sales_words() -> None:
    text = "Our founder Dana Ruiz sat down with the Tribune to talk about 20 years of Acme. https://t.example/a"
    (message,) = _self_promotion(text, ACME)
    assert "talks about itself (we/our/I)" in message and "a link" in message


def test_advice_and_data_count_against_self_promotion() -> None:
    text = "Acme recommends flushing your water heater once a year to prevent rust. https://t.example/b"
    assert _signals(text, ACME)["informative"] == 2  # recommends, prevent
    assert _self_promotion(text, ACME) == []


def test_asking_people_to_the_account_is_a_call() -> None:
    assert _signals("Join Acme at the county fair this Saturday", ACME)["calls_to_buy"] == 1
    assert _signals("Help us collect 500 coats this winter")["calls_to_buy"] == 1
    assert "calls_to_buy" not in _signals("We help homeowners every day")


def test_thanking_your_own_people_is_bragging_not_an_invitation() -> None:
    own = _signals("Congrats to our CEO on being named plumber of the year!", ACME)
    assert "invitations" not in own and own["bragging"] >= 2
    aimed_at_us = _signals("Thanks to Acme for the new boiler at the shelter!", ACME)
    assert "invitations" not in aimed_at_us
    others = _signals("Thanks to our customers for coming out in the rain!")
    assert others["invitations"] == 1
    # thanks for a boast are part of the boast
    assert "invitations" not in _signals("Thanks to our customers for a record year!")


def test_inclusive_we_and_headlines_are_not_the_account() -> None:
    assert "first_person" not in _signals("Vaccines protect our communities every flu season.")
    assert "first_person" not in _signals("Why I Quit My Job To Fix Boilers")
    assert _signals("Why I love fixing boilers")["first_person"] == 1


def test_a_bare_link_is_a_teaser() -> None:
    assert _signals("Hut Hut. #GameDay https://t.example/c")["teaser"] == 1
    assert "teaser" not in _signals("Three ways to keep pipes from freezing https://t.example/d")


def test_a_time_word_before_a_comma_is_not_a_name() -> None:
    assert "reply" not in _signals("Yesterday, we hosted the city's plumbers at our shop.")
    assert _signals("Maria, thank you for the kind words!")["reply"] == 1


def test_parse_account_errors() -> None:
    assert parse_account({"name": "A", "handles": "@a"}).handles == ("@a",)
    with pytest.raises(ValueError, match="unknown account key 'handle'"):
        parse_account({"handle": "@a"})
    with pytest.raises(ValueError, match="must be a list of strings"):
        parse_account({"aliases": [1]})


def test_account_from_config_and_front_matter(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    text = "Acme has the best drain service in town, now 20 percent off. Book now!\n"
    write(tmp_path, "a.txt", text)
    _, data = run_json("--select", "self-promotion", "a.txt")
    assert data["findings"]  # "Book now" is a call to buy even without an account
    write(tmp_path, "b.txt", "Acme is the best drain service in town, voted number one again.\n")
    _, data = run_json("--select", "self-promotion", "b.txt")
    assert data["findings"] == []
    write(tmp_path, ".tonelint.yaml", "account:\n  name: Acme\n")
    _, data = run_json("--select", "self-promotion", "b.txt")
    assert [f["rule"] for f in data["findings"]] == ["self-promotion"]
    write(
        tmp_path,
        "c.md",
        "---\naccount: {name: Zenith}\n---\nAcme has the best drain service in town.\n",
    )
    _, data = run_json("--select", "self-promotion", "c.md")
    assert data["findings"] == []
    write(tmp_path, ".tonelint.yaml", "account:\n  nmae: Acme\n")
    code, data = run_json("b.txt")
    assert code == 2 and "unknown account key 'nmae'" in data["errors"][0]["message"]


def test_score_options_are_validated(tmp_path: Path) -> None:
    from tonelint.model import InputError

    body = "rules:\n  s:\n    type: score\n    message: m\n    weights: {selfie: 1}\n"
    with pytest.raises(InputError, match="unknown signal 'selfie'"):
        compile_rules(tmp_path, body)
    body = "rules:\n  s:\n    type: score\n    message: m\n    require: [link|nope]\n"
    with pytest.raises(InputError, match="is not a signal"):
        compile_rules(tmp_path, body)


def test_custom_score_rule(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        """
        rules:
          link-dump:
            type: score
            message: "score {score}: {signals}"
            weights: {link: 1}
            threshold: 1
            forbid: [question]
        """,
    )
    assert [f.message for f in lint(rules, "See https://a.example")] == ["score 1: a link"]
    assert lint(rules, "Seen this? https://a.example") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HUGE SALE this weekend", ["HUGE SALE"]),
        ("Teeth whitening for FREE", ["FREE"]),
        ("Come in today!!!", ["!!!"]),
        ("VIDEO: how to floss", []),
        ("Our HIPAA and OSHA training is done", []),
        ("The WHO and CDC updated guidance", []),
        ("Follow #BIGSALE and @ACME_NOW", []),
        ("Great news!", []),
    ],
)
def test_shouting(text: str, expected: list[str]) -> None:
    linter = Linter(load_ruleset("general"), select=["shouting"])
    found = linter.lint_post(_post(text))
    assert [text[f.column - 1 : f.end_column - 1] for f in found] == expected


def test_hashtag_overuse_points_past_the_limit() -> None:
    linter = Linter(load_ruleset("general"), select=["hashtag-overuse"])
    text = "Clean gutters make a happy home all winter long. #gutters #home #diy #fall #rain"
    (finding,) = linter.lint_post(_post(text))
    assert text[finding.column - 1 : finding.end_column - 1] == "#fall #rain"
    assert finding.message.startswith("5 hashtags; the platform advises at most 3")
    assert linter.lint_post(_post(text, platform="instagram")) == []


def test_pattern_not_followed_by(tmp_path: Path) -> None:
    rules = compile_rules(
        tmp_path,
        r"""
        rules:
          passive:
            type: pattern
            message: "{match}"
            patterns:
              - regex: '\bwas decided\b'
                not_followed_by: '\bby\b'
                not_preceded_by: '\bwhat\b'
        """,
    )
    assert [f.message for f in lint(rules, "It was decided on Monday.")] == ["was decided"]
    assert lint(rules, "It was decided by the board.") == []
    assert lint(rules, "Here is what was decided.") == []
    assert [f.message for f in lint(rules, "It was decided. By then we knew.")] == ["was decided"]


def test_corporate_tone_suggestion_and_span() -> None:
    linter = Linter(load_ruleset("general"), select=["corporate-tone"])
    text = "Hi all. We're pleased to announce our new hours going forward."
    first, second = linter.lint_post(_post(text))
    assert text[first.column - 1 : first.end_column - 1] == "We're pleased to announce"
    assert second.suggestion == "from now on"


def test_message_word_order_is_stable_across_processes() -> None:
    (message,) = _self_promotion("We won an Award, the award we are proud of! https://a.example")
    assert "bragging (Award, award, proud)" in message


def test_a_hosted_chat_answer_to_a_user_is_a_reply() -> None:
    assert _signals("A3b @dana_k We compost at every store we own.")["reply"] == 1
    assert _signals("A12a .@dana_k we are proud of our new goal")["reply"] == 1
    assert "reply" not in _signals("A great day with @dana_k at our shop")


def test_a_holiday_greeting_greets_the_reader() -> None:
    text = "Happy Lunar New Year from all of us at Acme! https://t.example/n"
    assert _signals(text, ACME)["invitations"] == 1
    assert _self_promotion(text, ACME) == []


def test_a_greeting_signed_by_the_team_is_not_about_the_team() -> None:
    signals = _signals("Happy holidays from the Acme team!", ACME)
    assert "self_mention" not in signals and "first_person" not in signals
    assert _signals("The Acme team fixed 40 leaks this week.", ACME)["self_mention"] == 1


def test_shouting_max_exclamations_zero_means_no_limit(tmp_path: Path) -> None:
    body = "name: t\nrules:\n  bangs:\n    type: capitals\n    message: '{match}'\n"
    strict = compile_rules(tmp_path, body)
    relaxed = compile_rules(tmp_path, body + "    max_exclamations: 0\n")
    text = "Open today!!!!"
    assert [f.message for f in lint(strict, text)] == ["!!!!"]
    assert lint(relaxed, text) == []


def test_a_sales_hook_is_not_a_question() -> None:
    text = "Need a plumber fast? Call us today: https://acme.example"
    assert "question" not in _signals(text)
    assert _self_promotion(text)
    # the hook may follow an emoji, a handle or a hashtag
    assert "question" not in _signals("🔧 @dana Tired of a dripping tap? We fix it in an hour.")
    assert _signals("Which repair should we film next?")["question"] == 1
    asked = _signals("Book now. What do you want us to film next?")
    assert asked["question"] == 1  # "What do you want ...": the hook must open the sentence


def test_a_question_after_an_offer_is_part_of_the_pitch() -> None:
    offer = "Gutter guard season package: 4 visits for $199. Anyone else's gutters a jungle?"
    signals = _signals(offer)
    assert "question" not in signals and signals["pitch_question"] == 1
    assert _self_promotion("Our gutter guard package is back: 4 visits for $199. Who's in?")
    # still a question: no-engagement stays quiet
    linter = Linter(load_ruleset("general"), select=["no-engagement"])
    assert linter.lint_post(_post(offer)) == []
    # a question first, or one asking what the business should do, is asked for real
    assert _signals("Anyone else's gutters a jungle? We clean them for $99.")["question"] == 1
    asked = _signals("New flavours at $4 a scoop. Which one should we make next?")
    assert asked["question"] == 1 and "pitch_question" not in asked
    # an invitation keeps the question a question
    invited = _signals("Cones are $3 this week. Which flavour wins? Tell us below!")
    assert invited["question"] == 1


def test_a_job_shown_is_the_business_talking_about_itself() -> None:
    shown = _signals("Tankless water heater install in Riverside today. Endless hot showers!")
    assert shown["self_mention"] == 1
    assert _signals("Full tear-off and replacement done in ONE day on this ranch.")["self_mention"]
    # not a job: congratulations, or someone else finishing
    assert "self_mention" not in _signals("Well done to everyone who ran the half marathon today!")
    assert "self_mention" not in _signals("Tyler swam once he finished the pool today.")
    assert "self_mention" not in _signals("How long does a roof replacement take? About two days.")


def test_greeting_someone_else_invites() -> None:
    for text in (
        "Happy 90th birthday to Mrs. Ruth Abernathy! She has a lemonade for our crew.",
        "Muchas gracias a Doña Carmen for the tamales she made for our crew!",
        "Cheers to Danny and the crew at Corner Cup for keeping us going this morning.",
        "Welcome to the neighborhood, Priya and Sam! Keys handed over yesterday.",
    ):
        assert _signals(text)["invitations"] == 1, text
    assert "invitations" not in _signals("Happy 10 years to us! Same crew, same coffee.")


def test_advice_words_that_qualify_a_name_are_not_advice() -> None:
    named = _signals("Our Safety Advisory Board met the Data Team at the Acme plant.", ACME)
    assert "informative" not in named
    # the name's last word, a sentence's first word and a headline's words still count
    assert _signals("Read the county's Travel Advisory before you drive.")["informative"] == 1
    assert _signals("Data from the county show fewer burst pipes.")["informative"] == 1
    assert _signals("New Data Show Fewer Burst Pipes This Winter")["informative"] == 1


def test_applying_and_donating_are_calls() -> None:
    assert _signals("Apply to be an Acme apprentice by May 1.", ACME)["calls_to_buy"] == 1
    assert _signals("Applications are open for our apprenticeship.")["calls_to_buy"] == 1
    assert _signals("Donate now and we will match every gift.")["calls_to_buy"] == 1
    assert "calls_to_buy" not in _signals("These rules apply to every landlord in the county.")


def test_the_short_form_of_the_account_name_is_self_reference() -> None:
    from tonelint.account import short_name

    assert short_name("Acme Plumbing LLC") == "Acme"
    assert short_name("Yum! Brands") == "Yum!"
    assert short_name("Summit Dental") is None  # "summit" is a common word
    # ordinary words, places and trades are not a name on their own
    for name in ("The Law Group", "Your Health Clinic", "New York Dental", "HVAC Services"):
        assert short_name(name) is None, name
    assert short_name("St. Louis Plumbing") is None
    assert Account(name="The Law Group").self_mentions("The county's new rules start May 1") == []
    assert short_name("Acme") is None  # nothing to leave out
    account = Account(name="Brightside Dental Care")
    assert account.self_mentions("Brightside's team cleaned 40 smiles today") == [(0, 10)]
    assert account.self_mentions("look on the brightside") == []  # the name's own capitals
    assert _signals("Brightside is proud of its new clinic", account)["self_mention"] == 1


def test_marking_a_day_for_others_is_not_about_us() -> None:
    text = "During Black History Month we honor the contributions of Black inventors. https://t.example/e"
    assert _signals(text)["informative"] >= 2
    assert _self_promotion(text) == []


def test_a_hashtag_of_several_words_counts_like_the_words() -> None:
    assert _signals("Our spring menu is here #BookNow")["calls_to_buy"] == 1
    assert _signals("#HappyThanksgiving from our crew")["invitations"] == 1
    assert "informative" not in _signals("#InternationalWomensDay at our stores")
    assert _signals("Big #Sale today")["promotional"] == 1  # one word: counted once


BAKERY = Account(
    name="Crumb & Kettle Bakery", handles=("crumbkettle",), website="crumbkettle.example"
)


def test_a_phone_number_is_a_call_to_buy() -> None:
    assert _signals("Two openings this Thursday. Call 555-0142")["calls_to_buy"] == 1
    assert _signals("Our front desk 📞 (555) 201-7788")["calls_to_buy"] == 1
    assert _signals("Our hotline: 1-800-555-0199")["calls_to_buy"] == 1
    # years, ZIP+4 codes, prices and version numbers are not phone numbers
    for text in ("Open since 2019-2020", "Mail to 12345-6789", "Only $1,299.99", "v2.1.0"):
        assert "calls_to_buy" not in _signals(text), text
    assert _self_promotion(
        "Same-day visits every weekday. Call before 9 and we'll fit you in: 555-0178"
    )


def test_a_hashtag_of_the_business_name_is_self_reference() -> None:
    # the name run together, its first words, '&' as 'and' or left out, and the handle
    for tag in ("#crumbandkettle", "#CrumbKettle", "#crumbandkettlebakery", "#crumbkettle"):
        assert _signals(f"Cardamom buns are back {tag}", BAKERY)["self_mention"] == 1, tag
    for tag in ("#crumb", "#crumband", "#bakery", "#kettlecorn"):
        text = f"Fresh today at the farmers market on Elm Street until noon {tag}"
        assert "self_mention" not in _signals(text, BAKERY), tag  # (too long for a caption)


def test_a_short_name_of_several_words_is_matched_with_its_capitals() -> None:
    from tonelint.account import short_name

    assert short_name("Peak Motion Physiotherapy") == "Peak Motion"
    assert short_name("Crumb & Kettle Bakery") == "Crumb & Kettle"
    assert short_name("Comfort Zone Heating & Air") == "Comfort Zone"
    for name in ("North Shore Dental", "West End Law Group", "The Dental Care Clinic"):
        assert short_name(name) is None, name
    account = Account(name="Peak Motion Physiotherapy")
    assert account.self_mentions("Direct billing now at Peak Motion") == [(22, 33)]
    assert account.self_mentions("keep your motion at its peak motion range") == []


def test_staff_spotlights_and_reviews_promote_the_business() -> None:
    assert _signals("Meet Rosa! She has run our front desk for 9 years.")["promotional"] == 1
    assert _signals("🎉 Meet Dr. Lee, our new dentist.")["promotional"] == 1
    for text in ("Meet the team at the fair", "We meet on Tuesdays", "Say hello to the new kids"):
        assert "promotional" not in _signals(text), text
    assert _signals("⭐️⭐️⭐️⭐️⭐️ Thank you Linda!")["bragging"] == 1
    assert "bragging" not in _signals("A ⭐ for effort")
    # celebrating your own people is a boast; greeting a customer is not
    assert _signals("Happy birthday to our amazing stylist Kayla!")["bragging"] >= 1
    assert _signals("Happy birthday to @dana_k, our longest-standing client!")["invitations"] == 1


def test_a_question_answered_by_an_offer_is_a_sales_hook() -> None:
    hook = _signals("Going abroad this summer? Book now: some shots take weeks to work.")
    assert "question" not in hook
    two = _signals("Turned down by the bank? We do statement loans. Let's chat.")
    assert "question" not in two  # the offer may come a sentence later
    # a real question stays one: an invitation first, or no call at all
    assert _signals("Which pastry should we bake next? Tell us, then stop by.")["question"] == 1
    assert _signals("Which pastry should we bake next? Vote below!")["question"] == 1
    assert _signals("Due for a cleaning? Call 555-0142")["calls_to_buy"] == 1


def test_closure_notices_are_information() -> None:
    text = (
        "Please note our office will be closed on Monday in observance of Labor Day. "
        "We thank our valued customers."
    )
    assert _signals(text)["informative"] >= 2
    assert _self_promotion(text) == []


def test_new_hires_and_signed_reviews_promote_the_business() -> None:
    assert _signals("Welcome Attorney Nate Ocampo to the firm! 🎉")["promotional"] == 1
    assert _signals("Please welcome Dr. Lee to our dental team.")["promotional"] == 1
    assert "promotional" not in _signals("Welcome to the neighborhood, new owners!")
    review = '"They were so gentle with my old dog." — Karen, Gizmo\'s mom'
    assert _signals(review)["bragging"] == 1
    assert "bragging" not in _signals('Our vet says "brush daily". Good advice.')


def test_thanks_for_a_boast_invite_nothing() -> None:
    award = "Voted best orthodontist in town again 🏆 Thank you to everyone who voted!"
    assert "invitations" not in _signals(award)
    boast = _signals("We were voted best orthodontist in town again 🏆 Thanks, Maple Ridge!")
    assert "invitations" not in boast and boast["bragging"] == 1 and boast["first_person"] == 1
    # thanks with nothing bragged stay an invitation
    assert _signals("Thank you to the Little League for a great season!")["invitations"] == 1
    # thanks to someone named stay, even when the post praises ("the best") or brags
    library = _signals("Thank you to the Port Alder Library for hosting us. You are the best!")
    assert library["invitations"] == 1
    assert _signals("Shoutout to @millerfarm, the best pork we've found!")["invitations"] == 1


def test_pride_in_someone_else_is_no_boast() -> None:
    for text in ("So proud of you, Denise!", "Proud of y'all.", "Proud of Marcus and his 5K!"):
        counts = _signals(text)
        assert "bragging" not in counts and "first_person" not in counts, text
    assert _signals("Proud to be voted best bakery!")["bragging"] >= 1
    ours = _signals("Proud of Brightside Dental's ten years!", Account(name="Brightside Dental"))
    assert ours["bragging"] == 1 and ours["first_person"] == 1


def test_finished_jobs_prices_and_conditional_calls() -> None:
    for text in ("Before ➡️ after on this bathroom", "before/after: new roof", "Before & after!"):
        assert _signals(text)["promotional"] == 1, text
    assert _signals("Kids' cuts are $15 all week")["promotional"] == 1
    assert _signals("Gutter clearing from £45")["promotional"] == 1
    assert "promotional" not in _signals("Read this before you sign anything, and after.")
    # a call that only applies if something happens is advice, not a sale
    advice = _signals("If someone calls asking for your PIN, hang up and call us.")
    assert "calls_to_buy" not in advice
    assert _signals("Leaky tap? Call us today.")["calls_to_buy"] == 1
    hire = _signals("Welcome Kayla to the Velvet Shears family!")
    assert hire["promotional"] == 1


def test_congratulating_another_business_stays_an_invitation() -> None:
    text = (
        "Congrats to the Iron Kettle crew on the grand opening! Proud to have found them the space."
    )
    assert _signals(text)["invitations"] == 1


def test_everyday_wording_is_not_an_offer() -> None:
    peak = Account(name="Peak Motion Physiotherapy")
    assert "bragging" not in _signals("Happy holidays from Peak Motion!", peak)
    assert "promotional" not in _signals("Power is back on in our street. Kids are back in school.")
    assert "calls_to_buy" not in _signals("Let's talk about shin splints. Never walk in the road.")
    assert _signals("Call us at 555-0142")["calls_to_buy"] == 1  # one call, not two
    assert _signals("Kids' cuts $15, adults $25, seniors $20")["promotional"] == 1
    # "If ..." makes the number advice too
    assert "calls_to_buy" not in _signals("If you are arrested, call 416-555-0199 first.")


def test_offers_without_we() -> None:
    # advice words inside or right after an offer are part of it
    assert "informative" not in _signals("Flat rate bookkeeping, starting at $150 a month.")
    assert "informative" not in _signals("NEW class alert: Slow Flow on Sundays.")
    assert "informative" not in _signals("Sunday roast, £18. Booking recommended.")
    assert _signals("Flu vaccine guidance for this winter.")["informative"] >= 1
    # an offer with no "we" and no name is still about the business
    assert _self_promotion("Now booking autumn tidy-ups. Free quotes, $49 gutter clearing.")
    assert not _self_promotion("Free tax help at the library on Saturday.")
    # the business announcing a service in the third person
    acme = Account(name="TrueLevel Home Inspections")
    counts = _signals("TrueLevel Home Inspections now offers radon testing.", acme)
    assert counts["promotional"] == 1 and counts["self_mention"] == 1
    assert _self_promotion("TrueLevel Home Inspections now offers radon testing for $150.", acme)


def test_a_review_shown_off_is_about_the_business() -> None:
    review = '⭐⭐⭐⭐⭐ "Showed up in 40 minutes on a Sunday." — Linda. Thank you Linda!!'
    counts = _signals(review)
    assert counts["self_mention"] == 1 and counts["bragging"] == 2
    assert _self_promotion(review)
    assert "self_mention" not in _signals('Our vet says "brush daily". Good advice.')


def test_a_call_is_an_imperative_not_a_report() -> None:
    assert _signals("Stop by the shop on Saturday for a free sample.")["calls_to_buy"] == 1
    assert "calls_to_buy" not in _signals("The Little League team stopped by the shop today.")
    assert "calls_to_buy" not in _signals("A neighbour called us at midnight about a leak.")


def test_a_call_opens_its_sentence_or_clause() -> None:
    assert _signals("Walk-ins all week. Come in before noon.")["calls_to_buy"] == 1
    assert _signals("Questions about your loan, call us.")["calls_to_buy"] == 1
    assert _signals("Don't forget to book your cleaning.")["calls_to_buy"] == 1
    assert _signals("So come in and say hi!")["calls_to_buy"] == 1
    # what other people do is no call: "we see aids come in", "people choose to come in"
    assert "calls_to_buy" not in _signals("Damp is why we see hearing aids come in for repair.")
    assert "calls_to_buy" not in _signals("Some clients choose to come in every month.")
    assert "calls_to_buy" not in _signals("Mr. Lund has come in every week since 2015.")


def test_an_offer_back_or_in_needs_no_we() -> None:
    counts = _signals("Pumpkin bread is BACK 🎃 Saturdays only.")
    assert counts["promotional"] == 1 and counts["self_mention"] == 1
    assert _signals("Holiday preorders are open! Apple, pecan, pumpkin.")["promotional"] == 1
    assert "promotional" not in _signals("Allergy season is here. Keep the windows shut.")
    assert "promotional" not in _signals("Comments are open: tell us your worst drain story.")


def test_a_sale_shown_at_the_top_promotes_the_business() -> None:
    counts = _signals("SOLD in 5 days 🔑 Congrats to the Okafors!")
    assert counts["promotional"] == 1 and counts["self_mention"] == 1
    assert _signals("JUST LEASED 🔑 2,000 SF retail on Main.")["self_mention"] == 1
    assert "self_mention" not in _signals("CLOSED Monday for Memorial Day. Back Tuesday.")


def test_new_barbers_and_this_is_spotlights() -> None:
    assert _signals("Welcome to the family @nina.cuts 💈 Book her on Tuesdays.")["promotional"]
    assert _signals("This is Marta. She has run our front desk for 12 years.")["promotional"]
    assert "promotional" not in _signals("This is important: test your smoke alarm.")


def test_an_opening_question_followed_by_an_offer_and_a_call_is_a_hook() -> None:
    hook = "Moving out in June? Our move-out clean starts at $199. Text 555-0148 for a quote!"
    assert "question" not in _signals(hook)
    assert _self_promotion(hook)
    tip = (
        "Tooth knocked out? Hold it by the crown. Rinse it gently. Keep it in milk. "
        "Then call 555-0142."
    )
    assert _signals(tip)["question"] == 1  # advice between: a real question, not a pitch


def test_number_one_ranking_a_fact_is_no_boast() -> None:
    assert "bragging" not in _signals("Moisture is the #1 reason hearing aids need repair.")
    assert _signals("Voted the #1 bakery in town!")["bragging"] == 1


def test_formal_notices_inform() -> None:
    notice = (
        "Acme Plumbing wishes to inform clients that service will resume on Monday. "
        "We apologize for any inconvenience."
    )
    assert _signals(notice, ACME)["informative"] == 3
    assert not _self_promotion(notice, ACME)


def test_an_anniversary_greeted_is_not_the_business_anniversary() -> None:
    counts = _signals("Happy anniversary to Ruth and Al, 50 years today!")
    assert "promotional" not in counts and counts["invitations"] == 1
    assert _signals("Our 10th anniversary party is Saturday!")["promotional"] == 1


def test_a_branch_after_a_dash_is_still_the_business() -> None:
    branch = Account(name="Lakeside Teachers Credit Union - Elm Street Branch", handles=("ltcu",))
    text = "Lakeside Teachers Credit Union invites members to a free workshop."
    assert branch.self_mentions(text) == [(0, 30)]
    assert branch.self_mentions("#LakesideTeachersCreditUnion") == [(0, 28)]
    person = Account(name="Align Chiropractic \u2013 Dr. Tessa Ruiz")
    assert person.self_mentions("Align Chiropractic is open Saturday.") == [(0, 18)]


def test_office_notices_sound_corporate() -> None:
    linter = Linter(load_ruleset("general"), select=["corporate-tone"])
    branch = Account(name="Lakeside Teachers Credit Union - Elm Street Branch")
    for text in (
        "Lakeside Teachers Credit Union will host a homebuying workshop on March 6.",
        "We kindly ask that all clients upload their documents by March 1.",
        "Customers may experience longer wait times this week.",
    ):
        assert linter.lint_post(_post(text, branch)), text
    assert not linter.lint_post(_post("Busy week! You might wait a bit when you call.", branch))


def test_opening_with_thanks_or_congratulations_to_others_is_the_point() -> None:
    counts = _signals("Congratulations to the Rivera family on their first home! We loved it.")
    assert counts["greets_first"] == 1 and counts["invitations"] == 1
    assert "greets_first" not in _signals("Our new patio menu is here. Thanks to Ana for it!")
    # thanks for the business's own boast are no greeting
    assert "greets_first" not in _signals("Thank you for voting us the #1 bakery in town!")


def test_a_question_answered_in_quotes_asks_nothing() -> None:
    interview = 'Meet Luis, our foreman. Favorite part of the job? "The view from up top."'
    assert "question" not in _signals(interview)
    assert _signals("Favorite part of summer? Tell us below!")["question"] == 1


def test_round_nine_offers_reviews_and_staff() -> None:
    assert _signals("Pet dental month! 20% off cleanings through Feb 28.")["promotional"] == 1
    assert _signals("Seed potatoes are in for spring. Sold by the pound.")["promotional"] == 1
    review = 'Thank you for the kind words, Harold! "Fixed it in an hour." ⭐⭐⭐⭐⭐'
    assert "reply" not in _signals(review)
    assert "reply" in _signals("Thank you for the kind words, Harold! See you in spring.")
    assert _signals("Congrats to our groomer Dana on passing her exam!")["bragging"] == 1
    firm = Account(name="Ruiz & Pham, Attorneys at Law")
    assert firm.self_mentions("Ruiz & Pham is pleased to announce a new partner.") == [(0, 11)]


def test_round_ten_captions_of_the_work() -> None:
    assert _signals("Before: sleeves too long. After: fixed.")["promotional"] == 1
    assert _signals("Before:\nrusty tank\nAfter:\nnew heater")["promotional"] == 1
    assert "promotional" not in _signals("Before: read the label. Then ask your vet.")
    assert _signals("Fresh batch out of the oven 🥐")["promotional"] >= 1
    assert _signals("Patient spotlight: meet Pickle, a 42-year-old turtle!")["promotional"] >= 1


def test_round_eleven_captions_notices_and_announcements() -> None:
    shop = Account(name="Tumbleweed Taqueria", handles=("tumbleweedtaqueria",))
    assert _signals("birria tuesday 🔥🌮 #birria #tacotuesday", shop)["self_mention"] == 1
    assert _self_promotion("fresh tortillas, all day 🌮 #handmade #masa", shop)
    # a caption needs the account; a question, advice or a long text is no caption
    assert "self_mention" not in _signals("birria tuesday 🔥🌮 #birria")
    assert "self_mention" not in _signals("who wants birria? 🔥 #birria", shop)
    assert "self_mention" not in _signals("Heat advisory today ☀️ stay safe #heatwave", shop)
    moved = "Ruiz & Pham has relocated. Our telephone number remains unchanged."
    assert _signals(moved)["informative"] == 2
    assert _signals("We are pleased to announce a new partner.")["bragging"] == 1
    assert _signals("Congratulations to our paralegal Kiara on passing the bar!")["bragging"]


def test_review_fixes_for_captions_deals_and_greetings() -> None:
    shop = Account(name="Acme Bakery")
    boast = "Thank you to everyone who voted us the best bakery! Congrats to Maria on her shop."
    assert "greets_first" not in _signals(boast, shop)  # the dropped thanks led the post
    assert "self_mention" not in _signals("Cozy vibes 🎄 #MerryChristmas", shop)
    assert "self_mention" not in _signals("今日は休みです", shop)  # no emoji, no hashtag
    assert "self_mention" not in _signals("Love you guys 🥰 #tbt", shop)
    assert _signals("SOLD one week after listing")["self_mention"] == 1
    assert "self_mention" not in _signals("CLOSED due to snow today")
    assert _signals("Pumpkin bread is back\r\nSaturdays only.")["promotional"] == 1
    assert _signals("Patient Spotlight: meet Pickle, our oldest turtle")["promotional"] == 1
    assert "question" not in _signals('Favorite part of the job?\n"The view."')
    assert "bragging" not in _signals("Thanks to our vets for their service!")


def test_round_twelve_captions_services_talks_and_returns() -> None:
    shop = Account(name="Spindrift Grooming", handles=("spindriftgrooming",))
    caption = _signals("spa day 🛁🐾 #dogsofinstagram", shop)
    assert caption["caption"] == 1 and caption["self_mention"] == 1
    assert _self_promotion("shave down season ☀️✂️ #summercut", shop)
    assert "caption" not in _signals("Name this hairstyle 👇 #dogsofinstagram", shop)
    assert "caption" not in _signals("spa day 🛁🐾 #dogsofinstagram")  # no account
    # a service just added is the business's own offer, with or without "we"
    assert _signals("Now offering dry needling at both clinics!")["self_mention"] == 1
    hollin = Account(name="Hollin Street Counseling")
    offered = _signals("Hollin Street Counseling is pleased to offer telehealth.", hollin)
    assert offered["promotional"] == 1
    # someone else's new service is their news, not the business's offer
    assert "self_mention" not in _signals("The food bank is now accepting donations.")
    assert "self_mention" not in _signals("The new guidelines are now available online.")
    # "returns" is an offer back only as a verb with a when, never tax returns
    assert _signals("Maple oat latte returns tomorrow 🍁")["self_mention"] == 1
    assert "self_mention" not in _signals("Individual tax returns this year are due April 15.")
    assert _signals("Cardamom buns are back on Saturdays.")["self_mention"] == 1
    # a talk given by the firm's own people shows its expertise
    talk = 'Attorney Ana Ruiz will present "Wills 101" at the library on Tuesday.'
    assert _signals(talk)["promotional"] == 1
    assert "promotional" not in _signals("Symptoms will present within two days.")
    assert _signals("New this week: cardamom morning buns.")["promotional"] == 1


def test_round_thirteen_work_shown_and_credits() -> None:
    # a before/after is the business's own work, with or without "we"
    shown = _signals("Before: sleeves too long. After: fixed.")
    assert shown["self_mention"] == 1 and shown["promotional"] == 1
    assert _signals("Water heater swap today in Lakeview.")["self_mention"] == 1
    assert _signals("Tear-off on Elm St, crew wrapped it up in 2 days.")["self_mention"] == 1
    assert "self_mention" not in _signals("Swap your toothbrush every 3 months.")
    salon = Account(name="Copper & Co Salon", handles=("copperandco",))
    credited = _signals("Lived-in copper for fall 🍂 by @stylist.bree #balayage", salon)
    assert credited["caption"] == 1
    # a handle talked to, not credited, is no caption
    assert "caption" not in _signals("Lived-in copper 🍂 @stylist.bree #balayage", salon)


def test_round_fourteen_credentials_formal_congratulations_and_services() -> None:
    # congratulations on a credential go to the business's own people: a boast
    exam = _signals("Congrats to Luis on passing his ISA Certified Arborist exam!! 🎉")
    assert exam["bragging"] == 1 and exam["self_mention"] == 1
    assert "invitations" not in exam and "greets_first" not in exam
    outside = _signals("Congratulations to Judge Elena Park on her appointment to the bench.")
    assert outside["invitations"] == 1 and outside["greets_first"] == 1
    own = _signals("Big congrats to our own Rick on 10 years!")  # "our own" people
    assert own["bragging"] == 1 and "invitations" not in own
    # the account, named first, congratulating someone else in its formal voice
    firm = Account(name="Northbeam Financial Planning")
    formal = _signals(
        "Northbeam Financial Planning extends its warmest congratulations to Eastside "
        "Community Credit Union on 50 years of service.",
        firm,
    )
    assert formal["greets_first"] == 1
    staff = _signals(
        "Northbeam Financial Planning congratulates Dana Lee on the completion of her CFP "
        "certification.",
        firm,
    )
    assert "greets_first" not in staff and staff["bragging"] == 1
    assert _signals("Now servicing Corrindale 7 days a week.")["self_mention"] == 1
    assert _signals("Mince pies are BACK by popular demand 🥧")["self_mention"] == 1
    assert _signals("Meet Brianna, the newest member of the team!")["promotional"] >= 1


def test_round_fifteen_reports_places_notices_and_tenure() -> None:
    # a market report informs; "records" kept and "the top of" a coat boast of nothing
    assert _signals("Acme Realty Q2 Market Report: prices rose 4 %.")["informative"] >= 1
    assert "bragging" not in _signals("Five records every sole trader should keep.")
    assert "bragging" not in _signals("Brushing the top of the coat is not brushing.")
    assert _signals("Our record year, thanks to you!")["bragging"] == 1
    # a short apology is a notice, not a caption of the wares
    truck = Account(name="Birria Bros Truck", handles=("birriabros",))
    assert "caption" not in _signals("truck broke down 😩 no service today. sorry fam", truck)
    # an opening "Thank you <name>" greets them, unless it thanks a review shown off
    cards = _signals("Thank you Maple Street 3rd graders for the handmade cards!!")
    assert cards["greets_first"] == 1
    review = _signals('Thank you Harold for the kind words! "Fixed the leak fast." — Harold')
    assert "greets_first" not in review
    # years served are the business's own people
    tenure = _signals("shout out to Miguel for 5 yrs with us 🙌 best edger in the county")
    assert tenure["bragging"] == 1 and "invitations" not in tenure


def test_round_sixteen_shared_news_and_moves() -> None:
    # another organisation's news passed on is a share, like "RT @someone:"
    shared = _signals(
        "Sharing from Port Haldane Town Hall: the boat parade is Saturday at 6pm. "
        "We'll be there handing out glow sticks, come say hi!"
    )
    assert shared["mention"] == 1 and "calls_to_buy" not in shared
    assert _signals("From the Marsh Ferry Historical Society: the boardwalk reopens.")["mention"]
    assert "mention" not in _signals("From a cattle farm to our tax department: meet Jess.")
    # a repost under the business's own line is quoted: only the business's line counts
    repost = _signals("So excited for this! [Repost from Parks & Rec: free tickets, book now]")
    assert repost["mention"] == 1 and "calls_to_buy" not in repost
    assert "promotional" not in repost
    offer = _signals("20% off all week! Book now.\n[Repost from Parks & Rec: concert June 7]")
    assert offer["calls_to_buy"] == 1 and offer["promotional"] == 1
    acme = Account(name="Acme Bakery")
    assert "mention" not in _signals("From the Acme Bakery Team: 20% off all cakes!", acme)
    assert _signals("Our office has moved and is now located at 210 Court St.")["informative"]


def test_review_fixes_for_rounds_twelve_to_sixteen() -> None:
    # a long word before "returns" is scanned once, not from every letter
    assert "self_mention" not in _signals("x" * 20000 + " returns")
    assert _signals("PUMPKIN SPICE LATTE RETURNS TOMORROW!")["self_mention"] == 1
    assert "self_mention" not in _signals("Cold weather returns this weekend.")
    # a credential is the business's own people's only when someone is named
    seniors = _signals("Congrats to all the seniors who passed their exams this week! 🎓")
    assert seniors["invitations"] == 1 and "bragging" not in seniors
    # a talk needs one of the firm's people; a symptom that presents is no talk
    assert "promotional" not in _signals("The mayor is speaking at the Rotary lunch")
    assert "promotional" not in _signals("Most patients will present with “flu-like” symptoms")
    assert "self_mention" not in _signals("Toy swap today at the library!")
    assert "self_mention" not in _signals("Dr. Patel is out this week")
    community = _signals("Thank you to our own Riverside community for the support")
    assert "bragging" not in community and community["invitations"] == 1
    assert _signals("Our top of the line filters")["bragging"] == 1


def test_corporate_tone_round_six() -> None:
    linter = Linter(load_ruleset("general"), select=["corporate-tone"])
    firm = Account(name="Larkspur Roofing & Exteriors")
    for text in (
        "Larkspur Roofing & Exteriors has been named one of the 2025 Best Places to Work.",
        "Larkspur Roofing & Exteriors is seeking an experienced crew lead.",
        "We are a licensed, bonded, and insured contractor serving the whole county.",
        "Client Advisory: changes to the small estate procedures take effect July 1.",
    ):
        assert linter.lint_post(_post(text, firm)), text
    # a holiday closure said plainly, even with "in observance of"
    notice = "All branches will be closed Monday in observance of Memorial Day."
    assert not linter.lint_post(_post(notice, firm))
    advised = "Please be advised that our office will be closed in observance of Memorial Day."
    assert linter.lint_post(_post(advised, firm))


def test_round_seventeen_grooms_swaps_and_snow_days() -> None:
    groom = _signals("Murphy came in looking like a mop and left looking like a gentleman.")
    assert groom["self_mention"] == 1 and groom["promotional"] == 1
    assert "self_mention" not in _signals("40 folks came in with questions and left happy.")
    assert _signals("Out with the old, in with the new. Furnace swapped.")["self_mention"] == 1
    assert _signals("Now installing ductless mini-splits.")["self_mention"] == 1
    shop = Account(name="Wrenford Books", handles=("wrenfordbooks",))
    assert "caption" not in _signals("Snow day. Opening at noon ❄️📚", shop)
