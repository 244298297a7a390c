//! Templates (minijinja, auto-escaped, embedded) and the helpers they call:
//! `t()` for every text, `num`/`day`/`ts` filters that honour the user's
//! digit and calendar preferences.

use std::sync::Arc;

use axum::http::StatusCode;
use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State, context};

use crate::ctx::{Ctx, Digits, Out, PageResult};
use crate::i18n::{Lang, Translations, arabic_digits};

pub struct Ui {
    pub env: Environment<'static>,
    pub tr: Arc<Translations>,
}

const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../templates/layout.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("password.html", include_str!("../templates/password.html")),
    ("prefs.html", include_str!("../templates/prefs.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    ("events.html", include_str!("../templates/events.html")),
    ("event.html", include_str!("../templates/event.html")),
    (
        "event_form.html",
        include_str!("../templates/event_form.html"),
    ),
    (
        "attribute_form.html",
        include_str!("../templates/attribute_form.html"),
    ),
    (
        "object_form.html",
        include_str!("../templates/object_form.html"),
    ),
    ("search.html", include_str!("../templates/search.html")),
    (
        "admin_orgs.html",
        include_str!("../templates/admin_orgs.html"),
    ),
    (
        "admin_users.html",
        include_str!("../templates/admin_users.html"),
    ),
    (
        "admin_roles.html",
        include_str!("../templates/admin_roles.html"),
    ),
    (
        "admin_groups.html",
        include_str!("../templates/admin_groups.html"),
    ),
    ("audit.html", include_str!("../templates/audit.html")),
    ("confirm.html", include_str!("../templates/confirm.html")),
    (
        "server_form.html",
        include_str!("../templates/server_form.html"),
    ),
    (
        "admin_servers.html",
        include_str!("../templates/admin_servers.html"),
    ),
    (
        "admin_tags.html",
        include_str!("../templates/admin_tags.html"),
    ),
    (
        "report_form.html",
        include_str!("../templates/report_form.html"),
    ),
    (
        "object_edit.html",
        include_str!("../templates/object_edit.html"),
    ),
    (
        "role_form.html",
        include_str!("../templates/role_form.html"),
    ),
];

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::En)
}

fn shape_digits(state: &State, s: String) -> String {
    let arabic = state
        .lookup("digits")
        .is_some_and(|v| v.as_str() == Some("arab"));
    if arabic { arabic_digits(&s) } else { s }
}

fn to_fluent(v: &Value) -> FluentValue<'static> {
    if let Some(i) = v.as_i64() {
        FluentValue::from(i)
    } else {
        FluentValue::from(v.to_string())
    }
}

impl Ui {
    pub fn load() -> Result<Ui, String> {
        let tr = Arc::new(Translations::load()?);
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| format!("template {name}: {e}"))?;
        }
        let t_tr = tr.clone();
        env.add_function(
            "t",
            move |state: &State, id: String, kwargs: Kwargs| -> Result<String, Error> {
                let mut args = vec![];
                for key in kwargs.args() {
                    let v: Value = kwargs.get(key)?;
                    args.push((key, to_fluent(&v)));
                }
                Ok(t_tr.get(lang_of(state), &id, &args))
            },
        );
        env.add_filter("num", |state: &State, v: Value| {
            shape_digits(state, v.to_string())
        });
        let d_tr = tr.clone();
        // Dates are isolated (LRI … PDI) so that "2024-07-08" keeps its
        // order inside right-to-left text; the Hijri date follows in the
        // reader's language, isolated by first strong character (FSI).
        env.add_filter("day", move |state: &State, v: String| {
            let mut out = format!("\u{2066}{v}\u{2069}");
            if state.lookup("hijri").is_some_and(|h| h.is_true())
                && let Some(h) = crate::hijri::from_iso(&v)
            {
                let month = d_tr.get(lang_of(state), &format!("hijri-month-{}", h.month), &[]);
                let suffix = d_tr.get(lang_of(state), "hijri-suffix", &[]);
                out = format!(
                    "{out} (\u{2068}{} {month} {} {suffix}\u{2069})",
                    h.day, h.year
                );
            }
            shape_digits(state, out)
        });
        env.add_filter("ts", |state: &State, v: i64| -> Result<String, Error> {
            let dt = chrono::DateTime::from_timestamp(v, 0)
                .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "timestamp out of range"))?;
            Ok(shape_digits(
                state,
                dt.format("\u{2066}%Y-%m-%d %H:%M UTC\u{2069}").to_string(),
            ))
        });
        Ok(Ui { env, tr })
    }
}

/// Renders `template` with the page-wide context (language, direction, the
/// user, the CSRF token, preferences) and `extra`.
pub fn page(ctx: &mut Ctx, template: &str, extra: Value) -> Result<String, minijinja::Error> {
    let actor = ctx.actor.as_ref();
    let base = context! {
        lang => ctx.lang.code(),
        dir => ctx.lang.dir(),
        other_lang => if ctx.lang == Lang::Ar { "en" } else { "ar" },
        csrf => ctx.csrf.clone(),
        digits => if ctx.digits == Digits::Arabic { "arab" } else { "latn" },
        hijri => ctx.hijri,
        path => ctx.req.path.clone(),
        asset_version => crate::assets::VERSION,
        user => actor.map(|a| context! {
            email => a.email.clone(),
            site_admin => a.is_site_admin(),
            org_admin => a.is_org_admin(),
            audit => a.is_site_admin(),
        }),
    };
    let tmpl = ctx.st.ui.env.get_template(template)?;
    tmpl.render(context! { ..extra, ..base })
}

/// A page for the handler to return.
pub fn html(ctx: &mut Ctx, template: &str, extra: Value) -> PageResult {
    match page(ctx, template, extra) {
        Ok(h) => Ok(Out::Page(h)),
        Err(e) => {
            tracing::error!("template {template}: {e:#}");
            Ok(Out::Page(error_page(
                ctx,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            )))
        }
    }
}

pub fn error_page(ctx: &mut Ctx, status: StatusCode, message_id: &str) -> String {
    let extra = context! { status => status.as_u16(), message => message_id };
    match page(ctx, "error.html", extra) {
        Ok(h) => h,
        Err(e) => {
            tracing::error!("error template: {e:#}");
            format!("<!doctype html><title>{}</title>", status.as_u16())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_template_file_is_embedded_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut embedded: Vec<String> = TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(files, embedded);
        assert!(Ui::load().is_ok());
    }

    #[test]
    fn dates_are_isolated_and_follow_the_preferences() {
        let ui = Ui::load().unwrap();
        let render = |tmpl: &str, ctx: Value| ui.env.render_str(tmpl, ctx).unwrap();
        let plain = render("{{ 86400|ts }}", context! { lang => "en" });
        assert_eq!(plain, "\u{2066}1970-01-02 00:00 UTC\u{2069}");
        let arabic = render(
            "{{ '2024-07-08'|day }}",
            context! { lang => "ar", digits => "arab", hijri => true },
        );
        assert!(arabic.starts_with("\u{2066}٢٠٢٤-٠٧-٠٨\u{2069}"), "{arabic}");
        assert!(arabic.contains("١ محرم ١٤٤٦ هـ"), "{arabic}");
        let english = render(
            "{{ '2024-07-08'|day }}",
            context! { lang => "en", hijri => true },
        );
        assert!(english.contains("1 Muharram 1446 AH"), "{english}");
        assert_eq!(render("{{ t('yes') }}", context! { lang => "ar" }), "نعم");
    }
}
