"""The accessibility check every browser test leans on finds what it is there to find: a page
with known WCAG failures gives exactly those (and a clean page none), so that `axe(page) == []`
elsewhere cannot pass because the check looked at nothing."""


def test_the_check_names_each_failure_on_a_page_made_to_fail(page, axe):
    page.set_content(
        """<!doctype html><html lang="en"><head><title>Made to fail</title></head><body>
        <main><h1>Made to fail</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <p style="color:#bbb;background:#fff">Grey on white, too faint to read.</p>
        <input type="text" name="unlabelled">
        <a href="/somewhere"></a></main></body></html>"""
    )

    found = {rule for rule, _help, _targets in axe(page)}

    assert found == {"image-alt", "color-contrast", "label", "link-name"}


def test_a_page_without_failures_is_clean(page, axe):
    page.set_content(
        """<!doctype html><html lang="en"><head><title>Clean</title></head><body>
        <main><h1>Clean</h1><p>Dark on white.</p>
        <label for="name">Name</label><input id="name" type="text">
        <a href="/somewhere">Somewhere</a></main></body></html>"""
    )

    assert axe(page) == []
