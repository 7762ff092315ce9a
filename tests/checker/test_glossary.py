"""The glossary: one term for one thing, and a warning on the word where a text uses a variant.

Each test writes its own glossary and texts into a copy of the valid base handbook. A bad
glossary in ``glossary/`` starts with a comment saying why it is bad and ends with one
``# expect: line:column: severity: message`` comment per problem, as the broken phase files do.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.reading.glossary import GLOSSARY_FILE, load_glossary
from handbook.reading.problems import Problem
from handbook.reading.wording import Wording, prose_of
from tests.checker.project import base_project
from tests.checker.test_corpus import TODAY, check, expected
from tests.hotel import HOTEL_LANGUAGES
from tests.starterkit import load

HERE = Path(__file__).parent
BAD = sorted((HERE / "glossary").glob("*.yaml"))

GLOSSARY = """\
# yaml-language-server: $schema=../schema/glossary.schema.json
concepts:
  guest:
    en: {term: guest, avoid: ["client*", customer], search: [visitor]}
    pl: {term: gość, avoid: ["klient*"]}
    ar: {term: النزيل, avoid: [الضيف, الضيوف]}
  key-card:
    en: {term: key card, avoid: [door card, room card]}
    pl: {term: karta do pokoju, avoid: ["kart* do drzwi"]}
    ar: {term: بطاقة الغرفة, avoid: [بطاقة الباب, مفتاح]}
  mystery-shopper:
    en: {term: mystery shopper}
    pl: {term: tajemniczy klient}
  receipt:
    en: {term: receipt}
    ar: {term: الإيصال, avoid: [الوصل, فاخر]}
"""

PHASE = """\
phase: other
order: 2
title: {en: Welcome the client, pl: Powitanie klienta, ar: استقبال الضيف}
summary:
  en: >-
    The receptionist hands over a door
    card to every guest.
  pl: "Recepcjonista wydaje kartę do drzwi każdemu gościowi."
  ar: |-
    يسلّم موظف الاستقبال بطاقة الغرفة
    للضيف عند وصوله.
steps:
  - id: greeting
    title: {en: Greeting, pl: Powitanie, ar: الترحيب}
    qualities: [friendly]
standards:
  - id: OTH-01
    step: greeting
    type: personal
    level: basic
    owner: front-office-manager
    last_reviewed: 2026-01-15
    text:
      en: Greet the guest by name.
      pl: Przywitaj gościa po nazwisku; tajemniczego klienta też.
      ar: رحّب بالنزيل باسمه.
    check:
      en: 'Each guest, "customer" or not, is greeted.'
      pl: Goście są witani.
      ar: يُرحَّب بالنزلاء.
"""


@pytest.fixture
def standards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base handbook with the glossary above, in the current folder."""
    folder = base_project(tmp_path)
    (folder / GLOSSARY_FILE).write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    return folder


def warnings_of(output: list[str]) -> list[str]:
    return [line for line in output if ": warning: " in line]


def word_at(path: Path, line: int, column: int) -> str:
    """The text from a reported place to the end of its line."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1 :]


def test_a_variant_is_warned_on_its_word_in_each_language(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plain, quoted, folded and literal scalars: the line and column are the word's."""
    (standards / "other.yaml").write_text(PHASE, encoding="utf-8")
    code, output = check(capsys)
    guest = "(glossary concept 'guest'); write 'guest' in its right form"
    card = "(glossary concept 'key-card'); write 'key card' in its right form"
    assert warnings_of(output) == [
        f"standards/other.yaml:3:25: warning: 'client' is a variant of 'guest' {guest}",
        "standards/other.yaml:3:47: warning: 'klienta' is a variant of 'gość' (glossary "
        "concept 'guest'); write 'gość' in its right form",
        "standards/other.yaml:3:68: warning: 'الضيف' is a variant of 'النزيل' (glossary "
        "concept 'guest'); write 'النزيل' in its right form",
        f"standards/other.yaml:6:35: warning: 'door card' is a variant of 'key card' {card}",
        "standards/other.yaml:8:29: warning: 'kartę do drzwi' is a variant of 'karta do "
        "pokoju' (glossary concept 'key-card'); write 'karta do pokoju' in its right form",
        "standards/other.yaml:11:5: warning: 'للضيف' is a variant of 'النزيل' (glossary "
        "concept 'guest'); write 'النزيل' in its right form",
        f"standards/other.yaml:28:25: warning: 'customer' is a variant of 'guest' {guest}",
    ]
    assert code == 0, "a variant is a warning, not an error"
    places = [line.split(": warning: ")[0].split(":")[1:] for line in warnings_of(output)]
    written = ["client", "klienta", "الضيف", "door", "kartę do drzwi", "للضيف", "customer"]
    for (line, column), word in zip(places, written, strict=True):
        assert word_at(standards / "other.yaml", int(line), int(column)).startswith(word)


