"""Words that recur in the names of child-protection organisations, across Europe's languages.

A name written in English by one nominator and in Swedish by another ("Rädda Barnen", "Save the
Children") is the same organisation; matching compares such words as one concept. The words are
written as `matching.ascii_lower` leaves them (transliterated, lower case); add a language by
adding its words to a concept. A word in two concepts would join unrelated names: each word
appears once.
"""

# fmt: off
CONCEPTS: dict[str, list[str]] = {
    "child": [
        "child", "children", "kids", "barn", "barnen", "barns", "born", "bornen", "lapset",
        "lasten", "kinder", "kind", "enfant", "enfants", "ninos", "nino", "infantil", "bambini",
        "bambino", "criancas", "crianca", "dzieci", "dziecko", "kinderen", "djeca", "djece",
        "deti", "detem", "copii", "copiii", "copil", "paidia", "paidiou", "diti", "deca", "dece",
        "gyermek", "gyerekek", "vaikai", "berni", "lapsed", "otroci", "femijet"
    ],
    "childhood": [
        "childhood", "barndom", "kindheit", "enfance", "infancia", "infanzia", "dziecinstwo",
        "jeugd", "djetinjstvo", "detstvi", "copilarie", "lapsuus"
    ],
    "youth": [
        "youth", "young", "unga", "ungdom", "ungdomar", "jugend", "jeunesse", "jeunes",
        "juventud", "jovenes", "giovani", "gioventu", "juventude", "mlodzi", "mlodziez",
        "jongeren", "nuoret", "mladi", "mladez", "tinerii", "tineri", "neolaia", "molod"
    ],
    "safe": [
        "safe", "safer", "safety", "secure", "trygga", "trygg", "trygghet", "sichere", "sicher",
        "sicherheit", "sure", "surs", "segura", "seguro", "seguridad", "sicura", "sicuro",
        "bezpieczne", "bezpieczni", "bezpieczenstwo", "veilige", "veilig", "turvallinen", "turva",
        "sigurna", "sigurni", "bezpecne", "bezpecni", "sigura", "asfali", "asfaleia", "bezpechni",
        "bezbedni"
    ],
    "protection": [
        "protection", "protect", "protecting", "skydd", "skydda", "schutz", "proteccion",
        "tutela", "protezione", "protecao", "ochrona", "bescherming", "suoja", "zastita",
        "protectia", "prostasia", "zakhyst", "zashtita"
    ],
    "save": [
        "save", "rescue", "radda", "redd", "redde", "rettet", "retten", "sauver", "salvar",
        "salvate", "salvati", "ratujmy"
    ],
    "network": [
        "network", "net", "natet", "natverk", "netz", "netzwerk", "reseau", "red", "rete", "rede",
        "siec", "netwerk", "verkko", "mreza", "sit", "reteaua", "diktyo", "merezha"
    ],
    "helpline": [
        "helpline", "hotline", "line", "jouren", "jour", "telefon", "telefono", "lijn", "linja",
        "linija", "linka", "linia", "grammi", "liniia"
    ],
    "light": [
        "light", "ljus", "licht", "lumiere", "luz", "luce", "swiatlo", "valo", "svjetlo",
        "svetlo", "lumina", "fos", "svitlo"
    ],
    "voice": [
        "voice", "voices", "rost", "roster", "stimme", "voix", "voz", "voce", "glos", "stem",
        "aani", "glas", "hlas", "vocea", "foni", "holos"
    ],
    "future": [
        "future", "framtid", "zukunft", "avenir", "futuro", "przyszlosc", "toekomst",
        "tulevaisuus", "buducnost", "budoucnost", "viitorul", "mellon", "maibutnie"
    ],
    "hope": [
        "hope", "hopp", "hoffnung", "espoir", "esperanza", "speranza", "esperanca", "nadzieja",
        "hoop", "toivo", "nada", "nadeje", "speranta", "elpida", "nadiia"
    ],
    "bridge": [
        "bridge", "bro", "brucke", "pont", "puente", "ponte", "most", "brug", "silta", "podul",
        "gefyra", "mist"
    ],
    "guardian": [
        "guardian", "guardians", "guard", "watch", "vakt", "vaktare", "wachter", "veille",
        "gardiens", "guardianes", "custodi", "guardioes", "straznicy", "wachters", "vartijat",
        "cuvari", "strazci", "gardienii", "fylakes", "vartovi"
    ],
    "digital": [
        "digital", "digitala", "digitale", "numerique", "cyfrowe", "digitaalinen", "digitalna",
        "digitalni", "psifiako", "tsyfrovi", "online"
    ],
    "rights": [
        "rights", "ratt", "rattigheter", "rechte", "droits", "derechos", "diritti", "direitos",
        "prawa", "rechten", "oikeudet", "prava", "drepturile", "dikaiomata"
    ],
    "home": [
        "home", "hem", "hemmet", "zuhause", "heim", "foyer", "hogar", "casa", "lar", "dom",
        "thuis", "koti", "domov", "spiti", "dim"
    ],
    "help": [
        "help", "hjalp", "hilfe", "aide", "ayuda", "aiuto", "ajuda", "pomoc", "hulp", "apu",
        "ajutor", "voitheia", "dopomoha"
    ],
    "support": [
        "support", "stod", "halt", "soutien", "apoyo", "sostegno", "apoio", "wsparcie", "steun",
        "tuki", "podrska", "podpora", "sprijin", "ypostirixi", "pidtrymka"
    ],
    "refuge": [
        "refuge", "sanctuary", "shelter", "fristad", "zuflucht", "refugio", "rifugio",
        "schronienie", "toevlucht", "turvapaikka", "utociste", "adapost", "katafygio", "prytulok",
        "zhytlo"
    ],
    "shield": [
        "shield", "varn", "schild", "bouclier", "escudo", "scudo", "tarcza", "kilpi", "stit",
        "scut", "aspida", "shchyt"
    ],
    "sun": [
        "sun", "sol", "sonne", "soleil", "sole", "slonce", "zon", "aurinko", "sunce", "slunce",
        "soare", "ilios", "sontse"
    ],
    "path": [
        "path", "paths", "way", "ways", "vag", "vagar", "wege", "weg", "chemins", "chemin",
        "caminos", "camino", "sentieri", "sentiero", "caminhos", "sciezki", "paden", "pad",
        "polku", "staze", "cesty", "cai", "monopatia", "shliakh"
    ],
    "north": [
        "north", "northern", "norra", "norr", "nord", "norden", "nordic", "pohjoinen", "sjever",
        "sever", "nordul", "voreia", "pivnich"
    ],
    "listening": [
        "listening", "listen", "lyssna", "ecoute", "escucha", "ascolto", "escuta", "sluchanie",
        "luisteren", "kuuntelu", "slusanje", "ascultare", "akroasi"
    ],
    "against": [
        "against", "mot", "gegen", "contre", "contra", "contro", "przeciw", "tegen", "vastaan",
        "protiv", "proti", "impotriva", "kata", "proty"
    ],
    "exploitation": [
        "exploitation", "exploatering", "ausbeutung", "explotacion", "sfruttamento", "exploracao",
        "wyzysk", "uitbuiting", "hyvaksikaytto", "iskoristavanje", "exploatare", "ekmetallefsi"
    ],
    "trafficking": [
        "trafficking", "traffic", "manniskohandel", "menschenhandel", "traite", "trata", "tratta",
        "trafic", "handel", "mensenhandel", "ihmiskauppa", "trgovina", "obchod", "emporia"
    ],
    "abuse": [
        "abuse", "overgrepp", "missbrauch", "maltraitance", "abuso", "abusi", "przemoc",
        "misbruik", "hyvaksikaytto", "zlostavljanje", "zneuzivani", "abuz", "kakopoiisi"
    ],
    "union": [
        "union", "society", "forbund", "bund", "unione", "uniao", "zwiazek", "bond", "liitto",
        "savez", "svaz", "uniunea", "enosi", "spilka"
    ],
}

