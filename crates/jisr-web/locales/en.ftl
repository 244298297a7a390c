# English texts of the jisr console. Every id here must exist in ar.ftl too
# (a unit test checks both ways).

app-name = jisr
skip-to-content = Skip to content
nav-label = Main
nav-dashboard = Dashboard
nav-events = Events
nav-search = Search
nav-admin = Administration
nav-audit = Audit log
nav-prefs = Preferences
switch-lang = العربية
logout = Log out

yes = yes
no = no
none = none
any = any
never = never
add = Add
edit = Edit
save = Save
actions = Actions
back-home = Back to the dashboard

login-title = Log in
login-submit = Log in
login-failed = The email or password is wrong, or the account is locked for a while after repeated failures.
login-help = No password yet? Ask an administrator for a set-password link, or run `jisr user passwd EMAIL` on the server.
field-email = Email
field-password = Password
field-new-password = New password
field-password-again = New password again
password-title = Set your password
password-for = Choose a password for { $email }.
password-rule = At least 12 characters. A long phrase is easier to remember and harder to guess.
password-submit = Set password
password-link-invalid = This link is not valid: it was used already, has expired, or was replaced by a newer one. Ask an administrator for a new link.
password-mismatch = The two passwords differ.
password-too-short = The password is too short: use at least 12 characters.
password-too-long = The password is too long.

prefs-title = Preferences
prefs-saved = Your preferences are saved.
field-language = Language
field-digits = Digits
digits-latn = Latin digits (0123456789)
digits-arab = Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩)
field-hijri = Also show dates in the Hijri calendar (tabular)

dashboard-title = Dashboard
dashboard-recent = Recent events
dashboard-mine = Activity of { $org }
events-count = { $count ->
    [one] one event
   *[other] { $count } events
}
no-events = No events.

events-title = Events
event-new = New event
event-edit = Edit event
filters = Filters
filter-text = Text in the title
filter-from = From date
filter-to = To date
filter-org = Organisation
filter-tag = Tag
filter-distribution = Distribution
filter-published = Published
filter-apply = Apply filters
filter-clear = Clear
page-prev = Previous page
page-next = Next page

col-id = Id
col-date = Date
col-org = Organisation
col-info = Title
col-tags = Tags
col-attributes = Attributes
col-distribution = Distribution
col-published = Published

dist-0 = Your organisation only
dist-1 = This community only
dist-2 = Connected communities
dist-3 = All communities
dist-4 = Sharing group
dist-5 = Inherit from the event

threat-1 = High
threat-2 = Medium
threat-3 = Low
threat-4 = Undefined
analysis-0 = Initial
analysis-1 = Ongoing
analysis-2 = Complete

field-info = Title (event info)
field-uuid = UUID
field-creator = Creator organisation
field-owner = Owner organisation
field-threat-level = Threat level
field-analysis = Analysis
field-modified = Last change
field-sharing-group = Sharing group
field-category = Category
category-default = The type's default category
field-type = Type
field-value = Value
field-ids = For intrusion detection (IDS)
field-comment = Comment
field-relation = Relation
field-object-name = Object template name
field-name = Name
field-description = Description
field-nationality = Nationality
field-sector = Sector
field-local = Local
field-remote = A partner's organisation (known through synchronisation)
field-role = Role

sightings = Sightings
false-positives = { $count ->
    [one] one false positive
   *[other] { $count } false positives
}
attributes = Attributes
attribute-new = Add attribute
attribute-edit = Edit attribute
object = Object
object-new = Add object
in-event = In the event
reports = Reports
history = History
tag-add = Add a tag
tag-local = local to this instance

search-title = Search
search-label = Search for
search-submit = Search
search-help = Finds event titles, attribute values, and person names written in Arabic or Latin letters (for example "Ahmed Saleh" also finds "أحمد صالح"). A value is matched whole; put * in it to match part of values (for example 198.51.100.*), which takes longer.
search-names = Matching names
search-values = Matching values
search-events = Matching event titles
search-score = Match
search-event = Event

admin-orgs = Organisations
admin-users = Users
admin-roles = Roles
admin-groups = Sharing groups
org-add = Add an organisation
user-add = Add a user
user-password = Password set
user-last-login = Last login
user-disabled = disabled
user-link = Issue a set-password link
user-link-issued = Give this one-time link to { $email } through a trusted channel; it works for three days and only once:
user-key-issued = Their API key (shown only now):
role-default = Default
role-perms = Permissions
group-owner = Managed by
group-members = Member organisations
group-releasability = Releasable to
group-active = Active
group-add = Add a sharing group

audit-title = Audit log
audit-when = When
audit-address = Address
audit-model = What
audit-action = Action
audit-change = Details

error-csrf = The form was refused: it did not carry this page's security token. Reload the page and try again.
error-not-found = Not found (or not visible to you).
error-forbidden = You do not have permission to do this.
error-invalid = The request could not be carried out.
error-internal = Something went wrong on the server; nothing was saved.
err-generic = The form could not be saved.
err-field-info = The title (event info) is required.
err-field-value = The value is not valid for the chosen type.
err-field-type = The type is not valid.
err-field-category = The category does not allow this type.
err-field-distribution = The distribution is not valid.
err-field-sharing_group_id = Choose a sharing group you belong to.
err-field-date = The date is not valid.
err-field-name = The name is required.
err-field-email = The email address is not valid or is already taken.
err-field-org_id = The organisation is not valid.
err-field-role_id = The role is not valid.

