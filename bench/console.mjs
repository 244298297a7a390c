// Times the console's main pages of a loaded instance (see bench/console.sh).
//
//   node bench/console.mjs JISR DATA_DIR [BIG_EVENT_ATTRIBUTES] [RUNS] [DATABASE]
//
// Serves DATA_DIR, adds one big event through the API, then for each page
// prints p50/p95 of the server's answer (fetch with a session cookie, body
// read completely) for a site admin and for an analyst of the host
// organisation (whose reads go through the visibility SQL), and of a full
// page load in headless Chromium (navigation to the load event).

import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");
const { startServer } = await import("../tests/browser/server.mjs");

const [bin, data, bigArg, runsArg, database] = process.argv.slice(2);
const BIG = Number(bigArg || 20000);
const RUNS = Number(runsArg || 20);
const BROWSER_RUNS = Math.max(3, Math.round(RUNS / 2));
const KEY = process.env.JISR_ADMIN_KEY;

// Started as the browser tests start it, on the loaded instance.
const { base, api, passwd, stop } = await startServer(resolve(bin), { data, key: KEY, database });

/** Logs in through the form and returns the session cookie. */
async function session(email, password) {
  const page = await fetch(base + "/ui/login");
  const anon = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const csrf = (await page.text()).match(/name="csrf" value="([0-9a-f]+)"/)[1];
  const r = await fetch(base + "/ui/login", {
    method: "POST", redirect: "manual",
    headers: { Cookie: anon, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf, email, password }),
  });
  const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("jisr_session="));
  if (!cookie) throw new Error(`login of ${email} failed: ${r.status}`);
  return cookie;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
};
const fmt = (ms) => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(6);

// --- setting up --------------------------------------------------------------
const t0 = performance.now();
const big = (await api("POST", "/events/add", { Event: {
  info: "bench big event", distribution: 1,
  Attribute: Array.from({ length: BIG }, (_, i) => ({ type: "ip-dst", value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` })),
} })).Event;
console.log(`big event ${big.id}: ${BIG} attributes added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const host = (await api("GET", "/users/view/me")).User.org_id;
// A second run on a kept instance finds the analyst already there.
await api("POST", "/admin/users/add", { email: "analyst@bench.example", org_id: host, role_id: 3 }).catch(() => {});
passwd("admin@admin.test", "bench admin passphrase");
passwd("analyst@bench.example", "bench analyst passphrase");
const index = await api("GET", "/events/index?limit=1&page=1");
const someEvent = index[0]?.id ?? index[0]?.Event?.id;
const ip = (await api("POST", "/attributes/restSearch", { type: "ip-src", limit: 1, page: 10 })).response.Attribute[0].value;
// Names held by the instance, one in each script (the generator writes each person in one or the other).
const names = (await api("POST", "/attributes/restSearch", { type: "full-name", limit: 100, page: 7 })).response.Attribute.map((a) => a.value);
const latin = names.find((n) => /^[A-Za-z -]+$/.test(n)) || "Mahmoud Ali Hassan Tawfik";
const arabic = names.find((n) => /[\u0600-\u06ff]/.test(n)) || "محمود علي حسن توفيق";

const pages = [
  ["dashboard", "/"],
  ["event list", "/ui/events"],
  ["event list, page 1000", "/ui/events?page=1000"],
  ["event list, text filter", "/ui/events?q=bench+event+4242"],
  ["event list, 4 filters (date, org, dist., unpublished)", `/ui/events?from=2000-01-01&org=${host}&distribution=1&published=0`],
  ["event list, unknown tag", "/ui/events?tag=tlp%3Ared"],
  [`event view (${someEvent})`, `/ui/events/${someEvent}`],
  [`event view, ${BIG} attributes`, `/ui/events/${big.id}`],
  [`event view, ${BIG} attributes, last page`, `/ui/events/${big.id}?page=${Math.ceil(BIG / 200)}`],
  ["search, an address", `/ui/search?q=${encodeURIComponent(ip)}`],
  ["search, a pattern (172.16.1.*)", "/ui/search?q=172.16.1.*"],
  [`search, Latin name (${latin})`, `/ui/search?q=${encodeURIComponent(latin)}`],
  ["search, Arabic name", `/ui/search?q=${encodeURIComponent(arabic)}`],
  ["search, organisation-like name (scans)", "/ui/search?q=Al+Nour+Exchange+Company"],
  ["audit log (site admins only)", "/ui/audit", true],
];

async function timeServer(cookie, path) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = await fetch(base + path, { headers: { Cookie: cookie } });
    await r.text();
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    xs.push(performance.now() - s);
  }
  return xs;
}

const admin = await session("admin@admin.test", "bench admin passphrase");
const analyst = await session("analyst@bench.example", "bench analyst passphrase");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
async function browserPage(email, password) {
  const ctx = await browser.newContext({ locale: "ar-EG", viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(base + "/ui/login");
  await p.fill("#email", email);
  await p.fill("#password", password);
  await Promise.all([p.waitForNavigation(), p.click("form.stack button[type=submit]")]);
  return p;
}
const analystPage = await browserPage("analyst@bench.example", "bench analyst passphrase");
const adminPage = await browserPage("admin@admin.test", "bench admin passphrase");

console.log(`\nms, p50 / p95: server ${RUNS} runs each (admin, analyst), Chromium ${BROWSER_RUNS} loads (analyst, Arabic; admin for admin-only pages)`);
console.log(`${"page".padEnd(58)} ${"admin".padStart(15)} ${"analyst".padStart(15)} ${"browser".padStart(15)}`);
for (const [name, path, adminOnly] of pages) {
  const a = await timeServer(admin, path);
  const b = adminOnly ? [NaN] : await timeServer(analyst, path);
  const page = adminOnly ? adminPage : analystPage;
  const c = [];
  for (let i = 0; i < BROWSER_RUNS; i++) {
    const s = performance.now();
    await page.goto(base + path, { waitUntil: "load" });
    c.push(performance.now() - s);
  }
  const kb = Math.round((await (await fetch(base + path, { headers: { Cookie: adminOnly ? admin : analyst } })).text()).length / 1024);
  console.log(`${(name + ` [${kb} KiB]`).padEnd(58)} ${fmt(pct(a, 0.5))} /${fmt(pct(a, 0.95))} ${fmt(pct(b, 0.5))} /${fmt(pct(b, 0.95))} ${fmt(pct(c, 0.5))} /${fmt(pct(c, 0.95))}`);
}
await browser.close();
stop();
