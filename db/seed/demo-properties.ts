import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { propertyDefinitions, propertyOptions, type PropertyTarget, type PropertyType } from "@/db/schema";
import { siteNames, type SiteName } from "./demo-sites";

const departments = ["Engineering", "Quality", "Production", "Purchasing"] as const;
export type Department = (typeof departments)[number];
const documentKinds = ["Drawing", "Specification", "Procedure", "Report"] as const;
export type DocumentKind = (typeof documentKinds)[number];
const makeOrBuyChoices = ["Make", "Buy"] as const;
const productLines = ["Hydraulics", "Transmission", "Motion control"] as const;
export type ProductLine = (typeof productLines)[number];
const priorities = ["Low", "Normal", "High", "Urgent"] as const;
export type Priority = (typeof priorities)[number];
const impacts = ["Cost", "Quality", "Delay", "Safety"] as const;
export type Impact = (typeof impacts)[number];

/** A choice property: its id, and the option id of each label (values store option ids). */
export interface ChoiceProperty<Label extends string> {
  id: string;
  option: Record<Label, string>;
}

export interface DemoProperties {
  user: { siteTag: ChoiceProperty<SiteName>; department: ChoiceProperty<Department> };
  document: {
    siteTag: ChoiceProperty<SiteName>;
    department: ChoiceProperty<Department>;
    kind: ChoiceProperty<DocumentKind>;
  };
  part: { material: string; makeOrBuy: ChoiceProperty<(typeof makeOrBuyChoices)[number]> };
  product: { qualityLead: string; productLine: ChoiceProperty<ProductLine> };
  project: { budget: string };
  manufacturingOrder: { priority: ChoiceProperty<Priority> };
  workflow: { impact: ChoiceProperty<Impact> };
}

export async function seedProperties(tx: Executor, organizationId: string, createdAt: Date): Promise<DemoProperties> {
  const definitionRows: (typeof propertyDefinitions.$inferInsert)[] = [];
  const optionRows: (typeof propertyOptions.$inferInsert)[] = [];

  const define = (appliesTo: PropertyTarget, name: string, type: PropertyType, targetType?: PropertyTarget): string => {
    const id = randomUUID();
    const position = definitionRows.filter((row) => row.appliesTo === appliesTo).length;
    const updatedAt = createdAt;
    definitionRows.push({ id, organizationId, appliesTo, name, type, targetType, position, createdAt, updatedAt });
    return id;
  };
  const choice = <Label extends string>(
    appliesTo: PropertyTarget,
    name: string,
    labels: readonly Label[],
    type: "single_choice" | "multi_choice" = "single_choice",
  ): ChoiceProperty<Label> => {
    const id = define(appliesTo, name, type);
    const option = {} as Record<Label, string>;
    labels.forEach((label, position) => {
      option[label] = randomUUID();
      optionRows.push({ id: option[label], organizationId, propertyId: id, label, position, createdAt });
    });
    return { id, option };
  };

  const properties: DemoProperties = {
    user: { siteTag: choice("user", "Site tag", siteNames), department: choice("user", "Department", departments) },
    document: {
      siteTag: choice("document", "Site tag", siteNames),
      department: choice("document", "Department", departments),
      kind: choice("document", "Document kind", documentKinds),
    },
    part: { material: define("part", "Material", "text"), makeOrBuy: choice("part", "Make or buy", makeOrBuyChoices) },
    product: {
      qualityLead: define("product", "Quality lead", "relation", "user"),
      productLine: choice("product", "Product line", productLines),
    },
    project: { budget: define("project", "Budget (k€)", "number") },
    manufacturingOrder: { priority: choice("manufacturing_order", "Priority", priorities) },
    workflow: { impact: choice("workflow", "Impact", impacts, "multi_choice") },
  };
  await tx.insert(propertyDefinitions).values(definitionRows);
  await tx.insert(propertyOptions).values(optionRows);
  return properties;
}
