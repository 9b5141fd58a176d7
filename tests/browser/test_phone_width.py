"""At a phone's width (390 px) a staff page with a wide table scrolls the table, not the page:
the table's visually hidden headings must not stretch the page sideways."""

import pytest

from tests.browser.helpers import signed_in_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_wide_staff_tables_scroll_inside_the_page_at_390_px(page, live_server, child10, axe):
    from tests.conftest import make_user

    staff = make_user("staff")
    make_user("laureate", cycle=child10)
    signed_in_as(page, live_server, staff)
    page.set_viewport_size({"width": 390, "height": 844})

    widths = {}
    for path in ["/sv/staff/users/", "/sv/staff/api-tokens/"]:
        page.goto(f"{live_server.url}{path}")
        widths[path] = page.evaluate("document.scrollingElement.scrollWidth")

    assert widths == {"/sv/staff/users/": 390, "/sv/staff/api-tokens/": 390}
    assert axe(page) == []
