"""The regular expressions that find Arabic time expressions, built from the word lists.

They run on normalised text (:func:`khabar.arabic.normalize`); :mod:`khabar.time.extract` tries
them in priority order and resolves what they match. Named groups carry what each part says
(``month``, ``year``, ``past`` / ``future`` / ``current``, ``rel``, ``part``, ``unit`` ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from khabar.arabic.data.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
from khabar.time import data


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


MONTHS: dict[str, int] = {**GREGORIAN_MONTHS, **data.MONTH_VARIANTS}

_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end
_CLITIC = r"(?:[وف]?[بل]?)"  # proclitics that may open a date word (وفي، بمارس، لعام)
_MONTH = _alternation(MONTHS)
_SAFE_MONTH = _alternation(m for m in MONTHS if m not in data.AMBIGUOUS_MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_WEEKDAY_L = _alternation(name[1:] for name in WEEKDAYS)  # للجمعة: ل + لجمعة
_YEAR_WORD = _alternation(data.YEAR_WORDS)
_PAST = _alternation(data.PAST_MODIFIERS)
_FUTURE = _alternation(data.FUTURE_MODIFIERS)
_CURRENT = _alternation(data.CURRENT_MODIFIERS)
_MODIFIER = rf"(?:(?P<past>{_PAST})|(?P<future>{_FUTURE})|(?P<current>{_CURRENT})){_E}"
_UNIT = _alternation(data.UNIT_WORDS)
_COUNT = _alternation(data.COUNT_WORDS)
_VAGUE = _alternation(data.VAGUE_COUNTS)
_APPROX = _alternation(data.APPROXIMATORS)
_HIJRI_MARK = _alternation(data.HIJRI_YEAR_MARKERS)
_PREFIX = rf"(?:(?P<prefix>{_alternation(data.PERIOD_PREFIXES)})\s+)"
_REL = _alternation(data.RELATIVE_DAYS)
_PART = _alternation(data.DAY_PARTS)
_ORDINAL_DAY = _alternation(data.DAY_ORDINALS)
_PERIOD_NOUN = _alternation(data.PERIOD_NOUNS)

# A month, possibly given twice: "ديسمبر/كانون الاول", "اكتوبر (تشرين الاول)".
_MONTH_PAIR = rf"(?P<month>{_MONTH})(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?|\s+\((?:{_MONTH})\))?"
_SAFE_MONTH_PAIR = (
    rf"(?P<month>{_SAFE_MONTH})(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?|\s+\((?:{_MONTH})\))?"
)
_YEAR = r"(?P<year>(?:1\d|20|21)\d\d)(?!\d)(?:\s*م" + _E + r")?"
# What may follow a month: a year, a relative year or a modifier.
_MONTH_TAIL = (
    rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:{_YEAR_WORD})\s*)?{_YEAR}"
    rf"|\s+(?:من\s+)?(?:(?:هذا|هذه)\s+(?P<this_year>العام|السنه)"
    rf"|(?:العام|السنه)\s+(?:(?P<ypast>{_PAST})|(?P<yfuture>{_FUTURE})|(?P<ycurrent>{_CURRENT})))"
    rf"{_E}|\s+{_MODIFIER})?"
)

NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
    r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d])"
)
HIJRI = re.compile(
    rf"(?:(?<!\d)(?P<day>\d{{1,2}})\s+)?{_B}{_CLITIC}?(?:شهر\s+)?(?P<month>{_HMONTH})\s+(?:(?:{_YEAR_WORD})\s*)?"
    rf"(?P<year>1[34]\d\d)(?!\d)\s*(?:{_HIJRI_MARK}){_E}"
)
CLOCK = re.compile(
    rf"(?:{_B}(?:(?P<rel>{_REL})\s+|[وف]?(?:يوم\s+)?(?P<weekday>{_WEEKDAY})\s+)(?:في\s+)?)?"
    rf"(?:{_B}(?:{_APPROX})\s+)?"
    rf"(?:{_B}[وف]?[بل]?(?P<sa>الساعه)\s+(?P<h>\d{{1,2}})(?:\s*[:.,]\s*(?P<m>\d{{2}}))?"
    rf"|(?<![\d.,:])(?P<h2>\d{{1,2}})\s*(?:(?P<colon>:)|[.,])\s*(?P<m2>\d{{2}}))(?![\d])"
    rf"(?:\s*(?P<part>{_alternation(data.CLOCK_PARTS)}){_E})?"
    rf"(?:\s*\(?\s*(?P<utc>{_alternation(data.UTC_MARKERS)}){_E})?"
)
DAY_MONTH = re.compile(
    rf"(?:{_B}{_PREFIX})?"
    rf"(?:{_B}[وف]?(?:يوم\s+)?(?:{_WEEKDAY})\s*[,،]?\s*)?"
    rf"(?:(?<![\d/])(?P<day0>\d{{1,2}})\s*(?:و|،|,)\s*(?=\d))?"
    rf"(?:(?<![\d/])(?P<day>\d{{1,2}})\s*|{_B}[وف]?[بل]?(?P<ordinal>{_ORDINAL_DAY})\s+)"
    rf"(?:من\s+)?(?:شهر\s+)?{_B}{_CLITIC}?{_MONTH_PAIR}{_E}{_MONTH_TAIL}"
)
MONTH_YEAR = re.compile(
    rf"(?:{_B}{_PREFIX})?{_B}{_CLITIC}?(?:شهر\s+)?{_MONTH_PAIR}\s*[,،]?\s*"
    rf"(?:(?:من\s+)?(?:{_YEAR_WORD})\s*)?{_YEAR}"
)
MONTH_RELATIVE = re.compile(
    rf"(?:{_B}{_PREFIX})?{_B}{_CLITIC}?(?:شهر\s+)?{_SAFE_MONTH_PAIR}"
    rf"(?:\s+(?:من\s+)?(?:(?:هذا|هذه)\s+(?P<this_year>العام|السنه)"
    rf"|(?:العام|السنه)\s+(?:(?P<ypast>{_PAST})|(?P<yfuture>{_FUTURE})|(?P<ycurrent>{_CURRENT})))"
    rf"{_E}|\s+{_MODIFIER})"
)
MONTH_ALONE = re.compile(
    rf"{_B}(?:{_alternation(data.MONTH_CONTEXT_WORDS)})\s+"
    rf"(?P<span>{_PREFIX}?(?:شهر\s+)?{_SAFE_MONTH_PAIR}){_E}"
)
SAME_DAY = re.compile(
    rf"{_B}(?:(?:نفس|ذات)\s+(?:اليوم|التاريخ)\s+من\s+(?:{_YEAR_WORD})\s*{_YEAR}"
    rf"|(?<=مثل\s)(?P<this>هذا\s+اليوم))"
)
YEAR_LIST = re.compile(
    rf"{_B}{_CLITIC}?(?:{_YEAR_WORD})\s+(?P<y1>1\d\d\d|20\d\d)\s*(?P<sep>و|-|الي|حتي)\s*"
    rf"(?P<y2>1\d\d\d|20\d\d)(?!\d)"
)
YEAR_ALONE = re.compile(
    rf"(?:{_B}{_PREFIX})?{_B}{_CLITIC}?(?:{_YEAR_WORD})\s+(?P<year>(?:1\d|20|21)\d\d)(?!\d)"
    rf"(?:\s*م{_E})?"
)
BRACKET_YEARS = re.compile(
    # The word before the bracket is a whole word of at most 30 letters: an unbounded \S+ made
    # the search quadratic over long runs without spaces (issue 15's fuzz campaign).
    r"(?:(?<!\S)(?P<before>\S{1,30})\s*)?\(\s*(?P<y1>1\d\d\d|20\d\d)\s*(?:[-–]\s*(?P<y2>1\d\d\d|20\d\d)\s*)?\)"
)
DECADE = re.compile(
    rf"(?:{_B}{_PREFIX})?{_B}{_CLITIC}?(?P<decade>{_alternation(data.DECADES)}){_E}"
    rf"(?:\s+(?:من\s+)?القرن\s+(?P<cpast>الماضي|المنصرم|العشرين){_E})?"
)
CENTURY = re.compile(
    rf"(?:{_B}{_PREFIX})?{_B}{_CLITIC}?القرن\s+(?:(?P<past>الماضي|المنصرم|الفايت)|"
    rf"(?P<current>الحالي|الجاري|الحادي\s+والعشرين)|(?P<name>{_alternation(data.CENTURY_NAMES)})){_E}"
)
_AMOUNT = (
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<num>\d{{1,4}})\s*|(?P<word>{_COUNT})\s+|(?P<vague>{_VAGUE})\s+)?"
    rf"{_CLITIC}?(?P<unit>{_UNIT}){_E}(?:\s+(?:واحد|واحده){_E})?"
    rf"(?:\s+(?P<vague2>عده|عديده|قليله){_E})?"
    rf"(?:\s+(?P<half>ونصف)(?:\s+(?:ال)?(?:عام|سنه|ساعه|يوم|شهر))?{_E})?"
    rf"(?:\s+و\s*(?P<num2>\d{{1,3}})\s*(?P<unit2>{_UNIT}){_E})?"
    rf"(?:\s+(?:تقريبا|اخر|اخري|اضافي|اضافيه){_E})?"
)
OFFSET = re.compile(
    rf"{_B}[وف]?(?P<dir>{_alternation(data.AGO_WORDS + data.LATER_WORDS)})\s+{_AMOUNT}"
    rf"(?P<rel>\s+(?:فقط\s+|تقريبا\s+)?(?:من|علي){_E})?"
)
WITHIN = re.compile(
    rf"{_B}(?:في\s+غضون|خلال|في(?=\s+اقل\s+من))\s+(?P<span>(?:(?P<less>اقل\s+من)\s+)?"
    rf"(?:(?P<num>\d{{1,3}})\s+|(?P<word>{_COUNT})\s+)?(?P<unit>{_UNIT}){_E})"
    rf"(?!\s+(?:{_MONTH}|{_HMONTH}))"
)
SET = re.compile(
    rf"{_B}[وف]?(?:كل\s+(?:(?P<num>\d{{1,3}})\s+|(?P<word>{_COUNT})\s+)?(?P<unit>{_UNIT})"
    rf"(?:\s+(?P<weekday>{_WEEKDAY}))?{_E}"
    rf"|كل\s+(?P<weekday2>{_WEEKDAY}){_E}"
    rf"|(?P<adverb>{_alternation(data.SET_WORDS)}){_E})"
)
WEEKDAY_EXPR = re.compile(
    rf"{_B}(?:[وف]?(?P<part>{_PART})\s+)?(?:[وفب]?(?P<rel>{_REL})\s+)?"
    rf"(?:(?P<this>هذا|هذه)\s+)?(?P<yawm>[وف]?يوم\s+)?"
    rf"{_B}(?:{_CLITIC}?(?P<weekday>{_WEEKDAY})|[وف]?ل(?P<weekday_l>{_WEEKDAY_L})){_E}"
    rf"(?:\s+(?P<ordinal>{_alternation(data.WEEKDAY_ORDINALS)}){_E})?"
    rf"(?:\s+(?:(?P<past>{_PAST})|(?P<future>{_FUTURE})){_E})?"
    rf"(?:(?=(?P<after>\s*[،,.)؛:]|\s+[وف]?(?:{_WEEKDAY}){_E}"
    rf"|\s+(?:في|ان|انه|انها|بان|الي|عن|مع|حيث|وسط|خلال|بعد|قبل|ب\w+){_E})))?"
)
RELATIVE_DAY = re.compile(rf"{_B}(?:[وف]?(?P<part>{_PART})\s+)?[وفب]?(?P<rel>{_REL}){_E}")
WEEKEND = re.compile(rf"{_B}[وف]?(?:عطله\s+)?نهايه\s+(?:ال)?اسبوع(?:\s+{_MODIFIER})?{_E}")
EARLIER_LATER = re.compile(
    rf"{_B}[وف]?وقت\s+(?P<dir>سابق|لاحق|مبكر|متاخر){_E}"
    rf"(?:\s+(?:من\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<noun>{_PERIOD_NOUN}|اليوم)"
    rf"(?:\s+(?:{_CURRENT}))?{_E})?"
)
PERIOD = re.compile(
    rf"(?:{_B}[وف]?{_PREFIX})?{_B}[وف]?"
    rf"(?:(?P<noun>{_PERIOD_NOUN})\s+{_MODIFIER}"
    rf"|(?:هذا|هذه)\s+(?P<noun2>{_PERIOD_NOUN}){_E})"
)
PLURAL_SPAN = re.compile(
    rf"{_B}[وف]?(?P<unit>الايام|الاسابيع|الاشهر|الشهور|السنوات|السنين|الاعوام|العقود|الساعات)"
    rf"(?:\s+(?P<few>القليله))?(?:\s+(?P<mod>الماضيه|الاخيره|المقبله|القادمه|الفايته|المنصرمه"
    rf"|السابقه|الاولي)){_E}"
)
THROUGH = re.compile(rf"{_B}[وف]?(?P<lead>طوال|طيله)\s+(?P<noun>{_PERIOD_NOUN}|اليوم){_E}")
BARE_AMOUNT = re.compile(
    rf"{_B}(?:(?:{_alternation(data.DURATION_LEADS)})\s+)?(?P<span>[وفب]?ل?{_AMOUNT})"
)
DURATION_UNIT_CLITIC = re.compile(r"^[وفب]?ل?")
ONE_DECADE = re.compile(  # عقد alone is also "contract" or "held": only with these words
    rf"{_B}(?:(?:{_APPROX})\s+[وفب]?ل?عقد(?:\s+من\s+الزمن)?|[وفب]?ل?عقد\s+من\s+الزمن){_E}"
)
SEASON = re.compile(
    rf"{_B}(?:(?P<ctx>[وف]?(?:في|خلال)\s+)|(?P<this>هذا|هذه)\s+|[وف]?)"
    rf"(?P<season>{_alternation(data.SEASONS)}){_E}(?:\s+{_MODIFIER})?"
)
REFERENCE = re.compile(rf"{_B}[وف]?[بل]?(?P<ref>{_alternation(data.REFERENCE_WORDS)}){_E}")
AFTER_FI = re.compile(rf"{_B}[وف]?في\s+(?P<ref>{_alternation(data.AFTER_FI_REFERENCES)}){_E}")
BARE_YEAR = re.compile(
    rf"{_B}(?:{_alternation(data.BARE_YEAR_CONTEXT)}|ابتداء\s+من)\s+"
    rf"(?P<year>(?:19|20)\d\d)(?![\d]|[.,]\d|\s*(?:{_alternation(data.NOT_A_YEAR_AFTER)}))"
)
RECENT = re.compile(rf"{_B}[وف]?(?P<recent>{_alternation(data.RECENT_WORDS)}){_E}")
FUTURE_VERB = re.compile(
    rf"(?:^|\s)[وف]?[سي]?س[يتن](?:{_alternation(data.FUTURE_VERB_STEMS)})\w*$"
    rf"|(?:^|\s)(?:سوف|المقرر|المقرره|سيجري|ستجري)(?:\s|$)"
)

WHOLE_TEXT = (
    NUMERIC,
    HIJRI,
    CLOCK,
    DAY_MONTH,
    MONTH_YEAR,
    MONTH_RELATIVE,
    MONTH_ALONE,
    SAME_DAY,
    YEAR_LIST,
    YEAR_ALONE,
    BRACKET_YEARS,
    DECADE,
    CENTURY,
    OFFSET,
    WEEKDAY_EXPR,
    RELATIVE_DAY,
    WEEKEND,
    EARLIER_LATER,
    PERIOD,
    SET,
    WITHIN,
    RECENT,
    PLURAL_SPAN,
    THROUGH,
    ONE_DECADE,
    BARE_AMOUNT,
    SEASON,
    REFERENCE,
    AFTER_FI,
    BARE_YEAR,
)
"""The patterns :mod:`khabar.time.extract` runs over a whole text (through one
:class:`khabar.time.scan.PatternScanner`); the others test a word or a phrase."""
