import { pgEnum } from "drizzle-orm/pg-core";

export const objectTypes = ["document", "part", "product", "project", "manufacturing_order", "workflow"] as const;
export type ObjectType = (typeof objectTypes)[number];
export const objectTypeEnum = pgEnum("object_type", objectTypes);

export const roles = ["shared_computer", "viewer", "manager", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("user_role", roles);

/** person: a personal account; shared: a shared-computer account; service: an integration's account (no sign-in). */
export const userKinds = ["person", "shared", "service"] as const;
export type UserKind = (typeof userKinds)[number];
export const userKindEnum = pgEnum("user_kind", userKinds);

export const signInMethods = ["password", "sso"] as const;
export type SignInMethod = (typeof signInMethods)[number];
export const signInMethodEnum = pgEnum("sign_in_method", signInMethods);

/** Ordered from weakest to strongest. */
export const accessLevels = ["view_no_download", "view", "modify", "full"] as const;
export type AccessLevel = (typeof accessLevels)[number];
export const accessLevelEnum = pgEnum("access_level", accessLevels);

export const scopeKinds = ["owner", "sites", "organization"] as const;
export type ScopeKind = (typeof scopeKinds)[number];
export const scopeKindEnum = pgEnum("scope_kind", scopeKinds);

export const defaultScopeKinds = ["owner", "creator_sites", "sites", "organization"] as const;
export type DefaultScopeKind = (typeof defaultScopeKinds)[number];
export const defaultScopeKindEnum = pgEnum("default_scope_kind", defaultScopeKinds);

/** What a property definition applies to: users, or one object type. */
export const propertyTargets = ["user", ...objectTypes] as const;
export type PropertyTarget = (typeof propertyTargets)[number];
export const propertyTargetEnum = pgEnum("property_target", propertyTargets);

export const propertyTypes = ["text", "number", "date", "boolean", "single_choice", "multi_choice", "relation"] as const;
export type PropertyType = (typeof propertyTypes)[number];
export const propertyTypeEnum = pgEnum("property_type", propertyTypes);

export const revisionStatuses = ["draft", "validated", "obsolete"] as const;
export type RevisionStatus = (typeof revisionStatuses)[number];
export const revisionStatusEnum = pgEnum("revision_status", revisionStatuses);

export const productStatuses = ["development", "prototype", "in_production", "end_of_life", "discontinued"] as const;
export type ProductStatus = (typeof productStatuses)[number];
export const productStatusEnum = pgEnum("product_status", productStatuses);

export const partStatuses = ["in_design", "released", "obsolete"] as const;
export type PartStatus = (typeof partStatuses)[number];
export const partStatusEnum = pgEnum("part_status", partStatuses);

export const projectStatuses = ["planned", "active", "on_hold", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusEnum = pgEnum("project_status", projectStatuses);

export const manufacturingOrderStatuses = ["planned", "in_progress", "done", "cancelled"] as const;
export type ManufacturingOrderStatus = (typeof manufacturingOrderStatuses)[number];
export const manufacturingOrderStatusEnum = pgEnum("manufacturing_order_status", manufacturingOrderStatuses);

export const workflowKinds = ["ECR", "ECO", "ECN", "NPD"] as const;
export type WorkflowKind = (typeof workflowKinds)[number];
export const workflowKindEnum = pgEnum("workflow_kind", workflowKinds);

export const workflowStatuses = ["draft", "in_progress", "completed", "cancelled"] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];
export const workflowStatusEnum = pgEnum("workflow_status", workflowStatuses);

export const workflowTaskKinds = ["task", "signature"] as const;
export type WorkflowTaskKind = (typeof workflowTaskKinds)[number];
export const workflowTaskKindEnum = pgEnum("workflow_task_kind", workflowTaskKinds);

export const taskStatuses = ["open", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusEnum = pgEnum("task_status", taskStatuses);

export const signatureDecisions = ["approved", "rejected"] as const;
export type SignatureDecision = (typeof signatureDecisions)[number];
export const signatureDecisionEnum = pgEnum("signature_decision", signatureDecisions);

export const objectLinkKinds = ["related", "bom", "product_part", "workflow_subject", "project_deliverable", "mo_product"] as const;
export type ObjectLinkKind = (typeof objectLinkKinds)[number];
export const objectLinkKindEnum = pgEnum("object_link_kind", objectLinkKinds);

export const sessionEndReasons = ["signed_out", "idle", "expired", "revoked", "deactivated", "password_reset"] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];
export const sessionEndReasonEnum = pgEnum("session_end_reason", sessionEndReasons);

export const accessLogKinds = ["preview", "download", "denied"] as const;
export type AccessLogKind = (typeof accessLogKinds)[number];
export const accessLogKindEnum = pgEnum("access_log_kind", accessLogKinds);
