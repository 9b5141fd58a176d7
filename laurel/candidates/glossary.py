"""Words that recur in the names of child-protection organisations, across Europe's languages.

A name written in English by one nominator and in Swedish by another ("Rädda Barnen", "Save the
Children") is the same organisation; matching compares such words as one concept. The words are
written as `matching.ascii_lower` leaves them (anyascii transliteration, lower case, punctuation
as spaces); add a language by adding its words to a concept.

Six tables:
- CONCEPTS: words that carry meaning in a name ("child", "safe", "rights"), one concept across
  languages: "djeca", "dzieci", "paidia", "bavshvebi" are all #child.
- ORG_KINDS: the words an organisation uses for what kind of body it is ("Stowarzyszenie",
  "Udruženje građana", "Σωματείο", "Vakfı"), by kind. Matching treats them as words that may be
  written on one variant only, and as equal across languages within a kind.
- LEGAL_FORMS: legal forms in every spelling (e.V., ry, ETS, Onlus, z.s., vzw, АНО, ΑΜΚΕ …) and
  spelled out; removed before names are compared, so only real legal forms: never a word that can
  be an organisation's distinctive name, nor a kind of body (those are ORG_KINDS).
- FILLER_WORDS: articles, prepositions and conjunctions; dropped.
- PLACES: capitals and large cities of every eligible country, local spelling, English and
  other spellings and transliterations: a city added to one variant of a name.
- COUNTRIES: every eligible country's names and adjectives ("Sverige", "Svenska", "Swedish"):
  a country added to one variant ("ECPAT Sverige"), or a national section of a network.

Languages covered: Albanian, Armenian, Azerbaijani, Bosnian/Croatian/Serbian/Montenegrin (Latin
and Cyrillic), Bulgarian, Catalan, Czech, Danish, Dutch, English, Estonian, Finnish, French,
Georgian, German, Greek, Hungarian, Icelandic, Irish, Italian, Latvian, Lithuanian, Luxembourgish,
Macedonian, Maltese, Norwegian, Polish, Portuguese, Romanian, Russian, Slovak, Slovenian,
Spanish, Swedish, Turkish, Ukrainian. Cyrillic, Greek, Georgian and Armenian words are written
both as anyascii leaves them ("fondatsiya", "syllogoy", "k avshiri") and in the other common
transliterations ("fondaciya", "fundatsiya", "syllogou", "kavshiri"). An entry with a space is a
sequence of words: anyascii turns an apostrophe or a hard sign into a space ("s yuz" for "Съюз").

A word in two places would join unrelated names (or drop a distinctive word): each word appears
once across CONCEPTS and ORG_KINDS, and no legal form or filler word is a concept or kind word
(tests/candidates/test_glossary.py checks it). Known compromises, kept from before: "red" is the
Spanish network (also Danish "save" and the English colour), "stem" the Dutch voice.
"""

