import pytest

from laurel.nominations.safeguarding import scan_text


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in scan_text("answer_1", text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We supported Anna, 14, through the trial.", ["name_and_age"]),
        ("Lina (15) was contacted on a game platform.", ["name_and_age"]),
        ("Erik 13 år blev kontaktad via appen.", ["name_and_age"]),
        ("a 12-year-old girl called Maja", ["name_and_age"]),
        ("Call +46 70 123 45 67 for details.", ["phone"]),
        ("Ring 070-123 45 67.", ["phone"]),
        ("Personnummer 850709-9805 found in chat.", ["identity_number"]),
        ("She lives at Storgatan 12 in Malmö.", ["address"]),
        ("The flat at 14 Baker Street was used.", ["address"]),
        ("Write to anna.svensson@gmail.com", ["private_email"]),
        ("His handle was @darkstar_99 on the forum.", ["social_handle"]),
        ("See instagram.com/some.profile for the posts", ["social_handle"]),
    ],
)
def test_identifying_details_are_found(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Article 34 of the Convention protects children from sexual exploitation.",
        "Between 2019-2021 the helpline answered 12,000 calls.",
        "Contact info@safe-online.example.org or visit https://safe-online.example.org.",
        "Founded in 2009, it has 14 staff and works in 3 countries.",
        "SDG 16 and Goal 5 guide the programme.",
        "It trained 1 200 moderators in 2023.",
    ],
)
def test_ordinary_descriptions_of_work_are_not_flagged(text):
    assert kinds(text) == []
