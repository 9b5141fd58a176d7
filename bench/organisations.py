"""Fictional organisations across Europe and the nominations people would write about them.

Used by `bench/candidates.py` (10,000 nominations, with the truth of which are the same
organisation) and by `make demo`. Every name is made up from word lists: any likeness to a real
organisation is an accident.

Each organisation has a name in its country's language (a legal form and two or three words),
a city, often a website on its country's domain and a registration number. A nomination of it
writes these as people do: diacritics dropped, the legal form translated, left out or moved,
a typo, the words in another order, the whole name in English, a Cyrillic or Greek name in
another transliteration, `www.` or not, `.org` for the country's ending, a path, no website.
"""

import random
import unicodedata
from dataclasses import dataclass, field

# language: countries, legal forms (local, English), words (local, English), cities
LANGUAGES = {
    "sv": (
        ["SE"],
        [
            ("Stiftelsen", "Foundation"),
            ("Föreningen", "Association"),
            ("Riksförbundet", "National Association"),
        ],
        [
            ("Trygga", "Safe"),
            ("Barn", "Children"),
            ("Nätet", "Net"),
            ("Jouren", "Helpline"),
            ("Ljus", "Light"),
            ("Röst", "Voice"),
            ("Skydd", "Protection"),
            ("Framtid", "Future"),
            ("Unga", "Young"),
            ("Hopp", "Hope"),
            ("Bro", "Bridge"),
            ("Vakt", "Guard"),
            ("Digitala", "Digital"),
            ("Rätt", "Rights"),
            ("Hem", "Home"),
            ("Stöd", "Support"),
            ("Fristad", "Sanctuary"),
            ("Värn", "Shield"),
            ("Sol", "Sun"),
            ("Norra", "Northern"),
        ],
        ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Örebro"],
    ),
    "de": (
        ["DE", "AT", "CH"],
        [("Stiftung", "Foundation"), ("Verein", "Association"), ("e.V.", ""), ("gGmbH", "")],
        [
            ("Sichere", "Safe"),
            ("Kinder", "Children"),
            ("Netz", "Net"),
            ("Hilfe", "Help"),
            ("Licht", "Light"),
            ("Stimme", "Voice"),
            ("Schutz", "Protection"),
            ("Zukunft", "Future"),
            ("Jugend", "Youth"),
            ("Hoffnung", "Hope"),
            ("Brücke", "Bridge"),
            ("Wächter", "Guardians"),
            ("Digitale", "Digital"),
            ("Rechte", "Rights"),
            ("Zuhause", "Home"),
            ("Halt", "Support"),
            ("Zuflucht", "Refuge"),
            ("Schild", "Shield"),
            ("Sonne", "Sun"),
            ("Wege", "Paths"),
        ],
        ["Berlin", "München", "Köln", "Wien", "Zürich", "Graz", "Düsseldorf", "Bern"],
    ),
    "fr": (
        ["FR", "BE", "LU", "MC"],
        [("Fondation", "Foundation"), ("Association", "Association"), ("ASBL", "")],
        [
            ("Enfance", "Childhood"),
            ("Sûre", "Safe"),
            ("Réseau", "Network"),
            ("Écoute", "Listening"),
            ("Lumière", "Light"),
            ("Voix", "Voice"),
            ("Protection", "Protection"),
            ("Avenir", "Future"),
            ("Jeunesse", "Youth"),
            ("Espoir", "Hope"),
            ("Pont", "Bridge"),
            ("Veille", "Watch"),
            ("Numérique", "Digital"),
            ("Droits", "Rights"),
            ("Foyer", "Home"),
            ("Soutien", "Support"),
            ("Refuge", "Refuge"),
            ("Bouclier", "Shield"),
            ("Soleil", "Sun"),
            ("Chemins", "Paths"),
        ],
        ["Paris", "Lyon", "Marseille", "Bruxelles", "Liège", "Lille", "Luxembourg", "Nantes"],
    ),
    "es": (
        ["ES"],
        [("Fundación", "Foundation"), ("Asociación", "Association")],
        [
            ("Infancia", "Childhood"),
            ("Segura", "Safe"),
            ("Red", "Network"),
            ("Escucha", "Listening"),
            ("Luz", "Light"),
            ("Voz", "Voice"),
            ("Protección", "Protection"),
            ("Futuro", "Future"),
            ("Juventud", "Youth"),
            ("Esperanza", "Hope"),
            ("Puente", "Bridge"),
            ("Guardianes", "Guardians"),
            ("Digital", "Digital"),
            ("Derechos", "Rights"),
            ("Hogar", "Home"),
            ("Apoyo", "Support"),
            ("Refugio", "Refuge"),
            ("Escudo", "Shield"),
            ("Sol", "Sun"),
            ("Caminos", "Paths"),
        ],
        ["Madrid", "Barcelona", "Sevilla", "València", "Bilbao", "Málaga"],
    ),
    "it": (
        ["IT", "SM"],
        [("Fondazione", "Foundation"), ("Associazione", "Association"), ("Onlus", "")],
        [
            ("Infanzia", "Childhood"),
            ("Sicura", "Safe"),
            ("Rete", "Network"),
            ("Ascolto", "Listening"),
            ("Luce", "Light"),
            ("Voce", "Voice"),
            ("Tutela", "Protection"),
            ("Futuro", "Future"),
            ("Giovani", "Youth"),
            ("Speranza", "Hope"),
            ("Ponte", "Bridge"),
            ("Custodi", "Guardians"),
            ("Digitale", "Digital"),
            ("Diritti", "Rights"),
            ("Casa", "Home"),
            ("Sostegno", "Support"),
            ("Rifugio", "Refuge"),
            ("Scudo", "Shield"),
            ("Sole", "Sun"),
            ("Sentieri", "Paths"),
        ],
        ["Roma", "Milano", "Napoli", "Torino", "Bologna", "Firenze"],
    ),
    "pl": (
        ["PL"],
        [("Fundacja", "Foundation"), ("Stowarzyszenie", "Association"), ("Sp. z o.o.", "")],
        [
            ("Bezpieczne", "Safe"),
            ("Dzieci", "Children"),
            ("Sieć", "Network"),
            ("Telefon", "Helpline"),
            ("Światło", "Light"),
            ("Głos", "Voice"),
            ("Ochrona", "Protection"),
            ("Przyszłość", "Future"),
            ("Młodzi", "Youth"),
            ("Nadzieja", "Hope"),
            ("Most", "Bridge"),
            ("Strażnicy", "Guardians"),
            ("Cyfrowe", "Digital"),
            ("Prawa", "Rights"),
            ("Dom", "Home"),
            ("Wsparcie", "Support"),
            ("Schronienie", "Refuge"),
            ("Tarcza", "Shield"),
            ("Słońce", "Sun"),
            ("Ścieżki", "Paths"),
        ],
        ["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk"],
    ),
    "nl": (
        ["NL"],
        [("Stichting", "Foundation"), ("Vereniging", "Association")],
        [
            ("Veilige", "Safe"),
            ("Kinderen", "Children"),
            ("Netwerk", "Network"),
            ("Lijn", "Helpline"),
            ("Licht", "Light"),
            ("Stem", "Voice"),
            ("Bescherming", "Protection"),
            ("Toekomst", "Future"),
            ("Jeugd", "Youth"),
            ("Hoop", "Hope"),
            ("Brug", "Bridge"),
            ("Wachters", "Guardians"),
            ("Digitale", "Digital"),
            ("Rechten", "Rights"),
            ("Thuis", "Home"),
            ("Steun", "Support"),
            ("Toevlucht", "Refuge"),
            ("Schild", "Shield"),
            ("Zon", "Sun"),
            ("Paden", "Paths"),
        ],
        ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"],
    ),
    "fi": (
        ["FI"],
        [("Säätiö", "Foundation"), ("ry", ""), ("Yhdistys", "Association")],
        [
            ("Turvallinen", "Safe"),
            ("Lapset", "Children"),
            ("Verkko", "Network"),
            ("Linja", "Helpline"),
            ("Valo", "Light"),
            ("Ääni", "Voice"),
            ("Suoja", "Protection"),
            ("Tulevaisuus", "Future"),
            ("Nuoret", "Youth"),
            ("Toivo", "Hope"),
            ("Silta", "Bridge"),
            ("Vartijat", "Guardians"),
            ("Digitaalinen", "Digital"),
            ("Oikeudet", "Rights"),
            ("Koti", "Home"),
        ],
        ["Helsinki", "Tampere", "Turku", "Oulu"],
    ),
    "hr": (
        ["HR", "BA", "ME"],
        [("Udruga", "Association"), ("Zaklada", "Foundation"), ("Društvo", "Society")],
        [
            ("Sigurna", "Safe"),
            ("Djeca", "Children"),
            ("Mreža", "Network"),
            ("Linija", "Helpline"),
            ("Svjetlo", "Light"),
            ("Glas", "Voice"),
            ("Zaštita", "Protection"),
            ("Budućnost", "Future"),
            ("Mladi", "Youth"),
            ("Nada", "Hope"),
            ("Most", "Bridge"),
            ("Čuvari", "Guardians"),
            ("Digitalna", "Digital"),
            ("Prava", "Rights"),
            ("Dom", "Home"),
        ],
        ["Zagreb", "Split", "Rijeka", "Sarajevo", "Podgorica"],
    ),
    "cs": (
        ["CZ", "SK"],
        [("Nadace", "Foundation"), ("z.s.", ""), ("o.p.s.", "")],
        [
            ("Bezpečné", "Safe"),
            ("Děti", "Children"),
            ("Síť", "Network"),
            ("Linka", "Helpline"),
            ("Světlo", "Light"),
            ("Hlas", "Voice"),
            ("Ochrana", "Protection"),
            ("Budoucnost", "Future"),
            ("Mládež", "Youth"),
            ("Naděje", "Hope"),
            ("Most", "Bridge"),
            ("Strážci", "Guardians"),
            ("Digitální", "Digital"),
            ("Práva", "Rights"),
            ("Domov", "Home"),
        ],
        ["Praha", "Brno", "Ostrava", "Bratislava", "Košice"],
    ),
    "ro": (
        ["RO", "MD"],
        [("Fundația", "Foundation"), ("Asociația", "Association")],
        [
            ("Sigură", "Safe"),
            ("Copiii", "Children"),
            ("Rețeaua", "Network"),
            ("Linia", "Helpline"),
            ("Lumina", "Light"),
            ("Vocea", "Voice"),
            ("Protecția", "Protection"),
            ("Viitorul", "Future"),
            ("Tinerii", "Youth"),
            ("Speranța", "Hope"),
            ("Podul", "Bridge"),
            ("Gardienii", "Guardians"),
            ("Digitală", "Digital"),
            ("Drepturile", "Rights"),
            ("Casa", "Home"),
        ],
        ["București", "Cluj-Napoca", "Iași", "Timișoara", "Chișinău"],
    ),
    "en": (
        ["GB", "IE", "MT"],
        [("Foundation", "Foundation"), ("Trust", "Trust"), ("Ltd", ""), ("CIC", "")],
        [
            ("Safe", "Safe"),
            ("Children", "Children"),
            ("Network", "Network"),
            ("Helpline", "Helpline"),
            ("Light", "Light"),
            ("Voice", "Voice"),
            ("Protection", "Protection"),
            ("Future", "Future"),
            ("Youth", "Youth"),
            ("Hope", "Hope"),
            ("Bridge", "Bridge"),
            ("Guardians", "Guardians"),
            ("Digital", "Digital"),
            ("Rights", "Rights"),
            ("Home", "Home"),
            ("Harbour", "Harbour"),
            ("Beacon", "Beacon"),
            ("Shield", "Shield"),
            ("Compass", "Compass"),
            ("Anchor", "Anchor"),
        ],
        ["London", "Manchester", "Dublin", "Cork", "Valletta", "Leeds", "Glasgow"],
    ),
    "pt": (
        ["PT"],
        [("Fundação", "Foundation"), ("Associação", "Association")],
        [
            ("Infância", "Childhood"),
            ("Segura", "Safe"),
            ("Rede", "Network"),
            ("Escuta", "Listening"),
            ("Luz", "Light"),
            ("Voz", "Voice"),
            ("Proteção", "Protection"),
            ("Futuro", "Future"),
            ("Juventude", "Youth"),
            ("Esperança", "Hope"),
            ("Ponte", "Bridge"),
            ("Guardiões", "Guardians"),
            ("Digital", "Digital"),
            ("Direitos", "Rights"),
            ("Lar", "Home"),
        ],
        ["Lisboa", "Porto", "Braga", "Coimbra"],
    ),
    "el": (
        ["GR", "CY"],
        [("Ίδρυμα", "Foundation"), ("Σύλλογος", "Association")],
        [
            ("Ασφαλή", "Safe"),
            ("Παιδιά", "Children"),
            ("Δίκτυο", "Network"),
            ("Γραμμή", "Helpline"),
            ("Φως", "Light"),
            ("Φωνή", "Voice"),
            ("Προστασία", "Protection"),
            ("Μέλλον", "Future"),
            ("Νεολαία", "Youth"),
            ("Ελπίδα", "Hope"),
            ("Γέφυρα", "Bridge"),
            ("Φύλακες", "Guardians"),
            ("Ψηφιακό", "Digital"),
            ("Δικαιώματα", "Rights"),
            ("Σπίτι", "Home"),
        ],
        ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Λευκωσία"],
    ),
    "uk": (
        ["UA", "BG", "RS", "MK"],
        [("Фонд", "Foundation"), ("Асоціація", "Association"), ("Спілка", "Union")],
        [
            ("Безпечні", "Safe"),
            ("Діти", "Children"),
            ("Мережа", "Network"),
            ("Лінія", "Helpline"),
            ("Світло", "Light"),
            ("Голос", "Voice"),
            ("Захист", "Protection"),
            ("Майбутнє", "Future"),
            ("Молодь", "Youth"),
            ("Надія", "Hope"),
            ("Міст", "Bridge"),
            ("Вартові", "Guardians"),
            ("Цифрові", "Digital"),
            ("Права", "Rights"),
            ("Дім", "Home"),
            ("Щит", "Shield"),
            ("Сонце", "Sun"),
            ("Шлях", "Path"),
            ("Житло", "Shelter"),
            ("Чистий", "Clean"),
        ],
        ["Київ", "Львів", "Харків", "Софія", "Белград", "Скопје"],
    ),
}