# fmt: off
CONCEPTS: dict[str, list[str]] = {
    "child": [
        "child", "children", "kids", "barn", "barnen", "barns", "born", "bornen", "lapset",
        "dytiachi", "dytyachi", "dityachi", "djecje", "djecja", "djecji", "decje", "decji",
        "detski", "detskie", "detskij", "detsky", "gyermekfalu", "childline", "paidika",
        "paidikes", "paidikon",
        "lasten", "kinder", "kind", "enfant", "enfants", "ninos", "nino", "infantil", "bambini",
        "bambino", "criancas", "crianca", "dzieci", "dziecko", "kinderen", "djeca", "djece",
        "deti", "detem", "copii", "copiii", "copil", "paidia", "paidiou", "diti", "deca", "dece",
        "gyermek", "gyerekek", "vaikai", "berni", "lapsed", "otroci", "femijet",
        # more languages and inflections
        "kid", "childrens", "minors", "barnens", "barna", "barnas", "bornene", "bornenes",
        "lapsi", "laste", "laps", "lasteni", "leanai", "leanbh", "kanner", "kand", "kindes",
        "nens", "infants", "minori", "bambine", "menores", "minderjarigen",
        "dziecka", "dzieciom", "ditete", "dite", "detske", "dieta", "dietata", "djeci", "djecu",
        "dijete", "deci", "dete", "deteta", "detsa", "detsata", "deteto", "decata", "otrok",
        "otrokom", "copiilor", "copilul", "gyermekek", "gyermekekert", "gyerek",
        "bernu", "berns", "bernus", "vaiku", "vaikas", "vaikams", "tfal", "cocuk",
        "cocuklar", "cocuklari", "cocuklarin", "cocugu", "usaq", "usaqlar", "usaqlarin",
        "paidi", "paidion", "paidioy", "paidiwn", "ditei", "ditey", "dity", "dytyna", "ditina",
        "detey", "detei", "rebenok", "detyam", "bavshvebi", "bavshvta", "bavshvi",
        "erekhaner", "erekhaneri", "yerekhaner", "yerekhaneri", "femije", "femijeve",
        "femijes", "femijen"
    ],
    "childhood": [
        "childhood", "barndom", "kindheit", "enfance", "infancia", "infanzia", "dziecinstwo",
        "jeugd", "djetinjstvo", "detstvi", "copilarie", "lapsuus",
        "detinjstvo", "detstvo", "ditinstvo", "dytynstvo", "otrostvo", "gyermekkor",
        "lapsepolv", "bernibas", "vaikyste", "cocukluk", "usaqliq", "paidiki", "paidikis",
        "bernska", "tfulija", "femijeria", "bavshvoba", "infantesa", "kindheet", "dziecinstwa",
        "detstva"
    ],
    "youth": [
        "youth", "young", "unga", "ungdom", "ungdomar", "jugend", "jeunesse", "jeunes",
        "juventud", "jovenes", "giovani", "gioventu", "juventude", "mlodzi", "mlodziez",
        "jongeren", "nuoret", "mladi", "mladez", "tinerii", "tineri", "neolaia", "molod",
        "teen", "teens", "teenagers", "adolescents", "adolescentes", "adolescenti", "unge",
        "ungdommen", "noored", "noorte", "nuorten", "nuoriso", "ungmenni", "aeska", "oige",
        "jugendliche", "junge", "giovanile", "juvenil", "jovens", "mlodziezy", "mlodych",
        "mladeze", "mladych", "mladih", "omladina", "omladine", "mladezh", "mladezhta",
        "mladina", "mladinski", "tinerilor", "tineret", "tineretului", "fiatalok", "ifjusag",
        "ifjusagi", "jaunatne", "jauniesi", "jauniesu", "jaunimas", "jaunimo", "zghazagh",
        "genclik", "gencler", "genc", "neoi", "molodi", "molodizh", "molodezh", "molodezhi",
        "molodyozh", "akhalgazrdoba", "akhalgazrdebi", "rinia", "rinise", "rinj", "joventut",
        "joves", "yeritasardutyun", "yeritasardner"
    ],
    "safe": [
        "safe", "safer", "safety", "secure", "trygga", "trygg", "trygghet", "sichere", "sicher",
        "sicherheit", "sure", "surs", "segura", "seguro", "seguridad", "sicura", "sicuro",
        "bezpieczne", "bezpieczni", "bezpieczenstwo", "veilige", "veilig", "turvallinen", "turva",
        "sigurna", "sigurni", "bezpecne", "bezpecni", "sigura", "asfali", "asfaleia", "bezpechni",
        "bezbedni",
        "security", "sicheres", "sicherer", "secher", "tryg", "sikker", "sikkerhed",
        "sikkerhet", "sakra", "sakerhet", "turvaline", "turvalisus", "ohutu", "turvallisuus",
        "turvassa", "oruggt", "oryggi", "orugg", "sabhailte", "veiligheid", "securite",
        "sicurezza", "sicuri", "seguranca", "seguros", "segur", "seguretat", "bezpieczny",
        "bezpieczna", "bezpiecznie", "bezpieczenstwa", "bezpecnost", "bezpecny", "bezpecna",
        "sigurnost", "sigurno", "sigurnosti", "siguran", "bezbedno", "bezbednost", "bezbedna",
        "varno", "varni", "varnost", "bezopasnost", "bezopasen", "bezopasni",
        "siguranta", "sigur", "siguri", "siguria", "sigurt", "biztonsag", "biztonsagos",
        "biztonsagban", "drosi", "drosiba", "drosa", "saugus", "saugumas", "saugi", "saugiai",
        "sikur", "sigurta", "guvenli", "guvenlik", "guvende", "tehlukesiz", "tehlukesizlik",
        "asfalis", "bezpeka", "bezpechnyi", "bezpechniy", "bezpechne", "bezpechnii",
        "bezopasnyi", "bezopasnyy", "bezopasnyj", "usaprtkhoeba", "usafrtkhoeba", "anvtang",
        "anvtangutyun"
    ],
    "protection": [
        "protection", "protect", "protecting", "skydd", "skydda", "schutz", "proteccion",
        "tutela", "protezione", "protecao", "ochrona", "bescherming", "suoja", "zastita",
        "protectia", "prostasia", "zakhyst", "zashtita",
        "safeguarding", "skyddet", "beskyttelse", "vern", "kaitse", "kaitseks",
        "suojelu", "suojelun", "vernd", "cosaint", "beschermen", "proteger", "proteccio",
        "proteccao", "ochrony", "ochronie", "ochrana", "ochrany", "ochranu", "zastite",
        "zastitu", "zashchita", "zashchity", "zascita", "varstvo", "protectie", "protectiei",
        "vedelem", "vedelme", "aizsardziba", "apsauga", "apsaugos", "protezzjoni", "koruma",
        "korunmasi", "prostasias", "zakhist", "zakhystu", "zakhistu", "datsva", "dacva",
        "mudafie", "mudafiesi", "mbrojtje", "mbrojtja", "mbrojtjen", "mbrojtjes",
        "pashtpanutyun", "pashtpanutyan"
    ],
    "save": [
        "save", "rescue", "radda", "redd", "redde", "rettet", "retten", "sauver", "salvar",
        "salvate", "salvati", "ratujmy",
        "salvem", "pelastakaa", "pelasta", "mentsuk", "salvemos", "salvarea", "ratuj",
        "ratunek", "ratunku", "zachrante", "zachrana", "spasimo", "spasite", "resimo", "resite",
        "spasete", "gelbekit", "gelbekime", "glabiet", "paastke", "kurtar", "soste", "sosate",
        "vriatuimo", "poryatunok", "poriatunok", "spasem", "spasenie", "shpetoni", "shpetim"
    ],
    "network": [
        "network", "net", "natet", "natverk", "netz", "netzwerk", "reseau", "red", "rete", "rede",
        "siec", "netwerk", "verkko", "mreza", "sit", "reteaua", "diktyo", "merezha",
        "networks", "rrjeti", "rrjet", "xarxa", "tsants", "sebeke", "sebekesi", "netvaerk",
        "netvaerket", "nettverk", "nettverket", "vorgustik", "vorgustiku",
        "verkosto", "verkoston", "netid", "lionra", "reseaux", "sieci", "siet", "siete",
        "mreze", "mrezha", "mrezhata", "retea", "retelei", "halozat", "halozata", "tikls",
        "tikla", "tinklas", "tinklo", "merezhi", "kseli", "diktyou", "diktyoy"
    ],
    "helpline": [
        "helpline", "hotline", "line", "jouren", "jour", "telefon", "telefono", "lijn", "linja",
        "linija", "linka", "linia", "grammi", "liniia",
        "helplines", "telefonul", "vonal", "segelyvonal", "linky", "linie", "talrunis",
        "telefonas", "hatti", "grammis", "liniya", "telephone", "phone"
    ],
    "light": [
        "light", "ljus", "licht", "lumiere", "luz", "luce", "swiatlo", "valo", "svjetlo",
        "svetlo", "lumina", "fos", "svitlo",
        "lys", "valgus", "gaisma", "sviesa", "feny", "isik", "drita", "dawl", "solas", "llum",
        "svetlina", "svitla", "luys", "sinatle"
    ],
    "voice": [
        "voice", "voices", "rost", "roster", "stimme", "voix", "voz", "voce", "glos", "stem",
        "aani", "glas", "hlas", "vocea", "foni", "holos",
        "stimmen", "stemme", "balss", "balsas", "zeri",
        "guth", "veu", "golos", "glasa", "glasot", "hlasy", "glosy", "voci", "voces",
        "vozes", "dzayn", "khma"
    ],
    "future": [
        "future", "framtid", "zukunft", "avenir", "futuro", "przyszlosc", "toekomst",
        "tulevaisuus", "buducnost", "budoucnost", "viitorul", "mellon", "maibutnie",
        "framtiden", "fremtid", "tulevik", "nakotne", "ateitis", "jovo", "gelecek",
        "ardhmeri", "ardhmja", "futur", "viitor", "budushchee", "budeshte", "badeshte",
        "b deshche", "maybutnie", "prihodnost", "buduce", "buducnosti", "apaga", "momavali",

    ],
    "hope": [
        "hope", "hopp", "hoffnung", "espoir", "esperanza", "speranza", "esperanca", "nadzieja",
        "hoop", "toivo", "nada", "nadeje", "speranta", "elpida", "nadiia",
        "nadziei", "nadej", "nadezhda", "nadiya", "nadezh", "upanje", "remeny", "ceriba",
        "viltis", "lootus", "umut", "umudu", "umid", "shprese", "shpresa", "dochas", "hab",
        "hap", "tama", "imedi", "huys", "howys", "esperances"
    ],
    "bridge": [
        "bridge", "bro", "brucke", "pont", "puente", "ponte", "most", "brug", "silta", "podul",
        "gefyra", "mist",
        "bridges", "bron", "broen", "sild", "tilts", "tiltas", "kopru", "ura",
        "mostovi", "mostu", "hid", "droichead"
    ],
    "guardian": [
        "guardian", "guardians", "guard", "watch", "vakt", "vaktare", "wachter", "veille",
        "gardiens", "guardianes", "custodi", "guardioes", "straznicy", "wachters", "vartijat",
        "cuvari", "strazci", "gardienii", "fylakes", "vartovi",
        "gardien", "guardiano", "straznik", "cuvar", "varuh", "varuhi", "pazitel", "pazitelite",
        "sargs", "sargi", "sargas", "koruyucular", "rojet", "mtsveli"
    ],
    "digital": [
        "digital", "digitala", "digitale", "numerique", "cyfrowe", "digitaalinen", "digitalna",
        "digitalni", "psifiako", "tsyfrovi", "online",
        "digitalt", "digitaalne", "digitali", "digitalais", "skaitmeninis", "dijital",
        "digjital", "cyfrowy", "cyfrowa", "digitalne", "tsifrovoy", "tsifrovi", "tsyfrovyi",
        "tsifrovyi", "psifiaki"
    ],
    "internet": [
        "internet", "internetu", "interneti", "internete", "interneta", "internetta",
        "interneto", "internetowe", "internetowy", "diadiktyo", "diadiktyoy", "diadiktyou",
        "cyber", "cyberspace", "kiber", "web", "worldwideweb"
    ],
    "rights": [
        "rights", "ratt", "rattigheter", "rechte", "droits", "derechos", "diritti", "direitos",
        "prawa", "rechten", "oikeudet", "prava", "drepturile", "dikaiomata",
        "right", "rattighet", "rettigheder", "rettigheter", "oigused", "oikeuksien",
        "rettindi", "cearta", "jogok", "jogai", "tiesibas", "tiesibu", "teises", "teisiu",
        "drittijiet", "haklari", "haklar", "huquqlari", "huquq", "dikaiomaton", "pravata",
        "prav", "praw", "drepturi", "drepturilor", "pravice", "pravic", "drejtat", "drejtave",
        "drets", "iravunk", "iravunkner", "uplebebi", "uplebata", "kinderrechte", "droit",
        "diritto", "derecho", "direito"
    ],
    "home": [
        "home", "hem", "hemmet", "zuhause", "heim", "foyer", "hogar", "casa", "lar", "dom",
        "thuis", "koti", "domov", "spiti",
        "dim", "shtepi", "shtepia", "llar", "hjem", "hjemmet", "heimili", "kodu",
        "majas", "namai", "otthon", "acasa", "caminul", "yuva", "doma", "domu", "domy",
        "stegi", "sakhli"
    ],
    "help": [
        "help", "hjalp", "hilfe", "aide", "ayuda", "aiuto", "ajuda", "pomoc", "hulp", "apu",
        "ajutor", "voitheia", "dopomoha",
        "helping", "ndihme", "ndihma", "yardim", "komek", "hjaelp", "hjelp", "abi", "cabhair",
        "hellef", "segitseg", "segito", "palidziba", "pagalba", "pagalbos", "ghajnuna",
        "pomoshch", "pomosht", "pomosh", "dopomoga", "pomoci", "ajutorul", "dakhmareba",
        "ognutyun",
    ],
    "support": [
        "support", "stod", "halt", "soutien", "apoyo", "sostegno", "apoio", "wsparcie", "steun",
        "tuki", "podrska", "podpora", "sprijin", "ypostirixi", "pidtrymka",
        "mbeshtetje", "suport", "destek", "stotte", "tugi", "studningur", "tacaiocht",
        "tamogatas", "atbalsts", "parama", "appogg", "stirixi", "podkrepa", "podderzhka",
        "pidtrimka", "poddrska", "unterstutzung", "ondersteuning", "wsparcia"
    ],
    "refuge": [
        "refuge", "sanctuary", "shelter", "fristad", "zuflucht", "refugio", "rifugio",
        "schronienie", "toevlucht", "turvapaikka", "utociste", "adapost", "katafygio", "prytulok",
        "zhytlo",
        "shelters", "asile", "asilo", "azyl", "skloniste", "sklonishte",
        "pritulok", "ubezhishche", "menedek", "patverums", "prieglauda",
        "varjupaik", "siginak", "strehe", "strehimore", "thavshesapari"
    ],
    "shield": [
        "shield", "varn", "schild", "bouclier", "escudo", "scudo", "tarcza", "kilpi", "stit",
        "scut", "aspida", "shchyt",
        "shchit", "skjold", "skold", "vairogs", "skydas", "kalkan", "pajzs",
        "mburoja", "sciath", "shchyta"
    ],
    "sun": [
        "sun", "sol", "sonne", "soleil", "sole", "slonce", "zon", "aurinko", "sunce", "slunce",
        "soare", "ilios", "sontse",
        "sunshine", "solen", "solskin", "paike", "saule", "gunes", "dielli", "xemx",
        "grian", "sonce", "slance", "solntse", "slnko", "sonechko", "mze", "arev"
    ],
    "path": [
        "path", "paths", "way", "ways", "vag", "vagar", "wege", "weg", "chemins", "chemin",
        "caminos", "camino", "sentieri", "sentiero", "caminhos", "sciezki", "paden", "pad",
        "polku", "staze", "cesty", "cai", "monopatia", "shliakh",
        "road", "roads", "vej", "vei", "cels", "kelias", "yol", "cami",
        "cesta", "sciezka", "droga", "put", "calea",
        "shlyakh", "gza", "chanaparh"
    ],
    "north": [
        "north", "northern", "norra", "norr", "nord", "norden", "nordic", "pohjoinen", "sjever",
        "sever", "nordul", "voreia", "pivnich",
        "nordisk", "nordiska", "pohjola", "pohjoismainen", "ziemelu", "siaure",
        "kuzey", "veri", "tuaisceart", "sjeverna", "severna", "polnoc", "pivnichnyi",
        "severnyy", "jyrakh", "chrdilo"
    ],
    "listening": [
        "listening", "listen", "lyssna", "ecoute", "escucha", "ascolto", "escuta", "sluchanie",
        "luisteren", "kuuntelu", "slusanje", "ascultare", "akroasi",
        "zuhoren", "lytte", "lytt", "kuulamine", "klausytis", "dinleme", "degjim",
        "poslusanje", "vysluchat", "naslouchani", "meghallgatas", "klausities",
        "eisteacht", "escolta",
    ],
    "against": [
        "against", "mot", "gegen", "contre", "contra", "contro", "przeciw", "tegen", "vastaan",
        "protiv", "proti", "impotriva", "kata", "proty",
        "mod", "vastu", "pret", "pries", "karsi", "kunder", "kontra", "sreshtu",
        "protyv", "przeciwko", "ellen", "nasproti",
    ],
    "exploitation": [
        "exploitation", "exploatering", "ausbeutung", "explotacion", "sfruttamento", "exploracao",
        "wyzysk", "uitbuiting", "iskoristavanje", "exploatare", "ekmetallefsi",
        "riisto", "izrabljivanje", "eksploatacija", "eksploatacije", "eksploatatsiya",
        "ekspluatatsiya", "ekspluatatsii", "ekspluatatsiia", "izkoriscanje", "izkoriscanja",
        "kizsakmanyolas", "ekspluatacija", "isnaudojimas", "somuru", "ekmetalleysi",
        "ekmetalleusi", "shfrytezim", "shfrytezimi", "sfruttament", "udnyttelse",
        "utnyttelse", "utnyttjande", "exploatarea", "exploatarii", "dushaothru",
        "vykoristovani", "vykoristovanie", "explotacio", "exploitatie"
    ],
    "trafficking": [
        "trafficking", "traffic", "manniskohandel", "menschenhandel", "traite", "trata", "tratta",
        "trafic", "handel", "mensenhandel", "ihmiskauppa", "trgovina", "obchod", "emporia",
        "trafficked", "trgovanje", "trgovine", "trgovanja", "trafik", "torgovlya", "torgovli",
        "torhivlia", "torgivlya", "torhivli", "handlu", "obchodu", "obchodovanie",
        "obchodovaniu", "obchodovani", "emberkereskedelem", "cilvektirdznieciba", "prekyba",
        "prekybos", "traficul", "traficului", "emporias", "ticareti", "ticaret", "trafikimi",
        "trafikim", "trafikimit", "traffikar", "inimkaubandus", "menneskehandel", "mansal",
        "trafico", "trafego", "alveri", "trefikingi", "trafiking"
    ],
    "abuse": [
        "abuse", "overgrepp", "missbrauch", "maltraitance", "abuso", "abusi",
        "misbruik", "hyvaksikaytto", "zlostavljanje", "zneuzivani", "abuz", "kakopoiisi",
        "abuses", "overgreb", "overgrep", "vaarkohtlemine", "abus", "maltrattamento",
        "maltrato", "maltractament", "abuzul", "abuzului", "krzywdzenie", "krzywdzeniu",
        "wykorzystywanie", "wykorzystywania", "tyrani", "zneuzivanie", "tyranie",
        "zlostavljanja", "zlostavljanju", "zlouporaba", "zloupotreba", "zloraba", "zlorabe",
        "trpincenje", "bantalmazas", "istismar", "istismari", "istismarina", "kakopoiisis",
        "abuzim", "abuzimi", "abuzimit", "abbuz", "misnotkun", "misshandel", "mishandeling",
        "zhestokoe", "zhorstoke", "brnutyun"
    ],
    # New concepts that recur in this field's names.
    "violence": [
        "violence", "violencia", "violenza", "violenta", "violentei", "przemoc", "przemocy",
        "nasili", "nasilie", "nasilja", "nasilje", "nasilju", "nasiliya", "nasiliyu",
        "nasilstvo", "nasil stvo", "nasylstvo", "nasylstva", "nasilstva", "eroszak",
        "gewalt", "geweld", "vold", "vald", "valdet", "volden", "vakivalta", "vakivallan",
        "vagivald", "vagivalla", "vardarbiba", "vardarbibas", "smurtas", "smurto",
        "prievarta", "vjolenza", "siddet", "siddete", "zoraki", "zorakiliq", "dhuna", "dhunes",
        "dhunen", "ofbeldi", "foreigean", "dzaladoba", "violences", "violencies"
    ],
    "victims": [
        "victims", "victim", "opfer", "slachtoffers", "slachtoffer", "victimes", "victime",
        "victimas", "vitimas", "vittime", "victimelor", "ofiary", "ofiar", "ofiarom", "obeti",
        "obete", "zrtve", "zrtava", "zrtvama", "zhertvi", "zhertvy", "zhertv", "zhrtvi",
        "aldozatok", "aldozatai", "aldozat", "ofre", "ofer", "offer", "brottsoffer", "uhrit",
        "uhrien", "ohvrid", "ohvrite", "upuri", "upuriem", "aukos", "auku", "vittmi",
        "magdur", "magdurlar", "magdurlari", "thymata", "thymaton", "viktima", "viktimat",
        "tholendur", "survivors", "survivor", "overlevende", "preziveli", "prezivjeli"
    ],
    "missing": [
        "missing", "vermisst", "vermisste", "vermissten", "vermist", "vermiste", "disparus",
        "disparues", "desaparecidos", "desaparecidas", "scomparsi", "disparuti", "zaginieni",
        "zaginionych", "pohresovane", "pohresovanych", "nezvestne", "nestali", "nestalih",
        "nestalu", "nestala", "pogresani", "pogresanih", "izcheznali", "propavshie",
        "propavshikh", "znykli", "znikli", "zniklykh", "zniklikh", "eltunt", "eltuntek",
        "forsvundne", "forsvunne", "forsvunna", "kadonneet", "kadunud", "pazudusie",
        "pazudusi", "dinge", "kayip", "agnooumenoi", "agnooymenoi", "agnooymena", "zhdukur",
        "zhdukura", "desapareguts"
    ],
    "family": [
        "family", "families", "familie", "familien", "famille", "familles", "familia",
        "familias", "famiglia", "famiglie", "rodzina", "rodziny", "rodzin", "rodina", "rodiny",
        "obitelj", "obitelji", "porodica", "porodice", "semeystvo", "semeistvo", "semejstvo",
        "semeynaya", "druzina", "druzine", "sem ya", "semya", "sim ya", "simia",
        "simya", "simi", "csalad", "csaladok", "csaladi", "familiei", "familj", "familjer",
        "familjen", "perhe", "perheet", "perheiden", "pere", "perede", "perekond", "gimene",
        "gimenes", "seima", "seimos", "seimu", "familja", "familji", "aile", "ailesi",
        "aileler", "oikogeneia", "oikogeneies", "oikogeneias", "familje", "fjolskylda",
        "fjolskyldur", "teaghlach", "yntanik", "entanik", "ojakhi", "parents", "eltern",
        "ouders", "genitori", "padres", "rodzice", "roditelji"
    ],
    "women": [
        "women", "woman", "frauen", "frau", "vrouwen", "vrouw", "femmes", "femme", "mujeres",
        "mujer", "donne", "donna", "mulheres", "mulher", "dones", "femei", "femeilor",
        "kobiety", "kobiet", "zeny", "zien", "zena", "zene", "zenama", "zenske", "zensk",
        "zheni", "zhenshchiny", "zhenshchin", "zhinky", "zhinki", "zhinok", "nok", "sievietes",
        "sieviesu", "moterys", "moteru", "naised", "naiste", "naiset", "naisten", "kvinnor",
        "kvinnors", "kvinder", "kvinner", "konur", "kvenna", "kadin", "kadinlar",
        "kadinlari", "qadin", "qadinlar", "gynaikes", "gynaikon", "gruaja", "grate", "nisa",
        "kanants", "kanayk", "kalebi", "kalta", "mothers", "mutter", "mamas"
    ],
    "girls": [
        "girls", "girl", "madchen", "meisjes", "filles", "ninas", "ragazze", "meninas",
        "nenes", "fete", "fetelor", "dziewczeta", "dziewczynki", "divky", "dievcata",
        "djevojke", "devojke", "devojcice", "djevojcice", "dekleta", "momicheta", "devojki",
        "devochki", "divchata", "lanyok", "meitenes", "mergaites", "tudrukud", "tytot",
        "flickor", "piger", "jenter", "stulkur", "kizlar", "koritsia", "vajzat", "vajza",
        "tfajliet", "cailini", "qizlar", "gogonebi", "aghjikner"
    ],
    "human": [
        "human", "humans", "people", "mensch", "menschen", "mens", "mensen", "humain",
        "humains", "humaine", "personnes", "humano", "humanos", "personas", "umano", "umani",
        "persone", "pessoas", "persones", "oameni", "uman", "ludzie", "czlowiek", "czlowieka",
        "lide", "lidi", "clovek", "ludia", "cloveka", "ljudi", "ljudje", "covjek", "covek",
        "khora", "lyudi", "lyudina", "liudyna", "lyudey", "emberi", "emberek", "cilveki",
        "cilveka", "zmones", "zmogaus", "inimesed", "inimese", "ihmiset", "ihmisen",
        "manniskor", "manniska", "manniskan", "mennesker", "menneske", "insan", "insanlar",
        "anthropos", "anthropoi", "anthropina", "njerez", "njeriu", "njerezit", "bniedem",
        "nies", "daoine", "adamiani", "mardkayin", "humanitarian", "humanitaire"
    ],
    "freedom": [
        "freedom", "liberty", "free", "freiheit", "frei", "vrijheid", "vrij", "liberte",
        "libre", "libertad", "liberta", "liberi", "liberdade", "livre", "llibertat",
        "libertate", "wolnosc", "wolni", "svoboda", "sloboda", "slobodni", "svobodni",
        "szabadsag", "szabad", "brivi", "briviba", "laisve", "laisvi", "vabadus", "vapaus",
        "vapaa", "frihet", "fri", "frihed", "frelsi", "ozgurluk", "ozgur", "eleftheria",
        "eleytheria", "eleftheroi", "liria", "lire", "saoirse", "azadliq", "azatutyun",
        "tavisupleba", "svobody", "slobode", "svobodu"
    ],
    "dignity": [
        "dignity", "wurde", "wuerde", "dignite", "dignidad", "dignita", "dignidade",
        "dignitat", "demnitate", "godnosc", "dustojnost", "dostojnost", "dostoinstvo",
        "dostoynstvo", "hidnist", "gidnist", "meltosag", "ciena", "orumas", "vaarikus",
        "ihmisarvo", "vardighet", "vaerdighed", "verdighet", "reisn", "haysiyet",
        "axiopreneia", "axioprepeia", "dinjitet", "dinjita", "ghirseba"
    ],
    "smile": [
        "smile", "smiles", "lacheln", "glimlach", "sourire", "sonrisa", "sorriso", "somriure",
        "zambet", "zambetul", "usmiech", "usmev", "osmijeh", "osmeh", "nasmeh", "usmivka",
        "nasmevka", "ulybka", "usmishka", "usmiskha", "mosoly", "smaids", "sypsena",
        "naeratus", "hymy", "leende", "smil", "bros", "gulumseme", "chamogelo", "hamogelo",
        "xamogelo", "buzeqeshje", "buzeqeshja", "tbissima", "gaire", "zhpit", "ghimili",
        "tebessum", "usmevu", "osmijehu", "usmiechu"
    ],
    # SOS Children's Villages' national names: "Kinderdorf", "selo", "wioski", "vesničky".
    "village": [
        "village", "villages", "villaggi", "villaggio", "aldeas", "aldea", "aldeias", "aldeia",
        "dorf", "dorfer", "doerfer", "dorpen", "dorp", "byer", "barnbyar", "barnebyer", "byar",
        "kyla", "kylat", "kula", "kulad", "selo", "sela", "sel", "selishta", "selista",
        "vesnicky", "vesnice", "dedinky", "dedinka", "wioski", "wioska", "falu", "falvak",
        "falva", "kaimai", "kaimas", "ciemati", "ciematu", "ciemats", "mistechka", "mistechko",
        "mistechok", "choria", "horia", "chorio", "horio", "fshatrat", "fshati", "koyleri",
        "koyu", "soplebi", "sopeli", "gyugh", "gyughakner", "satele", "satul", "sate",
    ],
    "street": [
        "street", "streets", "strasse", "strassen", "straat", "rue", "calle",
        "rua", "carrer", "ulica", "ulice", "ulitsa", "vulytsia", "vulitsya", "ulitsy", "utca",
        "iela", "gatve", "tanav", "katu", "gata", "gatan", "gade", "gaden", "sokak",
        "sokakta", "dromos", "rruga", "rruget", "triq", "sraid", "strazi",
        "ulicy", "ulici", "ulicama",
    ],
    "together": [
        "together", "zusammen", "gemeinsam", "samen", "ensemble", "juntos", "juntas",
        "insieme", "junts", "impreuna", "razem", "wspolnie", "spolu", "zajedno", "skupaj",
        "zaedno", "vmeste", "razom", "egyutt", "kopa", "kartu", "koos", "yhdessa",
        "tillsammans", "sammen", "saman", "birlikte", "mazi", "bashku", "flimkien", "cheile",
        "birlikde", "ertad", "miasin"
    ],
    "prevention": [
        "prevention", "pravention", "praevention", "preventie", "prevencion", "prevenzione",
        "prevencao", "prevencio", "prevenirea", "profilaktyka", "prewencja", "prevence",
        "prevencia", "prevencija", "preventsiya", "profilaktika", "preduprezhdenie",
        "zapobihannia", "zapobigannya", "megelozes", "ennetus", "ennetamine", "ehkaisy",
        "ennaltaehkaisy", "forebyggande", "forebyggelse", "forebygging", "forvarnir",
        "onleme", "onlenmesi", "prolipsi", "prolepsi", "parandalim", "parandalimi",
        "prevenzjoni", "cosc", "prevent", "preventing", "vorbeugung", "zapobieganie",
        "prevenire", "prevenir", "prevenciji"
    ],
    "crisis": [
        "crisis", "krise", "crise", "crisi", "criza", "crizei", "kryzys", "kryzysowe",
        "krize", "kriza", "kriz", "krizis", "kryza", "kryzovyi", "valsag", "kriis", "kriisi",
        "kris", "krisen", "krisi", "krizi", "krizni", "krizovy", "krisis", "krizisnyy",
        "krizovyi"
    ],
}
# fmt: on

