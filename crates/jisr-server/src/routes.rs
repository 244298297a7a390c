//! The route table: every API endpoint, its methods, whether it writes, and its handler.

use axum::http::Method;

use crate::call::Call;
use crate::handlers::*;
use crate::reply::ApiResult;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Read,
    Write,
}

pub struct Route {
    pub controller: &'static str,
    /// Folded action name (lower case, no underscores; `admin` prefix under `/admin/`).
    pub action: &'static str,
    pub methods: &'static [Method],
    pub access: Access,
    pub handler: fn(&mut Call) -> ApiResult,
}

const GET: &[Method] = &[Method::GET];
const POST: &[Method] = &[Method::POST, Method::PUT];
const GET_POST: &[Method] = &[Method::GET, Method::POST];
const DELETE: &[Method] = &[Method::POST, Method::DELETE];

const fn r(
    controller: &'static str,
    action: &'static str,
    methods: &'static [Method],
    access: Access,
    handler: fn(&mut Call) -> ApiResult,
) -> Route {
    Route {
        controller,
        action,
        methods,
        access,
        handler,
    }
}

use Access::{Read, Write};

pub static ROUTES: &[Route] = &[
    // Instance.
    r("servers", "getversion", GET, Read, servers::get_version),
    r(
        "servers",
        "getpymispversion",
        GET,
        Read,
        servers::get_pymisp_version,
    ),
    r(
        "servers",
        "serversettingsedit",
        POST,
        Write,
        servers::settings_edit,
    ),
    r("servers", "getsetting", GET, Read, servers::get_setting),
    r(
        "servers",
        "serversettings",
        GET,
        Read,
        servers::server_settings,
    ),
    r(
        "attributes",
        "describetypes",
        GET,
        Read,
        servers::describe_types,
    ),
    // Events.
    r("events", "add", POST, Write, events::add),
    r("events", "view", GET_POST, Read, events::view),
    r("events", "edit", POST, Write, events::edit),
    r("events", "delete", DELETE, Write, events::delete),
    r("events", "index", GET_POST, Read, events::index),
    r("events", "restsearch", GET_POST, Read, events::rest_search),
    r("events", "publish", POST, Write, events::publish),
    r("events", "unpublish", POST, Write, events::unpublish),
    r("events", "contact", POST, Read, events::contact),
    r("events", "queryacl", GET, Read, servers::query_acl),
    r("logs", "adminindex", GET_POST, Read, servers::logs_index),
    r(
        "auditlogs",
        "adminindex",
        GET_POST,
        Read,
        servers::logs_index,
    ),
    // Federation: server links and sync.
    r("servers", "index", GET, Read, federation::index),
    r("servers", "add", POST, Write, federation::add),
    r("servers", "import", POST, Write, federation::import),
    r("servers", "edit", POST, Write, federation::edit),
    r("servers", "delete", DELETE, Write, federation::delete),
    r("servers", "createsync", GET, Write, federation::create_sync),
    r(
        "servers",
        "testconnection",
        POST,
        Read,
        federation::test_connection,
    ),
    r("servers", "push", GET_POST, Write, federation::push),
    r("servers", "pull", GET_POST, Write, federation::pull),
    r("servers", "update", POST, Read, federation::nothing_to_do),
    r(
        "servers",
        "restartworkers",
        POST,
        Read,
        federation::nothing_to_do,
    ),
    r("servers", "syncjobs", GET, Read, federation::jobs),
    r(
        "events",
        "filtereventidsforpush",
        POST,
        Read,
        federation::filter_for_push,
    ),
    r(
        "sightings",
        "bulksavesightings",
        POST,
        Write,
        federation::bulk_save_sightings,
    ),
    // Attributes.
    r("attributes", "add", POST, Write, attributes::add),
    r("attributes", "view", GET, Read, attributes::view),
    r("attributes", "index", GET, Read, attributes::index),
    r("attributes", "edit", POST, Write, attributes::edit),
    r("attributes", "delete", DELETE, Write, attributes::delete),
    r("attributes", "restore", POST, Write, attributes::restore),
    r(
        "attributes",
        "restsearch",
        GET_POST,
        Read,
        attributes::rest_search,
    ),
    // Objects.
    r("objects", "add", POST, Write, objects::add),
    r("objects", "view", GET, Read, objects::view),
    r(
        "objects",
        "restsearch",
        GET_POST,
        Read,
        objects::rest_search,
    ),
    r("objects", "edit", POST, Write, objects::edit),
    r("objects", "delete", DELETE, Write, objects::delete),
    r(
        "objectreferences",
        "add",
        POST,
        Write,
        objects::add_reference,
    ),
    r(
        "objectreferences",
        "delete",
        DELETE,
        Write,
        objects::delete_reference,
    ),
    // Proposals (shadow attributes).
    r("shadowattributes", "add", POST, Write, proposals::add),
    r("shadowattributes", "edit", POST, Write, proposals::edit),
    r(
        "shadowattributes",
        "delete",
        DELETE,
        Write,
        proposals::delete,
    ),
    r("shadowattributes", "view", GET, Read, proposals::view),
    r("shadowattributes", "index", GET, Read, proposals::index),
    r("shadowattributes", "accept", POST, Write, proposals::accept),
    r(
        "shadowattributes",
        "discard",
        POST,
        Write,
        proposals::discard,
    ),
    // Sharing groups.
    r(
        "correlations",
        "overcorrelations",
        GET,
        Read,
        correlations::over_correlations,
    ),
    // Correlation exclusions.
    r(
        "correlationexclusions",
        "index",
        GET,
        Read,
        correlations::exclusions_index,
    ),
    r(
        "correlationexclusions",
        "view",
        GET,
        Read,
        correlations::exclusions_view,
    ),
    r(
        "correlationexclusions",
        "add",
        POST,
        Write,
        correlations::exclusions_add,
    ),
    r(
        "correlationexclusions",
        "delete",
        DELETE,
        Write,
        correlations::exclusions_delete,
    ),
    r(
        "correlationexclusions",
        "clean",
        POST,
        Write,
        correlations::exclusions_clean,
    ),
    r("sharinggroups", "index", GET, Read, sharing_groups::index),
    r("sharinggroups", "view", GET, Read, sharing_groups::view),
    r("sharinggroups", "add", POST, Write, sharing_groups::add),
    r("sharinggroups", "edit", POST, Write, sharing_groups::edit),
    r(
        "sharinggroups",
        "delete",
        DELETE,
        Write,
        sharing_groups::delete,
    ),
    r(
        "sharinggroups",
        "addorg",
        POST,
        Write,
        sharing_groups::add_org,
    ),
    r(
        "sharinggroups",
        "removeorg",
        POST,
        Write,
        sharing_groups::remove_org,
    ),
    r(
        "sharinggroups",
        "addserver",
        POST,
        Write,
        sharing_groups::add_server,
    ),
    r(
        "sharinggroups",
        "removeserver",
        POST,
        Write,
        sharing_groups::remove_server,
    ),
    // Warninglists.
    r("warninglists", "index", GET_POST, Read, warninglists::index),
    r("warninglists", "view", GET, Read, warninglists::view),
    r(
        "warninglists",
        "toggleenable",
        POST,
        Write,
        warninglists::toggle,
    ),
    r(
        "warninglists",
        "checkvalue",
        POST,
        Read,
        warninglists::check_value,
    ),
    // Tags.
    r("tags", "add", POST, Write, tags::add),
    r("tags", "index", GET, Read, tags::index),
    r("tags", "view", GET, Read, tags::view),
    r("tags", "edit", POST, Write, tags::edit),
    r("tags", "delete", DELETE, Write, tags::delete),
    r("tags", "search", GET_POST, Read, tags::search),
    r("tags", "attachtagtoobject", POST, Write, tags::attach),
    r("tags", "removetagfromobject", POST, Write, tags::remove),
    // Sightings.
    r("sightings", "add", POST, Write, sightings::add),
    r(
        "sightings",
        "listsightings",
        GET_POST,
        Read,
        sightings::list,
    ),
    r("sightings", "index", GET_POST, Read, sightings::list),
    r(
        "sightings",
        "restsearch",
        GET_POST,
        Read,
        sightings::rest_search,
    ),
    r("sightings", "delete", DELETE, Write, sightings::delete),
    // Event reports.
    r("eventreports", "add", POST, Write, reports::add),
    r("eventreports", "view", GET, Read, reports::view),
    r("eventreports", "edit", POST, Write, reports::edit),
    r("eventreports", "delete", DELETE, Write, reports::delete),
    r("eventreports", "index", GET, Read, reports::index),
    // Organisations.
    r("organisations", "index", GET, Read, directory::orgs_index),
    r("organisations", "view", GET, Read, directory::org_view),
    r("organisations", "adminadd", POST, Write, directory::org_add),
    r(
        "organisations",
        "adminedit",
        POST,
        Write,
        directory::org_edit,
    ),
    r(
        "organisations",
        "admindelete",
        DELETE,
        Write,
        directory::org_delete,
    ),
    // Users.
    r("users", "view", GET, Read, directory::user_view),
    r("users", "adminview", GET, Read, directory::user_view),
    r("users", "adminindex", GET, Read, directory::users_index),
    r("users", "adminadd", POST, Write, directory::user_add),
    r("users", "adminedit", POST, Write, directory::user_edit),
    r("users", "edit", POST, Write, directory::user_edit),
    r(
        "users",
        "admindelete",
        DELETE,
        Write,
        directory::user_delete,
    ),
    r("authkeys", "add", POST, Write, directory::authkey_add),
    r("authkeys", "index", GET, Read, directory::authkeys_index),
    r(
        "authkeys",
        "delete",
        DELETE,
        Write,
        directory::authkey_delete,
    ),
    // Roles.
    r("roles", "index", GET, Read, directory::roles_index),
    r("roles", "adminadd", POST, Write, directory::role_add),
    r("roles", "adminedit", POST, Write, directory::role_edit),
    r(
        "roles",
        "admindelete",
        DELETE,
        Write,
        directory::role_delete,
    ),
    r(
        "roles",
        "adminsetdefault",
        POST,
        Write,
        directory::role_set_default,
    ),
];
