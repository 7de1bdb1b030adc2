import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { DemoPerson } from "./demo-people";

const teamNames = ["Design office", "Industrialisation", "Quality", "Montréal launch team"] as const;
export type TeamName = (typeof teamNames)[number];

const membersByTeam: Record<TeamName, string[]> = {
  "Design office": ["admin@demo.test", "claire.moreau@demo.test", "thomas.bernard@demo.test", "antoine.roux@demo.test"],
  Industrialisation: ["manager@demo.test", "julien.petit@demo.test", "hugo.lefevre@demo.test", "pierre.garnier@demo.test"],
  Quality: ["viewer@demo.test", "sophie.laurent@demo.test", "nathalie.girard@demo.test", "chloe.roy@demo.test"],
  "Montréal launch team": [
    "genevieve.tremblay@demo.test",
    "olivier.gagnon@demo.test",
    "chloe.roy@demo.test",
    "samuel.cote@demo.test",
    "pierre.garnier@demo.test",
  ],
};

export interface DemoTeam {
  id: string;
  name: TeamName;
  members: DemoPerson[];
}

export async function seedTeams(
  tx: Executor,
  organizationId: string,
  people: DemoPerson[],
  createdAt: Date,
): Promise<Record<TeamName, DemoTeam>> {
  const seeded = teamNames.map((name) => ({
    id: randomUUID(),
    name,
    members: membersByTeam[name].map((email) => {
      const member = people.find((candidate) => candidate.email === email);
      if (!member) throw new Error(`${email} is not a demo user`);
      return member;
    }),
  }));
  const updatedAt = createdAt;
  await tx.insert(teams).values(seeded.map(({ id, name }) => ({ id, organizationId, name, createdAt, updatedAt })));
  const memberships = seeded.flatMap(({ id, members }) => members.map((member) => ({ teamId: id, userId: member.id })));
  await tx.insert(teamMembers).values(memberships.map((membership) => ({ organizationId, ...membership, createdAt })));
  return Object.fromEntries(seeded.map((team) => [team.name, team])) as Record<TeamName, DemoTeam>;
}
