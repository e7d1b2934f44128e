"""Whose voice each corpus post is in: the ``account`` a user of tonelint would configure.

Self-promotion is relative to who posts, so the evaluation lints every corpus post with its
account configured, as a team would in ``.tonelint.yaml``: the organisation's name, its
handles, the brands that count as "us", and its website.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tonelint.account import Account
from tonelint.model import PositionMap, Post

if TYPE_CHECKING:
    from corpus import CorpusPost

YUM = Account(
    name="Yum! Brands",
    handles=(
        "yumbrands",
        "kfc",
        "pizzahut",
        "tacobell",
        "habitburger",
        "kfc_uki",
        "kfcsa",
        "tacobellindia",
    ),
    aliases=(
        "Yum!",
        "Yum",
        "KFC",
        "Pizza Hut",
        "Taco Bell",
        "The Habit Burger Grill",
        "Habit Burger",
        "$YUM",
    ),
    website="yum.com",
)
CDC = Account(
    name="CDC", handles=("CDCgov",), aliases=("Centers for Disease Control",), website="cdc.gov"
)


def account_for(file: str, fields: dict[str, str]) -> Account:
    """The account of one corpus row."""
    if file.endswith("yum_brands_tweets.csv"):
        return YUM
    if file.endswith("cdcgov_tweets.csv"):
        return CDC
    if file.endswith("health_news_tweets.csv"):
        name = fields.get("account", "")
        return Account(name=name, handles=(name,))
    if file.endswith("customer_care_agent_tweets.csv"):
        company = fields.get("company", "")
        return Account(name=company, handles=(company,))
    author = fields.get("author_id", "")
    return Account(name=author, handles=(author,))


def as_post(item: CorpusPost, platform: str | None = "x") -> Post:
    """A corpus post as tonelint sees it: its text, on ``platform``, in its account's voice."""
    return Post(
        item.text,
        item.file,
        PositionMap.simple(item.text),
        platform=platform,
        account=account_for(item.file, item.fields),
    )