# Legal forms and generic kinds of organisation, after normalisation (ASCII, lower case,
# punctuation as spaces). Several words are matched as a sequence: "sp z o o".
LEGAL_FORMS = [
    "e v", "ev", "gmbh", "ggmbh", "gug", "ug", "verein", "stiftung", "gemeinnutzige",
    "gemeinnutziger", "gemeinnutziges", "ab", "stiftelse", "stiftelsen", "ideell forening",
    "ideella foreningen", "forening", "foreningen", "forbund", "forbundet", "fonden", "fond",
    "ry", "r y", "saatio", "yhdistys", "oy", "as", "asa", "aps", "s a", "sa", "s l", "sl",
    "srl", "s r l", "fondation", "fundacion", "fundacao", "fondazione", "fundatia",
    "association", "asociacion", "associacao", "associazione", "asociatia", "asbl", "aisbl",
    "onlus", "odv", "ets", "ong", "sp z o o", "spzoo", "fundacja", "stowarzyszenie", "nadace",
    "nadacia", "nadacija", "spolek", "z s", "zs", "o p s", "ops", "s r o", "sro", "alapitvany",
    "egyesulet", "kft", "udruga", "udruzenje", "drustvo", "zaklada", "fondacija", "fundacija",
    "d o o", "doo", "zdruzenie", "zdruzenje", "sdruzhenie", "fondatsiya", "asotsiatsiya",
    "blagodiinii fond", "blahodiinyi fond", "asotsiatsiia", "spilka", "hromadska orhanizatsiia",
    "gromadska organizatsiia", "udruzhenie", "udruzhenje", "fondatsiia", "idryma", "syllogos",
    "somateio", "enosi", "stichting", "vereniging", "vzw", "bv", "nv", "foundation", "trust",
    "charity", "ltd", "limited", "cic", "inc", "plc", "llc", "ngo", "npo", "cio"
]