# Another transliteration than the one Laurel normalises with (ISO 9-like, with diacritics).
TRANSLITERATION = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "h",
        "ґ": "g",
        "д": "d",
        "е": "e",
        "є": "je",
        "ж": "ž",
        "з": "z",
        "и": "y",
        "і": "i",
        "ї": "ji",
        "й": "j",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "ch",
        "ц": "c",
        "ч": "č",
        "ш": "š",
        "щ": "šč",
        "ь": "",
        "ю": "ju",
        "я": "ja",
        "ј": "j",
        "ќ": "ḱ",
        "α": "a",
        "β": "v",
        "γ": "g",
        "δ": "d",
        "ε": "e",
        "ζ": "z",
        "η": "i",
        "θ": "th",
        "ι": "i",
        "κ": "k",
        "λ": "l",
        "μ": "m",
        "ν": "n",
        "ξ": "x",
        "ο": "o",
        "π": "p",
        "ρ": "r",
        "σ": "s",
        "ς": "s",
        "τ": "t",
        "υ": "y",
        "φ": "f",
        "χ": "ch",
        "ψ": "ps",
        "ω": "o",
        "ά": "a",
        "έ": "e",
        "ή": "i",
        "ί": "i",
        "ό": "o",
        "ύ": "y",
        "ώ": "o",
    }
)
DOMAIN_ENDINGS = {"GB": "org.uk", "GR": "gr", "UA": "org.ua", "PL": "org.pl"}