# What kind of body an organisation says it is, by kind, in every eligible country's languages,
# with the inflections that occur in names (genitives: "fundacji", "udruzenja", "syllogou").
# fmt: off
ORG_KINDS: dict[str, list[str]] = {
    "association": [
        "association", "associations", "assoc", "asociacion", "asociaciones", "associacao",
        "associacoes", "associazione", "associazioni", "associacio", "associacions",
        "asociatia", "asociatiei", "asociatie", "asociatiilor", "asociace", "asociacia",
        "asociacie", "asociacija", "asociacijos", "asociacije", "asocijacija", "asotsiatsiya",
        "asotsiatsiia", "asotsiatsia", "asociaciya", "assotsiatsiya",
        "assotsiatsiia", "asots iats ia", "asotsiatsiyata", "assosiasiya", "asosiasiya",
        "verein", "vereins", "vereinigung", "verain", "vereniging", "verenigingen",
        "forening", "foreningen", "foreningens", "stowarzyszenie", "stowarzyszenia",
        "stowarzyszeniu", "spolek", "spolku", "sdruzeni", "spolok", "zdruzenie",
        "zdruzenia", "zdruzhenie", "zdruzhenieto", "zdruzenje", "zdruzenja", "sdruzhenie",
        "sdruzenie", "sdruzhenieto", "sdruzhenia", "udruga", "udruge", "udrugu", "udruzenje",
        "udruzenja", "udruzhenje", "udruzhenja", "udruzhenie", "yhdistys",
        "yhdistyksen", "yhdistykset", "uhing", "uhingu", "egyesulet", "egyesulete",
        "egyesuletet", "egyesuletert", "biedriba", "biedribas", "felag", "felagid",
        "felagsins", "samtok", "samtokin", "ghaqda", "ghaqdiet", "assocjazzjoni",
        "shoqata", "shoqates", "shoqatave", "asociacioni", "dernek", "dernegi",
        "dernekleri", "derneyi", "somateio", "somateioy", "somateiou", "swmateio", "somatio",
        "syllogos", "syllogoy", "syllogou", "sillogos", "obedinenie", "ob edinenie",
        "obyedinenie", "ob iednannya", "obiednannia", "obyednannya", "ob yednannya",
        "amicale", "bendrija"
    ],
    "foundation": [
        "foundation", "foundations", "stiftung", "stiftungen", "steftung", "stiftelse",
        "stiftelsen", "stiftelsens", "stichting", "fondation", "fondatioun", "fundacion",
        "fundacao", "fundacio", "fondazione", "fondazioni", "fondazzjoni", "fundatia",
        "fundatiei", "fundatie", "fundacja", "fundacji", "fundacje", "nadace", "nadacia",
        "nadacie", "nadaci", "nadacija", "zaklada", "zaklade", "fondacija", "fondacije",
        "fondaciju", "fundacija", "fundacije", "fondatsija", "fondatsiju", "fondacioni",
        "fondacion", "fondacionit", "fondatsiya", "fondatsiia", "fondaciya", "fondacia",
        "fondatsia", "fondatsiyata", "fundatsiya", "fundatsiia", "fundaciya", "fond", "fonden",
        "fondu", "fondy", "fondas", "saatio", "saation", "sihtasutus",
        "sihtasutuse", "alapitvany", "alapitvanya", "alapitvanyt", "idryma", "idrymatos",
        "himnadram", "himnadrami", "pondi", "fondi", "vakif", "vakfi", "vakiflari",
        "nodibinajums", "nodibinajuma", "ustanova", "ustanove", "zaduzbina", "fonduireacht",

    ],
    "society": [
        "society", "societies", "gesellschaft", "genootschap", "societe", "societat",
        "societa", "sociedad", "sociedade", "societatea", "societate", "socjeta", "drustvo",
        "drustva", "drushtvo", "drushtva", "druzhestvo", "druzestvo", "druzhestvoto",
        "etaireia", "etairia", "spolecnost", "spolocnost", "selskab", "selskabet", "selskap",
        "selskapet", "sallskap", "sallskapet", "selts", "seltsi",
        "tarsasag", "tarsasaga", "draugija", "draugijos", "towarzystwo", "towarzystwa",
        "cemiyet", "cemiyeti", "cemiyyeti", "tovaristvo", "tovarystvo",
        "tovarystva", "tovaristva", "obshchestvo", "obshestvo", "obschestvo", "shoqeria",
        "sazogadoeba", "enkerutyun", "ynkerowt yown"
    ],
    "centre": [
        "centre", "center", "centres", "centers", "centro", "centri", "centrum", "centra",
        "centar", "centru", "centrul", "centrs", "centras", "zentrum", "zentren", "tsentar",
        "tsentarot", "tsentur", "tsent r", "tsentr", "tsentru", "tsentra", "centr", "tsentri",
        "tsent ri", "kentro", "kentrou", "kentroy", "kentron", "keskus", "keskuse",
        "keskuksen", "kozpont", "kozpontja", "kozpontot", "midstod", "ionad",
        "osrodek", "osrodka", "stredisko", "centret", "centeret", "merkez", "merkezi",
        "qendra", "qendres", "qendrat"
    ],
    "union": [
        "union", "unions", "unione", "uniao", "unio", "unie", "uniunea", "uniune",
        "uniunii", "unjoni", "unioni", "bashkimi", "bund", "bond", "forbund", "forbundet",
        "zwiazek", "zwiazku", "svaz", "svazu", "zvaz", "savez", "saveza", "sojuz", "soyuz",
        "soiuz", "sayuz", "suyuz", "s yuz", "zveza", "zveze", "liit", "liidu", "liitto",
        "liiton", "samband", "aontas", "savieniba", "savienibas", "sajunga", "sajungos",
        "birlik", "birligi", "birliyi", "enosi", "enosis", "enoseis", "spilka", "spilky",
        "kavshiri", "k avshiri", "miutyun", "miowt yown"
    ],
    "league": [
        "league", "liga", "ligi", "ligue", "lliga", "lega", "lig", "ligasi", "liiga",
        "ligata", "conradh", "syndesmos"
    ],
    "federation": [
        "federation", "federations", "verband", "dachverband", "bundesverband", "federacion",
        "federazione", "federacao", "federacio", "federatia", "federatiei", "federacja",
        "federace", "federacia", "federacija", "federatsiya", "federatsiia", "federatsia",
        "federatie", "federazzjoni", "federasyon", "federasyonu", "federasiya", "federata",
        "omospondia", "omospondias", "szovetseg", "szovetsege", "keskusliitto", "keskliit",
        "landssamband", "riksforbund", "riksforbundet", "landsforbund", "landsforbundet",
        "conaidhm"
    ],
    "institute": [
        "institute", "institutes", "institution", "institutions", "institut", "instituts",
        "institutet", "instituut", "instituto", "istituto", "istitut", "institutul",
        "instytut", "instytutu", "ustav", "zavod", "zavoda", "institoyto", "institouto",
        "enstitu", "enstitusu", "institutas",
        "instituutti", "laitos", "intezet", "intezete", "instituti", "institowt", "inst it ut i",
        "institutu", "stofnun", "institiuid", "instytutsiya", "institucija", "institucion",
        "einrichtung"
    ],
    "organisation": [
        "organisation", "organization", "organisations", "organizations", "organizacion",
        "organizzazione", "organizacao", "organitzacio", "organizatia", "organizatiei",
        "organizatie", "organizacja", "organizacji", "organizace", "organizacia",
        "organizacija", "organizacije", "organizatsiya", "organizatsiia", "orhanizatsiia",
        "orhanizatsiya", "organizatsija", "organizatsia", "organosi", "organismos",
        "organizasyon", "organizasyonu", "teskilat", "teskilati", "organisatie", "organisasjon",
        "jarjesto", "jarjeston", "organisatsioon", "szervezet", "szervezete", "organizzazzjoni",
        "organizata", "organizates", "kazmakerputyun", "kazmakerpowt yown", "eagraiocht",
        "organisatioun"
    ],
    "movement": [
        "movement", "movements", "bewegung", "mouvement", "movimiento", "movimento",
        "moviment", "miscarea", "miscare", "ruch", "hnuti", "hnutie", "pokret", "gibanje",
        "dvizhenie", "rukh", "rux", "kinisi", "kinima", "hareket", "hareketi", "beweging",
        "bevaegelse", "bevegelse", "rorelse", "rorelsen", "liike", "liikumine", "mozgalom",
        "kustiba", "judejimas", "levizja", "levizje", "sharzhum", "modzraoba", "herekat",
        "hreyfing", "gluaiseacht"
    ],
    "initiative": [
        "initiative", "initiatives", "iniciativa", "iniziativa", "initiativa", "inicjatywa",
        "inicijativa", "initsiativa", "initsiatyva", "protovoylia", "protovoulia", "girisim",
        "girisimi", "inisiyatif", "initiatief", "initiativ", "initiativet", "aloite",
        "algatus", "kezdemenyezes", "iniciatyva", "inizjattiva", "nisma",
        "nakhadzernutyun", "tesebbus"
    ],
    "fund": [
        "fund", "funds", "fonds", "fundusz", "funduszu", "fondo", "fundo", "rahasto",
        "rahaston", "sjodur", "sjodurinn", "styrktarsjodur", "fondul"
    ],
    "trust": ["trust", "trusts", "iontaobhas"],
    "alliance": [
        "alliance", "alliances", "allianz", "alianza", "alleanza", "alianca", "alianta",
        "sojusz", "aliance", "aliancia", "alijansa", "aliyans", "al yans", "aliians",
        "symmachia", "ittifak", "ittifaki", "ittifaq", "alliantie", "allianse", "allians",
        "allianssi", "alianse", "aljansas", "aleanca", "dashink", "aliansi", "bandalag"
    ],
    "coalition": [
        "coalition", "coalitions", "koalition", "coalicion", "coalizione", "coligacao",
        "coalicio", "coalitia", "koalicja", "koalice", "koalicia", "koalicija",
        "koalitsiya", "koalitsiia", "synaspismos", "koalisyon", "koalitie", "koalisjon",
        "koalitio", "koalitsioon", "koalicio", "koalizzjoni", "koalicioni", "koalitsia"
    ],
    "council": [
        "council", "councils", "conseil", "consejo", "consiglio", "conselho", "consell",
        "consiliul", "consiliu", "rada", "rady", "savjet", "savet", "sovet", "s vet",
        "suvet", "symvoylio", "symvoulio", "konsey", "konseyi", "raad", "rad", "radet",
        "neuvosto", "noukogu", "tanacs", "tanacsa", "padome", "taryba", "kunsill",
        "keshilli", "keshill", "khorhurd", "sabcho", "shura", "comhairle"
    ],
    "committee": [
        "committee", "committees", "komitee", "comite", "comitato", "comitetul", "comitet",
        "komitet", "komitetu", "vybor", "odbor", "odbora", "epitropi", "komite", "komitesi",
        "udvalg", "utvalg", "kommitte", "toimikunta", "komitea", "bizottsag", "komiteja",
        "komitetas", "kumitat", "komiteti", "nefnd", "coiste"
    ],
    "agency": [
        "agency", "agencies", "agentur", "agence", "agencia", "agenzia", "agentia",
        "agencja", "agentura", "agencija", "agentsiya", "agentstvo", "ahentstvo", "ajans",
        "agentschap", "virasto", "ugynokseg", "agenzija", "agjencia", "agjensia",
        "gortsakalutyun", "saagento", "agentlik", "gniomhaireacht"
    ],
    "office": [
        "office", "offices", "buro", "bureau", "oficina", "ufficio", "gabinete", "biroul",
        "biuro", "kancelar", "kancelaria", "ured", "kancelarija", "pisarna", "ofis",
        "kontor", "kontoret", "toimisto", "buroo", "iroda", "birojs", "biuras", "ufficcju",
        "zyra", "opisi", "ofisi"
    ],
    "club": [
        "club", "clubs", "klub", "klubu", "clube", "clubul", "klubi", "klubas", "klubs",
        "klabb", "kerho", "kulup", "kulubu", "klubben"
    ],
    "service": [
        "service", "services", "dienst", "diensten", "servicio", "servicios", "servizio",
        "servizi", "servico", "servicos", "servei", "serveis", "serviciul", "servicii",
        "sluzba", "sluzby", "sluzhba", "sluzhby", "ypiresia", "hizmet", "hizmetleri",
        "tjeneste", "tjenesten", "tjanst", "tjansten", "palvelu", "palvelut",
        "szolgalat", "dienests", "tarnyba", "servizz", "sherbim", "sherbimi", "xidmet",
        "xidmeti"
    ],
    "group": [
        "group", "groups", "gruppe", "groupe", "grupo", "gruppo", "grup", "grupa", "grupy",
        "skupina", "omada", "groep", "grupp", "ryhma", "csoport", "grupe", "grupi", "gruppa",
        "hrupa", "khumb", "jgupi", "hopur", "grubu"
    ],
    "platform": [
        "platform", "platforms", "plattform", "plateforme", "plataforma", "piattaforma",
        "platforma", "platformu", "alusta", "platvorm", "platporma", "platforme"
    ],
    "project": [
        "project", "projekt", "projet", "proyecto", "progetto", "projeto",
        "projecto", "projecte", "proiectul", "proiect", "projekat", "proekt", "proiekt",
        "proje", "projesi", "projekti", "projekts", "projektas", "progett", "proekti",
        "nakhagits", "layihe"
    ],
    # "home" is a concept (#home): a children's home and a name's "home" are one word.
    "house": [
        "house", "haus", "maison", "huis", "hus", "huset", "talo", "haz", "kuca", "kuce",
        "hisa", "dum", "kukja",
    ],
}
# Legal forms, after normalisation (ASCII, lower case, punctuation as spaces), spelled short and
# out. Several words are matched as a sequence: "sp z o o". Kinds of body ("Stiftung",
# "stowarzyszenie") are ORG_KINDS, not legal forms.
LEGAL_FORMS = [
    # German-speaking countries (DE AT CH LI LU)
    "e v", "ev", "eingetragener verein", "eingetragene verein", "gemeinnutzige",
    "gemeinnutziger", "gemeinnutziges", "gemeinnutzigen", "gemeinnuetzige", "gemeinnuetziger",
    "gemeinnutziger verein", "gemeinnutzige gmbh", "gmbh", "ggmbh", "gug", "ug",
    "haftungsbeschrankt", "ag",
    # Nordic countries
    "ab", "ideell forening", "ideella foreningen", "ideella forening", "ideel forening",
    "ekonomisk forening", "ek for", "frivillig organisasjon", "frivillig organisation",
    "ry", "r y", "rf", "r f", "sr", "oy", "as", "a s", "asa", "sa", "ehf", "ses",
    "sjalfseignarstofnun", "felagasamtok",
    # Baltic states
    "mtu", "mittetulundusuhing", "vsi", "v s i", "viesoji istaiga",
    # France, Belgium, Luxembourg, Monaco
    "asbl", "a s b l", "aisbl", "vzw", "v z w", "ivzw", "ong", "loi 1901", "loi de 1901",
    "reconnue d utilite publique", "reconnue utilite publique", "s a", "sarl",
    # Netherlands
    "anbi", "bv", "b v", "nv", "n v",
    # Italy, San Marino
    "onlus", "o n l u s", "odv", "o d v", "aps", "a p s", "ets", "e t s", "impresa sociale",
    "organizzazione di volontariato", "associazione di promozione sociale",
    "ente del terzo settore", "organizzazione non lucrativa di utilita sociale", "srl", "s r l",
    # Spain, Andorra, Portugal
    "ongd", "s l", "sl", "sin animo de lucro", "sin fines de lucro", "ipss", "i p s s",
    "instituicao particular de solidariedade social", "lda", "l da",
    # Poland
    "sp z o o", "spzoo", "sp z oo", "sp zoo", "opp", "organizacja pozytku publicznego",
    # Czechia, Slovakia
    "z s", "zs", "z u", "zu", "o p s", "ops", "o s", "os", "s r o", "sro", "zapsany spolek",
    "zapsany ustav", "obecne prospesna spolecnost", "obcanske sdruzeni", "nadacni fond",
    "o z", "oz", "n o", "obcianske zdruzenie", "neziskova organizacia", "neinvesticny fond",
    # Hungary
    "kft", "nonprofit kft", "nonprofit", "kozhasznu", "kiemelten kozhasznu",
    # Former Yugoslavia, Albania, Kosovo
    "d o o", "doo", "nvo", "n v o", "udruzenje gradjana", "udruzenje gradana",
    "udruzhenje gradjana", "udruzenje gradjanki", "zdruzhenie na gragjani",
    "zdruzenie na gragani", "zdruzenie na gradani", "druzba z omejeno odgovornostjo",
    "drustvo z omejeno odgovornostjo", "drustvo s ogranicenom odgovornoscu", "ojq", "o j q",
    "organizate joqeveritare", "organizata joqeveritare", "shpk", "sh p k",
    # Bulgaria
    "yulnts", "s nestopanska tsel", "v obshtestvena polza", "v chastna polza",
    # Greece, Cyprus
    "amke", "a m k e", "astiki mi kerdoskopiki etaireia", "astiki etaireia", "koinsep",
    "k o i n s e p", "koin s ep", "mko", "m k o", "mi kyvernitiki organosi",
    "mi kybernitiki organosi",
    # Romania, Moldova
    "ao", "a o", "asociatia obsteasca", "organizatie neguvernamentala", "ong uri",
    # Turkey, Azerbaijan
    "stk", "sivil toplum kurulusu", "ltd sti", "sti", "ictimai birliyi", "ictimai birlik",
    "ib", "qht", "qeyri hokumet teskilati",
    # Armenia, Georgia
    "hk", "hasarakakan kazmakerputyun", "hasarakakan kazmakerpowt yown", "aaip", "a a ip",
    "a a i p", "arasamtavrobo organizatsia",
    # Ukraine, Russia (and nominators from MD and UA)
    "go", "ho", "hromadska orhanizatsiia", "hromadska orhanizatsiya",
    "gromadska organizatsiia", "gromadska organizatsiya", "gromads ka organizatsiya",
    "blagodiinii fond", "blahodiinyi fond", "blagodiyniy fond", "blagodiynyy fond",
    "bf", "b f", "mbf", "bo", "blagodiyna organizatsiya", "blahodiina orhanizatsiia",
    "mgo", "vgo", "ano", "a n o", "avtonomnaya nekommercheskaya organizatsiya", "nko",
    "nekommercheskaya organizatsiya", "oo", "obshchestvennaya organizatsiya", "roo",
    "blagotvoritelnyy fond", "blagotvoritel nyy fond", "ooo",
    # United Kingdom, Ireland, Malta
    "ltd", "limited", "cic", "cio", "scio", "charity", "registered charity", "charitable",
    "charitable incorporated organisation", "community interest company", "plc", "clg",
    "company limited by guarantee", "dac", "voluntary organisation", "vo",
    # Everywhere
    "ngo", "ingo", "npo", "non profit", "not for profit", "inc", "llc", "gie"
]