# Words that carry no identity: dropped before comparing names.
FILLER_WORDS = {
    "a", "an", "and", "da", "das", "de", "del", "der", "di", "die", "dla", "do", "dos", "e",
    "el", "en", "et", "for", "fur", "i", "ja", "la", "las", "le", "les", "los", "na", "och",
    "of", "og", "per", "pro", "the", "und", "van", "von", "y", "za"
}

# Domains where many organisations have a page: the first path segment is the identity.
SHARED_HOSTS = {
    "blogspot.com", "facebook.com", "github.io", "google.com", "instagram.com", "linkedin.com",
    "linktr.ee", "medium.com", "sites.google.com", "substack.com", "tiktok.com", "twitter.com",
    "weebly.com", "wixsite.com", "wordpress.com", "x.com", "youtube.com"
}

# Second-level endings under a country code: "org.uk" is an ending, "savechild.org.uk" a domain.
COMPOUND_ENDINGS = {
    "ac.uk", "co.at", "co.hu", "co.il", "co.me", "co.rs", "co.uk", "com.al", "com.am", "com.ba",
    "com.bg", "com.cy", "com.ee", "com.es", "com.ge", "com.gr", "com.hr", "com.lv", "com.md",
    "com.mk", "com.mt", "com.pl", "com.pt", "com.ro", "com.sm", "com.tr", "com.ua", "gov.uk",
    "in.ua", "ltd.uk", "me.uk", "net.pl", "or.at", "org.al", "org.am", "org.ba", "org.bg",
    "org.cy", "org.cz", "org.ee", "org.es", "org.ge", "org.gr", "org.hu", "org.il", "org.is",
    "org.lu", "org.lv", "org.mc", "org.md", "org.me", "org.mk", "org.mt", "org.pl", "org.pt",
    "org.ro", "org.rs", "org.si", "org.sk", "org.sm", "org.tr", "org.ua", "org.uk"
}
# fmt: on


def concept_of() -> dict[str, str]:
    """word → concept; a word listed twice (a translator's slip) keeps its first concept."""
    table: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            table.setdefault(word, concept)
    return table
