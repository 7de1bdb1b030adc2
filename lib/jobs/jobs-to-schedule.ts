import { usageRollupJob } from "@/lib/analytics/usage-rollup-job";
import { pruneIntegrationLogJob } from "@/lib/integrations/prune-integration-log";
import { notificationJobs } from "@/lib/notifications/notification-jobs";
import type { ScheduledJob } from "./scheduled-job";

/** Every job the server runs on its own; each area defines its job beside its service and is listed here. */
export const jobsToSchedule: readonly ScheduledJob[] = [
  ...notificationJobs,
  pruneIntegrationLogJob,
  usageRollupJob,
];
