"""Pages of the accounts app, under /accounts/ (and /pl/accounts/, /sl/accounts/)."""

from django.urls import URLPattern, URLResolver, path

from partnerhub.accounts import views

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("signup/done/", views.SignUpDoneView.as_view(), name="signup-done"),
    path("verify/resend/", views.ResendVerificationView.as_view(), name="resend-verification"),
    path(
        "verify/resend/done/",
        views.ResendVerificationDoneView.as_view(),
        name="resend-verification-done",
    ),
    path("verify/<str:token>/", views.verify_email_view, name="verify-email"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password-change"),
    path(
        "password/change/done/",
        views.PasswordChangeDoneView.as_view(),
        name="password-change-done",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/done/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("profile/", views.profile, name="profile"),
    path("email/confirm/<str:token>/", views.confirm_email_view, name="confirm-email"),
    path("tokens/", views.token_create, name="token-create"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
]