def test_the_term_and_its_forms_give_no_warning(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms = {
        "Welcome the client": "Guests get their key cards; a mystery shopper too",
        "Powitanie klienta": "Gość wita gościa; tajemniczy klient i tajemniczych klientów też",
        "استقبال الضيف": "النزيل والنزلاء وبطاقة الغرفة",
        "a door\n    card": "a key\n    card",
        "kartę do drzwi": "kartę do pokoju",
        "للضيف": "للنزيل",
        '"customer"': '"guest"',
    }
    phase = PHASE
    for variant, term in terms.items():
        phase = phase.replace(variant, term)
    (standards / "other.yaml").write_text(phase, encoding="utf-8")
    assert check(capsys) == (0, ["checked 5 files: no problems found"])


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("klienta, klientów, Klient", "pl", ["klienta", "klientów", "Klient"]),
        ("klientka", "pl", ["klientka"]),
        ("tajemniczego klienta i klienta", "pl", ["klienta"]),
        ("kartą do drzwi, karta\n do drzwi", "pl", ["kartą do drzwi", "karta\n do drzwi"]),
        (
            "والضيف بالضيف للضيف فالضيف وكالضيف",
            "ar",
            ["والضيف", "بالضيف", "للضيف", "فالضيف", "وكالضيف"],
        ),
        ("ضيف", "ar", []),  # written with the article, the avoid word needs the article
        (
            "مفتاح المفتاح بمفتاح وبالمفتاح للمفتاح",
            "ar",
            ["مفتاح", "المفتاح", "بمفتاح", "وبالمفتاح", "للمفتاح"],
        ),
        ("وصل الوصل بالوصل", "ar", ["الوصل", "بالوصل"]),  # the verb وصل is not الوصل
        ("آخر فاخر والفاخر", "ar", ["فاخر", "والفاخر"]),  # آخر is not فاخر without ف
        ("الضَّيفُ الضيـــف", "ar", ["الضَّيفُ", "الضيـــف"]),
        ("المضيف مضيف ضيفة", "ar", []),
        ("وبطاقة الباب، ببطاقة للباب", "ar", ["وبطاقة الباب", "ببطاقة للباب"]),
        ("Client clients CLIENT'S clientele", "en", ["Client", "clients", "CLIENT", "clientele"]),
        ("customers, a door-card, the room\n   card", "en", ["door-card", "room\n   card"]),
        ("Clientless", "pl", []),
    ],
)
def test_the_matching_rules(text: str, language: str, found: list[str], wording: Wording) -> None:
    assert [text[f.start : f.end] for f in wording.find(text, language)] == found


@pytest.fixture(scope="module")
def wording(tmp_path_factory: pytest.TempPathFactory) -> Wording:
    path = tmp_path_factory.mktemp("glossary") / GLOSSARY_FILE
    path.write_text(GLOSSARY, encoding="utf-8")
    problems: list[Problem] = []
    glossary = load_glossary(path, HOTEL_LANGUAGES, problems)
    assert problems == []
    return Wording(glossary)


def test_alef_variants_compare_as_one(wording: Wording) -> None:
    """The article written with a hamza is the article; أ إ آ are the alef."""
    found = wording.find("ألضيف، إلضيف، الضيف", "ar")
    assert [f.concept.key for f in found] == ["guest"] * 3


