import { Tag } from "antd";

const STATUS_COLORS: Record<string, string> = {
  not_registered: "default",
  draft: "gold",
  submitted: "processing",
  approved: "success",
  returned: "error",
};

/** The sheet status as a coloured tag (Chưa đăng ký, Nháp, Chờ duyệt, Đã duyệt, Trả lại). */
export function RegistrationStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

export function LateTag() {
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }}>
      Nộp sau hạn
    </Tag>
  );
}

const COMMITMENT_COLORS: Record<string, string> = {
  not_started: "default",
  in_progress: "processing",
  achieved: "success",
  not_achieved: "error",
};

/** A commitment's status (Chưa thực hiện, Đang thực hiện, Đạt, Không đạt). */
export function CommitmentStatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={COMMITMENT_COLORS[status] ?? "default"} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
