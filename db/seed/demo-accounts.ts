import type { Role } from "@/db/schema";
import { env } from "@/lib/env";

// Read by the start script to print the sign-ins, so this file imports nothing at run time.

export function demoPassword(): string {
  return env().DEMO_PASSWORD;
}

export interface DemoAccount {
  email: string;
  role: Role;
  sites: string[];
  description: string;
}

/** The sign-ins shown at start; every one uses `demoPassword()`. */
export const demoAccounts: ReadonlyArray<DemoAccount> = [
  {
    email: "admin@demo.test",
    role: "admin",
    sites: ["Toulouse", "Lyon", "Montréal"],
    description: "Admin on every site: admin panel, access rules, analytics, full access to all objects",
  },
  {
    email: "manager@demo.test",
    role: "manager",
    sites: ["Toulouse"],
    description: "Manager in Toulouse: creates and edits objects, runs workflows, edits Toulouse documents",
  },
  {
    email: "viewer@demo.test",
    role: "viewer",
    sites: ["Lyon"],
    description: "Viewer in Lyon: sees Lyon and organisation-wide objects, works on assigned tasks",
  },
  {
    email: "kiosk@demo.test",
    role: "shared_computer",
    sites: ["Toulouse"],
    description: "Shared shop-floor computer in Toulouse: views and comments only",
  },
];
