// What both browsers' tests share: a fresh `jisr serve` on a free port with
// its own data directory, the admin's API, console passwords, axe-core's
// source and the check counter.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

export const ADMIN_KEY = "browserAdminKey0123456789abcdefghijABCDE";
export const ADMIN = "admin@admin.test";
export const PASSWORD = "admin console passphrase";
export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let failures = 0;
export function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures += 1;
}
export const failed = () => failures;

/**
 * Starts jisr; resolves to { base, api, passwd, stop }. By default on a fresh
 * data directory (removed by stop) with ADMIN_KEY; the console benchmark
 * passes its loaded instance's `data`, `key` and `database`.
 */
export async function startServer(bin, { data, key = ADMIN_KEY, database } = {}) {
  const owned = !data;
  data = data ?? mkdtempSync(join(tmpdir(), "jisr-browser-"));
  const env = { ...process.env, JISR_ADMIN_KEY: key, JISR_LOG: "warn" };
  if (database) env.JISR_DATABASE = database;
  const server = spawn(bin, ["serve", "--data", data, "--listen", "127.0.0.1:0"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const base = await new Promise((ok, fail) => {
    let buf = "";
    const timer = setTimeout(() => fail(new Error("jisr did not start")), 60000);
    server.stderr.on("data", (d) => {
      buf += d.toString();
      const m = buf.match(/listening on (http:\/\/\S+)\r?\n/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    server.on("exit", (code) => fail(new Error(`jisr exited with ${code}: ${buf}`)));
  });
  server.stderr.resume();

  async function api(method, path, body) {
    const r = await fetch(base + path, {
      method,
      headers: { Authorization: key, Accept: "application/json", "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }

  function passwd(email, password) {
    const r = spawnSync(bin, ["user", "passwd", email, "--data", data], { input: password + "\n", env });
    if (r.status !== 0) throw new Error(`jisr user passwd: ${r.stderr}`);
  }

  function stop() {
    server.kill();
    if (owned) rmSync(data, { recursive: true, force: true });
  }
  return { base, api, passwd, stop };
}
