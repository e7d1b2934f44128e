"""The closed set of rule types, keyed by the ``type:`` a ruleset writes."""

from __future__ import annotations

from .base import Option, OptionError, Rule
from .bio import BioRule
from .capitals import CapitalsRule
from .hashtags import HashtagsRule
from .length import LengthRule
from .metric import MetricRule
from .pattern import PatternRule
from .phrase import PhraseRule
from .privacy import PhiRule
from .schedule import SCHEDULE_TYPES
from .score import ScoreRule

_TYPES: tuple[type[Rule], ...] = (
    PhraseRule,
    PatternRule,
    MetricRule,
    LengthRule,
    ScoreRule,
    CapitalsRule,
    HashtagsRule,
    BioRule,
    PhiRule,
    *SCHEDULE_TYPES,
)
RULE_TYPES: dict[str, type[Rule]] = {cls.type_name: cls for cls in _TYPES}

__all__ = ["RULE_TYPES", "Option", "OptionError", "Rule"]
