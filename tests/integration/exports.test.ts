import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, sites } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { GET as exportRoute } from "@/app/api/v1/exports/[kind]/route";
import { exportInputSchema, type ExportInput } from "@/lib/exports/export-input";
import { exportBatchSize } from "@/lib/exports/query-batches";
import { runExport } from "@/lib/exports/run-export";
import { integrationTokenFor } from "../fixtures/integration-token";
import { ObjectsWorld } from "./objects-world";

// Exports (SPEC §8): CSV shape, spreadsheet-safe cells, custom properties as columns, only the objects the Admin may
// view, an audit entry per export, and the 404 a Manager gets from the API. Each test builds its own organisation.

/** RFC 4180 read back: quoted fields with doubled quotes and line breaks, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted && character === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (!quoted && character === ",") {
      endField();
    } else if (!quoted && character === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      field += character;
    }
  }
  return records;
}

async function csvOf(response: Response): Promise<{ text: string; records: string[][]; byHeader: Record<string, string>[] }> {
  // Decoded keeping the byte order mark, which response.text() would drop.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const [header = [], ...rows] = records;
  return { text, records, byHeader: rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""]))) };
}

const noParams = (kind: string) => ({ params: Promise.resolve({ kind }) });

describe("exports", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function world() {
    const made = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [{ name: "Everyone views", level: "view", users: { all: true }, objects: {} }],
    });
    const admin = await made.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const toulouse = await made.actor({ role: "manager", sites: ["Toulouse"], name: "Tom Toulouse" });
    return { made, admin, toulouse };
  }

  const run = (admin: ActingUser, input: Record<string, string>) => {
    const parsed = exportInputSchema.safeParse(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    return runExport(db, admin, parsed.data as ExportInput, { locale: "en", clientAddress: "127.0.0.1" });
  };

  it("writes RFC 4180 CSV with a byte order mark, neutralised formulas and the announced row count", async () => {
    const { made, admin } = await world();
    await made.addUser({ role: "viewer", name: '=cmd|" /C calc"!A0', sites: ["Lyon"] });
    await made.addUser({ role: "viewer", name: "Line\nbreak, and \"quotes\"", sites: ["Toulouse", "Lyon"] });
    await made.addUser({ role: "viewer", name: "@SUM(1)", sites: [] });
    await made.addUser({ role: "viewer", name: "\tTabbed", sites: [] });
    const response = await run(admin, { kind: "users" });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="atelier-users-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { text, records, byHeader } = await csvOf(response);
    expect(text.startsWith("\uFEFFName,E-mail,Kind,Role,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(Number(response.headers.get("x-total-rows"))).toBe(records.length - 1);
    expect(records.length - 1).toBe(6);
    const names = byHeader.map((row) => row.Name);
    expect(names).toContain(`'=cmd|" /C calc"!A0`);
    expect(names).toContain("'@SUM(1)");
    expect(names).toContain("'\tTabbed");
    expect(names).toContain('Line\nbreak, and "quotes"');
    expect(text).toContain('"\'=cmd|"" /C calc""!A0"');
    const both = byHeader.find((row) => row.Name!.startsWith("Line"))!;
    expect(both.Sites).toBe("Lyon; Toulouse");
    expect(both["Primary site"]).toBe("Toulouse");
    expect(byHeader.find((row) => row.Name === "Ada Admin")!.Role).toBe("Admin");
  });

  it("exports custom properties as columns: labels for choices, references of visible objects only, multiple values joined", async () => {
    const { made, admin, toulouse } = await world();
    const dept = await made.addProperty("document", "Department", "single_choice", { labels: ["Design", "Quality"] });
    const tags = await made.addProperty("document", "Tags", "multi_choice", { labels: ["Urgent", "Legal"] });
    const parts = await made.addProperty("document", "Parts", "relation", { targetType: "part" });
    const notes = await made.addProperty("document", "Notes", "text");
    const weight = await made.addProperty("part", "Weight", "number");
    const shownPart = await made.createObject(admin, { type: "part", title: "Shown part", properties: { [weight.id]: -12.5 } });
    const hiddenPart = await made.createObject(toulouse, { type: "part", title: "Hidden part", scope: { kind: "sites", siteIds: [made.site("Toulouse")] } });
    // Made by someone who sees both parts; the Admin sees the document, and only one of its parts.
    const both = await made.actor({ role: "manager", sites: ["Lyon", "Toulouse"] });
    await made.createObject(both, {
      type: "document",
      title: "+Drawing",
      properties: {
        [dept.id]: dept.option.Quality!,
        [tags.id]: [tags.option.Urgent!, tags.option.Legal!],
        [parts.id]: [shownPart.id, hiddenPart.id],
        [notes.id]: "-1+1",
      },
    });
    await made.createObject(toulouse, { type: "document", title: "Toulouse only", scope: { kind: "sites", siteIds: [made.site("Toulouse")] } });

    const documents = await csvOf(await run(admin, { kind: "objects", type: "document" }));
    // Definitions in the admin panel's order: position, then name.
    expect(documents.records[0]!.slice(-4)).toEqual(["Department", "Notes", "Parts", "Tags"]);
    expect(documents.byHeader).toHaveLength(1);
    const [row] = documents.byHeader;
    expect(row).toMatchObject({ Title: "'+Drawing", Type: "Document", Department: "Quality", Tags: "Urgent; Legal", Parts: shownPart.reference, Notes: "'-1+1" });
    expect(row!["Scope sites"]).toBe("Lyon; Toulouse");

    // Every type: each property headed with its type; a plain negative number stays a number.
    const all = await csvOf(await run(admin, { kind: "objects" }));
    expect(all.byHeader.map((line) => line.Title).sort()).toEqual(["'+Drawing", "Shown part"]);
    expect(all.records[0]).toContain("Part · Weight");
    expect(all.byHeader.find((line) => line.Title === "Shown part")!["Part · Weight"]).toBe("-12.5");
    expect(all.text).not.toContain(hiddenPart.reference);
    expect(all.text).not.toContain("Toulouse only");
  });

  it("filters objects by site", async () => {
    const { made, admin } = await world();
    for (let i = 0; i < 3; i++) await made.createObject(admin, { type: "part", title: `Part ${i}` });
    const lyon = await csvOf(await run(admin, { kind: "objects", siteId: made.site("Lyon") }));
    expect(lyon.byHeader).toHaveLength(3);
    const toulouse = await csvOf(await run(admin, { kind: "objects", siteId: made.site("Toulouse") }));
    expect(toulouse.byHeader).toHaveLength(0);
  });

  it("reads past one batch without repeating or skipping a row (cursor on PostgreSQL, keyset pages on PGlite)", async () => {
    const { made, admin } = await world();
    const names = Array.from({ length: 2 * exportBatchSize + 7 }, (_, index) => `Site ${String(index).padStart(4, "0")}`);
    await db.insert(sites).values(names.map((name) => ({ organizationId: made.organizationId, name })));
    const exported = await csvOf(await run(admin, { kind: "sites" }));
    expect(exported.byHeader.map((row) => row.Name)).toEqual(["Lyon", ...names, "Toulouse"]);
  });

  it("exports sites, access rules and the audit log", async () => {
    const { made, admin } = await world();
    const sites = await csvOf(await run(admin, { kind: "sites" }));
    expect(sites.byHeader.map((row) => row.Name)).toEqual(["Lyon", "Toulouse"]);
    const rules = await csvOf(await run(admin, { kind: "access-rules" }));
    expect(rules.byHeader).toEqual([expect.objectContaining({ Name: "Everyone views", Level: "View", "All users": "Yes" })]);
    await run(admin, { kind: "sites" }).then((response) => response.text());
    const log = await csvOf(await run(admin, { kind: "audit-log", action: "exports.run" }));
    expect(log.byHeader.length).toBeGreaterThanOrEqual(2);
    expect(log.byHeader[0]).toMatchObject({ Actor: "Ada Admin", Action: "exports.run", "Target type": "export" });
    expect(JSON.parse(log.byHeader[0]!.After!)).toMatchObject({ kind: "sites", rows: 2, completed: true });
    void made;
  });

  it("audits each export with its kind, filters and row count, also when the download is cancelled", async () => {
    const { made, admin } = await world();
    await made.createObject(admin, { type: "part", title: "One" });
    await (await run(admin, { kind: "objects", type: "part" })).text();
    const cancelled = await run(admin, { kind: "users" });
    await cancelled.body!.cancel();
    const entries = await db
      .select({ action: auditLog.action, targetId: auditLog.targetId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, made.organizationId), eq(auditLog.action, "exports.run")))
      .orderBy(desc(auditLog.id));
    expect(entries).toEqual([
      { action: "exports.run", targetId: "users", after: { kind: "users", filters: {}, rows: 0, completed: false } },
      { action: "exports.run", targetId: "objects", after: { kind: "objects", filters: { type: "part" }, rows: 1, completed: true } },
    ]);
  });

  it("refuses a filter the kind does not take, by name", () => {
    const parsed = exportInputSchema.safeParse({ kind: "users", type: "document" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["type"], message: "adminExports.errors.filterNotForKind" });
    expect(exportInputSchema.safeParse({ kind: "objects", type: "", siteId: "" }).success).toBe(true);
    expect(exportInputSchema.safeParse({ kind: "everything" }).success).toBe(false);
  });

  it("answers 404 to a Manager's token and streams to an Admin's, through the route", async () => {
    const { made } = await world();
    const tokenFor = (role: "admin" | "manager") => integrationTokenFor(db, made, role, ["Lyon"]);
    const call = async (token: string, kind: string, query = "") =>
      exportRoute(new Request(`http://atelier.test/api/v1/exports/${kind}${query}`, { headers: { authorization: `Bearer ${token}` } }), noParams(kind));
    const manager = await call(await tokenFor("manager"), "users");
    expect(manager.status).toBe(404);
    expect((await manager.json()).error.code).toBe("not_found");
    const adminToken = await tokenFor("admin");
    const admin = await call(adminToken, "sites");
    expect(admin.status).toBe(200);
    expect((await csvOf(admin)).byHeader).toHaveLength(2);
    const unknown = await call(adminToken, "users", "?colour=red");
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toHaveProperty("colour");
  });
});
