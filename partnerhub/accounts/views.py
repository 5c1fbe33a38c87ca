"""Pages for signing up, signing in and out, passwords, and the signed-in user's profile.

Signing in, out and the password pages are Django's own views with our forms and
templates; the writes of the pages written here are in services.py.
"""

from __future__ import annotations

from typing import Any

from axes.utils import reset as reset_failed_sign_ins
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.generic import FormView, TemplateView

from partnerhub.accounts.forms import (
    ProfileForm,
    ResendVerificationForm,
    SignInForm,
    SignUpForm,
    ThrottledPasswordResetForm,
    add_service_errors,
)
from partnerhub.accounts.links import LINK_MAX_AGE
from partnerhub.accounts.services import (
    confirm_email_change,
    register_user,
    request_email_change,
    update_profile,
    verify_email,
)
from partnerhub.api.forms import TokenForm
from partnerhub.api.models import ApiToken
from partnerhub.api.services import IssuedToken, create_token, revoke_token

# Several authentication backends are configured, so login() must be told which one
# vouches for a user signed in by a confirmation link rather than by a password.
LINK_SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def site_url(request: HttpRequest) -> str:
    """Scheme and host the request came to: the start of every link we e-mail."""
    return request.build_absolute_uri("/").rstrip("/")


# --- Signing up and confirming the address -----------------------------------------------


@method_decorator(sensitive_post_parameters("password1", "password2"), name="dispatch")
class SignUpView(FormView):
    """Create an account; it works once the link e-mailed to its address is opened."""

    template_name = "accounts/signup.html"
    form_class = SignUpForm
    success_url = reverse_lazy("accounts:signup-done")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            return redirect("accounts:profile")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            register_user(
                username=data["username"],
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                site_url=site_url(self.request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return super().form_valid(form)


class SignUpDoneView(TemplateView):
    template_name = "accounts/signup_done.html"
    extra_context = {"days": LINK_MAX_AGE.days}


@never_cache
@require_GET
def verify_email_view(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the sign-up e-mail: activate the account and sign its owner in."""
    try:
        user = verify_email(token)
    except ValidationError as error:
        return render(
            request,
            "accounts/link_failed.html",
            {"error": error, "offer_new_confirmation": True},
            status=400,
        )
    login(request, user, backend=LINK_SIGN_IN_BACKEND)
    messages.success(request, _("Your e-mail address is confirmed. Welcome to Partnerhub!"))
    # A redirect, so the link is not left in the address bar or in Referer headers.
    return redirect("accounts:profile")


class ResendVerificationView(FormView):
    """Ask for a new confirmation link; the answer is the same for every address."""

    template_name = "accounts/resend_verification.html"
    form_class = ResendVerificationForm
    success_url = reverse_lazy("accounts:resend-verification-done")

    def form_valid(self, form: ResendVerificationForm) -> HttpResponse:
        form.save(site_url=site_url(self.request))
        return super().form_valid(form)


class ResendVerificationDoneView(TemplateView):
    template_name = "accounts/resend_verification_done.html"
    extra_context = {"days": LINK_MAX_AGE.days}


# --- Signing in and out, passwords (Django's views, our forms and templates) -----------------


class SignInView(auth_views.LoginView):
    """Sign in with a username or an e-mail address; django-axes stops password guessing."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """Sign out (POST only, as Django's view requires)."""

    template_name = "accounts/logged_out.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password-change-done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; the answer is the same whether or not the address has an account."""

    template_name = "accounts/password_reset_form.html"
    form_class = ThrottledPasswordResetForm
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the e-mailed link.

    Whoever can read the account's mail may set its password, so a successful reset also
    lifts a django-axes lock on the account: its owner can sign in at once.
    """

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        reset_failed_sign_ins(username=form.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# --- The profile: name, address, roles and personal API tokens --------------------------------


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user as a plain ``User``, fit for services.

    ``request.user`` is a lazy wrapper; services that look at a record's type (the search
    index, the audit trail) need the model instance itself.
    """
    if not request.user.is_authenticated:  # the views are login_required; this is a guard
        raise PermissionDenied
    return User.objects.get(pk=request.user.pk)


def render_profile(
    request: HttpRequest,
    *,
    details_form: ProfileForm | None = None,
    token_form: TokenForm | None = None,
    issued: IssuedToken | None = None,
) -> HttpResponse:
    """The profile page, with the forms as submitted (errors shown) or fresh."""
    user = signed_in_user(request)
    roles = (
        user.role_assignments.current()
        .select_related("organisation", "partnership")
        .order_by("role", "start", "pk")
    )
    context = {
        "details_form": details_form or ProfileForm(user),
        "token_form": token_form or TokenForm(),
        "issued": issued,
        "tokens": ApiToken.objects.filter(user=user),
        "roles": roles,
    }
    return render(request, "accounts/profile.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own page; a POST changes their name or e-mail address."""
    user = signed_in_user(request)
    form = ProfileForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                update_profile(
                    user, first_name=data["first_name"], last_name=data["last_name"], by=user
                )
                link_sent = request_email_change(
                    user, data["email"], site_url=site_url(request), by=user
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your details are saved."))
            if link_sent:
                messages.info(
                    request,
                    _(
                        "We sent a link to %(email)s. Your e-mail address changes when you "
                        "open it; until then we keep writing to the current one."
                    )
                    % {"email": data["email"]},
                )
            return redirect("accounts:profile")
    return render_profile(request, details_form=form)


@never_cache
@require_GET
def confirm_email_view(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent to a new address: make it the account's address."""
    try:
        user = confirm_email_change(token)
    except ValidationError as error:
        return render(request, "accounts/link_failed.html", {"error": error}, status=400)
    return render(request, "accounts/email_changed.html", {"email": user.email})


@never_cache  # the response shows a new key: no cache may keep it
@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create a personal API token and show its key, this once, on the profile page."""
    user = signed_in_user(request)
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            issued = create_token(
                user, form.cleaned_data["name"], expires_at=form.expires_at(), by=user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render_profile(request, issued=issued)
    return render_profile(request, token_form=form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's own tokens; anyone else's is not found."""
    user = signed_in_user(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=user)
    revoke_token(token, by=user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:profile")
