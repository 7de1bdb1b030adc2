import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action and route handler must be declared through the gate (lib/gate). The only exemptions are
// named here, each with the reason it cannot have an acting user.
const exemptions: Record<string, { exports: string[]; why: string }> = {
  "app/api/auth/[...nextauth]/route.ts": { exports: ["GET", "POST"], why: "the Auth.js handler itself" },
  "app/api/health/route.ts": { exports: ["GET"], why: "liveness, says nothing about any tenant" },
  "app/(auth)/actions.ts": {
    exports: ["signInWithPasswordAction", "signInWithSsoAction", "chooseSignedOutLanguageAction", "signOutAction"],
    why: "sign-in, sign-out and the signed-out pages' language run before or after there is an acting user",
  },
  "app/(auth)/password-reset-actions.ts": {
    exports: ["requestPasswordResetAction", "resetPasswordAction"],
    why: "password reset runs without an acting user",
  },
};

const gateWrappers = new Set(["defineAction", "defineFormAction", "defineRoute"]);

// Every page of the signed-in workspace loads its data through the page gate (a layout's check does not guard
// the page: Next renders them in parallel). None is exempt today; an exemption would be named here with its reason.
const pageGateCalls = new Set(["enterPage", "enterObjectPage"]);
const pageExemptions: Record<string, string> = {};
// Route segment configuration, read by Next at build time: not handlers.
const routeConfigExports = new Set(["dynamic", "revalidate", "runtime", "preferredRegion", "maxDuration", "fetchCache", "dynamicParams"]);

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

function hasUseServerDirective(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

function isGateCall(expression: ts.Expression | undefined): boolean {
  return !!expression && ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && gateWrappers.has(expression.expression.text);
}

interface Violation {
  file: string;
  name: string;
  problem: string;
}

/** The exports of one module that bypass the gate (inline "use server" functions count too). */
function gateViolations(file: string, text: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const isServerModule = hasUseServerDirective(source.statements);
  const isRoute = /(^|\/)route\.ts$/.test(file);
  const exempt = new Set(exemptions[file]?.exports ?? []);
  const violations: Violation[] = [];
  const flag = (name: string, problem: string) => {
    if (!exempt.has(name)) violations.push({ file, name, problem });
  };

  const visit = (node: ts.Node) => {
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body && ts.isBlock(node.body)) {
      if (hasUseServerDirective(node.body.statements)) flag(node.name?.getText() ?? "(inline)", "inline \"use server\" function");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!isServerModule && !isRoute) return violations;

  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(statement) && exported) {
      flag(statement.name?.text ?? "default", "exported function not declared through the gate");
    } else if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) {
        const names = ts.isIdentifier(declaration.name)
          ? [declaration.name.text]
          : declaration.name.elements.map((element) => (ts.isBindingElement(element) ? element.name.getText() : ""));
        for (const name of names) {
          if (isRoute && routeConfigExports.has(name)) continue;
          if (!ts.isIdentifier(declaration.name) || !isGateCall(declaration.initializer)) flag(name, "export not created by defineAction/defineFormAction/defineRoute");
        }
      }
    } else if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      flag(statement.getText().slice(0, 60), "re-export: declare the handler through the gate in this module");
    }
  }
  return violations;
}

/** Whether a page module calls the page gate in its default export. */
function pageEntersGate(file: string, text: string): boolean {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const defaultExport = source.statements.find(
    (statement): statement is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(statement) && !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword),
  );
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && pageGateCalls.has(node.expression.text)) found = true;
    ts.forEachChild(node, visit);
  };
  if (defaultExport?.body) visit(defaultExport.body);
  return found;
}

// Parsing every module of app/, components/ and lib/ takes a few seconds on a loaded two-core machine.
describe("the gate covers every server action and route handler", { timeout: 60_000 }, () => {
  const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components")), ...sourceFiles(path.join(root, "lib"))].map((file) =>
    path.relative(root, file).split(path.sep).join("/"),
  );

  it("finds the modules it must check", () => {
    expect(files.filter((file) => file.endsWith("/route.ts")).length).toBeGreaterThan(1);
  });

  it("has no export that bypasses the gate", () => {
    const violations = files.flatMap((file) => gateViolations(file, fs.readFileSync(path.join(root, file), "utf8")));
    expect(violations).toEqual([]);
  });

  it("names only exemptions that still exist", () => {
    for (const [file, { exports }] of Object.entries(exemptions)) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const name of exports) expect(text, `${file} exports ${name}`).toMatch(new RegExp(`\\b${name.replace(/[[\]]/g, "\\$&")}\\b`));
    }
  });

  it("catches handlers that bypass it", () => {
    const bypass = `"use server";\nexport async function leak() {}\nexport const ok = defineAction(spec, run);\nexport const raw = async () => {};\n`;
    expect(gateViolations("app/x/actions.ts", bypass).map((v) => v.name)).toEqual(["leak", "raw"]);
    const route = `export async function GET() {}\nexport const POST = defineRoute(spec, run);\nexport const dynamic = "force-dynamic";\n`;
    expect(gateViolations("app/api/v1/x/route.ts", route).map((v) => v.name)).toEqual(["GET"]);
    const inline = `export function Page() { async function save() { "use server"; } return null; }\n`;
    expect(gateViolations("app/x/page.tsx", inline).map((v) => v.name)).toEqual(["save"]);
  });

  it("is entered by every page of the workspace", () => {
    const pages = files.filter((file) => file.startsWith("app/(app)/") && file.endsWith("/page.tsx"));
    expect(pages.length).toBeGreaterThan(10);
    const bypassing = pages.filter((file) => !pageExemptions[file] && !pageEntersGate(file, fs.readFileSync(path.join(root, file), "utf8")));
    expect(bypassing).toEqual([]);
  });

  it("catches a page that loads without it", () => {
    const gated = `export default async function Page() { const { user } = await enterPage({ name: "me.read" }); return null; }`;
    const bypass = `export default async function Page() { const rows = await listEverything(); return null; }`;
    const elsewhere = `async function helper() { await enterPage({ name: "me.read" }); }\nexport default async function Page() { return null; }`;
    expect(pageEntersGate("app/(app)/x/page.tsx", gated)).toBe(true);
    expect(pageEntersGate("app/(app)/x/page.tsx", bypass)).toBe(false);
    expect(pageEntersGate("app/(app)/x/page.tsx", elsewhere)).toBe(false);
  });
});
