//! Login, logout, the language switch, preferences and set-password links.

use jisr_core::CoreError;
use jisr_core::accounts::{self, Login};
use minijinja::context;

use super::what;
use crate::ctx::{Ctx, LANG_COOKIE, Out, PageResult, SESSION_COOKIE, safe_next};
use crate::i18n::Lang;
use crate::render::html;

const YEAR: i64 = 365 * 24 * 3600;

pub fn login_form(ctx: &mut Ctx) -> PageResult {
    if ctx.actor.is_some() {
        return Ok(Out::Redirect(safe_next(ctx.req.q("next")).to_string()));
    }
    let next = safe_next(ctx.req.q("next")).to_string();
    html(
        ctx,
        "login.html",
        context! { next, email => "", error => false },
    )
}

pub fn login(ctx: &mut Ctx) -> PageResult {
    let email = ctx.req.f("email").trim().to_lowercase();
    let password = ctx.req.f("password").to_string();
    let next = safe_next(ctx.req.f("next")).to_string();
    // Per address, beside the per-account lockout in accounts::login.
    if ctx.st.guard.locked(&ctx.req.ip).is_some() {
        ctx.audit = Some(what(
            "Auth",
            "login_fail",
            0,
            "",
            format!("console: {email}: address locked out"),
        ));
        ctx.keep = true;
        return html(ctx, "login.html", context! { next, email, error => true });
    }
    match accounts::login(ctx.tx, &ctx.st.secret, &email, &password)? {
        Login::Ok { user_id, token } => {
            ctx.st.guard.succeeded(&ctx.req.ip);
            ctx.actor = Some(jisr_core::auth::actor_for_user(ctx.tx, user_id)?);
            ctx.cookie(SESSION_COOKIE, &token, accounts::SESSION_SECONDS);
            ctx.audit = Some(what("Auth", "login", user_id, "", "console".into()));
            Ok(Out::Redirect(next))
        }
        Login::Refused { user_id, reason } => {
            // The failure counter and the audit entry are kept although the
            // login is refused.
            ctx.keep = true;
            ctx.st.guard.failed(&ctx.req.ip);
            ctx.audit = Some(what(
                "Auth",
                "login_fail",
                user_id,
                "",
                format!("console: {email}: {reason}"),
            ));
            html(ctx, "login.html", context! { next, email, error => true })
        }
    }
}

pub fn logout(ctx: &mut Ctx) -> PageResult {
    let token = ctx
        .req
        .cookies
        .get(SESSION_COOKIE)
        .cloned()
        .unwrap_or_default();
    accounts::logout(ctx.tx, &ctx.st.secret, &token)?;
    if let Some(a) = &ctx.actor {
        ctx.audit = Some(what("Auth", "logout", a.user_id, "", "console".into()));
    }
    ctx.cookie(SESSION_COOKIE, "", 0);
    Ok(Out::Redirect("/ui/login".into()))
}

/// Remembers the chosen language in a cookie and, when logged in, in the
/// user's preferences (so it follows them to another browser).
pub fn switch_lang(ctx: &mut Ctx) -> PageResult {
    let lang = Lang::parse(ctx.req.f("lang")).unwrap_or(Lang::En);
    ctx.cookie(LANG_COOKIE, lang.code(), YEAR);
    if let Some(a) = ctx.actor.clone() {
        ctx.tx.user_pref_set(a.user_id, "lang", lang.code())?;
    }
    Ok(Out::Redirect(safe_next(ctx.req.f("next")).to_string()))
}

pub fn prefs_form(ctx: &mut Ctx) -> PageResult {
    ctx.actor()?;
    html(
        ctx,
        "prefs.html",
        context! { saved => ctx.req.q("saved") == "1" },
    )
}

pub fn prefs(ctx: &mut Ctx) -> PageResult {
    let a = ctx.actor()?;
    let digits = if ctx.req.f("digits") == "arab" {
        "arab"
    } else {
        "latn"
    };
    let hijri = if ctx.req.f("hijri") == "1" { "1" } else { "0" };
    ctx.tx.user_pref_set(a.user_id, "digits", digits)?;
    ctx.tx.user_pref_set(a.user_id, "hijri", hijri)?;
    if let Some(l) = Lang::parse(ctx.req.f("lang")) {
        ctx.tx.user_pref_set(a.user_id, "lang", l.code())?;
        ctx.cookie(LANG_COOKIE, l.code(), YEAR);
    }
    Ok(Out::Redirect("/ui/prefs?saved=1".into()))
}

pub fn password_form(ctx: &mut Ctx) -> PageResult {
    let token = ctx.req.param("token").to_string();
    let user = accounts::link_user(ctx.tx, &ctx.st.secret, &token)?;
    html(
        ctx,
        "password.html",
        context! { valid => user.is_some(), email => user.map(|u| u.email), error => "" },
    )
}

pub fn password(ctx: &mut Ctx) -> PageResult {
    let token = ctx.req.param("token").to_string();
    let Some(user) = accounts::link_user(ctx.tx, &ctx.st.secret, &token)? else {
        return html(
            ctx,
            "password.html",
            context! { valid => false, error => "" },
        );
    };
    let (pw, again) = (ctx.req.f("password"), ctx.req.f("password2"));
    let error = if pw != again {
        "password-mismatch"
    } else {
        match accounts::use_link(ctx.tx, &ctx.st.secret, &token, pw) {
            Ok(_) => "",
            Err(CoreError::Validation { errors, .. }) => {
                if errors.to_string().contains("too-long") {
                    "password-too-long"
                } else {
                    "password-too-short"
                }
            }
            Err(e) => return Err(e.into()),
        }
    };
    if !error.is_empty() {
        return html(
            ctx,
            "password.html",
            context! { valid => true, email => user.email, error },
        );
    }
    ctx.audit = Some(what(
        "User",
        "password_set",
        user.id,
        "",
        "console link".into(),
    ));
    Ok(Out::Redirect("/ui/login?set=1".into()))
}