@dataclass
class Organisation:
    number: int
    language: str
    country: str
    form: tuple[str, str]
    words: list[tuple[str, str]]
    city: str
    website: str
    registration: str
    form_first: bool
    nominations: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        core = " ".join(word for word, _english in self.words)
        return f"{self.form[0]} {core}" if self.form_first else f"{core} {self.form[0]}"

    @property
    def english_name(self) -> str:
        core = " ".join(english for _word, english in self.words)
        return f"{core} {self.form[1]}".strip()


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _typo(rng: random.Random, text: str) -> str:
    words = text.split()
    candidates = [index for index, word in enumerate(words) if len(word) >= 6]
    if not candidates:
        return text
    index = rng.choice(candidates)
    word = words[index]
    at = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["drop", "swap", "double"])
    if kind == "drop":
        word = word[:at] + word[at + 1 :]
    elif kind == "swap":
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        word = word[:at] + word[at] + word[at:]
    words[index] = word
    return " ".join(words)


def _slug(text: str) -> str:
    ascii_text = _strip_diacritics(text.lower().translate(TRANSLITERATION))
    return "".join(char for char in ascii_text if char.isalnum())


def make_organisations(rng: random.Random, count: int) -> list[Organisation]:
    organisations: list[Organisation] = []
    taken: set[tuple[str, frozenset]] = set()
    domains: set[str] = set()
    languages = list(LANGUAGES)
    while len(organisations) < count:
        language = rng.choice(languages)
        countries, forms, words, cities = LANGUAGES[language]
        country = rng.choice(countries)
        chosen = rng.sample(words, rng.choice([2, 2, 3, 3, 3]))
        identity = (country, frozenset(word for word, _english in chosen))
        if identity in taken:
            continue
        taken.add(identity)
        number = len(organisations)
        label = _slug("".join(word for word, _english in chosen))
        ending = DOMAIN_ENDINGS.get(country, country.lower())
        domain = f"{label}.{ending}"
        if domain in domains:  # the same words in the same country's ending
            domain = f"{label}{number}.{ending}"
        domains.add(domain)
        organisations.append(
            Organisation(
                number=number,
                language=language,
                country=country,
                form=rng.choice(forms),
                words=chosen,
                city=rng.choice(cities),
                website=domain if rng.random() < 0.8 else "",
                registration=f"{rng.randrange(100000, 999999)}{rng.randrange(1000, 9999)}"
                if rng.random() < 0.6
                else "",
                form_first=rng.random() < 0.5,
            )
        )
    return organisations


