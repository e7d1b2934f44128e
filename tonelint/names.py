"""Common given names, for telling a person's name from a business's name in a profile.

A profile whose name field is a person's ("Randy Walker", "Sheri M. Green") names no
business unless its bio does.  The list holds common English-language given names
(frequent US, UK, Canadian and Australian first names of recent generations, and common
Spanish, South Asian, Arabic, East Asian and African ones), lower case, joined by the
given names of the 1990 US census in ``given_names.txt`` (names that are also common
English words left out).  ``is_given_name`` reads a name with its accents folded
("Siobhán", "Renée").
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

_CURATED = frozenset(
    """
    aaron abby abigail adam adrian aiden alan albert alex alexander alexandra alexis alice
    alicia alison allison alyssa amanda amber amelia amy ana andrea andrew andy angela
    angelina anita ann anna anne annie anthony antonio april ariana arthur ashley audrey
    austin ava barbara barry beatrice becky ben benjamin beth bethany betty beverly bill
    billy blake bob bobby bonnie brad bradley brandon brenda brian brianna bridget
    brittany brooke bruce bryan caitlin caleb cameron carl carla carlos carmen carol
    caroline carolyn carrie casey catherine cathy charles charlie charlotte chelsea cheryl
    chip chloe chris christian christina christine christopher cindy claire clara claudia
    colin connor craig crystal cynthia daisy dale dan dana daniel danielle danny darren
    dave david dawn dean debbie deborah debra denise dennis derek diana diane dominic
    donald donna doris dorothy douglas dylan ed eddie edward eileen elaine eleanor elena
    eli elijah elizabeth ella ellen ellie emily emma eric erica erin ethan eugene eva evan
    evelyn faith felix fiona frances francis frank gabriel gabriella gail gary gavin
    george georgia gerald gina glenn gloria grace greg gregory hailey hannah harold harry
    hayden heather helen henry holly howard ian isaac isabel isabella isabelle ivan jack
    jackie jackson jacob jacqueline jade jake james jamie jan jane janet janice jared jason
    jasmine jay jean jeff jeffrey jenna jennifer jenny jeremy jerry jesse jessica jill jim
    jimmy joan joanna joanne joe joel john johnny jon jonathan jordan jose joseph josh
    joshua joy joyce juan judith judy julia julian julie justin karen kate katelyn katherine
    kathleen kathryn kathy katie kayla keith kelly ken kenneth kevin kim kimberly kyle
    lance larry laura lauren leah lee leo leon leslie liam lily linda lindsay lisa liz
    logan lori louis louise lucas lucy luis luke lydia lynn madeline madison maggie mandy
    marcus margaret maria marie marilyn mario mark martha martin marty mary mason matt
    matthew maya megan melanie melissa melody mia michael michelle mike miles molly monica
    morgan nancy naomi natalie nathan neil nicholas nick nicole nina noah nora olivia oscar
    owen pamela pat patricia patrick paul paula peggy penny peter phil philip phillip
    phoebe rachel ralph randy raymond rebecca regina renee rhonda richard rick rita rob
    robert robin rodney roger ron ronald rosa rose ruby russell ruth ryan sally sam
    samantha samuel sandra sara sarah scott sean seth shannon sharon shawn sheila sheri
    shirley sierra simon sofia sophia sophie stacy stella stephanie stephen steve steven
    sue susan suzanne sydney tamara tammy tanya tara taylor ted teresa terry theresa thomas
    tiffany tim timothy tina todd tom tommy tony tracy travis trevor troy tyler valerie
    vanessa veronica vicki victor victoria vincent violet virginia walter wanda wayne wendy
    william willie wyatt yvonne zachary zoe
    aarav aditi aditya ahmed aisha akira alejandro ali amara amina amir amit ananya andre
    andres anika anjali arjun asha ayesha bao chen chidi darnell deepak diego dmitri emeka
    enrique esther farah fatima felipe fernando gabriela giovanni greta hank hassan hector
    hiro hiroshi hugo ibrahim imani ines isaiah ivy jamal javier jess jin jorge kai kenji
    keisha khalid kiara kofi lakshmi latoya layla leila lin lucia malik manuel marco mariana
    marisol marta mateo mei miguel ming mohamed mohammed nadia nate nia nikhil noor olga
    oliver omar pablo pedro pooja priya rafael rahul raj rajesh ravi reza rico rohan sanjay
    santiago sergio shreya sunil tamika tariq tasha tomas tyrone valentina vikram wei xavier
    yasmin yusuf zainab zara
    meg ray
    """.split()
)


@cache
def _census() -> frozenset[str]:
    path = Path(__file__).with_name("given_names.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def fold(word: str) -> str:
    """``word`` in lower case with accents dropped: "Siobhán" -> "siobhan"."""
    parts = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in parts if not unicodedata.combining(c))


def is_given_name(word: str, curated_only: bool = False) -> bool:
    """Whether ``word`` (any case, accents allowed) is a common given name; with
    ``curated_only``, one of the names chosen by hand, leaving out the census's names that
    are as often surnames ("Johnson", "Edison")."""
    folded = fold(word)
    return folded in _CURATED or (not curated_only and folded in _census())
