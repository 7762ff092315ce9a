"""The words the handbook adds around the editors' text, in every language, and dates.

Kept in code rather than in ``standards/`` because they belong to the generator, not to an
organisation's handbook; a test checks that every label exists in every language.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from handbook import LANGUAGES

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "personal": "Personal contact",
        "product": "Product",
        "procedure": "Procedure",
        "basic": "Basic",
        "expected": "Expected",
        "exclusive": "Exclusive",
        "current": "Current",
        "due-soon": "Due soon",
        "overdue": "Overdue",
        "type": "Type",
        "level": "Level",
        "owner": "Owner",
        "check": "How to check",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review",
        "review_by": "review by",
        "reviewed_on": "reviewed",
        "qualities": "Qualities",
        "steps": "Steps",
        "standards": "standards",
        "phase": "Phase",
        "principles": "Principles for every phase",
        "sequence": "The service sequence",
        "general": "Whole phase",
        "not_translated": "Not yet translated into English; shown in English.",
        "outdated": "The English text changed since this translation; check it against the "
        "English page.",
        "none_at_level": "No standard at this level yet.",
        "status": "Status",
        "standard": "Standard",
        "all": "All",
    },
    "pl": {
        "personal": "Kontakt osobisty",
        "product": "Produkt",
        "procedure": "Procedura",
        "basic": "Podstawowy",
        "expected": "Oczekiwany",
        "exclusive": "Wyjątkowy",
        "current": "Aktualny",
        "due-soon": "Przegląd wkrótce",
        "overdue": "Po terminie",
        "type": "Rodzaj",
        "level": "Poziom",
        "owner": "Odpowiada",
        "check": "Jak sprawdzić",
        "last_reviewed": "Ostatni przegląd",
        "next_review": "Następny przegląd",
        "review_by": "przegląd do",
        "reviewed_on": "przejrzano",
        "qualities": "Cechy obsługi",
        "steps": "Etapy",
        "standards": "standardów",
        "phase": "Faza",
        "principles": "Zasady obowiązujące w każdej fazie",
        "sequence": "Przebieg obsługi",
        "general": "Cała faza",
        "not_translated": "Ten tekst nie ma jeszcze polskiego tłumaczenia; pokazujemy wersję "
        "angielską.",
        "outdated": "Tekst angielski zmienił się od czasu tego tłumaczenia; porównaj je ze "
        "stroną angielską.",
        "none_at_level": "Na tym poziomie nie ma jeszcze standardu.",
        "status": "Stan",
        "standard": "Standard",
        "all": "Wszystkie",
    },
    "ar": {
        "personal": "التعامل الشخصي",
        "product": "المنتج",
        "procedure": "الإجراء",
        "basic": "أساسي",
        "expected": "متوقَّع",
        "exclusive": "استثنائي",
        "current": "ساري",
        "due-soon": "تقترب مراجعته",
        "overdue": "تجاوز موعد المراجعة",
        "type": "النوع",
        "level": "المستوى",
        "owner": "المسؤول",
        "check": "طريقة التحقق",
        "last_reviewed": "آخر مراجعة",
        "next_review": "المراجعة القادمة",
        "review_by": "المراجعة قبل",
        "reviewed_on": "رُوجع في",
        "qualities": "صفات الخدمة",
        "steps": "الخطوات",
        "standards": "معايير",
        "phase": "المرحلة",
        "principles": "مبادئ تسري على كل المراحل",
        "sequence": "تسلسل الخدمة",
        "general": "المرحلة كلها",
        "not_translated": "لم يُترجم هذا النص إلى العربية بعد، لذا يظهر بالإنجليزية.",
        "outdated": "تغيّر النص الإنجليزي بعد هذه الترجمة؛ راجعها مقارنةً بالصفحة الإنجليزية.",
        "none_at_level": "لا يوجد معيار في هذا المستوى بعد.",
        "status": "الحالة",
        "standard": "المعيار",
        "all": "الكل",
    },
}

assert all(LABELS[language].keys() == LABELS["en"].keys() for language in LANGUAGES)


def label(language: str, key: str) -> str:
    return LABELS[language][key]


def local_date(day: date, language: str) -> str:
    """A date as readers of ``language`` write it, e.g. 14 March 2026 / 14 marca 2026."""
    return format_date(day, format="long", locale=language)
