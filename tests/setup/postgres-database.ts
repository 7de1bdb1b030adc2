import type { TestProject } from "vitest/node";
import { openPostgresDatabase, runAdminStatement, withDatabaseName } from "../fixtures/database";

const defaultTestDatabaseUrl = "postgres://postgres@127.0.0.1:5432/test";

/**
 * Global set-up of the "postgres" project: creates this run's own database next to TEST_DATABASE_URL (whose data
 * is never touched), migrates it once and hands its URL to the workers; drops it, and any database a test made
 * from it, at teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl;
  const name = `atelier_test_${Date.now()}_${process.pid}`;
  try {
    await runAdminStatement(adminUrl, `create database "${name}"`);
  } catch (error) {
    throw new Error(
      `The "postgres" test project needs PostgreSQL at ${adminUrl} (set TEST_DATABASE_URL; the role needs CREATEDB). ` +
        "`npm test` skips this project, loudly, when PostgreSQL does not answer.",
      { cause: error },
    );
  }
  const url = withDatabaseName(adminUrl, name);
  const handle = await openPostgresDatabase(url);
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    await runAdminStatement(adminUrl, `drop database if exists "${name}" with (force)`);
    throw error;
  }
  await handle.close();
  project.provide("testDatabase", { url });

  return async () => {
    const { default: postgres } = await import("postgres");
    const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      const leftovers = await client<{ datname: string }[]>`
        select datname from pg_database where datname = ${name} or datname like ${`${name}\\_%`}`;
      for (const { datname } of leftovers) await client.unsafe(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end({ timeout: 5 });
    }
  };
}
