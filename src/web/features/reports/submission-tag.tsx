import type { SubmissionState } from "@contracts/reports.js";
import { Tag } from "antd";

const COLORS: Record<SubmissionState, string> = {
  not_started: "red",
  draft: "orange",
  submitted_on_time: "green",
  submitted_late: "gold",
};

/** Where a unit's report stands, as a coloured tag. */
export function SubmissionTag({ state, label, overdue }: { state: SubmissionState; label: string; overdue?: boolean }) {
  return (
    <>
      <Tag color={COLORS[state]} style={{ marginInlineEnd: overdue ? 4 : 0 }}>
        {label}
      </Tag>
      {overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          Quá hạn
        </Tag>
      )}
    </>
  );
}