# Words that carry no identity: dropped before comparing names. Articles, prepositions and
# conjunctions only: never a word that is an organisation's distinctive name on its own.
FILLER_WORDS = {
    "a", "an", "and", "da", "das", "de", "del", "der", "di", "die", "dla", "do", "dos", "e",
    "el", "en", "et", "for", "fur", "i", "ja", "la", "las", "le", "les", "los", "na", "och",
    "of", "og", "per", "pro", "the", "und", "van", "von", "y", "za", "pre",
    # "Republic" is part of a country's name, never of an organisation's own.
    "republic", "republika", "republique", "republik", "repubblica", "republica",
    "respublika", "republiky", "republiek",
    # English
    "in", "on", "at", "to", "with", "by", "s",
    # German, Luxembourgish
    "den", "dem", "im", "zum", "zur", "fuer", "mit", "vom", "ein", "eine", "fir", "vun",
    "mat",
    # French, Catalan
    "du", "des", "au", "aux", "pour", "avec", "l", "d", "un", "une", "sur", "dans", "dels",
    "els", "amb",
    # Italian, Spanish, Portuguese
    "della", "dello", "dei", "degli", "delle", "dell", "il", "lo", "gli", "al", "alla", "ai",
    "alle", "all", "con", "nel", "nella", "nell", "ed", "una", "por", "para", "o", "nos",
    "nas", "com", "pela", "pelo", "pelas", "pelos", "um", "uma", "aos",
    # Romanian
    "si", "pentru", "cu", "din", "ale", "lui",
    # Dutch
    "het", "een", "voor", "met", "op",
    # Nordic
    "til", "till", "med", "pa", "af", "av", "det", "fyrir", "seka", "ning",
    # Hungarian
    "az", "es", "egy",
    # Slavic
    "w", "z", "ze", "przy", "oraz", "v", "ve", "pri", "u", "od", "iz", "ter",
    "ka", "ot", "so", "dlya", "dlia", "po", "ta",
    # Greek
    "kai", "ke", "tou", "toy", "tis", "ton", "ti", "gia", "stin", "ston", "sto",
    "apo", "me",
    # Turkish, Azerbaijani
    "ile", "icin", "ucun", "bir",
    # Baltic
    "par", "ar", "ir", "uz", "su",
    # Maltese, Irish, Albanian
    "tal", "tas", "tat", "tad", "taz", "tan", "tar", "ghal", "fil", "bil", "lill", "agus",
    "dhe", "te", "ne", "nga", "se",
    # Armenian
    "yev",
}

