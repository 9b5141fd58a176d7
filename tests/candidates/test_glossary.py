"""The glossary matching compares names with: each word in one place, already normalised, and
every eligible country's language and capital present."""

from collections import Counter

import pytest

from laurel.candidates.glossary import (
    CONCEPTS,
    COUNTRIES,
    FILLER_WORDS,
    LEGAL_FORMS,
    ORG_KINDS,
    PLACES,
    concept_of,
    country_of,
    kind_of,
    place_of,
)
from laurel.candidates.letters import ascii_lower

CONCEPT_AND_KIND_WORDS = [word for words in CONCEPTS.values() for word in words] + [
    word for words in ORG_KINDS.values() for word in words
]
PLACE_SPELLINGS = [spelling for spellings in PLACES.values() for spelling in spellings]


def test_every_word_appears_once_across_concepts_and_kinds():
    repeated = {word for word, count in Counter(CONCEPT_AND_KIND_WORDS).items() if count > 1}

    assert repeated == set()


def test_a_concept_and_a_kind_never_share_a_name():
    assert set(CONCEPTS) & set(ORG_KINDS) == set()


@pytest.mark.parametrize(
    "table",
    ["concepts and kinds", "legal forms", "filler words", "places", "countries"],
)
def test_every_entry_is_written_as_ascii_lower_leaves_it(table):
    entries = {
        "concepts and kinds": CONCEPT_AND_KIND_WORDS,
        "legal forms": LEGAL_FORMS,
        "filler words": sorted(FILLER_WORDS),
        "places": PLACE_SPELLINGS + list(PLACES),
        "countries": [name for names in COUNTRIES.values() for name in names],
    }[table]

    assert [entry for entry in entries if ascii_lower(entry) != entry] == []
    assert all(entries)


def test_no_legal_form_or_filler_word_is_a_concept_or_kind_word():
    words = set(CONCEPT_AND_KIND_WORDS)

    assert set(LEGAL_FORMS) & words == set()
    assert FILLER_WORDS & words == set()


def test_legal_forms_are_listed_once_and_are_not_filler_words():
    assert [form for form, count in Counter(LEGAL_FORMS).items() if count > 1] == []
    assert set(LEGAL_FORMS) & FILLER_WORDS == set()


def test_no_place_is_also_a_word_matching_treats_otherwise():
    spellings = set(PLACE_SPELLINGS)

    assert spellings & set(CONCEPT_AND_KIND_WORDS) == set()
    assert spellings & FILLER_WORDS == set()
    assert spellings & set(LEGAL_FORMS) == set()
    assert [s for s, count in Counter(PLACE_SPELLINGS).items() if count > 1] == []


