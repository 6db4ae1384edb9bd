import { Empty, Spin, Tag, Timeline, Typography } from "antd";
import { Link } from "react-router";
import { errorMessage } from "@web/api/client";
import { useRegistrationTimeline, type TimelineEvent } from "@web/api/progress";
import { formatViDateTime } from "@web/lib/format";
import { CommitmentStatusTag } from "../registrations/registration-tags";
import { EvidenceList } from "./evidence-list";

const KIND_COLORS: Record<TimelineEvent["kind"], string> = {
  created: "gray",
  updated: "gray",
  submitted: "blue",
  approved: "green",
  returned: "red",
  progress: "blue",
};

/** A registration's timeline: its workflow steps and every progress update with evidence, newest first. */
export function RegistrationTimelineView({ registrationId }: { registrationId: string }) {
  const q = useRegistrationTimeline(registrationId);
  if (q.isLoading) return <Spin />;
  if (q.error) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const events = q.data?.events ?? [];
  if (!events.length) return <Empty description="Chưa có hoạt động nào" />;
  return (
    <section aria-label="Dòng thời gian">
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: e.kind === "progress" && e.status === "achieved" ? "green" : e.kind === "progress" && e.status === "not_achieved" ? "red" : KIND_COLORS[e.kind],
          content: (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatViDateTime(e.at)}
                {e.actor ? ` · ${e.actor}` : ""}
              </Typography.Text>
              <div style={{ fontWeight: 500 }}>
                {e.kind === "progress" && e.status && e.statusLabel ? <CommitmentStatusTag status={e.status} label={e.statusLabel} /> : null} {e.kind === "progress" ? "Cập nhật tiến độ" : e.label}
              </div>
              {e.commitment && (
                <div className="commitment-line">
                  <Tag color="red">{e.commitment.itemCode}</Tag>
                  <Link to={`/tien-do/${e.commitment.id}`}>{e.commitment.action}</Link>
                </div>
              )}
              {e.text && <div className="commitment-line">{e.kind === "returned" ? `Lý do: ${e.text}` : e.text}</div>}
              <EvidenceList files={e.files} />
            </div>
          ),
        }))}
      />
    </section>
  );
}
