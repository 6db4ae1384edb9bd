import type { CampaignStatus, CascadeStatus } from "@contracts/campaigns.js";
import type { PlanStatus } from "@contracts/plans.js";
import { Tag } from "antd";

const CAMPAIGN_COLORS: Record<CampaignStatus, string> = { draft: "default", active: "green", closed: "default" };
export function CampaignStatusTag({ status, label }: { status: CampaignStatus; label: string }) {
  return <Tag color={CAMPAIGN_COLORS[status]}>{label}</Tag>;
}

const CASCADE_COLORS: Record<CascadeStatus, string> = { not_created: "default", draft: "gold", issued: "green" };
export function CascadeStatusTag({ status, label }: { status: CascadeStatus; label: string }) {
  return <Tag color={CASCADE_COLORS[status]}>{label}</Tag>;
}

const PLAN_COLORS: Record<PlanStatus, string> = { draft: "gold", issued: "green", superseded: "default" };
export function PlanStatusTag({ status, label }: { status: PlanStatus; label: string }) {
  return <Tag color={PLAN_COLORS[status]}>{label}</Tag>;
}

/** "Chậm 5 ngày" (issued late) or "Quá hạn 12 ngày" (not issued yet), or "Đúng hạn". */
export function LateTag({ late, daysLate, issued }: { late: boolean; daysLate: number; issued: boolean }) {
  if (!late) return issued ? <Tag color="blue">Đúng hạn</Tag> : null;
  return <Tag color="red">{issued ? `Chậm ${daysLate} ngày` : `Quá hạn ${daysLate} ngày`}</Tag>;
}