history-add = created the event
history-edit = edited the event
history-delete = deleted
history-publish = published
history-unpublish = unpublished
history-import = imported
history-attribute_add = added an attribute
history-attribute_edit = edited an attribute
history-object_add = added an object
history-tag_add = added a tag

admin-servers = Sync servers
server-url = Address (URL)
server-key = API key of our sync user there
server-remote-org = Their organisation
server-push = Push
server-pull = Pull
server-last-push = Last push
server-last-pull = Last pull
server-add = Add a sync server
dashboard-sync = Synchronisation
err-field-url = The address must be an http(s) URL.
err-field-authkey = An API key is 40 letters and digits.

event-publish = Publish
event-unpublish = Unpublish
tag-remove = Remove the tag
remove = remove
delete = Delete
attribute-delete = Delete the attribute
history-attribute_delete = deleted an attribute
history-tag_remove = removed a tag

admin-tags = Tags
tag-new = New tag
tag-colour = Colour
err-field-colour = A colour is written #rrggbb.

report-new = Add report
report-content = Report (markdown)
report-help = Markdown: headings, lists, links, tables. Scripts and embedded content are removed when shown.
object-edit = Edit object
object-edit-help = The object's attributes are edited one by one on the event page.
history-object_edit = edited an object
history-report_add = added a report

sighting-add = Record a sighting of
sighting-false = Report a false positive of
sighting-false-short = false positive
history-sighting_add = recorded a sighting

error-too-large = The form is too large.

group-add-member = Add a member organisation to
group-remove-member = Remove the member

role-new = New role
role-edit = Edit role

server-push-now = Push now
server-pull-now = Pull now
server-push-queued = A push is queued; the result appears here when the background worker has run it.
server-pull-queued = A pull is queued; the result appears here when the background worker has run it.

correlations = Correlations
related-events = Related events (correlations)

hijri-suffix = AH
hijri-month-1 = Muharram
hijri-month-2 = Safar
hijri-month-3 = Rabi al-Awwal
hijri-month-4 = Rabi al-Thani
hijri-month-5 = Jumada al-Ula
hijri-month-6 = Jumada al-Akhira
hijri-month-7 = Rajab
hijri-month-8 = Shaban
hijri-month-9 = Ramadan
hijri-month-10 = Shawwal
hijri-month-11 = Dhu al-Qada
hijri-month-12 = Dhu al-Hijja
confirm-title = Confirm the deletion
confirm-delete = Delete
cancel = Cancel
confirm-delete-event = Delete the event “{ $name }” and everything in it? This cannot be undone.
confirm-delete-object = Delete the object “{ $name }” and its attributes?
confirm-delete-report = Delete the report “{ $name }”?
confirm-remove-attribute-tag = Remove the tag “{ $name }” from the attribute “{ $value }”?
confirm-remove = Remove
confirm-delete-org = Delete the organisation “{ $name }”?
confirm-delete-user = Delete the user “{ $name }”? Their API keys stop working at once.
confirm-delete-role = Delete the role “{ $name }”?
confirm-delete-group = Delete the sharing group “{ $name }”?
confirm-delete-server = Delete the sync server “{ $name }”? Nothing more is pushed to it or pulled from it.
err-delete-org-users = The organisation still has users; delete them or move them to another organisation first.
err-delete-org-events = The organisation still owns or created events, so it cannot be deleted.
err-delete-role-users = Users still have this role; give them another role first.
err-delete-self = You cannot delete your own account.
err-delete-refused = The deletion was refused.
event-delete = Delete event
event-deleted = The event was deleted.
object-delete = Delete object
report-delete = Delete report
org-delete = Delete organisation
user-delete = Delete user
role-delete = Delete role
group-delete = Delete sharing group
server-delete = Delete sync server
server-edit = Edit sync server
attribute-tags = Tags of this attribute
history-object_delete = deleted an object
history-report_delete = deleted a report
err-field-cert_file = The pinned certificate must be PEM text (-----BEGIN CERTIFICATE-----).
err-field-push_rules = The filter rules are not valid.
server-key-keep = API key of our sync user there (leave empty to keep the current one)
server-push-sightings = Push sightings
server-tls = The partner's certificate
server-pin = Pinned certificate (PEM); empty: the system's trusted roots
server-self-signed = Do not verify the certificate (tests only)
server-push-rules = Push rules
server-pull-rules = Pull rules
server-rules-help = Names separated by commas. "Only" lists: an event must match one of them (empty: any event). "Never" lists: an event matching one is left out.
rules-tags-or = Only events with these tags
rules-tags-not = Never events with these tags
rules-orgs-or = Only events created by these organisations
rules-orgs-not = Never events created by these organisations
event-pages = Pages of this event
event-page-of = Page { $page } of { $pages }
event-page-note = A big event is shown a page at a time; correlations and related events are those of the attributes on this page.
audit-partial = Only the newest { $count } entries were searched; run `jisr audit search` on the server for older ones.
