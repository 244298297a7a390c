// The console's essential browser checks in Debian's Firefox ESR.
//
//   node tests/browser/firefox.mjs [path/to/jisr]
//
// Playwright drives only its own patched Firefox builds, so this file drives
// the stock firefox-esr over WebDriver BiDi with puppeteer-core. It covers
// what must work in every browser: logging in, switching to Arabic
// (right-to-left), creating an Arabic event with a full name, finding it,
// finding the name by a Latin spelling, deleting through a confirmation,
// another organisation seeing nothing of an org-only event and being
// refused a deletion, a form without its CSRF token refused, keyboard
// focus, and axe-core on the pages visited. Screenshots land in
// tests/browser/artifacts/firefox-*.png.

import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { ADMIN, PASSWORD, axeSource, check, failed, startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const bin = resolve(process.argv[2] || join(root, "target", "debug", "jisr"));
const artifacts = join(here, "artifacts");

const { base, api, passwd, stop } = await startServer(bin);
const cairo = (await api("POST", "/admin/organisations/add", { name: "Cairo Directorate" })).Organisation;
const brussels = (await api("POST", "/admin/organisations/add", { name: "Brussels Unit" })).Organisation;
await api("POST", "/admin/users/add", { email: "analyst@cairo.example", org_id: cairo.id, role_id: 3 });
await api("POST", "/admin/users/add", { email: "analyst@brussels.example", org_id: brussels.id, role_id: 3 });
passwd(ADMIN, PASSWORD);
passwd("analyst@cairo.example", "cairo console passphrase");
passwd("analyst@brussels.example", "brussels console passphrase");

mkdirSync(artifacts, { recursive: true });
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  // The window's size, not an emulated viewport (Firefox ESR's BiDi lacks
  // the screen-orientation command that puppeteer's setViewport sends).
  defaultViewport: null,
  args: ["--width=1280", "--height=900"],
  // A fresh profile per launch (puppeteer's default); English first, so
  // Arabic comes from the language button.
  extraPrefsFirefox: { "intl.accept_languages": "en-US, en", "browser.shell.checkDefaultBrowser": false },
});

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `firefox-${name}.png`), fullPage: true });
}

async function axe(page, label) {
  // Evaluated by the driver, outside the page's CSP (which refuses inline scripts).
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(bad.length === 0, `firefox axe: no serious or critical violations on ${label}${bad.length ? " " + JSON.stringify(bad) : ""}`);
}

