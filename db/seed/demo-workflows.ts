import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  signatures,
  workflows,
  workflowTasks,
  type TaskStatus,
  type WorkflowKind,
  type WorkflowStatus,
  type WorkflowTaskKind,
} from "@/db/schema";
import type { ProductCode } from "./demo-catalog-products";
import { assigneesOf, momentAfter, type DemoContext } from "./demo-context";
import type { DemoDocument } from "./demo-documents";
import { insertInChunks } from "./demo-insert";
import { insertObjects, link, logEvent, pickOwner, scopeFor, type DemoObject } from "./demo-objects";
import type { DemoPart } from "./demo-parts";
import type { DemoProduct } from "./demo-products";
import type { Impact } from "./demo-properties";
import type { SiteName } from "./demo-sites";
import { addDays, addMs, ascendingMoments, calendarDate, hourMs, latest } from "./demo-time";

interface WorkflowSpec {
  kind: WorkflowKind;
  title: string;
  family: ProductCode;
  site: SiteName;
  status: WorkflowStatus;
  impact: Impact[];
}

const workflow = (
  kind: WorkflowKind,
  family: ProductCode,
  site: SiteName,
  status: WorkflowStatus,
  impact: Impact[],
  title: string,
): WorkflowSpec => ({ kind, title, family, site, status, impact });

const workflowCatalog: WorkflowSpec[] = [
  workflow("ECR", "HP-40", "Toulouse", "completed", ["Quality", "Cost"], "ECR-2026-003 Seal leakage on HP-40 field returns"),
  workflow("ECR", "GB-200", "Toulouse", "in_progress", ["Cost"], "ECR-2026-007 Reduce GB-200 housing weight"),
  workflow("ECR", "LA-12", "Lyon", "draft", ["Cost", "Delay"], "ECR-2026-011 Second bearing supplier for LA-12"),
  workflow("ECR", "GM-30", "Montréal", "cancelled", ["Quality"], "ECR-2026-015 Noise complaints on GM-30"),
  workflow("ECO", "HP-40", "Toulouse", "in_progress", ["Quality", "Safety"], "ECO-2026-014 Replace seal material"),
  workflow("ECO", "GB-350", "Lyon", "completed", ["Quality"], "ECO-2026-009 Tighten GB-350 output shaft tolerance"),
  workflow("ECO", "CP-15", "Montréal", "cancelled", ["Cost"], "ECO-2026-017 New impeller resin for CP-15"),
  workflow("ECO", "PRV-10", "Toulouse", "draft", ["Safety", "Quality"], "ECO-2026-020 Thicker PRV-10 diaphragm"),
  workflow("ECN", "HP-63", "Lyon", "completed", ["Delay"], "ECN-2026-005 HP-63 drawings released to Lyon"),
  workflow("ECN", "RI-6", "Toulouse", "in_progress", ["Quality"], "ECN-2026-008 RI-6 index plate revision B"),
  workflow("ECN", "PR-90", "Lyon", "completed", ["Quality", "Cost"], "ECN-2026-012 PR-90 ring gear heat treatment change"),
  workflow("ECN", "SV-8", "Montréal", "in_progress", ["Cost", "Delay"], "ECN-2026-016 SV-8 spool coating change"),
  workflow("NPD", "LA-25", "Lyon", "in_progress", ["Cost", "Delay"], "NPD — Linear actuator LA-25 launch"),
  workflow("NPD", "RI-6", "Toulouse", "draft", ["Delay"], "NPD — Rotary indexer RI-6 industrialisation"),
  workflow("NPD", "ED-5", "Montréal", "in_progress", ["Cost", "Quality", "Delay"], "NPD — Electric drive unit ED-5 launch"),
  workflow("NPD", "PRV-10", "Toulouse", "completed", ["Safety"], "NPD — Pressure regulator PRV-10 launch"),
];

const taskTemplates: Record<WorkflowKind, { title: string; kind: WorkflowTaskKind }[]> = {
  ECR: [
    { title: "Describe the problem and its evidence", kind: "task" },
    { title: "Impact analysis", kind: "task" },
    { title: "Cost estimate", kind: "task" },
    { title: "Change board decision", kind: "signature" },
  ],
  ECO: [
    { title: "Update drawings", kind: "task" },
    { title: "Update bill of materials", kind: "task" },
    { title: "Quality review", kind: "task" },
    { title: "Approve change order", kind: "signature" },
  ],
  ECN: [
    { title: "Inform production", kind: "task" },
    { title: "Inform suppliers", kind: "task" },
    { title: "Acknowledge notice", kind: "signature" },
  ],
  NPD: [
    { title: "Market requirements", kind: "task" },
    { title: "Concept design", kind: "task" },
    { title: "Prototype build", kind: "task" },
    { title: "Pilot run", kind: "task" },
    { title: "Launch approval", kind: "signature" },
  ],
};

interface Subjects {
  products: DemoProduct[];
  parts: DemoPart[];
  documents: DemoDocument[];
}