@pytest.mark.parametrize("bad", BAD, ids=lambda path: path.stem)
def test_a_bad_glossary_reports_exactly_its_lines(
    bad: Path, standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(bad, standards / GLOSSARY_FILE)
    first = bad.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and expected(bad)
    code, output = check(capsys)
    rename = f"standards/{bad.name}:"
    assert output[:-1] == [
        line.replace(rename, "standards/glossary.yaml:") for line in expected(bad)
    ]
    assert code == (1 if any(": error: " in line for line in expected(bad)) else 0)


def test_no_glossary_no_check_and_a_glossary_is_a_file_of_the_handbook(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (standards / "other.yaml").write_text(PHASE, encoding="utf-8")
    _, with_glossary = check(capsys)
    assert with_glossary[-1] == "checked 5 files: 0 errors, 7 warnings"
    assert check(capsys, "standards/glossary.yaml") == (0, ["checked 1 file: no problems found"])
    (standards / GLOSSARY_FILE).unlink()
    assert check(capsys) == (0, ["checked 4 files: no problems found"])


def test_the_handbook_carries_the_glossary(standards: Path) -> None:
    result = load(standards.parent)
    assert result.handbook is not None
    concepts = {concept.key: concept for concept in result.handbook.glossary.concepts}
    assert list(concepts) == ["guest", "key-card", "mystery-shopper", "receipt"]
    guest = concepts["guest"].terms
    assert (guest["en"].term, guest["en"].avoid, guest["en"].search) == (
        "guest",
        ("client*", "customer"),
        ("visitor",),
    )
    assert concepts["mystery-shopper"].term("ar") is None


def test_vocabulary_and_labels_are_checked_too(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every translatable text: a name in the vocabulary, a label, a count's forms."""
    edits = {
        "vocabulary.yaml": ("en: Friendly,", "en: Customer-friendly,"),
        "labels.yaml": ('"{count} standards"', '"{count} client standards"'),
    }
    for name, (old, new) in edits.items():
        edited = standards / name
        edited.write_text(edited.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    labels = standards / "labels.yaml"
    labels.write_text(
        labels.read_text(encoding="utf-8").replace('"Owner"', '"Owner (not the client)"'), "utf-8"
    )
    _, output = check(capsys)
    found = []
    for warning in warnings_of(output):
        path, line, column = warning.split(": warning: ")[0].split(":")
        found.append((path, word_at(Path(path), int(line), int(column))[:8].lower()))
    assert sorted(found) == [
        ("standards/labels.yaml", "client s"),
        ("standards/labels.yaml", 'client)"'),
        ("standards/vocabulary.yaml", "customer"),
    ]


PAGE = """\
# Welcome, client

Every `client` and {{ client_list() }} link [here](client.md) <span title="client">x</span>
is a guest; the door
card too.

```text
client
```

<!-- client -->
"""


def test_the_pages_in_docs_are_checked_in_their_language(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = standards.parent / "docs"
    (docs / "phases").mkdir(parents=True)
    (docs / "index.md").write_text(PAGE, encoding="utf-8")
    (docs / "index.pl.md").write_text("# Witaj\n\nWitamy klienta!\n", encoding="utf-8")
    (docs / "index.de.md").write_text("# Client\n", encoding="utf-8")  # not a language here
    (docs / "phases" / "base.md").write_text('{{ phase_content("client") }}\n', "utf-8")
    code, output = check(capsys)
    assert warnings_of(output) == [
        "docs/index.md:1:12: warning: 'client' is a variant of 'guest' (glossary concept "
        "'guest'); write 'guest' in its right form",
        "docs/index.md:4:17: warning: 'door card' is a variant of 'key card' (glossary "
        "concept 'key-card'); write 'key card' in its right form",
        "docs/index.pl.md:3:8: warning: 'klienta' is a variant of 'gość' (glossary concept "
        "'guest'); write 'gość' in its right form",
    ]
    assert code == 0
    _, named = check(capsys, "standards/base.yaml")
    assert warnings_of(named) == [], "only a check of the whole handbook reads the pages"


def test_prose_keeps_every_character_in_place() -> None:
    prose = prose_of(PAGE)
    assert len(prose) == len(PAGE) and prose.count("\n") == PAGE.count("\n")
    assert "client" not in prose.replace("Welcome, client", "")


def test_a_word_behind_an_escape_is_warned_at_the_start_of_its_text(
    standards: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the file writes the word otherwise than the value reads (an escape), the
    warning cannot point at the word: it stands where the text begins."""
    phase = PHASE.replace("wydaje kartę do drzwi", "wydaje \\x6Bartę do drzwi")
    (standards / "other.yaml").write_text(phase, encoding="utf-8")
    _, output = check(capsys)
    assert "standards/other.yaml:8:7: warning: 'kartę do drzwi' is a variant" in "\n".join(output)


LETTERS = "aąbkl*- .()[]\\?+|^$ ٱأإآالضيفوبكَُّـ"
WORD = st.text(alphabet=LETTERS, max_size=12)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # examples: conftest
@given(
    concepts=st.dictionaries(
        st.sampled_from(["guest", "room", "Key", "key-card"]),
        st.dictionaries(
            st.sampled_from(["en", "pl", "ar", "de"]),
            st.fixed_dictionaries(
                {"term": WORD}, optional={"avoid": st.lists(WORD, max_size=3), "search": WORD}
            ),
        ),
        max_size=3,
    ),
    text=st.text(alphabet=LETTERS + "\n", max_size=40),
)
def test_any_glossary_is_read_and_any_text_checked_without_a_crash(
    concepts: dict[str, object], text: str
) -> None:
    """Whatever an editor writes, even regular-expression characters, is an error with a
    place or a checked glossary, never a crash."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / GLOSSARY_FILE
        path.write_text(yaml.safe_dump({"concepts": concepts}, allow_unicode=True), "utf-8")
        problems: list[Problem] = []
        wording = Wording(load_glossary(path, HOTEL_LANGUAGES, problems))
    for language in HOTEL_LANGUAGES:
        for found in wording.find(text, language):
            assert 0 <= found.start < found.end <= len(text)
    assert len(prose_of(text)) == len(text)
