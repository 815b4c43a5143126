"""Pattern entries: one [[pattern]] table stands for a numbered series of concepts (党的十八大,
十九届六中全会, 十四届全国人大二次会议 …), expanded into ordinary entries when loaded.

    [[pattern]]
    id = "cpc-national-congress-{n}"
    zh = ["党的{n:zh}大", "中国共产党第{n:zh}次全国代表大会"]
    en = ["{n:ord} CPC National Congress"]
    n = [1, 25]                 # inclusive range of each variable used in the templates

Placeholders: {v:zh} Chinese numeral (十八), {v:ord} ordinal in figures (18th), {v:word} ordinal
in words (eighteenth), {v:roman} Roman numeral (XVIII), {v} the number.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

_DIGITS = "零一二三四五六七八九"
_ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_TENS_WORDS = {2: "twenty", 3: "thirty", 4: "forty"}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
VARIABLE_NAMES = ("n", "m")


def chinese_numeral(number: int) -> str:
    """1–199 as written in names: 十八, 二十, 二十一, 一百, 一百零五, 一百一十."""
    if not 0 < number < 200:
        raise ValueError(f"no Chinese numeral for {number}")
    if number >= 100:
        rest = number - 100
        if rest == 0:
            return "一百"
        if rest < 10:
            return "一百零" + _DIGITS[rest]
        # Within a hundred, ten is 一十: 一百一十五.
        return "一百" + ("一" if rest < 20 else "") + chinese_numeral(rest)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def ordinal_figures(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal_words(number: int) -> str:
    if number >= 100:
        rest = number - 100
        return "hundredth" if rest == 0 else f"one hundred and {ordinal_words(rest)}"
    if number < len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[number]
    tens, units = divmod(number, 10)
    if units == 0:
        return _TENS_WORDS[tens][:-1] + "ieth"
    return f"{_TENS_WORDS[tens]}-{_ORDINAL_WORDS[units]}"


_ROMAN = ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman_numeral(number: int) -> str:
    """1–49 in Roman numerals, as China Daily numbers missions ("Shenzhou XVIII")."""
    if not 0 < number < 50:
        raise ValueError(f"no Roman numeral written here for {number}")
    written = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        written.append(letters * count)
    return "".join(written)


_FORMATS: dict[str | None, Callable[[int], str]] = {
    "zh": chinese_numeral, "ord": ordinal_figures, "word": ordinal_words, "roman": roman_numeral, None: str,
}


def fill(template: str, values: Mapping[str, int]) -> str:
    def replace(match: re.Match[str]) -> str:
        name, style = match.group(1), match.group(2)
        if name not in values:
            raise KeyError(name)
        if style not in _FORMATS:
            raise ValueError(f"unknown placeholder format {{{name}:{style}}}; use zh, ord, word or roman")
        return _FORMATS[style](values[name])

    return _PLACEHOLDER.sub(replace, template)


def expand_pattern(table: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The entry tables a [[pattern]] table stands for. Raises ValueError on a bad pattern."""
    ranges: dict[str, range] = {}
    for name in VARIABLE_NAMES:
        if name in table:
            bounds = table[name]
            if not (isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, int) for b in bounds)) or not 0 < bounds[0] <= bounds[1] < 200:
                raise ValueError(f"{name!r} must be [first, last] with 1 <= first <= last <= 199")
            ranges[name] = range(bounds[0], bounds[1] + 1)
    if not ranges:
        raise ValueError("a pattern needs a range for at least one of " + ", ".join(repr(v) for v in VARIABLE_NAMES))
    fields = {key: value for key, value in table.items() if key not in VARIABLE_NAMES}
    names = list(ranges)
    for numbers in itertools.product(*(ranges[name] for name in names)):
        values = dict(zip(names, numbers))
        try:
            yield {key: _fill_field(value, values) for key, value in fields.items()}
        except KeyError as exc:
            raise ValueError(f"placeholder {{{exc.args[0]}}} has no range") from None


# The keys of a record table (in `deprecated`, `superseded`, `evidence`) that name a rendering,
# so take placeholders; the rest (a title, a quote, a reason) are text as published.
_RECORD_RENDERING_KEYS = ("en", "rendering")


def _fill_field(value: Any, values: Mapping[str, int]) -> Any:
    if isinstance(value, str):
        return fill(value, values)
    if isinstance(value, list):
        return [_fill_item(item, values) for item in value]
    return value


def _fill_item(item: Any, values: Mapping[str, int]) -> Any:
    if isinstance(item, str):
        return fill(item, values)
    if isinstance(item, dict):
        return {key: fill(cell, values) if key in _RECORD_RENDERING_KEYS and isinstance(cell, str) else cell for key, cell in item.items()}
    return item
