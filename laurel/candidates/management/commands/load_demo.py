# ruff: noqa: E501  (the demo batch is a table: one nomination per line reads best)
"""`manage.py load_demo`: a realistic, fictional batch of nominations for the current award.

Organisations across Europe, nominated in their own languages and in English, with the
duplicates a real call brings: the same organisation by its website, without diacritics, in
another transliteration, with a typo; two different organisations that look alike; a
self-nomination with details the safeguarding check flags; a coordinated burst from one email
domain. Every nomination goes through the nominators' own services (save, submit, confirm), so
candidates, suggestions and flags come from the real code. All names and addresses are made up
(`.example` domains); any likeness to a real organisation is an accident.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from laurel.cycles.queries import public_cycle
from laurel.nominations import services
from laurel.nominations.models import Nomination, hash_token, new_token

DEMO_DOMAIN = "demo.example"
FLAGGED = (
    "Last spring Anna, 13, wrote to our chat from 070-123 45 67; we helped her and her family. "
    "We train moderators and run the helpline every night."
)
ANSWERS = {
    "en": "For ten years it has run a night-time helpline and trained platform moderators to "
    "spot grooming; it publishes what it learns and works with police and schools.",
    "sv": "Organisationen driver en stödchatt på kvällar och nätter och utbildar moderatorer på "
    "plattformar i att känna igen grooming. Den samarbetar med skolor och polis.",
    "de": "Der Verein betreibt eine Beratung im Chat, schult Moderatorinnen und Moderatoren von "
    "Plattformen und arbeitet mit Schulen und Polizei zusammen.",
    "pl": "Fundacja prowadzi telefon zaufania i szkoli moderatorów platform internetowych, "
    "współpracuje ze szkołami i policją.",
    "fr": "L'association anime une ligne d'écoute et forme les modérateurs des plateformes au "
    "repérage de la sollicitation d'enfants en ligne.",
}
# (organisation key, name as written, country, website, registration, language, relationship,
#  nominator email or "", answer override or "")
NOMINATIONS = [
    ("kinderschutz", "Digitaler Kinderschutzbund e.V.", "DE", "https://kinderschutzbund-digital.example", "VR 20431", "de", "partner", "", ""),
    ("kinderschutz", "Digitaler Kinderschutzbund", "DE", "www.kinderschutzbund-digital.example/ueber-uns", "", "de", "funder", "", ""),
    ("kinderschutz", "Kinderschutzbnd Digitaler", "DE", "", "", "en", "observer", "", ""),
    ("bezpieczne", "Fundacja Bezpieczne Dzieci w Sieci", "PL", "https://bezpieczne-dzieci.example", "0000123456", "pl", "partner", "", ""),
    ("bezpieczne", "Safe Children Online Foundation", "PL", "bezpieczne-dzieci.example/en", "", "en", "funder", "", ""),
    ("mreza", "Udruga Sigurna Mreža", "HR", "", "", "en", "partner", "", ""),
    ("mreza", "Sigurna Mreza udruga", "HR", "", "", "en", "observer", "", ""),
    ("bezpechni", "Фонд Безпечні Діти", "UA", "", "", "en", "partner", "", ""),
    ("bezpechni", "Fond Bezpechni Dity", "UA", "", "", "en", "beneficiary", "", ""),
    ("internetwacht", "Stichting Internetwacht", "NL", "", "", "en", "partner", "", ""),
    ("internetwacht", "Internetwatch Stichting", "NL", "", "", "en", "observer", "", ""),
    ("vanskapsbron", "Stiftelsen Vänskapsbron", "SE", "", "", "sv", "partner", "", ""),
    ("vanskapsbyn", "Stiftelsen Vänskapsbyn", "SE", "", "", "sv", "observer", "", ""),
    ("trygga", "Stiftelsen Trygga Nätet", "SE", "https://trygga-natet.example", "802000-0001", "sv", "partner", "", ""),
    ("trygga", "Trygga Natet stiftelse", "SE", "", "8020000001", "en", "observer", "", ""),
    ("lumiere", "Association Lumière Numérique", "FR", "https://lumiere-numerique.example", "", "fr", "partner", "", ""),
    ("harbour", "Harbourlight Trust", "GB", "https://harbourlight.example", "1187654", "en", "self", "", FLAGGED),
    ("copii", "Asociația Copii în Siguranță", "RO", "https://copii-siguranta.example", "", "en", "partner", "ana@campaign-ro.example", ""),
    ("copii", "Asociatia Copii in Siguranta", "RO", "copii-siguranta.example", "", "en", "partner", "mihai@campaign-ro.example", ""),
    ("copii", "Copii in Siguranta", "RO", "", "", "en", "partner", "ioana@campaign-ro.example", ""),
    ("valo", "Digitaalinen Valo ry", "FI", "https://digitaalinen-valo.example", "", "en", "partner", "", ""),
    ("fos", "Σύλλογος Ψηφιακό Φως", "GR", "", "", "en", "observer", "", ""),
    ("ponte", "Associazione Ponte Sicuro", "IT", "https://ponte-sicuro.example", "97531", "en", "partner", "", ""),
    ("casa", "Associação Casa Segura Digital", "PT", "", "", "en", "funder", "", ""),
    ("linka", "Linka Bezpečí Online z.s.", "CZ", "https://linka-online.example", "", "en", "partner", "", ""),
    ("sviesa", "Vaikų Šviesa", "LT", "", "", "en", "observer", "", ""),
    ("speranta", "Asociația Speranța Moldova", "MD", "", "", "en", "partner", "", ""),
    ("kids-is", "Barnaheill á Netinu", "IS", "", "", "en", "partner", "", ""),
]  # fmt: skip


class Command(BaseCommand):
    help = "Load a fictional batch of nominations, with duplicates, into the current award."

    def handle(self, *args, **options):
        cycle = public_cycle()
        if cycle is None:
            raise CommandError("No award is open: run `make run` or load_award --open-now first.")
        if Nomination.objects.filter(nominator_email__endswith=DEMO_DOMAIN).exists():
            self.stdout.write("The demo nominations are there already; nothing was added.")
            return
        # Only the organisations the award may take: each is in one of its eligible countries.
        eligible = set(cycle.eligible_countries)
        rows = [row for row in NOMINATIONS if row[2] in eligible]
        criteria = [str(n) for n in cycle.criteria.values_list("number", flat=True)]
        with transaction.atomic():
            for number, row in enumerate(rows, start=1):
                self._nominate(cycle, criteria, number, *row)
        self.stdout.write(
            f"{len(rows)} demo nominations added to {cycle.slug}; "
            "see Candidates and Possible duplicates in the staff area."
        )

    def _nominate(self, cycle, criteria, number, _key, name, country, website, registration, language,
                  relationship, email, answer):  # fmt: skip
        token, _hash = new_token()
        text = answer or ANSWERS.get(language, ANSWERS["en"])
        draft, _created = services.save_draft(
            cycle,
            token=token,
            language=language if language in {"sv", "en"} else "en",
            send_resume_link=False,
            complete=True,
            data={
                "org_name": name,
                "org_country": country,
                "org_website": website if not website or "://" in website else f"https://{website}",
                "org_no_website": not website,
                "org_registration_number": registration,
                "org_description": text[:200],
                "nominator_name": f"Demo Nominator {number}",
                "nominator_email": email or f"nominator{number}@{DEMO_DOMAIN}",
                "relationship": relationship,
                # Child10 asks whether the organisation knows (another award may not).
                "question_answers": {
                    q.key: "yes" for q in cycle.asked_questions() if q.key == "organisation_aware"
                },
                "preferred_language": "sv" if language == "sv" else "en",
                "answers": dict.fromkeys(criteria, text),  # one for each of the award's
                "declared_true": True,
                "declared_safeguarding": True,
                "declared_privacy": True,
            },
        )
        nomination = services.submit_nomination(draft, token=token, acknowledged=True)
        # The nominator's click on the emailed link, without the email: the same service.
        confirm_token = f"demo-{number}-{token}"
        Nomination.objects.filter(pk=nomination.pk).update(
            confirm_token_hash=hash_token(confirm_token)
        )
        services.confirm_nomination(confirm_token)
