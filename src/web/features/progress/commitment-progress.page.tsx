import { UploadOutlined } from "@ant-design/icons";
import { COMMITMENT_STATUSES, COMMITMENT_STATUS_LABELS } from "@domain/ratings.js";
import { EVIDENCE_ACCEPT, EVIDENCE_TYPES, MAX_EVIDENCE_FILES } from "@contracts/progress.js";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Radio, Timeline, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { formatBytes, useCommitmentProgress, usePostProgress, type CommitmentProgress } from "@web/api/progress";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { applyServerErrors } from "@web/lib/form-errors";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";
import { CommitmentStatusTag } from "../registrations/registration-tags";
import { EvidenceList } from "./evidence-list";

interface ProgressForm {
  status: string;
  note?: string;
  files?: UploadFile[];
}

const ACCEPTED = Object.keys(EVIDENCE_TYPES);
const EXTENSIONS: string[] = Object.values(EVIDENCE_TYPES).flatMap((t) => [...t.extensions]);

function PostForm({ data }: { data: CommitmentProgress }) {
  const [form] = Form.useForm<ProgressForm>();
  const post = usePostProgress();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const max = data.maxUploadBytes;

  const checkFile = (file: File): string | null => {
    const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
    if (!EXTENSIONS.includes(ext) || (file.type && !ACCEPTED.includes(file.type))) return `Tệp “${file.name}” không phải ảnh JPEG, PNG, WebP hoặc PDF`;
    if (file.size > max) return `Tệp “${file.name}” lớn hơn ${formatBytes(max)}`;
    return null;
  };

  const finish = async (v: ProgressForm) => {
    setError(null);
    const files = (v.files ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
    try {
      await post.mutateAsync({ commitmentId: data.commitment.id, status: v.status, note: v.note?.trim() || null, files });
      void message.success("Đã cập nhật tiến độ");
      form.resetFields();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  return (
    <Card title="Cập nhật tiến độ">
      <Form<ProgressForm> form={form} layout="vertical" aria-label="Cập nhật tiến độ" onFinish={(v) => void finish(v)} initialValues={{ status: data.commitment.status === "not_started" ? "in_progress" : data.commitment.status }}>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form.Item
          name="status"
          label="Tình trạng thực hiện"
          rules={[{ required: true, message: "Hãy chọn tình trạng thực hiện" }]}
          extra="Chỉ chọn “Đạt” khi đã hoàn thành chỉ tiêu đăng ký. Hết thời hạn không có nghĩa là đạt."
        >
          <Radio.Group
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[s] }))}
            optionType="button"
            buttonStyle="solid"
            style={{ display: "flex", flexWrap: "wrap", gap: 4 }}
          />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 3000, message: "Tối đa 3000 ký tự" }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="Đã làm được gì, ở đâu, kết quả ra sao" />
        </Form.Item>
        <Form.Item
          name="files"
          label="Tệp minh chứng"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={`Ảnh JPEG, PNG, WebP hoặc tệp PDF; tối đa ${MAX_EVIDENCE_FILES} tệp, mỗi tệp không quá ${formatBytes(max)}.`}
          rules={[
            {
              validator: async (_, list: UploadFile[] | undefined) => {
                for (const f of list ?? []) {
                  const problem = f.originFileObj ? checkFile(f.originFileObj) : null;
                  if (problem) throw new Error(problem);
                }
                if ((list ?? []).length > MAX_EVIDENCE_FILES) throw new Error(`Tối đa ${MAX_EVIDENCE_FILES} tệp`);
              },
            },
          ]}
        >
          <Upload accept={EVIDENCE_ACCEPT} multiple beforeUpload={() => false} listType="picture" maxCount={MAX_EVIDENCE_FILES}>
            <Button icon={<UploadOutlined aria-hidden />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={post.isPending}>
          Gửi cập nhật
        </Button>
      </Form>
    </Card>
  );
}

function ProgressView({ data }: { data: CommitmentProgress }) {
  const c = data.commitment;
  usePageTitle(`Tiến độ — ${c.itemCode}`);
  return (
    <>
      <PageHeader
        title={`Tiến độ việc làm ${c.itemCode}`}
        subtitle={`${data.registration.displayName} · ${data.registration.campaignName}`}
        back={`/dang-ky/${data.registration.id}`}
        tags={<CommitmentStatusTag status={c.status} label={c.statusLabel} />}
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "item", label: "Nội dung", children: `${c.itemCode} — ${c.itemTitle}` },
              { key: "action", label: "Việc làm", children: c.action },
              { key: "target", label: "Chỉ tiêu", children: c.target ?? "" },
              ...(c.place ? [{ key: "place", label: "Nơi thực hiện", children: c.place }] : []),
              { key: "time", label: "Thời gian", children: `${c.startDate ? `${formatViDate(c.startDate)} – ` : ""}${formatViDate(c.deadline)}` },
            ]}
          />
        </Card>
        {data.canPost ? <PostForm data={data} /> : data.cannotPostReason && <Alert type="info" showIcon title={data.cannotPostReason} />}
        <Card title={`Các lần cập nhật (${data.updates.length})`}>
          {data.updates.length === 0 ? (
            <Empty description="Chưa có cập nhật nào" />
          ) : (
            <section aria-label="Các lần cập nhật">
              <Timeline
                items={data.updates.map((u) => ({
                  key: u.id,
                  color: u.status === "achieved" ? "green" : u.status === "not_achieved" ? "red" : "blue",
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {formatViDateTime(u.createdAt)}
                        {u.createdBy ? ` · ${u.createdBy}` : ""}
                      </Typography.Text>
                      <div>
                        <CommitmentStatusTag status={u.status} label={u.statusLabel} />
                      </div>
                      {u.note && <div className="commitment-line">{u.note}</div>}
                      <EvidenceList files={u.files} />
                    </div>
                  ),
                }))}
              />
            </section>
          )}
        </Card>
      </Flex>
    </>
  );
}

/** One commitment: its details, the progress form (owner or the unit's managers, approved sheets only) and its timeline. */
export default function CommitmentProgressPage() {
  const { commitmentId } = useParams();
  const q = useCommitmentProgress(commitmentId);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <ProgressView data={q.data} />}
    </QueryState>
  );
}
