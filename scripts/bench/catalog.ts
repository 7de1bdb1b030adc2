// What the benchmark organisation is made of: sizes per scale, property definitions, word lists.
import { randomUUID } from "node:crypto";
import type { ObjectType, PropertyTarget, PropertyType } from "@/db/schema";

/** Bump when the seeded layout changes: a database seeded by another layout is reseeded. */
export const seedLayoutVersion = 4;

export interface BenchSize {
  sites: number;
  users: number;
  objects: number;
  rules: number;
  teams: number;
}

/** 100 sites, 10,000 users, 1,000,000 objects, 300 rules and 20 teams at scale 1; everything scaled. */
export function sizeFor(scale: number): BenchSize {
  return {
    sites: Math.max(1, Math.round(100 * scale)),
    users: Math.max(10, Math.round(10_000 * scale)),
    objects: Math.max(100, Math.round(1_000_000 * scale)),
    rules: Math.max(3, Math.round(300 * scale)),
    teams: Math.max(1, Math.round(20 * scale)),
  };
}

/** Share of objects per type (documents ~40 %). */
export const typeShares: readonly [ObjectType, number][] = [
  ["document", 0.4],
  ["part", 0.25],
  ["product", 0.1],
  ["project", 0.05],
  ["manufacturing_order", 0.12],
  ["workflow", 0.08],
];

export const referencePrefixes: Record<ObjectType, string> = {
  document: "DOC-",
  part: "PRT-",
  product: "PRD-",
  project: "PRJ-",
  manufacturing_order: "MO-",
  workflow: "WF-",
};

export const titleWords: Record<ObjectType, string> = {
  document: "Drawing",
  part: "Part",
  product: "Product",
  project: "Project",
  manufacturing_order: "Order",
  workflow: "Change",
};

export const adjectives = [
  "hydraulic", "pneumatic", "main", "auxiliary", "upper", "lower", "front", "rear", "left", "right",
  "inner", "outer", "primary", "secondary", "steel", "aluminium", "composite", "reinforced", "compact", "heavy-duty",
  "standard", "custom", "modular", "sealed", "threaded", "welded", "machined", "cast", "forged", "insulated",
  "high-pressure", "low-noise", "adjustable", "fixed", "rotating", "sliding", "mounting", "drive", "support", "safety",
] as const;

export const nouns = [
  "bracket", "housing", "shaft", "gear", "bearing", "valve", "pump", "flange", "gasket", "seal",
  "spring", "bolt", "nut", "washer", "manifold", "cylinder", "piston", "rod", "cover", "plate",
  "frame", "chassis", "panel", "hinge", "latch", "sensor", "actuator", "motor", "coupling", "pulley",
  "belt", "chain", "sprocket", "bushing", "spacer", "clamp", "fitting", "hose", "nozzle", "filter",
  "reservoir", "controller", "harness", "connector", "enclosure", "lever", "cam", "damper", "impeller", "rotor",
] as const;

/** The title search term: one noun of fifty, so about 2 % of titles contain it. */
export const searchTerm = "bracket";

export const departments = ["Engineering", "Quality", "Production", "Purchasing", "Maintenance", "Logistics", "R&D", "After-sales"];
export const confidentialities = ["Public", "Internal", "Confidential", "Secret"];
export const documentKinds = ["Drawing", "Specification", "Procedure", "Report", "Policy"];
export const partStatuses = ["In design", "Released", "Obsolete"];
export const makeOrBuy = ["Make", "Buy"];
export const productLines = ["Hydraulics", "Transmission", "Motion control", "Sensors", "Drives", "Spares"];
export const priorities = ["Low", "Normal", "High", "Urgent"];
export const impacts = ["Cost", "Quality", "Delay", "Safety"];
export const programs = Array.from({ length: 20 }, (_, index) => `Program ${String(index + 1).padStart(2, "0")}`);

export function siteLabel(index: number): string {
  return `Site ${String(index).padStart(3, "0")}`;
}

export interface BenchProperty {
  id: string;
  appliesTo: PropertyTarget;
  name: string;
  type: PropertyType;
  /** Option ids in label order (index 0 = first label); empty for non-choice properties. */
  options: string[];
  labels: string[];
}

function choice(appliesTo: PropertyTarget, name: string, labels: readonly string[], type: PropertyType = "single_choice"): BenchProperty {
  return { id: randomUUID(), appliesTo, name, type, labels: [...labels], options: labels.map(() => randomUUID()) };
}

/** Every property of the benchmark organisation, with fresh ids. Choice values store option ids (API.md). */
export function benchProperties(siteCount: number) {
  const sites = Array.from({ length: siteCount }, (_, index) => siteLabel(index + 1));
  return {
    user: {
      siteTag: choice("user", "Site tag", sites),
      department: choice("user", "Department", departments),
      clearance: choice("user", "Clearance", confidentialities),
      programs: choice("user", "Programs", programs, "multi_choice"),
    },
    document: {
      siteTag: choice("document", "Site tag", sites),
      department: choice("document", "Department", departments),
      confidentiality: choice("document", "Confidentiality", confidentialities),
      kind: choice("document", "Kind", documentKinds),
      programs: choice("document", "Programs", programs, "multi_choice"),
    },
    part: {
      siteTag: choice("part", "Site tag", sites),
      department: choice("part", "Department", departments),
      status: choice("part", "Status", partStatuses),
      makeOrBuy: choice("part", "Make or buy", makeOrBuy),
    },
    product: {
      productLine: choice("product", "Product line", productLines),
      department: choice("product", "Department", departments),
    },
    project: {
      program: choice("project", "Program", programs),
      department: choice("project", "Department", departments),
    },
    manufacturingOrder: {
      siteTag: choice("manufacturing_order", "Site tag", sites),
      priority: choice("manufacturing_order", "Priority", priorities),
    },
    workflow: {
      impact: choice("workflow", "Impact", impacts),
      department: choice("workflow", "Department", departments),
    },
  };
}

export type BenchProperties = ReturnType<typeof benchProperties>;

export function allProperties(properties: BenchProperties): BenchProperty[] {
  return Object.values(properties).flatMap((group) => Object.values(group) as BenchProperty[]);
}