/** Sets a field's value as typing would, then lets the page know. */
async function fill(page, selector, value) {
  await page.$eval(selector, (el, v) => {
    el.value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

async function login(page, email, password) {
  await page.goto(base + "/ui/login");
  await fill(page, "#email", email);
  await fill(page, "#password", password);
  await submit(page, "form.stack button[type=submit]");
}

const dir = (page) => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang].join());
const text = (page, selector) => page.$eval(selector, (el) => el.textContent);
const visible = async (page, selector) => (await page.$(selector)) !== null;
const path = (page) => new URL(page.url()).pathname;

try {
  // The Cairo analyst, in a private context of its own.
  const cairoCtx = await browser.createBrowserContext();
  const analyst = await cairoCtx.newPage();
  await analyst.goto(base + "/");
  check(path(analyst) === "/ui/login", "firefox: an anonymous visit leads to the login page");
  check((await dir(analyst)) === "ltr,en", "firefox: the login page follows Accept-Language en");
  await axe(analyst, "login (en)");
  await shot(analyst, "en-login");
  await login(analyst, "analyst@cairo.example", "wrong password, surely");
  check((await text(analyst, "#form-error")).includes("wrong"), "firefox: a wrong password is refused with a message");
  await login(analyst, "analyst@cairo.example", "cairo console passphrase");
  check(path(analyst) === "/", "firefox: the analyst logs in and lands on the dashboard");
  await axe(analyst, "dashboard (en)");

  // Keyboard: the skip link is the first stop and shows a focus ring.
  await analyst.keyboard.press("Tab");
  const focus = await analyst.evaluate(() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]);
  check(focus[0] === "skip" && focus[1] !== "none", "firefox: Tab reaches the skip link first, with a visible focus ring");

  await submit(analyst, "#switch-lang");
  check((await dir(analyst)) === "rtl,ar", "firefox: the language button switches to Arabic, right-to-left");
  const mirrored = await analyst.evaluate(() => document.querySelector(".brand").getBoundingClientRect().left > window.innerWidth / 2);
  check(mirrored, "firefox: in Arabic the layout is mirrored (the brand sits on the right)");
  await shot(analyst, "ar-dashboard");
  await axe(analyst, "dashboard (ar)");

  // An Arabic event with a full name.
  await analyst.goto(base + "/ui/events/new");
  await fill(analyst, "#info", "شبكة تمويل عابرة للحدود");
  await analyst.select("#distribution", "0");
  await submit(analyst, "form.stack button[type=submit]");
  const eventUrl = analyst.url();
  check(/\/ui\/events\/\d+$/.test(eventUrl), "firefox: the event is created");
  await analyst.goto(`${eventUrl}/attributes/new`);
  await analyst.select("#type", "ip-dst");
  await fill(analyst, "#value", "999.1.1.1");
  await submit(analyst, "form.stack button[type=submit]");
  check((await text(analyst, "#form-error")).includes("القيمة غير صالحة"), "firefox: an invalid value is refused with an Arabic message");
  await axe(analyst, "attribute form with an error (ar)");
  await analyst.select("#type", "full-name");
  await fill(analyst, "#value", "محمود توفيق");
  await submit(analyst, "form.stack button[type=submit]");
  check(analyst.url() === eventUrl, "firefox: the full-name attribute is added");
  const isolated = await analyst.evaluate(() => [...document.querySelectorAll("td.value bdi")].some((b) => b.textContent === "محمود توفيق"));
  check(isolated, "firefox: the name is shown, isolated, on the event");
  await shot(analyst, "ar-event");
  await axe(analyst, "event view (ar)");

  await analyst.goto(base + "/ui/events");
  await fill(analyst, "#f-q", "تمويل");
  await submit(analyst, "form.filters button[type=submit]");
  const eventPath = new URL(eventUrl).pathname;
  check(await visible(analyst, `a[href='${eventPath}']`), "firefox: the event is found in the filtered list");
  await shot(analyst, "ar-events");
  await axe(analyst, "event list (ar)");

  await analyst.goto(base + "/ui/search");
  await fill(analyst, "#q", "Mahmoud Tawfik");
  await submit(analyst, "form.inline-form button[type=submit]");
  check((await text(analyst, "#name-results")).includes("محمود توفيق"), "firefox: the Latin spelling finds the Arabic name");
  await shot(analyst, "ar-search");
  await axe(analyst, "search (ar)");
  await submit(analyst, `#name-results a[href='${eventPath}']`);
  check(analyst.url() === eventUrl, "firefox: the search result leads to the event");

  // A form posted without its CSRF token (the session cookie alone) is refused.
  const forged = await analyst.evaluate(async () => {
    const r = await fetch("/ui/events/new", { method: "POST", body: new URLSearchParams({ info: "forged", distribution: "0" }), redirect: "manual" });
    return r.status;
  });
  check(forged === 403, `firefox: a form without the CSRF token is refused (status ${forged})`);
  check((await api("GET", "/events/index")).every((e) => e.info !== "forged"), "firefox: the refused form wrote nothing");

  // Brussels sees nothing of the org-only event, and cannot delete what it may see.
  const published = (await api("POST", "/events/add", { Event: { info: "Open-source dossier", distribution: 3, published: true } })).Event;
  const brusselsCtx = await browser.createBrowserContext();
  const other = await brusselsCtx.newPage();
  await login(other, "analyst@brussels.example", "brussels console passphrase");
  for (const p of ["/", "/ui/events", "/ui/search?q=Mahmoud+Tawfik"]) {
    await other.goto(base + p);
    const main = await text(other, "main");
    check(!main.includes("شبكة تمويل") && !main.includes("محمود توفيق") && !(await visible(other, `a[href='${eventPath}']`)),
      `firefox: Brussels sees nothing of the event on ${p}`);
  }
  check((await other.goto(eventUrl)).status() === 404, "firefox: Brussels gets 404 for the event itself");
  await other.goto(`${base}/ui/events/${published.id}/delete`);
  const refused = await submit(other, "#confirm");
  check(refused.status() === 403, `firefox: Brussels cannot delete another organisation's event (status ${refused.status()})`);

  // The analyst deletes the event after confirming.
  await analyst.goto(eventUrl);
  await submit(analyst, "#delete-event");
  check((await text(analyst, "#confirm-question")).includes("شبكة تمويل"), "firefox: deleting an event asks for confirmation, naming it");
  await shot(analyst, "ar-confirm");
  await axe(analyst, "confirmation (ar)");
  await submit(analyst, "#confirm");
  check(await visible(analyst, "#deleted"), "firefox: the event list confirms the deletion");
  check((await analyst.goto(eventUrl)).status() === 404, "firefox: the deleted event is gone");
  await brusselsCtx.close();
  await cairoCtx.close();
} catch (e) {
  check(false, `firefox: unexpected error: ${e.stack || e}`);
} finally {
  await browser.close();
  stop();
}

const failures = failed();
console.log(failures === 0 ? "browser tests (Firefox): all passed" : `browser tests (Firefox): ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
