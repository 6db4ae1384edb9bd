import { Tag } from "antd";

const COLORS: Record<string, string> = { none: "default", draft: "processing", cell_approved: "gold", commune_approved: "green" };

/** The evaluation's state: not started, in progress, approved by the cell / by the commune (locked). */
export function EvaluationStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={COLORS[status] ?? "default"}>{label}</Tag>;
}

const RATING_COLORS: Record<string, string> = { excellent: "red", good: "blue", complete: "cyan", incomplete: "default" };

export function RatingTag({ rating, label }: { rating: string | null; label: string | null }) {
  if (!rating || !label) return <Tag>Chưa xếp loại</Tag>;
  return <Tag color={RATING_COLORS[rating] ?? "default"}>{label}</Tag>;
}
