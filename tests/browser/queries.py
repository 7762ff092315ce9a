"""What staff type into the search box, per language, and the phase page it must find.

Each query is written the way a reader would type it, not as the text says it: another
inflected form, no Arabic diacritics or Polish accents, another letter variant, with or
without the article and the letters written onto it, a word of the glossary instead of the
page's, a typo, or a standard's ID. The target is the phase page holding the standard
the reader is after; recall@5 over this table is the figure reported in bench/SEARCH.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    page: str
    """The expected result, a phase page path relative to the language root."""
    kind: str
    """What the query varies from the page's text (inflection, diacritics, ID, ...)."""


CHECK_IN = "phases/check-in/"
RESERVATION = "phases/reservation/"
STAY = "phases/stay/"
CHECK_OUT = "phases/check-out/"
PRINCIPLES = "phases/principles/"

QUERIES: tuple[Query, ...] = (
    # English: Porter stemming joins greet/greeting/greeted, queue/queuing, ...
    Query("en", "greeted", CHECK_IN, "inflected"),
    Query("en", "greeting", CHECK_IN, "inflected"),
    Query("en", "queues", CHECK_IN, "inflected"),
    Query("en", "cancelled", RESERVATION, "inflected"),
    Query("en", "ringing", RESERVATION, "inflected"),
    Query("en", "umbrellas", STAY, "inflected"),
    Query("en", "folding clothes", STAY, "inflected"),
    Query("en", "invoices", CHECK_OUT, "inflected"),
    Query("en", "snacks", CHECK_OUT, "inflected"),
    Query("en", "CHK-04", CHECK_IN, "id"),
    Query("en", "out-07", CHECK_OUT, "id"),
    Query("en", "RES-10", RESERVATION, "id"),
    # The glossary's words people search with, and a mistyped word.
    Query("en", "elevator", CHECK_IN, "glossary"),
    Query("en", "visitor umbrella", STAY, "glossary"),
    Query("en", "greteing", CHECK_IN, "typo"),
    # Polish: gość/gościa/goście and przywitanie/przywitaj; accents left out.
    Query("pl", "przywitanie", STAY, "inflected"),
    Query("pl", "przywitanie gości", STAY, "inflected"),
    Query("pl", "przywitaj gościa", STAY, "inflected"),
    Query("pl", "parasolem", STAY, "inflected"),
    Query("pl", "okularami", STAY, "inflected"),
    Query("pl", "kolejki", CHECK_IN, "inflected"),
    Query("pl", "anulowanie", RESERVATION, "inflected"),
    Query("pl", "rachunkiem", CHECK_OUT, "inflected"),
    Query("pl", "wymeldowaniem", CHECK_OUT, "inflected"),
    Query("pl", "posciel", STAY, "no diacritics"),
    Query("pl", "pozegnanie goscia", CHECK_OUT, "no diacritics"),
    Query("pl", "ladowarka", STAY, "ł typed as l"),
    Query("pl", "klient parasol", STAY, "glossary"),
    Query("pl", "parsaol", STAY, "typo"),
    Query("pl", "CHK-04", CHECK_IN, "id"),
    Query("pl", "out-07", CHECK_OUT, "id"),
    # Arabic: the text has tashkeel, hamza on alef, ta marbuta and alef maqsura; queries
    # are typed without them, with tatweel, or with or without the article.
    Query("ar", "رحب", CHECK_IN, "no diacritics"),
    Query("ar", "رَحِّبْ", CHECK_IN, "diacritics"),
    Query("ar", "الترحيب", CHECK_IN, "article"),
    Query("ar", "رنات", RESERVATION, "no diacritics"),
    Query("ar", "ذكري", RESERVATION, "alef maqsura for ya"),
    Query("ar", "غاضب", PRINCIPLES, "no diacritics"),
    Query("ar", "مظله", STAY, "ha for ta marbuta"),
    Query("ar", "مظـــلة", STAY, "tatweel"),
    Query("ar", "النظارات", STAY, "article"),
    Query("ar", "اسلاك", STAY, "bare alef for hamza"),
    Query("ar", "الفاتوره", CHECK_OUT, "article, ha for ta marbuta"),
    Query("ar", "شكوي", CHECK_OUT, "alef maqsura for ya"),
    Query("ar", "زجاجه", CHECK_OUT, "ha for ta marbuta"),
    Query("ar", "بالمفتاح", CHECK_IN, "preposition and article"),
    Query("ar", "والمناشف", STAY, "conjunction and article"),
    Query("ar", "مصعد", CHECK_IN, "glossary"),
    Query("ar", "CHK-04", CHECK_IN, "id"),
    Query("ar", "OUT-07", CHECK_OUT, "id"),
)


def recall_at(results: dict[Query, list[str]], language: str, k: int = 5) -> float:
    """Share of ``language``'s queries whose expected page is among the first ``k`` results.

    ``results`` maps each query to the result page paths (site-absolute, e.g. /pl/phases/x/).
    """
    mine = [q for q in results if q.language == language]
    found = [q for q in mine if any(path.endswith(q.page) for path in results[q][:k])]
    return len(found) / len(mine) if mine else 0.0
