"""Pages cut into sections (one `partialdef` each): a form sent by htmx names its section
(`hx-target`), and a refusal comes back as that section alone, with the error next to the field
and what was typed; without JavaScript the whole page comes back, the same way. Used by the
candidate page and the final-selection page."""

from functools import wraps
from urllib.parse import urlsplit

from django.http.response import HttpResponseRedirectBase
from django_htmx.http import HttpResponseClientRedirect


def section_form(view):
    """A view behind a form of a page cut into sections: a refusal comes back as the form's
    section (the view renders it); when the view is done and redirects, the browser loads the
    page it names as a whole (HX-Redirect), since other sections may have changed too. On the
    same page with only its #section changed, the browser would merely scroll: it reloads."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not (request.htmx and isinstance(response, HttpResponseRedirectBase)):
            return response
        to = response["Location"]
        redirect_to = HttpResponseClientRedirect(to)
        here = urlsplit(request.htmx.current_url or "")
        there = urlsplit(request.build_absolute_uri(to))
        if (here.path, here.query) == (there.path, there.query):
            redirect_to["HX-Refresh"] = "true"
        return redirect_to

    return wrapped