# A few words each eligible country's language uses for "association", "foundation" and the
# like, as nominators write them (diacritics, Cyrillic, Greek, Georgian and Armenian as typed).
KINDS_BY_LANGUAGE = {
    "Albanian": ["Shoqata", "Fondacioni", "Qendra", "Organizata"],
    "Armenian": ["Հիմնադրամ", "Կենտրոն", "Ասոցիացիա"],
    "Azerbaijani": ["Assosiasiya", "Mərkəzi", "Birliyi", "Təşkilatı"],
    "Bulgarian": ["Сдружение", "Фондация", "Сдружението", "Sdruzhenie", "Sdruzenie"],
    "Bosnian/Croatian/Serbian/Montenegrin": [
        "Udruga",
        "Udruženje",
        "Удружење",
        "Udruzhenje",
        "Fondacija",
        "Фондација",
        "Zaklada",
        "Društvo",
        "Drustvo",
        "Савез",
        "Centar",
    ],
    "Catalan": ["Associació", "Fundació", "Federació"],
    "Czech": ["Spolek", "Nadace", "Sdružení", "Ústav"],
    "Danish": ["Forening", "Fonden", "Selskab"],
    "Dutch": ["Stichting", "Vereniging", "Centrum"],
    "English": ["Association", "Foundation", "Trust", "Society", "Centre"],
    "Estonian": ["Ühing", "Sihtasutus", "Keskus", "Liit"],
    "Finnish": ["Yhdistys", "Säätiö", "Liitto", "Keskus"],
    "French": ["Association", "Fondation", "Fédération", "Mouvement"],
    "Georgian": ["ასოციაცია", "ფონდი", "ცენტრი", "კავშირი", "Kavshiri"],
    "German": ["Verein", "Stiftung", "Verband", "Gesellschaft"],
    "Greek": ["Σωματείο", "Σύλλογος", "Συλλόγου", "Ίδρυμα", "Ένωση", "Κέντρο", "Swmateio"],
    "Hungarian": ["Egyesület", "Egyesülete", "Alapítvány", "Szövetség", "Központ"],
    "Icelandic": ["Félag", "Samtök", "Miðstöð"],
    "Irish": ["Fondúireacht", "Eagraíocht", "Ionad", "Aontas"],
    "Italian": ["Associazione", "Fondazione", "Centro"],
    "Latvian": ["Biedrība", "Nodibinājums", "Centrs"],
    "Lithuanian": ["Asociacija", "Fondas", "Centras", "Draugija"],
    "Luxembourgish": ["Veräin", "Fondatioun", "Stëftung"],
    "Macedonian": ["Здружение", "Фондација", "Zdruzhenie", "Zdruzenie"],
    "Maltese": ["Għaqda", "Fondazzjoni", "Assocjazzjoni"],
    "Norwegian": ["Forening", "Stiftelse", "Forbund", "Organisasjon"],
    "Polish": ["Stowarzyszenie", "Fundacja", "Fundacji", "Towarzystwo", "Związek"],
    "Portuguese": ["Associação", "Fundação", "Sociedade"],
    "Romanian": ["Asociația", "Asociației", "Fundația", "Fundației", "Centrul"],
    "Russian": ["Фонд", "Ассоциация", "Общество", "Союз", "Центр"],
    "Slovak": ["Združenie", "Nadácia", "Spolok"],
    "Slovenian": ["Društvo", "Zavod", "Zveza", "Ustanova"],
    "Spanish": ["Asociación", "Fundación", "Federación"],
    "Swedish": ["Förening", "Föreningen", "Stiftelsen", "Förbund", "Sällskap"],
    "Turkish": ["Derneği", "Vakfı", "Vakfi", "Merkezi", "Federasyonu"],
    "Ukrainian": [
        "Фондація",
        "Fondatsiia",
        "Fondaciya",
        "Fundatsiya",
        "Асоціація",
        "Спілка",
        "Товариство",
    ],
}


@pytest.mark.parametrize("language", sorted(KINDS_BY_LANGUAGE))
def test_every_eligible_language_names_its_kinds_of_body(language):
    kinds = kind_of()

    unknown = [
        written
        for written in KINDS_BY_LANGUAGE[language]
        if not all(word in kinds for word in ascii_lower(written).split())
        and ascii_lower(written) not in kinds
    ]

    assert unknown == []


def test_a_kind_is_one_word_across_languages():
    kinds = kind_of()
    foundation = {"Stiftung", "Fundacja", "Фондація", "Ίδρυμα", "Vakfı", "Alapítvány", "ფონდი"}
    association = {"Verein", "Stowarzyszenie", "Udruženje", "Σωματείο", "Derneği", "Egyesület"}

    assert {kinds[ascii_lower(word)] for word in foundation} == {"foundation"}
    assert {kinds[ascii_lower(word)] for word in association} == {"association"}


