from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from laurel.api import tokens
from laurel.api.enums import Scope
from laurel.api.forms import TokenForm
from laurel.api.models import ApiToken
from laurel.core.permissions import require


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    require(request.user, "api.manage_tokens")
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = tokens.create_token(**form.cleaned_data, actor=request.user)
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": ApiToken.objects.select_related("created_by"),
            "scope_labels": dict(Scope.choices),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    require(request.user, "api.manage_tokens")
    tokens.revoke_token(get_object_or_404(ApiToken, pk=pk), actor=request.user)
    messages.success(request, _("The token is revoked: it no longer opens anything."))
    return redirect("api_tokens:list")
