// The benchmark's access rules: every kind of user condition (all, roles, sites, teams, users, user property values)
// and object condition (types, property values, user-property = object-property matches), in realistic proportions.
import type { RuleDefinition } from "@/lib/access-rules/default-rules";
import type { RuleUserCondition } from "@/db/schema";
import { confidentialities, impacts, programs, siteLabel, type BenchProperties, type BenchSize } from "./catalog";

const nobody: RuleUserCondition = { all: false, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] };
const everyone: RuleUserCondition = { ...nobody, all: true };

export interface RuleInputs {
  size: BenchSize;
  properties: BenchProperties;
  /** Site ids, index 0 = "Site 001". */
  siteIds: string[];
  teamIds: string[];
  /** The narrow user's only site (1-based). */
  narrowSite: number;
  /** Five user ids per "named users" rule, drawn by the caller. */
  namedUsers: (ruleIndex: number) => string[];
}

/**
 * The organisation's rules, most characteristic first: the first three are the smoke run's (scale 0.01), and the
 * full run takes the first 300. The narrow user (one site, shared-computer role, no department, clearance or program)
 * matches only "Site <n> — View — documents tagged <n>" and "Everyone — View — policy documents".
 */
export function benchRules({ size, properties: p, siteIds, teamIds, narrowSite, namedUsers }: RuleInputs): RuleDefinition[] {
  const site = (index: number) => siteIds[index - 1]!;
  const option = (property: { options: string[]; labels: string[] }, label: string) => property.options[property.labels.indexOf(label)]!;
  const siteDocuments = (index: number): RuleDefinition => ({
    name: `${siteLabel(index)} — View — documents tagged ${siteLabel(index)}`,
    level: "view",
    users: { ...nobody, siteIds: [site(index)] },
    objects: { types: ["document"], properties: [{ propertyId: p.document.siteTag.id, in: [p.document.siteTag.options[index - 1]] }] },
    match: [],
  });

  const rules: RuleDefinition[] = [
    { name: "Admins — Full access — all objects", level: "full", users: { ...nobody, roles: ["admin"] }, objects: { types: [], properties: [] }, match: [] },
    siteDocuments(narrowSite),
    {
      name: "Everyone — View — documents of their department",
      level: "view",
      users: everyone,
      objects: { types: ["document"], properties: [] },
      match: [{ userPropertyId: p.user.department.id, objectPropertyId: p.document.department.id }],
    },
    {
      name: "Managers — Modify — parts, products, projects, manufacturing orders, workflows",
      level: "modify",
      users: { ...nobody, roles: ["manager"] },
      objects: { types: ["part", "product", "project", "manufacturing_order", "workflow"], properties: [] },
      match: [],
    },
    {
      name: "Everyone — View — policy documents",
      level: "view",
      users: everyone,
      objects: { types: ["document"], properties: [{ propertyId: p.document.kind.id, in: [option(p.document.kind, "Policy")] }] },
      match: [],
    },
  ];
  for (let index = 1; index <= size.sites; index++) if (index !== narrowSite) rules.push(siteDocuments(index));
  for (let index = 1; index <= size.sites; index++) {
    rules.push({
      name: `${siteLabel(index)} managers — Full access — orders tagged ${siteLabel(index)}`,
      level: "full",
      users: { ...nobody, siteIds: [site(index)], roles: ["manager"] },
      objects: {
        types: ["manufacturing_order"],
        properties: [{ propertyId: p.manufacturingOrder.siteTag.id, in: [p.manufacturingOrder.siteTag.options[index - 1]] }],
      },
      match: [],
    });
  }
  rules.push({
    name: "Managers — Modify — parts of their site",
    level: "modify",
    users: { ...nobody, roles: ["manager"] },
    objects: { types: ["part"], properties: [] },
    match: [{ userPropertyId: p.user.siteTag.id, objectPropertyId: p.part.siteTag.id }],
  });
  teamIds.forEach((teamId, index) => {
    const program = programs[index % programs.length]!;
    rules.push({
      name: `Team ${index + 1} — Modify — projects of ${program}`,
      level: "modify",
      users: { ...nobody, teamIds: [teamId] },
      objects: { types: ["project"], properties: [{ propertyId: p.project.program.id, in: [option(p.project.program, program)] }] },
      match: [],
    });
  });
  p.user.department.labels.forEach((department, index) => {
    rules.push({
      name: `${department} with clearance — View — confidential documents of ${department}`,
      level: "view",
      users: {
        ...nobody,
        properties: [
          { propertyId: p.user.department.id, in: [p.user.department.options[index]] },
          { propertyId: p.user.clearance.id, in: [option(p.user.clearance, "Confidential"), option(p.user.clearance, "Secret")] },
        ],
      },
      objects: {
        types: ["document"],
        properties: [
          { propertyId: p.document.confidentiality.id, in: confidentialities.slice(2).map((label) => option(p.document.confidentiality, label)) },
          { propertyId: p.document.department.id, in: [p.document.department.options[index]] },
        ],
      },
      match: [],
    });
  });
  programs.forEach((program) => {
    rules.push({
      name: `${program} members — Modify — documents of ${program}`,
      level: "modify",
      users: { ...nobody, properties: [{ propertyId: p.user.programs.id, in: [option(p.user.programs, program)] }] },
      objects: { types: ["document"], properties: [{ propertyId: p.document.programs.id, in: [option(p.document.programs, program)] }] },
      match: [],
    });
  });
  rules.push(
    {
      name: "Everyone — View — documents of their programs",
      level: "view",
      users: everyone,
      objects: { types: ["document"], properties: [] },
      match: [{ userPropertyId: p.user.programs.id, objectPropertyId: p.document.programs.id }],
    },
    {
      name: "Viewers — View — released parts",
      level: "view",
      users: { ...nobody, roles: ["viewer"] },
      objects: { types: ["part"], properties: [{ propertyId: p.part.status.id, in: [option(p.part.status, "Released")] }] },
      match: [],
    },
  );
  p.user.department.labels.forEach((department, index) => {
    rules.push({
      name: `${department} — View — quality and safety changes of ${department}`,
      level: "view",
      users: { ...nobody, properties: [{ propertyId: p.user.department.id, in: [p.user.department.options[index]] }] },
      objects: {
        types: ["workflow"],
        properties: [
          { propertyId: p.workflow.impact.id, in: impacts.filter((impact) => impact === "Quality" || impact === "Safety").map((label) => option(p.workflow.impact, label)) },
          { propertyId: p.workflow.department.id, in: [p.workflow.department.options[index]] },
        ],
      },
      match: [],
    });
  });
  for (let index = 0; rules.length < size.rules; index++) {
    const siteIndex = (index % size.sites) + 1;
    rules.push({
      name: `Reviewers ${index + 1} — View — confidential documents of ${siteLabel(siteIndex)}`,
      level: "view",
      users: { ...nobody, userIds: namedUsers(index) },
      objects: {
        types: ["document"],
        properties: [
          { propertyId: p.document.confidentiality.id, in: [option(p.document.confidentiality, "Confidential")] },
          { propertyId: p.document.siteTag.id, in: [p.document.siteTag.options[siteIndex - 1]] },
        ],
      },
      match: [],
    });
  }
  return rules.slice(0, size.rules);
}