# Capitals and large cities of every eligible country: local spelling first (the key), then
# English and other spellings and transliterations. Several words are a sequence: "novi sad".
PLACES: dict[str, list[str]] = {
    # AL Albania
    "tirane": ["tirane", "tirana"],
    "durres": ["durres", "durresi", "durazzo"],
    "shkoder": ["shkoder", "shkodra", "scutari"],
    "vlore": ["vlore", "vlora", "valona"],
    "elbasan": ["elbasan", "elbasani"],
    "korce": ["korce", "korca"],
    # AD Andorra
    "andorra la vella": ["andorra la vella", "andorra"],
    # AM Armenia
    "yerevan": ["yerevan", "erevan", "erewan", "jerewan"],
    "gyumri": ["gyumri", "gyowmri", "giumri", "leninakan"],
    "vanadzor": ["vanadzor"],
    # AT Austria
    "wien": ["wien", "vienna", "vienne", "viena", "wieden", "viden", "bec", "vieden"],
    "graz": ["graz"],
    "linz": ["linz"],
    "salzburg": ["salzburg", "salisburgo"],
    "innsbruck": ["innsbruck"],
    "klagenfurt": ["klagenfurt"],
    # AZ Azerbaijan
    "baki": ["baki", "baku", "bakou"],
    "gence": ["gence", "ganja", "gandja"],
    "sumqayit": ["sumqayit", "sumgait"],
    # BE Belgium
    "bruxelles": ["bruxelles", "brussel", "brussels", "bruselas", "bruxelas", "bruksela",
                  "bruessel"],
    "antwerpen": ["antwerpen", "anvers", "antwerp", "amberes", "anversa"],
    "gent": ["gent", "gand", "ghent"],
    "liege": ["liege", "luik", "luttich"],
    "charleroi": ["charleroi"],
    "brugge": ["brugge", "bruges", "brujas"],
    "leuven": ["leuven", "louvain"],
    "namur": ["namur"],
    # BA Bosnia and Herzegovina
    "sarajevo": ["sarajevo", "saraybosna"],
    "banja luka": ["banja luka", "banjaluka", "banjaluci", "banja luci"],
    "tuzla": ["tuzla"],
    "zenica": ["zenica", "zenitsa"],
    "mostar": ["mostar"],
    "bihac": ["bihac"],
    # BG Bulgaria
    "sofiya": ["sofiya", "sofia", "sofija", "sofie", "sofii"],
    "plovdiv": ["plovdiv"],
    "varna": ["varna"],
    "burgas": ["burgas", "bourgas"],
    "ruse": ["ruse", "rousse"],
    "stara zagora": ["stara zagora"],
    # HR Croatia
    "zagreb": ["zagreb", "zagabria", "zagrebu"],
    "split": ["split", "spalato"],
    "rijeka": ["rijeka", "fiume"],
    "osijek": ["osijek", "eszek"],
    "zadar": ["zadar", "zara"],
    # CY Cyprus
    "lefkosia": ["lefkosia", "leykosia", "nicosia", "lefkosa"],
    "lemesos": ["lemesos", "limassol"],
    "larnaka": ["larnaka", "larnaca"],
    "pafos": ["pafos", "paphos"],
    # CZ Czechia
    "praha": ["praha", "prague", "prag", "praga", "praze"],
    "brno": ["brno", "brunn", "brne"],
    "ostrava": ["ostrava", "ostrave"],
    "plzen": ["plzen", "pilsen"],
    "olomouc": ["olomouc"],
    "liberec": ["liberec"],
    # DK Denmark
    "kobenhavn": ["kobenhavn", "koebenhavn", "copenhagen", "kopenhagen", "copenhague",
                  "copenaghen", "kopenhaga"],
    "aarhus": ["aarhus", "arhus"],
    "odense": ["odense"],
    "aalborg": ["aalborg", "alborg"],
    # EE Estonia
    "tallinn": ["tallinn", "tallin", "reval"],
    "tartu": ["tartu", "dorpat"],
    "narva": ["narva"],
    "parnu": ["parnu", "pernau"],
    # FI Finland
    "helsinki": ["helsinki", "helsingfors", "helsingissa"],
    "espoo": ["espoo", "esbo"],
    "tampere": ["tampere", "tammerfors"],
    "vantaa": ["vantaa"],
    "oulu": ["oulu", "uleaborg"],
    "turku": ["turku", "abo"],
    # FR France
    "paris": ["paris", "parigi", "parijs", "paryz", "parizh"],
    "marseille": ["marseille", "marseilles", "marsella", "marsiglia"],
    "lyon": ["lyon", "lyons", "lione"],
    "toulouse": ["toulouse", "tolosa"],
    "nice": ["nice", "nizza", "niza"],
    "lille": ["lille", "rijsel"],
    "strasbourg": ["strasbourg", "strassburg", "estrasburgo", "strasburgo"],
    "nantes": ["nantes"],
    "bordeaux": ["bordeaux", "burdeos"],
    "montpellier": ["montpellier"],
    # GE Georgia
    "tbilisi": ["tbilisi", "tiflis", "tbilissi"],
    "batumi": ["batumi", "batum"],
    "kutaisi": ["kutaisi", "qutaisi"],
    "rustavi": ["rustavi"],
    # DE Germany
    "berlin": ["berlin", "berlino", "berlijn", "berlim"],
    "hamburg": ["hamburg", "hambourg", "amburgo", "hamburgo"],
    "munchen": ["munchen", "muenchen", "munich", "monaco di baviera", "monachium", "munique"],
    "koln": ["koln", "koeln", "cologne", "colonia", "keulen"],
    "frankfurt": ["frankfurt", "frankfurt am main", "francfort", "francoforte"],
    "stuttgart": ["stuttgart", "stoccarda"],
    "dusseldorf": ["dusseldorf", "duesseldorf"],
    "leipzig": ["leipzig", "lipsia", "lipsk"],
    "dortmund": ["dortmund"],
    "essen": ["essen"],
    "bremen": ["bremen", "breme", "brema"],
    "dresden": ["dresden", "dresde", "drezno", "drazdany"],
    "hannover": ["hannover", "hanover", "hanovre"],
    "nurnberg": ["nurnberg", "nuernberg", "nuremberg", "norimberga"],
    # GR Greece
    "athina": ["athina", "athens", "athen", "athenes", "atene", "atenas", "ateny", "athinai",
               "athena"],
    "thessaloniki": ["thessaloniki", "salonica", "saloniki", "thessalonica", "thessalonique",
                     "selanik", "solun"],
    "patra": ["patra", "patras"],
    "irakleio": ["irakleio", "iraklio", "heraklion", "herakleion"],
    "larisa": ["larisa", "larissa"],
    "volos": ["volos"],
    # HU Hungary
    "budapest": ["budapest", "budapesten", "budapeszt", "budimpesta"],
    "debrecen": ["debrecen"],
    "szeged": ["szeged"],
    "miskolc": ["miskolc"],
    "pecs": ["pecs"],
    "gyor": ["gyor", "raab"],
    # IS Iceland
    "reykjavik": ["reykjavik", "reykjavikur"],
    "kopavogur": ["kopavogur"],
    "akureyri": ["akureyri"],
    # IE Ireland
    "dublin": ["dublin", "baile atha cliath", "dublino"],
    "cork": ["cork", "corcaigh"],
    "limerick": ["limerick", "luimneach"],
    "galway": ["galway", "gaillimh"],
    "waterford": ["waterford", "port lairge"],
    # IT Italy
    # Not "roma" nor "rom" as a spelling: the Romani people, often in this field's names.
    "roma": ["rome", "rzym", "rim"],
    "milano": ["milano", "milan", "mailand", "mediolan", "milao"],
    "napoli": ["napoli", "naples", "neapel", "napoles"],
    "torino": ["torino", "turin", "turyn"],
    "palermo": ["palermo"],
    "genova": ["genova", "genoa", "genua"],
    "bologna": ["bologna", "bolonia", "bologne"],
    "firenze": ["firenze", "florence", "florenz", "florencia", "florencja"],
    "bari": ["bari"],
    "catania": ["catania"],
    "venezia": ["venezia", "venice", "venedig", "venecia", "venise", "wenecja"],
    # LV Latvia
    "riga": ["riga", "rigas", "ryga"],
    "daugavpils": ["daugavpils", "dvinsk"],
    "liepaja": ["liepaja", "libau"],
    # LI Liechtenstein
    "vaduz": ["vaduz"],
    # LT Lithuania
    "vilnius": ["vilnius", "wilno", "vilna", "vilniaus"],
    "kaunas": ["kaunas", "kowno", "kauno"],
    "klaipeda": ["klaipeda", "memel"],
    # LU Luxembourg
    "luxembourg": ["luxembourg", "luxemburg", "letzebuerg", "lussemburgo", "luksemburg"],
    "esch sur alzette": ["esch sur alzette", "esch uelzecht", "esch an der alzette"],
    # MT Malta
    "valletta": ["valletta", "il belt valletta", "la valette", "la valletta"],
    "birkirkara": ["birkirkara"],
    "sliema": ["sliema"],
    "qormi": ["qormi"],
    # MD Moldova
    "chisinau": ["chisinau", "kishinev", "kishineu", "kishinyov", "kisinev", "chisinev"],
    "balti": ["balti", "beltsy", "belts"],
    "tiraspol": ["tiraspol"],
    "comrat": ["comrat", "komrat"],
    # MC Monaco
    "monaco": ["monaco", "monako", "monte carlo"],
    # ME Montenegro
    "podgorica": ["podgorica", "podgoritsa", "podgorici"],
    "niksic": ["niksic", "nikshic"],
    "cetinje": ["cetinje", "tsetinje"],
    "budva": ["budva"],
    "herceg novi": ["herceg novi", "khertseg novi"],
    # NL Netherlands
    "amsterdam": ["amsterdam", "amsterdao"],
    "rotterdam": ["rotterdam"],
    "den haag": ["den haag", "the hague", "s gravenhage", "la haye", "l aia", "la haya",
                 "haag", "hague"],
    "utrecht": ["utrecht"],
    "eindhoven": ["eindhoven"],
    "groningen": ["groningen", "groningue"],
    "tilburg": ["tilburg"],
    "almere": ["almere"],
    "breda": ["breda"],
    "nijmegen": ["nijmegen", "nimegue"],
    # MK North Macedonia
    "skopje": ["skopje", "skopie", "shkup", "uskup", "skoplje"],
    "bitola": ["bitola"],
    "kumanovo": ["kumanovo"],
    "tetovo": ["tetovo", "tetove"],
    "ohrid": ["ohrid", "ohri"],
    # NO Norway
    "oslo": ["oslo"],
    "bergen": ["bergen"],
    "trondheim": ["trondheim"],
    "stavanger": ["stavanger"],
    "tromso": ["tromso", "tromsoe"],
    "drammen": ["drammen"],
    "kristiansand": ["kristiansand"],
    # PL Poland
    "warszawa": ["warszawa", "warszawie", "warsaw", "warschau", "varsovie", "varsovia",
                 "varsavia", "varshava", "varsava"],
    "krakow": ["krakow", "krakowie", "cracow", "krakau", "cracovie", "cracovia"],
    "lodz": ["lodz", "lodzi"],
    "wroclaw": ["wroclaw", "wroclawiu", "breslau"],
    "poznan": ["poznan", "poznaniu", "posen"],
    "gdansk": ["gdansk", "gdansku", "danzig"],
    "szczecin": ["szczecin", "szczecinie", "stettin"],
    "lublin": ["lublin", "lublinie"],
    "katowice": ["katowice", "katowicach"],
    "bydgoszcz": ["bydgoszcz", "bydgoszczy"],
    "bialystok": ["bialystok", "bialymstoku"],
    # PT Portugal
    "lisboa": ["lisboa", "lisbon", "lissabon", "lisbonne", "lisbona", "lizbona"],
    "porto": ["porto", "oporto"],
    "braga": ["braga"],
    "coimbra": ["coimbra"],
    "funchal": ["funchal"],
    "amadora": ["amadora"],
    # RO Romania
    "bucuresti": ["bucuresti", "bucharest", "bukarest", "bucarest", "bukareszt",
                  "bucareste", "bukharest"],
    "cluj napoca": ["cluj napoca", "cluj", "klausenburg", "kolozsvar"],
    "timisoara": ["timisoara", "temesvar", "temeswar"],
    "iasi": ["iasi", "jassy", "iassy"],
    "constanta": ["constanta", "constantza"],
    "brasov": ["brasov", "brasso", "kronstadt"],
    "craiova": ["craiova"],
    "galati": ["galati", "galatz"],
    "oradea": ["oradea", "nagyvarad"],
    # SM San Marino
    "san marino": ["san marino", "citta di san marino", "serravalle"],
    # RS Serbia
    "beograd": ["beograd", "belgrade", "belgrad", "belgrado", "beogradu"],
    "novi sad": ["novi sad", "novom sadu", "ujvidek", "neusatz"],
    "nis": ["nis", "nish", "nisu"],
    "kragujevac": ["kragujevac", "kragujevats", "kragujevcu"],
    "subotica": ["subotica", "szabadka", "subotitsa"],
    # SK Slovakia
    "bratislava": ["bratislava", "bratislave", "pressburg", "pozsony"],
    "kosice": ["kosice", "kosiciach", "kassa", "kaschau"],
    "presov": ["presov", "eperjes"],
    "zilina": ["zilina", "zsolna"],
    "nitra": ["nitra", "nyitra"],
    "banska bystrica": ["banska bystrica", "besztercebanya"],
    # SI Slovenia
    "ljubljana": ["ljubljana", "ljubljani", "lubiana", "laibach", "lublana"],
    "maribor": ["maribor", "mariboru", "marburg an der drau"],
    "celje": ["celje", "cilli"],
    "kranj": ["kranj", "krainburg"],
    "koper": ["koper", "capodistria"],
    # ES Spain
    "madrid": ["madrid", "madryt"],
    "barcelona": ["barcelona", "barcelone", "barcellona"],
    "valencia": ["valencia", "valence", "valenza"],
    "sevilla": ["sevilla", "seville", "siviglia", "sewilla", "sevilha"],
    "zaragoza": ["zaragoza", "saragossa", "saragosse"],
    "malaga": ["malaga"],
    "bilbao": ["bilbao", "bilbo"],
    "palma": ["palma", "palma de mallorca"],
    "murcia": ["murcia"],
    "las palmas": ["las palmas", "las palmas de gran canaria"],
    "alicante": ["alicante", "alacant"],
    "valladolid": ["valladolid"],
    # SE Sweden
    "stockholm": ["stockholm", "estocolmo", "stoccolma", "sztokholm", "tukholma"],
    "goteborg": ["goteborg", "goeteborg", "gothenburg", "gotemburgo"],
    "malmo": ["malmo", "malmoe"],
    "uppsala": ["uppsala", "upsala"],
    "vasteras": ["vasteras"],
    "orebro": ["orebro"],
    "linkoping": ["linkoping"],
    "helsingborg": ["helsingborg"],
    "umea": ["umea"],
    # CH Switzerland
    "bern": ["bern", "berne", "berna"],
    "zurich": ["zurich", "zuerich", "zurigo"],
    "geneve": ["geneve", "geneva", "genf", "ginevra", "ginebra", "genewa"],
    "basel": ["basel", "bale", "basilea", "basle"],
    "lausanne": ["lausanne", "losanna"],
    "lugano": ["lugano", "lauis"],
    "winterthur": ["winterthur"],
    "luzern": ["luzern", "lucerne", "lucerna"],
    "st gallen": ["st gallen", "sankt gallen", "saint gall", "san gallo"],
    # TR Turkey
    "ankara": ["ankara"],
    "istanbul": ["istanbul", "stambul", "estambul", "istambul"],
    "izmir": ["izmir", "smyrna"],
    "bursa": ["bursa"],
    "antalya": ["antalya"],
    "adana": ["adana"],
    "konya": ["konya"],
    "gaziantep": ["gaziantep"],
    "diyarbakir": ["diyarbakir"],
    "eskisehir": ["eskisehir"],
    # UA Ukraine
    "kyiv": ["kyiv", "kiiv", "kyyiv", "kiev", "kiew", "kijow", "kyjiw", "kiyev", "kijev",
             "kiova"],
    "kharkiv": ["kharkiv", "kharkov", "khar kov", "charkiw", "charkow", "harkiv", "kharkiw"],
    "odesa": ["odesa", "odessa"],
    "lviv": ["lviv", "l viv", "lvov", "l vov", "lwow", "lemberg", "leopoli"],
    "dnipro": ["dnipro", "dnepr", "dnipropetrovsk", "dnepropetrovsk"],
    "zaporizhzhia": ["zaporizhzhia", "zaporizhzhya", "zaporizhia", "zaporozhye",
                     "zaporoze"],
    "vinnytsia": ["vinnytsia", "vinnitsya", "vinnytsya", "vinnitsa", "winnica"],
    "mykolaiv": ["mykolaiv", "mikolaiv", "nikolaev", "nikolayev"],
    "kherson": ["kherson", "cherson", "herson"],
    "chernihiv": ["chernihiv", "chernigiv", "chernigov"],
    "poltava": ["poltava"],
    "ivano frankivsk": ["ivano frankivsk", "ivano frankovsk", "stanislawow"],
    # GB United Kingdom
    "london": ["london", "londres", "londra", "londyn", "londen", "lontoo", "londonas"],
    "birmingham": ["birmingham"],
    "manchester": ["manchester"],
    "glasgow": ["glasgow", "glaschu"],
    "edinburgh": ["edinburgh", "edimbourg", "dun eideann", "edimburgo"],
    "cardiff": ["cardiff", "caerdydd"],
    "belfast": ["belfast", "beal feirste"],
    "liverpool": ["liverpool"],
    "leeds": ["leeds"],
    "bristol": ["bristol"],
    "sheffield": ["sheffield"],
    "newcastle": ["newcastle", "newcastle upon tyne"],
    # XK Kosovo
    "prishtine": ["prishtine", "prishtina", "pristina", "prishtines"],
    "prizren": ["prizren", "prizreni"],
    "peje": ["peje", "peja", "pec"],
    "mitrovice": ["mitrovice", "mitrovica", "mitrovitsa"],
    "gjakove": ["gjakove", "gjakova", "djakovica", "dakovica", "dyakovitsa"],
    "ferizaj": ["ferizaj", "urosevac"],
}

