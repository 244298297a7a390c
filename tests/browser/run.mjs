// Browser tests of the jisr console in headless Debian Chromium.
//
//   node tests/browser/run.mjs [path/to/jisr]
//
// Starts `jisr serve` on a free port with a fresh data directory, drives the
// console as an administrator, an analyst of one organisation and an analyst
// of another, runs axe-core on the main pages in both languages, and saves
// screenshots under tests/browser/artifacts/. Exits non-zero on any failed check.

import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { ADMIN, PASSWORD, axeSource, check, failed, startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const bin = resolve(process.argv[2] || join(root, "target", "debug", "jisr"));
const artifacts = join(here, "artifacts");

// --- the server -------------------------------------------------------------
const { base, api, passwd, stop } = await startServer(bin);

const cairo = (await api("POST", "/admin/organisations/add", { name: "Cairo Directorate" })).Organisation;
const brussels = (await api("POST", "/admin/organisations/add", { name: "Brussels Unit" })).Organisation;
await api("POST", "/admin/users/add", { email: "analyst@brussels.example", org_id: brussels.id, role_id: 3 });
passwd(ADMIN, PASSWORD);
passwd("analyst@brussels.example", "brussels console passphrase");

// --- the browser --------------------------------------------------------------
mkdirSync(artifacts, { recursive: true });
// Chromium's start-up can crash on a loaded machine ("Zygote could not
// fork", SIGSEGV) before any page exists; that says nothing about jisr, so
// a failed launch is tried again, twice at most. Checks are never retried.
async function launch() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        headless: true,
        args: [
          "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
        // playwright gives every launch a fresh temporary profile (--user-data-dir).
      });
    } catch (e) {
      if (attempt >= 3) {
        stop();
        throw e;
      }
      console.error(`chromium did not start (attempt ${attempt}): ${String(e.message).split("\n")[0]}; trying again`);
    }
  }
}
const browser = await launch();

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

async function axe(page, label) {
  // Evaluated through the DevTools protocol: the console's CSP (rightly)
  // refuses inline scripts, and the check must not weaken it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(bad.length === 0, `axe: no serious or critical violations on ${label}${bad.length ? " " + JSON.stringify(bad) : ""}`);
}

async function login(page, email, password) {
  await page.goto(base + "/ui/login");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("form.stack button[type=submit]")]);
}

const dir = (page) => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);