def name_variant(rng: random.Random, organisation: Organisation) -> str:
    """How one nominator writes the name."""
    if rng.random() < 0.12:
        return organisation.english_name
    name = organisation.name
    if organisation.language in {"uk", "el"} and rng.random() < 0.5:
        name = name.lower().translate(TRANSLITERATION).title()
    transforms = rng.sample(["diacritics", "form", "typo", "order", "case"], rng.randint(0, 2))
    core = " ".join(word for word, _english in organisation.words)
    for transform in transforms:
        if transform == "diacritics":
            name = _strip_diacritics(name)
        elif transform == "form":
            choice = rng.choice(["english", "none", "other-side"])
            if choice == "english" and organisation.form[1]:
                name = f"{core} {organisation.form[1]}"
            elif choice == "none":
                name = core
            else:
                form = organisation.form[0]
                name = f"{core} {form}" if organisation.form_first else f"{form} {core}"
        elif transform == "typo":
            name = _typo(rng, name)
        elif transform == "order":
            words = name.split()
            if len(words) >= 2:
                a, b = rng.sample(range(len(words)), 2)
                words[a], words[b] = words[b], words[a]
                name = " ".join(words)
        else:
            name = name.upper() if rng.random() < 0.5 else name.lower()
    return name


def website_variant(rng: random.Random, organisation: Organisation) -> str:
    if not organisation.website or rng.random() < 0.25:
        return ""
    domain = organisation.website
    if rng.random() < 0.15:
        domain = domain.split(".")[0] + ".org"
    prefix = rng.choice(["", "www.", "https://", "https://www.", "http://www."])
    suffix = rng.choice(["", "", "/", "/about", "/en/"])
    return f"{prefix}{domain}{suffix}"


def registration_variant(rng: random.Random, organisation: Organisation) -> str:
    number = organisation.registration
    if not number or rng.random() < 0.6:
        return ""
    return rng.choice([number, f"{number[:6]}-{number[6:]}", f"{number[:3]} {number[3:]}"])


def make_nominations(
    rng: random.Random, organisations: list[Organisation], count: int
) -> list[dict]:
    """`count` nominations: every organisation once, the rest spread as real calls spread
    them (most once, some several times)."""
    chosen = list(organisations)
    popular = rng.sample(organisations, max(1, len(organisations) // 30))
    while len(chosen) < count:
        chosen.append(rng.choice(popular if rng.random() < 0.3 else organisations))
    rng.shuffle(chosen)
    nominations = []
    for key, organisation in enumerate(chosen):
        nomination = {
            "key": key,
            "organisation": organisation.number,
            "name": name_variant(rng, organisation),
            "country": organisation.country,
            "city": organisation.city,
            "website": website_variant(rng, organisation),
            "registration": registration_variant(rng, organisation),
        }
        organisation.nominations.append(nomination)
        nominations.append(nomination)
    return nominations