# Eligible countries by ISO code: their names and the adjectives names use ("Svenska",
# "Polskie", "Hellenic"), local, English and other spellings; a country added to one variant of
# a name ("ECPAT Sverige", "Hope Sweden"). A city-state's name is also in PLACES.
COUNTRIES: dict[str, list[str]] = {
    "AL": ["albania", "albanian", "shqiperia", "shqiperi", "shqiperise", "shqiptare",
           "albanien", "albanie",
           "shqiperine", "shqiptar", "shqiptaret", "shqiptareve", "shqiptarit", "shqip",
           "albanese", "albanais", "albanaise", "albanische", "albanischer"],
    "AD": ["andorra", "andorran", "andorre",
           "andorrana", "andorrans", "andorranes", "andorrano", "andorrane"],
    "AM": ["armenia", "armenian", "hayastan", "hayastani", "armeniya", "armenien", "armenie",
           "hayastanowm", "hayastanum", "haykakan", "haykakani", "hayots",
           "hayastaneayts", "armenii", "armyanskaya", "armyanskiy", "armyanskoe",
           "armianskaia", "armenische", "armenienne", "virmeniya", "virmenii",
           "hayastanyan"],
    "AT": ["austria", "austrian", "osterreich", "oesterreich", "osterreichische",
           "osterreichischer", "autriche",
           "osterreichisches", "osterreichischen", "osterreichs", "osterreichweit",
           "autrichien", "autrichienne", "austriaca", "austriaco", "oostenrijk"],
    "AZ": ["azerbaijan", "azerbaijani", "azerbaycan", "azerbaycanin", "azerbaidschan",
           "azerbaycanda", "azerbaycana", "azerbaycani", "azerbaycanli", "azerbaycan respublikasi",
           "azerbaycan respublikasinin", "azerbaydzhan", "azerbaidzhan", "azerbaidjan",
           "azerbaydzhanskaya", "azerbaydzhanskiy", "azerbaidzhanskaia", "azerbaijanian",
           "azeri"],
    "BE": ["belgium", "belgian", "belgie", "belgique", "belgien", "belge", "belgio",
           "belgische", "belgisch", "belgischer", "belges", "belgica"],
    "BA": ["bosnia", "bosnian", "herzegovina", "bosna", "hercegovina", "bih",
           "bosne i hercegovine",
           "bosni i hercegovini",
           "bosnu i hercegovinu", "hercegovine", "hercegovini", "bosanski", "bosanska",
           "bosansko", "bosanske", "bosanskog", "bosanskih", "bosanskohercegovacki",
           "bosanskohercegovacka", "bosanskohercegovacko", "republika srpska",
           "republike srpske", "republici srpskoj", "bosnie", "bosnien", "herzegovine",
           "herzegowina", "erzegovina"],
    "BG": ["bulgaria", "bulgarian", "balgariya", "b lgariya", "bulgariya", "balgarska",
           "balgarsko", "bulgarien", "bulgarie",
           "balgaria", "b lgarski", "b lgarska", "b lgarsko", "b lgarskata",
           "b lgarskiya", "b lgarskiyat", "b lgarskoto", "b lgarskite", "balgarski",
           "bulgarski", "bulgarska", "bulgarsko", "balgarskata", "bulgarskata", "balgarskiya",
           "bulgarskiya", "balgarskoto", "bulgarskoto", "balgarskite", "bulgarskite",
           "bolgariya", "bolgarii", "bulgarische", "bulgarischer", "bulgare"],
    "HR": ["croatia", "croatian", "hrvatska", "hrvatske", "hrvatsko", "hrvatski", "hrvatskoj",
           "kroatien",
           "croatie",
           "hrvatsku", "hrvatskog", "hrvatskoga", "hrvatskih", "hrvatskom", "hrvatskim",
           "hrvatskome", "republika hrvatska", "republike hrvatske", "kroatische",
           "kroatischer", "croate", "croazia", "chorvatsko"],
    "CY": ["cyprus", "cypriot", "kypros", "kyproy", "kyprou", "kypriaki", "kypriakos",
           "zypern", "chypre", "kibris",
           "kypro", "kypriako", "kypriakoy", "kypriakou", "kypriakis", "kypriakes",
           "kypriakon", "kypriakwn", "kyprion", "kypriwn", "kiprou", "kibrisli", "cipro",
           "chypriote", "zyprische", "cypriote"],
    "CZ": ["czechia", "czech", "cesko", "ceska", "ceske", "cesky", "ceska republika", "cesku",
           "ceske republice",
           "tschechien", "tcheque",
           "ceskeho", "ceskych", "ceskem", "ceskou", "ceskym", "ceske republiky",
           "ceskou republiku", "ceskou republikou", "czech republic", "tschechische",
           "tschechischer", "tchequie", "repubblica ceca", "republica checa", "czechy"],
    "DK": ["denmark", "danish", "danmark", "dansk", "danske", "danemark", "danimarca",
           "danmarks", "danskt", "dinamarca", "danois", "danoise", "danische", "danischer",
           "danese", "denemarken", "deense"],
    "EE": ["estonia", "estonian", "eesti", "eestis", "estland", "estonie",
           "eestimaa", "eestisse", "eestist", "eestile", "estoniya", "estonii", "estnische",
           "estnischer", "estonien", "estonienne", "estlands"],
    "FI": ["finland", "finnish", "suomi", "suomen", "suomessa", "finlande", "finnland",
           "suomeen", "suomesta", "suomelle", "suomalainen", "suomalaiset", "suomalaisen",
           "suomalaisten", "finlands", "finlandska", "finlandsk", "finnische", "finnischer",
           "finlandais", "finlandaise", "finlandia", "finlyandiya", "finlyandii"],
    "FR": ["france", "french", "francaise", "francais", "frankreich", "francia",
           "francaises", "franzosische", "franzosischer", "francese", "frankrijk", "franse",
           "frantsiya", "frantsii"],
    "GE": ["georgia", "georgian", "sakartvelo", "sakartvelos", "gruziya", "georgien",
           "georgie",
           "sakartveloshi", "sakartvelosi", "kartuli", "kartveli", "kartvel",
           "kartvelta", "kartvelebis", "gruzii", "gruzinskaya", "gruzinskiy", "gruzinskoe",
           "gruzinskaia", "georgische", "georgienne"],
    "DE": ["germany", "german", "deutschland", "deutsche", "deutscher", "deutsches",
           "allemagne", "germania", "alemania",
           "deutschen", "deutschlands", "deutschlandweit", "bundesrepublik deutschland",
           "allemande", "allemand", "tedesca", "tedesco", "duitsland", "duitse", "germaniya",
           "germanii", "niemcy", "nemecko"],
    "GR": ["greece", "greek", "hellenic", "hellas", "ellada", "ellas", "elladas", "ellados",
           "elliniki", "elliniko", "ellinikou", "ellinikos", "ellinikis", "griechenland", "grece",
           "grecia",
           "ellinikoy", "ellinika", "ellinikon", "ellinikwn", "ellinikes", "ellinon",
           "ellinwn", "ellhnikh", "elliniki dimokratia", "griechische", "griechischer",
           "grecque", "hellenique", "griekenland", "gretsiya", "gretsii"],
    "HU": ["hungary", "hungarian", "magyarorszag", "magyarorszagi", "magyarorszagon", "magyar",
           "ungarn",
           "hongrie",
           "magyarorszagert", "magyarorszagnak", "magyarorszagra", "magyarorszagrol",
           "magyarok", "magyarorszagiak", "ungarische", "ungarischer", "hongroise", "ungheria",
           "hongarije", "vengriya", "wegry"],
    "IS": ["iceland", "icelandic", "islandi", "islands", "islenska", "islenskra", "islande",
           "islensk", "islenskt", "islenskrar", "islenskum", "islenskur", "islendinga",
           "islandische", "islandaise", "islandia", "ijsland"],
    "IE": ["ireland", "irish", "eire", "na heireann", "irland", "irlande",
           "eireann", "na h eireann", "eirinn", "eireannach", "irlanda", "irische",
           "irischer", "irlandaise", "irlandais", "irlandese", "ierland"],
    "IT": ["italy", "italian", "italia", "italiana", "italiano", "italien", "italie",
           "italiane", "italiani", "italienische", "italienischer", "italienne",
           "italiaanse", "italiya"],
    "LV": ["latvia", "latvian", "latvija", "latvijas", "latvijai", "lettland", "lettonie",
           "latviesu", "latvijas republikas", "latviya", "latvii", "lettische", "lettischer",
           "letland", "lotwa"],
    "LI": ["liechtenstein",
           "liechtensteins", "liechtensteiner", "liechtensteinische", "liechtensteinischer",
           "liechtensteinischen", "furstentum liechtenstein"],
    "LT": ["lithuania", "lithuanian", "lietuva", "lietuvos", "lietuvoje", "lietuvai", "litauen",
           "lituanie",
           "lietuvos respublikos", "lietuviu", "lietuviska", "lietuviskas", "lituania",
           "litauische", "litauischer", "litouwen", "litva", "litvy", "litwa"],
    "LU": ["luxembourgish", "luxemburgish", "letzebuerg", "letzebuergesch",
           "letzebuerger", "luxembourgeois", "luxembourgeoise", "luxemburger",
           "luxemburgische", "luxemburgischer", "grand duche de luxembourg",
           "grossherzogtum luxemburg"],
    "MT": ["malta", "maltese", "maltija", "malte",
           "malti", "maltin", "maltesi", "maltaise", "maltesische"],
    "MD": ["moldova", "moldovan", "moldovei", "moldavia", "moldau", "moldavie",
           "republica moldova",
           "republicii moldova", "moldovenesc", "moldoveneasca", "moldovenesti", "moldaviya",
           "moldovy", "moldovi", "moldove", "moldavii", "moldawien", "moldauische"],
    "MC": ["monegasque",
           "monegasques", "monegasco", "monegasca", "principaute de monaco",
           "furstentum monaco"],
    "ME": ["montenegro", "montenegrin", "crna gora", "tsrna gora", "crne gore", "crnoj gori",
           "crnogorsko", "crnogorski",
           "crnu goru", "crnogorska", "crnogorske", "crnogorskog", "crnogorskih",
           "crnogorskoj", "crnogorskom", "chernogoriya", "chernogorii", "montenegrinische",
           "montenegrine"],
    "NL": ["netherlands", "dutch", "nederland", "nederlandse", "holland", "niederlande",
           "pays bas", "olanda",
           "nederlands", "nederlandsche", "nederlanden", "niederlandische",
           "niederlandischer", "neerlandais", "neerlandaise", "paesi bassi", "paises bajos",
           "niderlandy", "holandia"],
    "MK": ["north macedonia", "macedonia", "macedonian", "makedonija", "makedoniji",
           "severna makedonija",
           "makedonsko", "makedonski", "nordmazedonien",
           "makedonska", "makedonskata", "makedonskiot", "makedonskoto", "makedonskite",
           "makedonije", "sjeverna makedonija", "sjeverne makedonije",
           "severne makedonije", "makedoniya", "mazedonien",
           "macedoine du nord"],
    "NO": ["norway", "norwegian", "norge", "noreg", "norsk", "norske", "norwegen", "norvege",
           "norges", "noregs", "norskt", "norvegia", "noruega", "norwegische",
           "norwegischer", "norvegienne", "noorwegen", "norvegiya", "norwegia"],
    "PL": ["poland", "polish", "polska", "polsce", "polski", "polskie", "polskiego", "polen",
           "pologne", "polonia",
           "polskiej", "polskich", "polskim", "polsko", "polske", "rzeczpospolita polska",
           "rzeczypospolitej polskiej", "polnische", "polnischer"],
    "PT": ["portugal", "portuguese", "portuguesa", "portugues", "portogallo",
           "portugueses", "portuguesas", "portugiesische", "portugiesischer", "portugaise",
           "portoghese", "portugalia", "portugaliya"],
    "RO": ["romania", "romanian", "romana", "romaniei", "rumanien", "roumanie",
           "romanesc", "romaneasca", "romanesti", "romanilor", "rumanische", "rumanischer",
           "roumaine", "roemenie", "rumunia", "rumunsko", "rumyniya", "rumynii"],
    "SM": ["sammarinese",
           "sammarinesi", "repubblica di san marino"],
    "RS": ["serbia", "serbian", "srbija", "srbije", "srbiji", "srpsko", "srpski", "serbiya",
           "serbien", "serbie",
           "srbiju", "srbijom", "srpskog", "srpskih", "srpskom", "republika srbija",
           "republike srbije", "republici srbiji", "serbii", "serbische", "serbischer", "serbe",
           "serwia", "srbsko"],
    "SK": ["slovakia", "slovak", "slovensko", "slovenska", "slovensku", "slovenskej", "slowakei",
           "slovensky",
           "slovaquie",
           "slovenskeho", "slovenskych", "slovenskou", "slovenskym", "slovenska republika",
           "slovenskej republiky", "slovenskou republikou", "slovenskej republike",
           "slowakische", "slowakischer", "slovaque", "slovacchia", "slowakije", "slowacja",
           "slovakiya", "slovakii"],
    "SI": ["slovenia", "slovenian", "slovenija", "slovenije", "sloveniji", "slowenien", "slovenie",
           "slovenijo", "slovenski", "slovenskega", "slovenskem", "slovenskih",
           "republika slovenija", "republike slovenije", "republiki sloveniji", "slovene",
           "slowenische", "slowenischer", "slovenienne",
           "slowenia", "sloveniya", "slovenii"],
    "ES": ["spain", "spanish", "espana", "espanola", "espanol", "spanien", "espagne",
           "spagna",
           "espanoles", "espanolas", "espanya", "espanyola", "espanyol", "espainia",
           "espainiako", "espanha", "espagnole", "spanische", "spanischer", "spagnola",
           "spanje", "hiszpania", "ispaniya", "ispanii"],
    "SE": ["sweden", "swedish", "sverige", "sveriges", "svenska", "svensk", "svenske",
           "schweden", "suede", "svezia",
           "svenskt", "zweden", "suecia", "schwedische", "schwedischer", "suedoise",
           "svedese", "szwecja", "shvetsiya", "shvetsii", "ruotsi", "ruotsin"],
    "CH": ["switzerland", "swiss", "schweiz", "schweizer", "schweizerische", "suisse",
           "svizzera", "svizra", "helvetia",
           "schweizerischer", "schweizerisches", "schweizerischen", "schwiiz", "svizzero",
           "svizzere", "svizzeri", "suisses", "helvetique", "helvetische", "confederatio helvetica",
           "zwitserland", "suiza", "shveytsariya", "shveitsariia", "szwajcaria"],
    "TR": ["turkey", "turkish", "turkiye", "turkei", "turquie", "turchia",
           "turk", "turkiyenin", "turkiye nin", "turkiyede", "turkiye de", "turkiyeden",
           "turkiye cumhuriyeti", "turkische", "turkischer", "turque", "turkije", "turtsiya",
           "turtsii", "turcja"],
    "UA": ["ukraine", "ukrainian", "ukraina", "ukrayina", "ukraini", "ukrainy",
           "ukrainska", "ukrains ka", "ukrainskyi", "vseukrainska", "vseukrains ka",
           "ukrainu", "ukrayinu", "ukrayiny", "ukrayini", "ukrains kiy", "ukrains ke",
           "ukrains kikh", "ukrains koi", "ukrains kogo", "vseukrains kiy", "vseukrains ke",
           "vseukrains koi",
           "ukrainskiy", "ukrainskaya", "ukrainskoe", "ukrainskii", "ukrainskyy",
           "ukrainske", "ukrainskykh", "ukrainskoho", "vseukrainskyi", "vseukrainske",
           "ukrainie", "ukrajina", "ukrajiny", "ukrajine", "ukrajini", "ukrainische",
           "ukrainischer", "ukrainienne", "ukrainien", "oekraine"],
    "GB": ["united kingdom", "uk", "britain", "great britain", "british", "england",
           "english", "scotland", "scottish", "wales", "welsh", "northern ireland",
           "cymru", "cymraeg", "cymreig", "grossbritannien", "royaume uni", "regno unito",
           "reino unido", "vereinigtes konigreich", "verenigd koninkrijk", "britische",
           "britischer", "britannique", "britannico", "britanniya", "velikobritaniya",
           "wielka brytania", "inglaterra", "angleterre", "englische"],
    "XK": ["kosovo", "kosova", "kosoves", "kosovu", "kosovar", "kosovo i metohija",
           "kosove", "kosoven", "kosovare", "kosovaret", "kosovareve", "republika e kosoves",
           "republika kosovo", "kosovo i metohiji"],
}