try {
  // 0. The accessibility check itself can fail: a planted unlabelled field
  // with unreadable text is reported.
  const probe = await browser.newPage();
  await probe.setContent('<!doctype html><html lang="en"><title>probe</title><main><input><p style="color:#bbb;background:#fff">faint</p></main></html>');
  await probe.evaluate(axeSource);
  const planted = await probe.evaluate(async () => (await axe.run()).violations.map((v) => v.impact));
  check(planted.includes("critical") || planted.includes("serious"), "axe reports a planted violation");
  await probe.close();

  // 1. The administrator, whose browser asks for English.
  const adminCtx = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const admin = await adminCtx.newPage();
  await admin.goto(base + "/");
  check(admin.url().includes("/ui/login"), "an anonymous visit leads to the login page");
  check((await dir(admin)).join() === "ltr,en", "Accept-Language en: the login page is English, left-to-right");
  await axe(admin, "login (en)");
  await shot(admin, "en-login");
  await login(admin, ADMIN, "wrong password, surely");
  check((await admin.textContent("#form-error")).includes("wrong"), "a wrong password is refused with a message");
  await login(admin, ADMIN, PASSWORD);
  check(new URL(admin.url()).pathname === "/", "the administrator logs in and lands on the dashboard");

  // The administrator creates the Cairo analyst and hands over a set-password link.
  await admin.goto(base + "/ui/admin/users");
  await admin.fill("#email", "analyst@cairo.example");
  await admin.selectOption("#org_id", String(cairo.id));
  await admin.selectOption("#role_id", "3");
  await Promise.all([admin.waitForLoadState(), admin.click("form[action='/ui/admin/users'] button[type=submit]")]);
  const link = (await admin.textContent("#issued-link")).trim();
  check(link.startsWith("/ui/password/"), "adding a user shows a one-time set-password link");
  await axe(admin, "admin users (en)");
  await shot(admin, "en-admin-users");

  // A sync server, and its status on the dashboard.
  await admin.goto(base + "/ui/admin/servers");
  await admin.fill("#name", "Amman partner");
  await admin.fill("#url", "ftp://amman.example");
  await admin.fill("#authkey", "k".repeat(40));
  await admin.selectOption("#remote_org_id", String(brussels.id));
  await admin.check("#push");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack button[type=submit]")]);
  check(await admin.isVisible("#form-error"), "a sync server with a bad URL is refused with a message");
  await admin.fill("#url", "https://amman.example");
  await admin.fill("#authkey", "k".repeat(40));
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack button[type=submit]")]);
  check((await admin.textContent("#servers")).includes("Amman partner"), "the sync server is listed with its last results");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Pull now Amman partner']")]);
  check((await admin.textContent("#queued")).includes("pull is queued"), "a pull is queued for the sync worker");
  await axe(admin, "sync servers (en)");
  await shot(admin, "en-admin-servers");
  await admin.goto(base + "/");
  check((await admin.textContent("#sync-status")).includes("Amman partner"), "the dashboard shows the sync status");

  // An organisation is renamed.
  await admin.goto(base + "/ui/admin/orgs");
  await admin.fill("input[aria-label='Sector Brussels Unit']", "Police");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Save Brussels Unit']")]);
  check((await admin.inputValue("input[aria-label='Sector Brussels Unit']")) === "Police", "an organisation is edited");
  await axe(admin, "organisations (en)");

  // Tags: a bad colour is refused, a good tag is added and then renamed.
  await admin.goto(base + "/ui/admin/tags");
  await admin.fill("#name", "case:financing");
  await admin.fill("#colour", "red");
  await Promise.all([admin.waitForNavigation(), admin.click("form[action='/ui/admin/tags'] button")]);
  check((await admin.textContent("#form-error")).includes("#rrggbb"), "a tag with a bad colour is refused");
  await admin.fill("#colour", "#aa3300");
  await Promise.all([admin.waitForNavigation(), admin.click("form[action='/ui/admin/tags'] button")]);
  await admin.fill("input[aria-label='Name case:financing']", "case:financing-network");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Save case:financing']")]);
  check((await admin.textContent("#tags")).includes("case:financing-network"), "a tag is created and renamed");
  await axe(admin, "tags (en)");

  // A sharing group, then a member organisation added to it.
  await admin.goto(base + "/ui/admin/sharing-groups");
  await admin.fill("#name", "Cairo–Brussels cell");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack button[type=submit]")]);
  await admin.selectOption("select[aria-label='Add a member organisation to Cairo–Brussels cell']", String(brussels.id));
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Add a member organisation to Cairo–Brussels cell']")]);
  check(await admin.isVisible("button[aria-label='Remove the member Brussels Unit']"), "a sharing group is created and a member added");
  await axe(admin, "sharing groups (en)");

  // A role: created with two permissions, then one more granted.
  await admin.goto(base + "/ui/admin/roles/new");
  await admin.fill("#name", "Analyst (no publishing)");
  await admin.check("#perm_add");
  await admin.check("#perm_modify");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack > button[type=submit]")]);
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Edit role Analyst (no publishing)']")]);
  check(await admin.isChecked("#perm_add") && !(await admin.isChecked("#perm_publish")), "a role keeps the permissions it was given");
  await admin.check("#perm_tagger");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack > button[type=submit]")]);
  check((await admin.textContent("main")).includes("perm_tagger"), "a role is edited");
  await axe(admin, "roles (en)");

  // A form posted without its CSRF token is refused and changes nothing.
  const forged = await admin.request.post(base + "/ui/events/new", {
    form: { info: "forged", distribution: "0" },
    maxRedirects: 0,
  });
  check(forged.status() === 403, `a form without the CSRF token is refused (status ${forged.status()})`);
  check((await api("GET", "/events/index")).every((e) => e.info !== "forged"), "the refused form wrote nothing");

  // 2. The Cairo analyst: browser in Arabic from the first visit.
  const cairoCtx = await browser.newContext({ locale: "ar-EG", viewport: { width: 1280, height: 900 } });
  const analyst = await cairoCtx.newPage();
  await analyst.goto(base + link);
  check((await dir(analyst)).join() === "rtl,ar", "Accept-Language ar: the first page is Arabic and right-to-left");
  await analyst.fill("#password", "cairo console passphrase");
  await analyst.fill("#password2", "cairo console passphrase");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  check(analyst.url().includes("/ui/login"), "the link sets the password");
  check((await dir(analyst)).join() === "rtl,ar", "the login page follows Accept-Language ar");
  await shot(analyst, "ar-login");
  await axe(analyst, "login (ar)");
  const reused = await analyst.goto(base + link);
  check((await analyst.textContent("main")).includes("غير صالح"), "the link works only once");
  await login(analyst, "analyst@cairo.example", "cairo console passphrase");
  check(new URL(analyst.url()).pathname === "/", "the analyst logs in");
  // Switch to English and back to Arabic with the language button.
  await Promise.all([analyst.waitForNavigation(), analyst.click("#switch-lang")]);
  check((await dir(analyst)).join() === "ltr,en", "the language button switches to English");
  await shot(analyst, "en-dashboard");
  await axe(analyst, "dashboard (en)");
  await Promise.all([analyst.waitForNavigation(), analyst.click("#switch-lang")]);
  check((await dir(analyst)).join() === "rtl,ar", "switching to Arabic makes the page right-to-left");
  const navSide = await analyst.evaluate(() => {
    const brand = document.querySelector(".brand").getBoundingClientRect();
    return brand.left > window.innerWidth / 2;
  });
  check(navSide, "in Arabic the layout is mirrored (the brand sits on the right)");
  await analyst.reload();
  check((await dir(analyst)).join() === "rtl,ar", "the language choice is remembered");

  // Create an event whose title and a full-name attribute are Arabic.
  await analyst.goto(base + "/ui/events/new");
  await analyst.fill("#info", "شبكة تمويل عابرة للحدود");
  await analyst.selectOption("#distribution", "0");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  const eventUrl = analyst.url();
  check(/\/ui\/events\/\d+$/.test(eventUrl), "the event is created");
  const eventId = eventUrl.split("/").pop();
  await analyst.goto(`${base}/ui/events/${eventId}/attributes/new`);
  await analyst.selectOption("#type", "ip-dst");
  await analyst.fill("#value", "999.1.1.1");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  check((await analyst.textContent("#form-error")).includes("القيمة غير صالحة"), "an invalid value is refused with an Arabic message");
  await shot(analyst, "ar-validation");
  await axe(analyst, "attribute form with an error (ar)");
  await analyst.fill("#value", "198.51.100.7");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  await analyst.goto(`${base}/ui/events/${eventId}/attributes/new`);
  await analyst.selectOption("#type", "full-name");
  await analyst.fill("#value", "محمود توفيق");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  check(analyst.url() === eventUrl, "the full-name attribute is added");
  // Another organisation's published report names the same person in Latin letters:
  // the correlation index links the two events across scripts.
  const latin = (await api("POST", "/events/add", { Event: {
    info: "Open-source dossier", distribution: 3, published: true,
    Attribute: [{ type: "full-name", value: "Mahmoud Tawfik", distribution: 5 }],
  } })).Event;
  await analyst.goto(eventUrl);
  check(await analyst.isVisible(`#related-h + table a[href='/ui/events/${latin.id}']`), "the Arabic event lists the Latin one as a related event");
  check(await analyst.isVisible(`ul.related a[href='/ui/events/${latin.id}']`), "the full-name attribute links to its cross-script correlation");
  const ipIsolated = await analyst.evaluate(() =>
    [...document.querySelectorAll("td.value bdi")].some((b) => b.textContent === "198.51.100.7"));
  check(ipIsolated, "an IP inside Arabic text is bidi-isolated");
  await Promise.all([analyst.waitForNavigation(), analyst.click("button[aria-label='تسجيل مشاهدة للسمة ip-dst']")]);
  check((await analyst.textContent("dl.meta")).match(/المشاهدات\s*1/) !== null, "a sighting is recorded");
  await analyst.fill("#tag", "tlp:amber");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.inline-form button[type=submit]")]);
  check((await analyst.textContent("#tags-h + *")).includes("tlp:amber"), "a tag is attached");
  // A report in markdown is rendered, and its script is not.
  await analyst.goto(`${base}/ui/events/${eventId}/reports/new`);
  await analyst.fill("#name", "ملخص");
  await analyst.fill("#content", "## التمويل\n\n- **تحويلات** عبر 198.51.100.7\n\n<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  check((await analyst.textContent(".report h2")) === "التمويل", "a markdown report is rendered");
  check(await analyst.evaluate(() => window.__pwned === undefined && !document.querySelector(".report script, .report [onerror]")),
    "the report's script and event handler are removed");
  // An object (a person) with two attributes, then its comment edited.
  await analyst.goto(`${base}/ui/events/${eventId}/objects/new`);
  await analyst.fill("input[aria-label='العلاقة 1']", "full-name");
  await analyst.fill("input[aria-label='القيمة 1']", "أحمد صالح");
  await analyst.fill("input[aria-label='العلاقة 2']", "nationality");
  await analyst.selectOption("select[aria-label='النوع 2']", "nationality");
  await analyst.fill("input[aria-label='القيمة 2']", "مصري");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack > button[type=submit]")]);
  check((await analyst.textContent("section.object")).includes("أحمد صالح"), "an object is added with its attributes");
  await Promise.all([analyst.waitForNavigation(), analyst.click("section.object a[href$='/edit']")]);
  await analyst.fill("#comment", "الشخص الرئيسي");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  check((await analyst.textContent("section.object")).includes("الشخص الرئيسي"), "the object is edited");
  await shot(analyst, "ar-event");
  await axe(analyst, "event view (ar)");

  // Find it in the list with the text filter.
  await analyst.goto(base + "/ui/events");
  await analyst.fill("#f-q", "تمويل");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.filters button[type=submit]")]);
  check(await analyst.isVisible(`a[href='/ui/events/${eventId}']`), "the event is found in the filtered list");
  await shot(analyst, "ar-events");
  await axe(analyst, "event list (ar)");

  // Search for the person by a Latin transliteration and land on the event.
  await analyst.goto(base + "/ui/search");
  await analyst.fill("#q", "Mahmoud Tawfik");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.inline-form button[type=submit]")]);
  check((await analyst.textContent("#name-results")).includes("محمود توفيق"), "the Latin spelling finds the Arabic name");
  await shot(analyst, "ar-search");
  await axe(analyst, "search (ar)");
  await Promise.all([analyst.waitForNavigation(), analyst.click(`#name-results a[href='/ui/events/${eventId}']`)]);
  check(analyst.url() === eventUrl, "the search result leads to the event");

  // Preferences: Arabic-Indic digits and Hijri dates.
  await analyst.goto(base + "/ui/prefs");
  await analyst.selectOption("#digits", "arab");
  await analyst.check("#hijri");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  await analyst.goto(eventUrl);
  const idCell = await analyst.textContent("dl.meta dd");
  check(/^[\u0660-\u0669]+$/.test(idCell.trim()), "Arabic-Indic digits when preferred");
  check((await analyst.textContent("dl.meta")).includes("هـ"), "dates also in the Hijri calendar when preferred");
  await shot(analyst, "ar-event-hijri");

  // English pages of the same analyst, for the screenshots and axe.
  await analyst.goto(base + "/ui/prefs");
  await analyst.selectOption("#lang", "en");
  await analyst.selectOption("#digits", "latn");
  await analyst.uncheck("#hijri");
  await Promise.all([analyst.waitForNavigation(), analyst.click("form.stack button[type=submit]")]);
  for (const [path, name] of [[eventUrl.replace(base, ""), "en-event"], ["/ui/events", "en-events"], ["/ui/search?q=Mahmoud+Tawfik", "en-search"]]) {
    await analyst.goto(base + path);
    check((await dir(analyst)).join() === "ltr,en", `${name} is English`);
    await shot(analyst, name);
    await axe(analyst, `${name}`);
  }
  // Keyboard: the skip link is the first stop and shows a focus ring.
  await analyst.goto(base + "/ui/events");
  await analyst.keyboard.press("Tab");
  const focus = await analyst.evaluate(() => {
    const el = document.activeElement;
    return [el.className, getComputedStyle(el).outlineStyle];
  });
  check(focus[0] === "skip" && focus[1] !== "none", "Tab reaches the skip link first, with a visible focus ring");

  // The administrator disables a user: their open session ends at once.
  const extraCtx = await browser.newContext({ locale: "en-GB" });
  const extra = await extraCtx.newPage();
  await login(extra, "analyst@brussels.example", "brussels console passphrase");
  await admin.goto(base + "/ui/admin/users");
  await admin.check("form[action$='/ui/admin/users/" + (await api("GET", "/admin/users/index")).find((u) => u.User.email === "analyst@brussels.example").User.id + "'] input[name=disabled]");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Save analyst@brussels.example']")]);
  await extra.goto(base + "/ui/events");
  check(extra.url().includes("/ui/login"), "a disabled user's session ends");
  await admin.goto(base + "/ui/admin/users");
  await admin.uncheck("form[action$='/ui/admin/users/" + (await api("GET", "/admin/users/index")).find((u) => u.User.email === "analyst@brussels.example").User.id + "'] input[name=disabled]");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Save analyst@brussels.example']")]);
  await extraCtx.close();

  // 3. Brussels: another organisation sees nothing of the org-only event.
  const brusselsCtx = await browser.newContext({ locale: "en-GB" });
  const other = await brusselsCtx.newPage();
  await login(other, "analyst@brussels.example", "brussels console passphrase");
  for (const path of ["/", "/ui/events", "/ui/events?q=%D8%AA%D9%85%D9%88%D9%8A%D9%84", "/ui/search?q=Mahmoud+Tawfik", "/ui/search?q=198.51.100.7"]) {
    await other.goto(base + path);
    const text = await other.textContent("main");
    const leaks = text.includes("شبكة تمويل") || text.includes("محمود توفيق") || (await other.isVisible(`a[href='/ui/events/${eventId}']`));
    check(!leaks, `Brussels sees nothing of the event on ${path}`);
  }
  await other.goto(`${base}/ui/events/${latin.id}`);
  const latinText = await other.textContent("main");
  check(latinText.includes("Open-source dossier") && !latinText.includes("شبكة تمويل") && !(await other.isVisible(`a[href='/ui/events/${eventId}']`)),
    "Brussels sees the published event but no correlation to the hidden one");
  const hidden = await other.goto(eventUrl);
  check(hidden.status() === 404, "Brussels gets 404 for the event itself");

  // 4. The administrator publishes the event, removes its tag and deletes the IP attribute.
  await admin.goto(eventUrl);
  await Promise.all([admin.waitForNavigation(), admin.click("#publish")]);
  check((await admin.textContent("#publish")).includes("Unpublish"), "the event is published");
  await Promise.all([admin.waitForNavigation(), admin.click("ul.taglist button")]);
  check(!(await admin.textContent("main")).includes("tlp:amber"), "the tag is removed");
  await Promise.all([admin.waitForNavigation(), admin.click("button[aria-label='Delete the attribute ip-dst']")]);
  check(!(await admin.evaluate(() => [...document.querySelectorAll("td.value bdi")].some((b) => b.textContent === "198.51.100.7"))),
    "the attribute is deleted");
  const hist = await admin.textContent(".history");
  check(hist.includes("deleted an attribute"), `the history shows the deletion${hist.includes("deleted an attribute") ? "" : ": " + hist.slice(0, 300)}`);

  // 4b. Deletions and edits, each confirmed on its own page (a form with a CSRF token).
  // A tag on one attribute: attached on the attribute's page, removed after confirmation.
  const fullName = await admin.evaluate(() =>
    [...document.querySelectorAll("a[href^='/ui/attributes/']")].find((a) => a.getAttribute("aria-label")?.endsWith("full-name"))?.getAttribute("href"));
  await admin.goto(base + fullName);
  await admin.fill("#attr-tag", "case:financing-network");
  await Promise.all([admin.waitForNavigation(), admin.click("form[action$='/tags'] button[type=submit]")]);
  check(await admin.isVisible("a[aria-label='Remove the tag case:financing-network (full-name)']"), "a tag is attached to one attribute");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Remove the tag case:financing-network (full-name)']")]);
  check((await admin.textContent("#confirm-question")).includes("case:financing-network"), "removing an attribute's tag asks for confirmation");
  await axe(admin, "confirmation (en)");
  await shot(admin, "en-confirm");
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(admin.url() === eventUrl && !(await admin.isVisible("a[aria-label='Remove the tag case:financing-network (full-name)']")),
    "the attribute's tag is removed");
  // The object and the report.
  await Promise.all([admin.waitForNavigation(), admin.click("section.object a[href$='/delete']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#cancel")]);
  check(admin.url() === eventUrl && (await admin.isVisible("section.object")), "cancelling a deletion keeps the object");
  await Promise.all([admin.waitForNavigation(), admin.click("section.object a[href$='/delete']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.isVisible("section.object")), "the object is deleted");
  await Promise.all([admin.waitForNavigation(), admin.click(".report a[href$='/delete']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.isVisible(".report")), "the report is deleted");
  check((await admin.textContent(".history")).includes("deleted an object"), "the history shows the object's deletion");
  // Brussels may see the published event but not delete it: no button, and the form is refused.
  await other.goto(`${base}/ui/events/${latin.id}`);
  check(!(await other.isVisible("#delete-event")), "Brussels is offered no delete button on an event it may not modify");
  await other.goto(`${base}/ui/events/${latin.id}/delete`);
  const refusedDelete = await Promise.all([other.waitForNavigation(), other.click("#confirm")]).then(([r]) => r);
  check(refusedDelete.status() === 403, `Brussels cannot delete another organisation's event (status ${refusedDelete.status()})`);
  check((await api("GET", `/events/view/${latin.id}`)).Event.id === String(latin.id), "the event is still there");
  const hiddenDelete = await other.goto(`${eventUrl}/delete`);
  check(hiddenDelete.status() === 404, "a hidden event's deletion page answers 404");
  // The administrator deletes the whole event.
  await admin.goto(eventUrl);
  await Promise.all([admin.waitForNavigation(), admin.click("#delete-event")]);
  check((await admin.textContent("#confirm-question")).includes("شبكة تمويل"), "deleting an event names it");
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(await admin.isVisible("#deleted"), "the event list confirms the deletion");
  check((await admin.goto(eventUrl)).status() === 404, "the deleted event is gone");

  // Administration: an organisation with users is refused with a reason; an empty one goes.
  await admin.goto(`${base}/ui/admin/orgs/${cairo.id}/delete`);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check((await admin.textContent("#form-error")).includes("still has users"), "an organisation with users is not deleted, with the reason");
  const spare = (await api("POST", "/admin/organisations/add", { name: "Spare Office" })).Organisation;
  await admin.goto(base + "/ui/admin/orgs");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Delete organisation Spare Office']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.textContent("main")).includes("Spare Office"), "an organisation is deleted");
  await api("POST", "/admin/users/add", { email: "leaver@cairo.example", org_id: cairo.id, role_id: 3 });
  await admin.goto(base + "/ui/admin/users");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Delete user leaver@cairo.example']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.textContent("main")).includes("leaver@cairo.example"), "a user is deleted");
  await admin.goto(base + "/ui/admin/roles");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Delete role Analyst (no publishing)']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.textContent("main")).includes("Analyst (no publishing)"), "a role is deleted");
  await admin.goto(base + "/ui/admin/sharing-groups");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Delete sharing group Cairo–Brussels cell']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.textContent("main")).includes("Cairo–Brussels cell"), "a sharing group is deleted");
  // A sync server's rules and certificate pinning, then the server itself.
  await admin.goto(base + "/ui/admin/servers");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Edit sync server Amman partner']")]);
  await admin.fill("#push_orgs_or", "Cairo Directorate");
  await admin.fill("#pull_tags_not", "tlp:red, case:noise");
  await admin.fill("#cert_file", "not a certificate");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack > button[type=submit]")]);
  check((await admin.textContent("#form-error")).includes("PEM"), "a pinned certificate that is not PEM is refused");
  check((await admin.inputValue("#pull_tags_not")).includes("case:noise"), "the refused form keeps what was typed");
  await axe(admin, "sync server edit with an error (en)");
  await admin.fill("#cert_file", "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Fpcm8=\n-----END CERTIFICATE-----");
  await admin.uncheck("#push");
  await Promise.all([admin.waitForNavigation(), admin.click("form.stack > button[type=submit]")]);
  const saved = (await api("GET", "/servers/index")).find((x) => x.Server.name === "Amman partner").Server;
  check(JSON.parse(saved.push_rules).orgs.OR[0] === "Cairo Directorate" && JSON.parse(saved.pull_rules).tags.NOT.length === 2
    && saved.cert_file.includes("BEGIN CERTIFICATE") && saved.push === false,
    "a sync server's rules, pinning and push switch are edited");
  await admin.goto(base + "/ui/admin/servers");
  await Promise.all([admin.waitForNavigation(), admin.click("a[aria-label='Delete sync server Amman partner']")]);
  await Promise.all([admin.waitForNavigation(), admin.click("#confirm")]);
  check(!(await admin.isVisible("#servers")), "a sync server is deleted");

  // 5. The administrator's Arabic pages (admin, audit log) for axe and screenshots.
  await admin.goto(base + "/");
  await Promise.all([admin.waitForNavigation(), admin.click("#switch-lang")]);
  for (const [path, name] of [["/", "ar-dashboard"], ["/ui/admin/users", "ar-admin-users"], ["/ui/admin/servers", "ar-admin-servers"], ["/ui/admin/tags", "ar-admin-tags"], ["/ui/admin/sharing-groups", "ar-admin-groups"], ["/ui/audit", "ar-audit"],
    [`/ui/admin/orgs/${cairo.id}/delete`, "ar-confirm"]]) {
    await admin.goto(base + path);
    check((await dir(admin)).join() === "rtl,ar", `${name} is Arabic and right-to-left`);
    await shot(admin, name);
    await axe(admin, name);
  }
  await admin.goto(base + "/ui/audit?action=login_fail");
  check((await admin.textContent("main")).includes("login_fail"), "the audit log shows the failed login");
  await admin.goto(base + "/ui/audit?model=organisations&action=delete");
  check((await admin.textContent("main")).includes("Spare Office"), "the audit log records a console deletion");
} catch (e) {
  check(false, `unexpected error: ${e.stack || e}`);
} finally {
  await browser.close();
  stop();
}

const failures = failed();
console.log(failures === 0 ? "browser tests (Chromium): all passed" : `browser tests (Chromium): ${failures} failed`);
console.log(`screenshots: ${artifacts}`);
process.exit(failures === 0 ? 0 : 1);
