import { Tag, Tooltip } from "antd";

/** "Đạt" / "Không đạt" of a commitment at evaluation, with the reason on hover and for screen readers. */
export function OutcomeTag({ achieved, reason }: { achieved: boolean; reason: string }) {
  const label = achieved ? "Đạt" : reason.startsWith("Chưa") ? "Chưa đạt" : "Không đạt";
  return (
    <Tooltip title={reason}>
      <Tag color={achieved ? "green" : reason.startsWith("Chưa") ? "default" : "red"} aria-label={`${label}: ${reason}`}>
        {label}
      </Tag>
    </Tooltip>
  );
}