@pytest.mark.parametrize(
    ("written", "concept"),
    [
        ("Дети", "child"),
        ("Діти", "child"),
        ("Παιδιά", "child"),
        ("ბავშვები", "child"),
        ("Երեխաներ", "child"),
        ("Çocuk", "child"),
        ("Fëmijët", "child"),
        ("Права", "rights"),
        ("Δικαιώματα", "rights"),
        ("Przemoc", "violence"),
        ("Насилие", "violence"),
        ("Trafficking", "trafficking"),
        ("Menschenhandel", "trafficking"),
        ("Wykorzystywanie", "abuse"),
        ("Vermisste", "missing"),
        ("Rodzina", "family"),
        ("Femmes", "women"),
        ("Mädchen", "girls"),
        ("Χαμόγελο", "smile"),
        ("Prävention", "prevention"),
        ("Krizni", "crisis"),
        ("Zajedno", "together"),
        ("Dignità", "dignity"),
        ("Svoboda", "freedom"),
        ("Internet", "internet"),
        ("Διαδίκτυο", "internet"),
    ],
)
def test_concepts_reach_the_languages_nominators_write_in(written, concept):
    assert concept_of(kinds=False)[ascii_lower(written)] == concept


def test_concept_of_adds_the_kinds_unless_asked_not_to():
    with_kinds = concept_of()
    without = concept_of(kinds=False)

    assert with_kinds["stiftelsen"] == "foundation"
    assert "stiftelsen" not in without
    assert with_kinds["barnen"] == without["barnen"] == "child"


@pytest.mark.parametrize(
    "written",
    [
        "e. V.",
        "e.V.",
        "eV",
        "gGmbH",
        "gemeinnützige GmbH",
        "ry",
        "r.y.",
        "rf",
        "ETS",
        "Onlus",
        "APS",
        "ODV",
        "z.s.",
        "z. s.",
        "o.s.",
        "vzw",
        "VZW",
        "asbl",
        "a.s.b.l.",
        "gemeinnütziger Verein",
        "ideell förening",
        "ideel forening",
        "frivillig organisasjon",
        "MTÜ",
        "SA",
        "Lda",
        "NVO",
        "NGO",
        "ONG",
        "o.p.s.",
        "z.ú.",
        "n.o.",
        "o.z.",
        "CIO",
        "CIC",
        "Ltd",
        "charity",
        "registered charity",
        "Nonprofit Kft.",
        "Közhasznú",
        "Sp. z o.o.",
        "ehf.",
        "ses.",
        "АНО",
        "ГО",
        "Громадська організація",
        "БФ",
        "ΑΜΚΕ",
        "Κοιν.Σ.Επ.",
        "eingetragener Verein",
        "organizzazione di volontariato",
        "Ente del Terzo Settore",
        "občianske združenie",
        "Udruženje građana",
        "ՀԿ",
    ],
)
def test_legal_forms_are_listed_in_every_spelling(written):
    assert ascii_lower(written) in LEGAL_FORMS


@pytest.mark.parametrize(
    "written",
    [
        "für",
        "und",
        "della",
        "și",
        "és",
        "kai",
        "ve",
        "ja",
        "og",
        "och",
        "voor",
        "het",
        "dla",
        "tal",
        "ta'",
        "dhe",
        "ir",
        "un",
        "agus",
        "için",
    ],
)
def test_filler_words_cover_the_languages(written):
    assert ascii_lower(written) in FILLER_WORDS


