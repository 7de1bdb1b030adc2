import "server-only";
import { projects, projectTasks, type ProjectStatus } from "@/db/schema";
import { creationMoment, momentAfter, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import { insertObjects, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { SiteName } from "./demo-sites";
import type { TeamName } from "./demo-teams";
import { addDays, calendarDate, latest } from "./demo-time";

interface ProjectSpec {
  title: string;
  site: SiteName;
  team: TeamName;
  status: ProjectStatus;
  budget: number;
}

const project = (team: TeamName, site: SiteName, status: ProjectStatus, budget: number, title: string): ProjectSpec => ({
  title,
  site,
  team,
  status,
  budget,
});

const projectCatalog: ProjectSpec[] = [
  project("Industrialisation", "Lyon", "active", 420, "HP-63 industrialisation in Lyon"),
  project("Design office", "Lyon", "active", 180, "GB-350 prototype validation"),
  project("Montréal launch team", "Montréal", "active", 650, "ED-5 production launch in Montréal"),
  project("Design office", "Lyon", "planned", 95, "LA-25 design freeze"),
  project("Quality", "Toulouse", "active", 40, "ISO 9001 recertification"),
  project("Quality", "Montréal", "completed", 25, "SV-8 coil supplier PPAP"),
  project("Industrialisation", "Toulouse", "on_hold", 120, "CD-400 cost reduction"),
  project("Design office", "Toulouse", "completed", 60, "RI-6 concept study"),
  project("Montréal launch team", "Montréal", "planned", 880, "Montréal assembly line 2 commissioning"),
  project("Industrialisation", "Montréal", "cancelled", 30, "CP-15 phase-out"),
];

const taskTitles = [
  "Kick-off meeting",
  "Collect requirements",
  "Process FMEA",
  "Design review",
  "Supplier quotations",
  "Prototype build",
  "Test plan and test report",
  "Control plan",
  "Pilot run",
  "Capability study (Cpk)",
  "Update work instructions",
  "Operator training",
  "Closing report",
];

/** How far along each status is: completion % then varies by team in the analytics. */
const doneShare: Record<ProjectStatus, [number, number]> = {
  planned: [0, 0.15],
  active: [0.3, 0.8],
  on_hold: [0.3, 0.5],
  completed: [1, 1],
  cancelled: [0.1, 0.4],
};

const minAgeDays: Record<ProjectStatus, number> = { planned: 3, active: 20, on_hold: 40, completed: 70, cancelled: 40 };

/** Projects owned by a team, with tasks of which a share (by status) is done. */
export async function seedProjects(ctx: DemoContext): Promise<DemoObject[]> {
  const { random, organizationId } = ctx;
  const entries = projectCatalog.map((spec, index) => {
    const createdAt = creationMoment(ctx, spec.site, minAgeDays[spec.status]);
    const start = addDays(createdAt, random.int(0, 10));
    const due = addDays(start, random.int(60, 150));
    const team = ctx.teams[spec.team];
    const chosen = random.sample(taskTitles, random.int(5, 8));
    const titles = taskTitles.filter((title) => chosen.includes(title));
    const [low, high] = doneShare[spec.status];
    const doneCount = Math.round(titles.length * (low + random.next() * (high - low)));
    let cursor = createdAt;
    const tasks = titles.map((title, position) => {
      const doneAt = position < doneCount ? momentAfter(ctx, cursor, spec.site, 1, 20) : null;
      cursor = doneAt ?? cursor;
      const dueDate = calendarDate(addDays(start, (position + 1) * 12));
      return { title, position, doneAt, assignee: random.pick(team.members), dueDate };
    });
    return {
      spec,
      team,
      tasks,
      start,
      due,
      plan: {
        title: spec.title,
        owner: pickOwner(ctx, spec.site),
        site: spec.site,
        scope: scopeFor(index, spec.site),
        templateId: ctx.templates.standard.project,
        properties: { [ctx.properties.project.budget]: spec.budget },
        createdAt,
        updatedAt: latest(createdAt, ...tasks.flatMap((task) => (task.doneAt ? [task.doneAt] : []))),
      },
    };
  });
  const seeded = await insertObjects(ctx, "project", entries);
  await insertInChunks(
    ctx.tx,
    projects,
    seeded.map(({ object, spec, team, start, due }) => ({
      objectId: object.id,
      organizationId,
      teamId: team.id,
      status: spec.status,
      startDate: calendarDate(start),
      dueDate: calendarDate(due),
    })),
  );
  await insertInChunks(
    ctx.tx,
    projectTasks,
    seeded.flatMap(({ object, tasks }) =>
      tasks.map((task) => ({
        organizationId,
        projectId: object.id,
        title: task.title,
        assigneeId: task.assignee.id,
        dueDate: task.dueDate,
        doneAt: task.doneAt,
        position: task.position,
        createdAt: object.createdAt,
        updatedAt: task.doneAt ?? object.createdAt,
      })),
    ),
  );
  return seeded.map(({ object }) => object);
}