# International networks whose national sections carry the network's name, in the languages
# their members write it: one network, however written ("Deutsches Rotes Kreuz", "German Red
# Cross"). The bare name and the name with a country can be two members ("Terre des hommes",
# "Terre des hommes Schweiz"). Written as `matching.ascii_lower` leaves them.
NETWORKS: dict[str, list[str]] = {
    "a21": ["a21", "a21 campaign"],
    "actionaid": ["actionaid", "action aid", "actionaid international"],
    "amnesty": [
        "amnesty international", "amnesty", "amnistia internacional", "amnesti interneshnl",
        "amnisti interneshnl", "mezhdunarodnaya amnistiya", "diethnis amnistia",
        "uluslararasi af orgutu",
    ],
    "atd-fourth-world": [
        "atd fourth world", "atd quart monde", "atd vierte welt", "atd vierde wereld",
        "atd cuarto mundo", "atd quarto mondo",
    ],
    "big-brothers-big-sisters": ["big brothers big sisters"],
    # Karitas: Slovene, Ukrainian, Russian, Serbian, Bulgarian, Albanian, Greek, Armenian;
    # Charita: Czech, Slovak; Karitász: Hungarian; Karitasi: Georgian.
    "caritas": [
        "caritas", "charita", "karitas", "karitasz", "karitasi", "k arit asi", "caritasverband",
        "caritas internationalis",
    ],
    "child-helpline": ["child helpline international"],
    "childfund": ["childfund", "childfund alliance", "barnfonden"],
    "defence-for-children": [
        "defence for children", "defense for children", "defense des enfants",
        "defence for children international", "defense des enfants international",
    ],
    "diakonie": [
        "diakonie", "diaconia", "diakonia", "diakonisches werk", "eurodiaconia",
    ],
    "doctors-of-the-world": [
        "doctors of the world", "medecins du monde", "arzte der welt", "aerzte der welt",
        "medicos del mundo", "medici del mondo", "dokters van de wereld", "lekarze swiata",
        "medicos do mundo", "metges del mon", "munduko medikuak", "lakare i varlden",
        "giatroi tou kosmou", "giatroi toy kosmoy", "likari svitu",
        "dunya doktorlari",
    ],
    "doctors-without-borders": [
        "doctors without borders", "medecins sans frontieres", "arzte ohne grenzen",
        "artsen zonder grenzen", "medicos sin fronteras", "medici senza frontiere",
        "lakare utan granser", "leger uten grenser", "laeger uden graenser",
        "medicos sem fronteiras", "metges sense fronteres", "mugarik gabeko medikuak",
        "laakarit ilman rajoja", "laeknar an landamaera", "piirideta arstid",
        "arsti bez robezam", "gydytojai be sienu", "lekarze bez granic", "lekari bez hranic",
        "orvosok hatarok nelkul", "medici fara frontiere", "lijecnici bez granica",
        "lekari bez granica", "ljekari bez granica", "zdravniki brez meja",
        "lekari bez granitsi", "likari bez kordoniv", "vrachi bez granits",
        "vrachi bez granic", "giatroi choris synora", "giatroi horis sinora",
        "giatroi xwris synora", "sinir tanimayan doktorlar", "ekimebi sazghvrebis gareshe",
    ],
    "don-bosco": ["don bosco", "don bosko", "salesiani don bosco"],
    "ecpat": ["ecpat", "ecpat international", "ekpat"],
    "end-violence": ["end violence"],
    "eurochild": ["eurochild"],
    "hope-and-homes": [
        "hope and homes for children", "hope and homes", "nadiya i zhitlo dlya ditey",
        "nadiia i zhytlo dlia ditei", "nadezhda i domove za detsata",
    ],
    "hope-for-justice": ["hope for justice"],
    "innocence-in-danger": ["innocence in danger", "innocence en danger"],
    "ijm": ["international justice mission"],
    "international-social-service": [
        "international social service", "service social international",
        "internationaler sozialdienst", "servizio sociale internazionale",
        "servicio social internacional",
    ],
    "justice-and-care": ["justice and care"],
    "kolping": [
        "kolping", "kolpingwerk", "kolping international", "kolpingfamilie",
        "kolpingsfamilie", "kolping society",
    ],
    "la-strada": ["la strada", "la strada international"],
    "lumos": ["lumos", "lumos foundation"],
    "missing-children": ["missing children europe"],
    "plan": ["plan international", "plan", "plan bornefonden", "planbornefonden"],
    "red-cross": [
        "red cross", "red crescent", "croix rouge", "rotes kreuz", "roten kreuzes",
        "roten kreuz", "rotkreuz", "rode kruis", "roude kraiz", "cruz roja", "creu roja",
        "gurutze gorria", "cruz vermella", "croce rossa", "cruz vermelha", "czerwony krzyz",
        "czerwonego krzyza", "cerveny kriz", "cerveneho krize", "cerveneho kriza",
        "voroskereszt", "voros kereszt", "crucea rosie", "crucii rosii", "crveni kriz",
        "crvenog kriza", "crveni krst", "crvenog krsta", "tsrveni krst", "tsrvenog krsta",
        "crven krst", "tsrven krst", "crveniot krst", "tsrveniot krst", "rdeci kriz",
        "rdecega kriza", "cherven kr st", "cherven krast", "cherven kryst",
        "cherveniya kr st", "cherveniya krast", "punane rist", "punase risti",
        "sarkanais krusts", "sarkana krusta", "raudonasis kryzius", "raudonojo kryziaus",
        "roda korset", "roda korsets", "rode kors", "punainen risti", "punaisen ristin",
        "raudi krossinn", "rauda krossins", "raudi kross", "crois dhearg", "croise deirge",
        "croes goch", "salib l ahmar", "salib ahmar", "chervonyi khrest", "chervoniy khrest",
        "chervonoho khresta", "chervonogo khresta", "krasnyy krest", "krasnyi krest",
        "krasnogo kresta", "erythros stavros", "erythros stayros", "erithros stairos",
        "erythrou stavrou", "erythroy stayroy", "erithrou stairou", "erythrou stayrou",
        "kryqi i kuq", "kryqit te kuq", "kizilay", "kizilhac", "qizil aypara", "qizil xac",
        "karmir khach", "karmir khachi", "karmir xach", "ts iteli jvari", "tsiteli jvari",
        "ts iteli jvris", "tsiteli jvris",
    ],
    "salvation-army": [
        "salvation army", "heilsarmee", "armee du salut", "leger des heils", "frelsesarmeen",
        "fralsningsarmen", "ejercito de salvacion", "esercito della salvezza",
        "exercito de salvacao", "armia zbawienia", "pelastusarmeija", "frelsens haer",
        "hjalpraedisherinn", "paastearmee", "pestisanas armija", "isganymo armija",
        "armada spasy", "udvhadsereg", "armata salvarii", "exercit de salvacio",
        "vojska spasa", "armiya spasinnya", "armiia spasinnia", "armiya spaseniya",
        "armiya na spasenieto", "stratos sotirias", "stratos swtirias", "khsnis armia",
        "kurtulus ordusu",
    ],
    "save-the-children": [
        "save the children", "radda barnen", "radda barnens", "redd barna", "redd barnas",
        "red barnet", "red barnets", "pelastakaa lapset", "salvati copiii", "barnaheill",
        "barnaheilla", "gelbekit vaikus", "gelbekite vaikus", "glabiet bernus",
        "seyv ze children", "seiv ze childreni",
    ],
    "soroptimist": ["soroptimist", "soroptimist international", "soroptimists"],
    "sos-childrens-villages": [
        "sos childrens villages", "sos childrens village", "sos children villages",
        "sos kinderdorf", "sos kinderdorfer", "sos kinderdorf international",
        "sos villages d enfants", "sos villages enfants", "sos kinderdorpen",
        "aldeas infantiles sos", "aldeas infantiles", "aldees infantils sos",
        "aldees infantils", "aldeas infantis sos", "sos haur herriak",
        "sos villaggi dei bambini", "aldeias de criancas sos", "aldeias sos",
        "sos wioski dzieciece", "sos detske vesnicky", "sos detske dedinky",
        "sos gyermekfalvak", "sos gyermekfalu", "sos barnbyar", "sos barnebyer",
        "sos bornebyer", "sos bornebyerne", "sos barnathorp", "sos barnathorpin",
        "sos lapsikylat", "sos lapsikyla", "sos lastekula", "sos lastekulad",
        "sos bernu ciemati", "sos bernu ciemats", "sos vaiku kaimai", "sos vaiku kaimas",
        "sos otroska vas", "sos otroske vasi", "sos djecje selo", "sos djecja sela",
        "sos djecija sela", "sos djecije selo", "sos decja sela", "sos decija sela",
        "sos dechja sela", "sos dechija sela", "sos detsko selo", "sos detski selishta",
        "sos detski selishcha", "sos satele copiilor", "sos dytiachi mistechka",
        "sos dityachi mistechka", "sos dityache mistechko", "sos detskie derevni",
        "paidika choria sos", "paidika horia sos", "paidika xwria sos", "sos paidika choria",
        "paidika choria", "paidika horia", "paidika xwria", "paidikon chorion sos",
        "paidikon horion sos", "paidikwn xwriwn sos", "fshatrat e femijeve sos",
        "sos fshatrat e femijeve", "fshatrat e femijeve", "sos usaq kendleri",
        "sos cocukkoyleri", "sos cocuk koyleri", "sos bavshvta sopeli",
        "sos bavshvta sofeli", "sos bavshvta soplebi", "sos mankakan gyowgher",
        "sos mankakan gyugher",
    ],
    "stop-it-now": ["stop it now"],
    "stop-the-traffik": ["stop the traffik"],
    "terre-des-femmes": ["terre des femmes"],
    "terre-des-hommes": ["terre des hommes", "tdh"],
    "unicef": [
        "unicef", "yunisef", "unitsef", "iunisepi", "iunisefi", "yownisef",
        "yunisefi", "united nations childrens fund", "fonds des nations unies pour enfance",
        "fondo delle nazioni unite per infanzia", "kinderhilfswerk der vereinten nationen",
    ],
    "weisser-ring": ["weisser ring", "white ring"],
    "white-ribbon": ["white ribbon"],
    "world-vision": [
        "world vision", "world vision international", "vorld vizhn", "oworld vizhn",
        "vorld vizheni", "uorld vizhn",
    ],
    # YMCA: CVJM in German, Cevi in Switzerland, KFUM in Scandinavia, NMKY in Finland,
    # NMKÜ in Estonia; the Norwegian and Icelandic unions are YMCA and YWCA in one.
    "ymca": [
        "ymca", "young mens christian association", "cvjm", "cevi", "kfum", "kfuk kfum",
        "kfum kfuk", "kfum og kfuk", "kfuk og kfum", "nmky", "nmku",
    ],
    "ywca": ["ywca", "young womens christian association", "kfuk", "nnky"],
}