# Each eligible country's capital, as its own language writes it (the key) and in English.
CAPITALS = {
    "AL": ("tirane", "Tirana"),
    "AD": ("andorra la vella", "Andorra la Vella"),
    "AM": ("yerevan", "Yerevan"),
    "AT": ("wien", "Vienna"),
    "AZ": ("baki", "Baku"),
    "BE": ("bruxelles", "Brussels"),
    "BA": ("sarajevo", "Sarajevo"),
    "BG": ("sofiya", "Sofia"),
    "HR": ("zagreb", "Zagreb"),
    "CY": ("lefkosia", "Nicosia"),
    "CZ": ("praha", "Prague"),
    "DK": ("kobenhavn", "Copenhagen"),
    "EE": ("tallinn", "Tallinn"),
    "FI": ("helsinki", "Helsinki"),
    "FR": ("paris", "Paris"),
    "GE": ("tbilisi", "Tbilisi"),
    "DE": ("berlin", "Berlin"),
    "GR": ("athina", "Athens"),
    "HU": ("budapest", "Budapest"),
    "IS": ("reykjavik", "Reykjavík"),
    "IE": ("dublin", "Dublin"),
    "IT": ("roma", "Rome"),
    "LV": ("riga", "Riga"),
    "LI": ("vaduz", "Vaduz"),
    "LT": ("vilnius", "Vilnius"),
    "LU": ("luxembourg", "Luxembourg"),
    "MT": ("valletta", "Valletta"),
    "MD": ("chisinau", "Chișinău"),
    "MC": ("monaco", "Monaco"),
    "ME": ("podgorica", "Podgorica"),
    "NL": ("amsterdam", "Amsterdam"),
    "MK": ("skopje", "Skopje"),
    "NO": ("oslo", "Oslo"),
    "PL": ("warszawa", "Warsaw"),
    "PT": ("lisboa", "Lisbon"),
    "RO": ("bucuresti", "Bucharest"),
    "SM": ("san marino", "San Marino"),
    "RS": ("beograd", "Belgrade"),
    "SK": ("bratislava", "Bratislava"),
    "SI": ("ljubljana", "Ljubljana"),
    "ES": ("madrid", "Madrid"),
    "SE": ("stockholm", "Stockholm"),
    "CH": ("bern", "Bern"),
    "TR": ("ankara", "Ankara"),
    "UA": ("kyiv", "Kyiv"),
    "GB": ("london", "London"),
    "XK": ("prishtine", "Pristina"),
}


def test_places_cover_every_eligible_countrys_capital():
    places = place_of()

    missing = {
        country: key
        for country, (key, english) in CAPITALS.items()
        if key not in PLACES or places.get(ascii_lower(english)) != key
    }

    assert missing == {}
    assert len(CAPITALS) == 47


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Београд", "beograd"),
        ("Belgrad", "beograd"),
        ("Київ", "kyiv"),
        ("Kiev", "kyiv"),
        ("Львів", "lviv"),
        ("Αθήνα", "athina"),
        ("Θεσσαλονίκη", "thessaloniki"),
        ("თბილისი", "tbilisi"),
        ("Երևան", "yerevan"),
        ("София", "sofiya"),
        ("Кишинёв", "chisinau"),
        ("Bakı", "baki"),
        ("Göteborg", "goteborg"),
        ("Den Haag", "den haag"),
        ("'s-Gravenhage", "den haag"),
        ("Osijek", "osijek"),
    ],
)
def test_places_are_found_in_their_local_scripts_and_spellings(written, place):
    assert place_of()[ascii_lower(written)] == place


def test_roma_is_not_taken_for_a_place():
    # "Roma" is also the Romani people, who appear in this field's names.
    assert "roma" not in place_of()


def test_every_eligible_country_is_named_and_its_names_mean_nothing_else():
    names = [name for names in COUNTRIES.values() for name in names]
    # A city state and its capital share names ("Lëtzebuerg" is the country and the city).
    city_states = {"andorra", "luxembourg", "letzebuerg", "monaco", "san marino"}

    assert set(COUNTRIES) == set(CAPITALS)
    assert [name for name, count in Counter(names).items() if count > 1] == []
    assert set(names) & set(CONCEPT_AND_KIND_WORDS) == set()
    assert set(names) & (FILLER_WORDS | set(LEGAL_FORMS)) == set()
    assert set(names) & set(PLACE_SPELLINGS) <= city_states


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Sverige", "SE"),
        ("Swedish", "SE"),
        ("Ελλάδα", "GR"),
        ("Україна", "UA"),
        ("Shqipëria", "AL"),
        ("Türkiye", "TR"),
        ("Polskie", "PL"),
        ("საქართველო", "GE"),
        ("Հայաստան", "AM"),
        ("Crna Gora", "ME"),
        ("Kosova", "XK"),
        ("Suomen", "FI"),
    ],
)
def test_countries_are_found_in_their_own_languages(written, country):
    assert country_of()[ascii_lower(written)] == country
