import { z } from "zod";

/** What a "việc cần làm" item is about; each kind comes from one role's duties (DOMAIN.md §3–4). */
export const TODO_KINDS = [
  // a member
  "plan_acknowledgement",
  "registration_missing",
  "registration_draft",
  "registration_returned",
  "commitment_due",
  // a cell secretary
  "registrations_pending",
  "members_unregistered",
  "plan_not_issued",
  "evaluation_pending",
  "report_pending",
  // a deputy secretary
  "supervision_report_due",
  // the commune committee and the TTKV
  "units_without_plan",
  "reports_missing",
  "reports_late",
  "commendations_pending",
  "evaluation_awaiting_approval",
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_SEVERITIES = ["overdue", "soon", "normal"] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];
export const TODO_SEVERITY_LABELS: Record<TodoSeverity, string> = {
  overdue: "Quá hạn",
  soon: "Sắp đến hạn",
  normal: "Cần làm",
};

export const TodoItem = z.object({
  /** Stable key (kind, campaign, unit, subject). */
  id: z.string(),
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  detail: z.string(),
  dueDate: z.string().nullable(),
  /** A web route of the feature where the work is done. */
  link: z.string(),
  severity: z.enum(TODO_SEVERITIES),
  severityLabel: z.string(),
  campaignName: z.string(),
  unitName: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoResponse = z.object({ today: z.string(), items: z.array(TodoItem) });
export type TodoResponse = z.infer<typeof TodoResponse>;