/** Workflows of the four kinds on a product family's objects, with tasks, signatures and status history. */
export async function seedWorkflows(ctx: DemoContext, subjects: Subjects): Promise<DemoObject[]> {
  const { random, organizationId } = ctx;
  const impactProperty = ctx.properties.workflow.impact;
  const entries = workflowCatalog.map((spec, index) => {
    const familyDocuments = subjects.documents.filter((document) => document.spec.family === spec.family);
    const documents = random.sample(familyDocuments, random.int(1, 2));
    const objects: DemoObject[] = [
      ...subjects.products.filter((product) => product.spec.code === spec.family).map((product) => product.object),
      ...random.sample(subjects.parts.filter((part) => part.spec.family === spec.family), 1).map((part) => part.object),
      ...documents.map((document) => document.object),
    ];
    const createdAt = momentAfter(ctx, latest(...objects.map((object) => object.createdAt)), spec.site, 1, 30);
    const startedAt = spec.status === "draft" ? null : momentAfter(ctx, createdAt, spec.site, 0, 5);
    const ends = spec.status === "completed" || spec.status === "cancelled";
    const endedAt = startedAt && ends ? momentAfter(ctx, startedAt, spec.site, 7, 40) : null;
    const responsible = pickOwner(ctx, spec.site);
    const templates = taskTemplates[spec.kind];
    const doneCount =
      spec.status === "completed" ? templates.length : spec.status === "draft" ? 0 : random.int(0, templates.length - 1);
    const doneAt = startedAt ? ascendingMoments(random, startedAt, endedAt ?? addMs(ctx.now, -hourMs), doneCount) : [];
    const openStatus: TaskStatus = spec.status === "cancelled" ? "cancelled" : "open";
    const tasks = templates.map((template, position) => {
      const completedAt = doneAt[position] ?? null;
      return {
        ...template,
        id: randomUUID(),
        position,
        assignee: random.pick(assigneesOf(ctx, spec.site)),
        status: completedAt ? ("done" as const) : openStatus,
        completedAt,
        dueDate: calendarDate(addDays(startedAt ?? createdAt, 7 * (position + 1))),
      };
    });
    return {
      spec,
      objects,
      documents,
      tasks,
      responsible,
      startedAt,
      endedAt,
      plan: {
        title: spec.title,
        owner: responsible,
        site: spec.site,
        scope: scopeFor(index, spec.site),
        templateId: ctx.templates.standard.workflow,
        properties: { [impactProperty.id]: spec.impact.map((impact) => impactProperty.option[impact]) },
        createdAt,
        updatedAt: latest(createdAt, ...(startedAt ? [startedAt] : []), ...(endedAt ? [endedAt] : []), ...doneAt),
      },
    };
  });
  const seeded = await insertObjects(ctx, "workflow", entries);

  const taskRows: (typeof workflowTasks.$inferInsert)[] = [];
  const signatureRows: (typeof signatures.$inferInsert)[] = [];
  for (const { object, spec, objects, documents, tasks, responsible, startedAt, endedAt } of seeded) {
    for (const subject of objects) link(ctx, object, subject, "workflow_subject", responsible);
    if (startedAt) logEvent(ctx, object, "status_changed", responsible, startedAt, { from: "draft", to: "in_progress" });
    if (endedAt) logEvent(ctx, object, "status_changed", responsible, endedAt, { from: "in_progress", to: spec.status });
    for (const task of tasks) {
      // A signature task signs one revision: the first subject document's, as it stood when signed (or stands now).
      const signed = documents[0]?.revisions.filter((candidate) => !task.completedAt || candidate.createdAt <= task.completedAt).at(-1);
      const kind = task.kind === "signature" && signed ? "signature" : "task";
      taskRows.push({
        id: task.id,
        organizationId,
        workflowId: object.id,
        kind,
        title: task.title,
        assigneeId: task.assignee.id,
        revisionId: kind === "signature" ? signed!.id : null,
        status: task.status,
        dueDate: task.dueDate,
        completedAt: task.completedAt,
        completedById: task.completedAt ? task.assignee.id : null,
        position: task.position,
        createdAt: startedAt ?? object.createdAt,
        updatedAt: task.completedAt ?? endedAt ?? startedAt ?? object.createdAt,
      });
      if (kind !== "signature" || !task.completedAt) continue;
      signatureRows.push({
        organizationId,
        revisionId: signed!.id,
        taskId: task.id,
        signerId: task.assignee.id,
        decision: "approved",
        signedAt: task.completedAt,
      });
    }
  }
  await insertInChunks(
    ctx.tx,
    workflows,
    seeded.map(({ object, spec, responsible, startedAt, endedAt }) => ({
      objectId: object.id,
      organizationId,
      kind: spec.kind,
      responsibleId: responsible.id,
      status: spec.status,
      startedAt,
      completedAt: spec.status === "completed" ? endedAt : null,
      cancelledAt: spec.status === "cancelled" ? endedAt : null,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
    })),
  );
  await insertInChunks(ctx.tx, workflowTasks, taskRows);
  await insertInChunks(ctx.tx, signatures, signatureRows);
  // The demo's past: tasks already overdue were noticed back then, so a first start sends no burst of due-date mails.
  await ctx.tx.execute(sql`
    insert into task_due_notices (organization_id, task_id)
    select t.organization_id, t.id from workflow_tasks t join organizations o on o.id = t.organization_id
    where t.organization_id = ${ctx.organizationId} and t.due_date < (now() at time zone o.time_zone)::date`);
  return seeded.map(({ object }) => object);
}