# Where a network's international body sits: there, and only there, its bare name may be the
# international body as well as the national member ("Fondation Terre des hommes" in Lausanne,
# "Terre des hommes Schweiz" in Basel); elsewhere the bare name is the national member.
NETWORK_HOMES: dict[str, str] = {
    "amnesty": "GB", "child-helpline": "NL", "defence-for-children": "CH",
    "doctors-of-the-world": "FR", "doctors-without-borders": "CH", "eurochild": "BE",
    "la-strada": "NL", "missing-children": "BE", "plan": "GB", "red-cross": "CH",
    "save-the-children": "GB", "sos-childrens-villages": "AT", "terre-des-hommes": "CH",
    "world-vision": "GB", "caritas": "IT", "ymca": "CH", "ywca": "CH", "salvation-army": "GB",
    "hope-and-homes": "GB", "lumos": "GB", "kolping": "DE", "don-bosco": "IT",
    "international-social-service": "CH", "atd-fourth-world": "FR", "soroptimist": "GB",
    "stop-the-traffik": "GB",
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


def concept_of(*, kinds: bool = True) -> dict[str, str]:
    """word → concept; a word listed twice (a translator's slip) keeps its first concept.

    With `kinds` (the default), ORG_KINDS words too, each as its kind ("stiftelsen" →
    "foundation"): a kind is one word across languages, as a concept is. Concept and kind names
    never coincide, so "#foundation" is always a kind.
    """
    table: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            table.setdefault(word, concept)
    if kinds:
        for kind, words in ORG_KINDS.items():
            for word in words:
                table.setdefault(word, kind)
    return table


def kind_of() -> dict[str, str]:
    """word → kind of body: "udruzenja" → "association", "vakfi" → "foundation"."""
    return {word: kind for kind, words in ORG_KINDS.items() for word in words}


def place_of() -> dict[str, str]:
    """spelling → city: "belgrade" → "beograd", "kiev" → "kyiv" (a key is not a spelling unless
    listed: "roma" is not, being also the Romani people)."""
    return {spelling: place for place, spellings in PLACES.items() for spelling in spellings}


def country_of() -> dict[str, str]:
    """name or adjective → ISO code: "sverige" → "SE", "hellenic" → "GR"."""
    return {name: code for code, names in COUNTRIES.items() for name in names}
