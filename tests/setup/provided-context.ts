declare module "vitest" {
  export interface ProvidedContext {
    /** The per-run PostgreSQL database of the "postgres" project; null in the "pglite" project (in-memory). */
    testDatabase: { url: string } | null;
  }
}

export {};
