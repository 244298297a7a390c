//! The console's pages, one module per area.

mod actions;
mod admin;
mod auth;
mod delete;
mod edit;
mod events;
mod reports;
mod roles;
mod search;
mod servers;
mod tags;

use axum::Router;
use axum::extract::{RawPathParams, Request, State};
use axum::routing::MethodRouter;
use jisr_core::audit::What;

use crate::WebState;
use crate::ctx::{Handler, run};

fn get(h: Handler) -> MethodRouter<WebState> {
    axum::routing::get(move |st: State<WebState>, p: RawPathParams, req: Request| {
        run(st, p, req, h, false)
    })
}

fn post(h: Handler) -> MethodRouter<WebState> {
    axum::routing::post(move |st: State<WebState>, p: RawPathParams, req: Request| {
        run(st, p, req, h, true)
    })
}

fn both(g: Handler, p: Handler) -> MethodRouter<WebState> {
    get(g).merge(post(p))
}

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/", get(events::dashboard))
        .route("/ui/login", both(auth::login_form, auth::login))
        .route("/ui/logout", post(auth::logout))
        .route("/ui/lang", post(auth::switch_lang))
        .route("/ui/prefs", both(auth::prefs_form, auth::prefs))
        .route(
            "/ui/password/{token}",
            both(auth::password_form, auth::password),
        )
        .route("/ui/events", get(events::list))
        .route(
            "/ui/events/new",
            both(edit::event_new_form, edit::event_new),
        )
        .route("/ui/events/{id}", get(events::view))
        .route(
            "/ui/events/{id}/edit",
            both(edit::event_edit_form, edit::event_edit),
        )
        .route(
            "/ui/events/{id}/attributes/new",
            both(edit::attribute_new_form, edit::attribute_new),
        )
        .route(
            "/ui/events/{id}/objects/new",
            both(edit::object_new_form, edit::object_new),
        )
        .route("/ui/events/{id}/tags", post(actions::event_tag))
        .route(
            "/ui/events/{id}/reports/new",
            both(reports::report_new_form, reports::report_new),
        )
        .route(
            "/ui/objects/{id}/edit",
            both(reports::object_edit_form, reports::object_edit),
        )
        .route("/ui/events/{id}/tags/remove", post(actions::tag_remove))
        .route("/ui/events/{id}/publish", post(actions::publish))
        .route(
            "/ui/attributes/{id}/delete",
            post(actions::attribute_delete),
        )
        .route("/ui/attributes/{id}/sighting", post(actions::sighting))
        .route(
            "/ui/attributes/{id}/edit",
            both(edit::attribute_edit_form, edit::attribute_edit),
        )
        .route("/ui/search", get(search::search))
        .route("/ui/admin/orgs", both(admin::orgs, admin::org_add))
        .route("/ui/admin/users", both(admin::users, admin::user_add))
        .route("/ui/admin/users/{id}/link", post(admin::user_link))
        .route("/ui/admin/users/{id}", post(admin::user_edit))
        .route(
            "/ui/admin/sharing-groups/{id}/members",
            post(admin::group_member),
        )
        .route("/ui/admin/roles", get(admin::roles))
        .route("/ui/admin/roles/new", both(roles::new_form, roles::add))
        .route("/ui/admin/roles/{id}", both(roles::edit_form, roles::edit))
        .route(
            "/ui/admin/sharing-groups",
            both(admin::groups, admin::group_add),
        )
        .route("/ui/admin/servers", both(servers::list, servers::add))
        .route("/ui/admin/servers/{id}/sync", post(servers::sync_now))
        .route("/ui/admin/orgs/{id}", post(admin::org_edit))
        .route("/ui/admin/tags", both(tags::list, tags::add))
        .route("/ui/admin/tags/{id}", post(tags::edit))
        .route("/ui/audit", get(admin::audit))
        .route("/ui/attributes/{id}/tags", post(actions::attribute_tag))
        .route(
            "/ui/admin/servers/{id}",
            both(servers::edit_form, servers::edit),
        )
        .merge(deletions())
}

/// Every deletion: GET asks for confirmation, POST deletes.
fn deletions() -> Router<WebState> {
    Router::new()
        .route(
            "/ui/events/{id}/delete",
            both(delete::event_form, delete::event),
        )
        .route(
            "/ui/objects/{id}/delete",
            both(delete::object_form, delete::object),
        )
        .route(
            "/ui/reports/{id}/delete",
            both(delete::report_form, delete::report),
        )
        .route(
            "/ui/attributes/{id}/tags/remove",
            both(delete::attribute_tag_form, delete::attribute_tag),
        )
        .route(
            "/ui/admin/orgs/{id}/delete",
            both(delete::org_form, delete::org),
        )
        .route(
            "/ui/admin/users/{id}/delete",
            both(delete::user_form, delete::user),
        )
        .route(
            "/ui/admin/roles/{id}/delete",
            both(delete::role_form, delete::role),
        )
        .route(
            "/ui/admin/sharing-groups/{id}/delete",
            both(delete::group_form, delete::group),
        )
        .route(
            "/ui/admin/servers/{id}/delete",
            both(delete::server_form, delete::server),
        )
}

/// The read audit entry of a page listing events: every event it shows is
/// named, as the API's searches and indexes name theirs.
pub(crate) fn listing(action: &str, shown: impl IntoIterator<Item = i64>, asked: &str) -> What {
    let change = jisr_core::audit::reads_change(&format!("console: {asked}"), shown);
    what("events", action, 0, "", change)
}

/// An audit entry for a console action: the same shape as the API's, with
/// the console's path so that a reader can tell the two apart.
pub(crate) fn what(model: &str, action: &str, id: i64, uuid: &str, change: String) -> What {
    What {
        model: model.to_string(),
        model_id: id,
        model_uuid: uuid.to_string(),
        action: action.to_string(),
        change,
    }
}
