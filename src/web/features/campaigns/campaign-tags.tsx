import { CAMPAIGN_PHASE_LABELS, campaignPhase, type CampaignPhase, type CampaignStatus, type CascadeStatus } from "@contracts/campaigns.js";
import type { PlanStatus } from "@contracts/plans.js";
import { Tag } from "antd";
import { todayInVietnam } from "@web/lib/format";

const PHASE_COLORS: Record<CampaignPhase, string> = { draft: "default", upcoming: "blue", running: "green", ended: "orange", closed: "default" };
/**
 * The campaign's phase as of today ("Đang triển khai", "Đang tổng kết"…), worked out from its
 * status and dates by the same rule as the server's `statusLabel`, so every page (campaigns,
 * registrations, reports) names a campaign's phase alike, whatever its API returns.
 */
export function CampaignStatusTag({ campaign }: { campaign: { status: string; periodStart: string; periodEnd: string } }) {
  const phase = campaignPhase({ ...campaign, status: campaign.status as CampaignStatus }, todayInVietnam());
  return <Tag color={PHASE_COLORS[phase]}>{CAMPAIGN_PHASE_LABELS[phase]}</Tag>;
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
