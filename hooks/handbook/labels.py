"""The words the handbook adds around the editors' text, in every language, and dates.

Kept in code rather than in ``standards/`` because they belong to the generator, not to an
organisation's handbook; a test checks that every label exists in every language.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale
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
        "id": "ID",
        "text": "Standard text",
        "step": "Step",
        "review_months": "Review interval (months)",
        "link": "Link",
        "total": "Total",
        "by_phase": "By phase",
        "by_owner": "By owner",
        "as_of": "Status on {date}.",
        "downloads": "Downloads",
        "calendar_export": "Review calendar (iCalendar): one event per standard on its next "
        "review date",
        "data_export": "The whole handbook as data (JSON), all languages",
        "table_export": "Table of the standards for auditors (CSV)",
        "open_dashboard": "Open the review dashboard",
        "changes_since": "Reviewed since {date}, newest first.",
        "no_changes": "No standard has been reviewed since {date}.",
        "calendar_summary": "Review {id} ({owner})",
        "calendar_name": "Service standard reviews",
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
        "id": "Identyfikator",
        "text": "Treść standardu",
        "step": "Etap",
        "review_months": "Okres przeglądu (w miesiącach)",
        "link": "Odnośnik",
        "total": "Razem",
        "by_phase": "Według faz",
        "by_owner": "Według osób odpowiedzialnych",
        "as_of": "Stan na {date}.",
        "downloads": "Do pobrania",
        "calendar_export": "Kalendarz przeglądów (iCalendar): jedno wydarzenie na standard "
        "w dniu jego następnego przeglądu",
        "data_export": "Cały podręcznik jako dane (JSON), we wszystkich językach",
        "table_export": "Tabela standardów dla audytorów (CSV)",
        "open_dashboard": "Otwórz panel przeglądów",
        "changes_since": "Przejrzane od {date}, od najnowszych.",
        "no_changes": "Od {date} nie przejrzano żadnego standardu.",
        "calendar_summary": "Przegląd {id} ({owner})",
        "calendar_name": "Przeglądy standardów obsługi",
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
        "id": "الرمز",
        "text": "نص المعيار",
        "step": "الخطوة",
        "review_months": "فترة المراجعة (بالأشهر)",
        "link": "الرابط",
        "total": "المجموع",
        "by_phase": "حسب المرحلة",
        "by_owner": "حسب المسؤول",
        "as_of": "الحالة في {date}.",
        "downloads": "ملفات للتنزيل",
        "calendar_export": "تقويم المراجعات (iCalendar): حدث واحد لكل معيار في موعد مراجعته "
        "القادمة",
        "data_export": "الدليل كاملًا في صورة بيانات (JSON) بجميع اللغات",
        "table_export": "جدول المعايير للمدققين (CSV)",
        "open_dashboard": "افتح لوحة المراجعات",
        "changes_since": "المعايير التي رُوجعت منذ {date}، الأحدث أولًا.",
        "no_changes": "لم يُراجَع أي معيار منذ {date}.",
        "calendar_summary": "مراجعة {id} ({owner})",
        "calendar_name": "مراجعات معايير الخدمة",
    },
}

assert all(LABELS[language].keys() == LABELS["en"].keys() for language in LANGUAGES)


def label(language: str, key: str) -> str:
    return LABELS[language][key]


@lru_cache(maxsize=8192)
def local_date(day: date, language: str) -> str:
    """A date as readers of ``language`` write it, e.g. 14 March 2026 / 14 marca 2026.

    Cached: Babel parses the locale and the pattern on every call, a handbook repeats the
    same few hundred review dates on every card, and the result depends on nothing else.
    """
    return format_date(day, format="long", locale=language)


def language_name(language: str) -> str:
    """A language's own name (English, Polski, العربية), for links that offer each one."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]
