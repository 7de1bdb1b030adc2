import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` with a malformed setting stops before serving, with a message naming the variable (lib/env.ts). The
// app is already built by the web servers of this run, so this start goes straight to the server.
test("npm start with SESSION_IDLE_MINUTES=abc stops and names the variable", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bad-setting-"));
  try {
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, SESSION_IDLE_MINUTES: "abc", PORT: "3299", HOST: "127.0.0.1", ATELIER_DATA_DIR: dataDir, PGLITE_DIR: "memory://" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 100_000);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).not.toBe(0);
    expect(code, "it stopped by itself").not.toBeNull();
    expect(output).toContain('SESSION_IDLE_MINUTES="abc" is not valid');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// Behind TLS (AUTH_URL https): HSTS on every answer, and Auth.js's cookies Secure (docs/security.md).
test("with an https AUTH_URL, answers carry HSTS and cookies are Secure", async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-https-"));
  const port = 3298;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ATELIER_DATA_DIR: dataDir,
      PGLITE_DIR: "memory://",
      SEED_DEMO: "false",
      AUTH_URL: "https://atelier.example.test",
      AUTH_SECRET: "configuration-spec-secret-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 100_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Atelier is starting on")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.on("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.headers.get("strict-transport-security")).toContain("max-age=");
    const csrf = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
