import type { ObjectType } from "@/db/schema";
import type { NotificationKind } from "./notification-kinds";

/** One notification as the bell, the list page and `GET /api/v1/notifications` show it. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: Date;
  /** What it is about, as it is now; null for a notification about no object. */
  target: { id: string; type: ObjectType; reference: string; title: string } | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
}
