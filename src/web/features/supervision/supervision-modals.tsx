import { UploadOutlined } from "@ant-design/icons";
import { EVIDENCE_ACCEPT } from "@contracts/supervision.js";
import { App, Button, Form, Input, Select, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCreateNote, useCreateReport, useCreateViolation, type Workspace } from "@web/api/supervision";
import { FormModal } from "@web/components/form-modal";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { todayInVietnam } from "@web/lib/format";

/** Today, or the campaign's last day when the campaign is over (a sensible default date). */
export function defaultDate(w: Workspace): string {
  const today = todayInVietnam();
  return today > w.campaign.periodEnd ? w.campaign.periodEnd : today;
}

function memberOptions(w: Workspace) {
  return w.members.map((m) => ({ value: m.personId, label: m.roleLabel && m.roleLabel !== "Đảng viên / thành viên" ? `${m.fullName} (${m.roleLabel})` : m.fullName }));
}

function commitmentOptions(w: Workspace, personId: string | null | undefined) {
  const members = personId ? w.members.filter((m) => m.personId === personId) : w.members;
  return members.flatMap((m) => m.commitments.map((c) => ({ value: c.id, label: personId ? c.label : `${m.fullName}: ${c.label}` })));
}

interface NoteValues {
  personId?: string | null;
  commitmentId?: string | null;
  notedOn: string;
  note: string;
}

/** The deputy secretary notes an observation about a member, a commitment, or the cell. */
export function NoteModal({ w, open, onClose }: { w: Workspace; open: boolean; onClose: () => void }) {
  const create = useCreateNote();
  const [form] = Form.useForm<NoteValues>();
  const personId = Form.useWatch("personId", form);
  return (
    <FormModal<NoteValues>
      title="Ghi nhận xét giám sát"
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ notedOn: defaultDate(w) }}
      successMessage="Đã ghi nhận xét"
      onValuesChange={(changed, _all, f) => {
        if ("personId" in changed) f.setFieldValue("commitmentId", null);
      }}
      onSubmit={(v) =>
        create.mutateAsync({ campaignId: w.campaign.id, unitId: w.unit.id, personId: v.personId ?? null, commitmentId: v.commitmentId ?? null, notedOn: v.notedOn, note: v.note })
      }
    >
      <Form.Item name="personId" label="Về thành viên" extra="Bỏ trống nếu là nhận xét chung về chi bộ">
        <Select allowClear showSearch={{ optionFilterProp: "label" }} options={memberOptions(w)} placeholder="Chọn thành viên" />
      </Form.Item>
      <Form.Item name="commitmentId" label="Việc làm đã đăng ký">
        <Select allowClear showSearch={{ optionFilterProp: "label" }} options={commitmentOptions(w, personId)} placeholder="Không gắn với việc làm cụ thể" />
      </Form.Item>
      <Form.Item name="notedOn" label="Ngày ghi nhận" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="note" label="Nội dung nhận xét" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập nội dung nhận xét" }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface ViolationValues {
  personId: string;
  commitmentId?: string | null;
  kind: string;
  occurredOn: string;
  description: string;
}

/** Records a violation of a member (optionally the commitment it breaks) with an evidence file. */
export function ViolationModal({ w, open, onClose }: { w: Workspace; open: boolean; onClose: () => void }) {
  const create = useCreateViolation();
  const [form] = Form.useForm<ViolationValues>();
  const personId = Form.useWatch("personId", form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { message } = App.useApp();
  const close = () => {
    setFiles([]);
    onClose();
  };
  return (
    <FormModal<ViolationValues>
      title="Ghi nhận vi phạm"
      open={open}
      onClose={close}
      form={form}
      okText="Ghi nhận vi phạm"
      initialValues={{ occurredOn: defaultDate(w) }}
      onValuesChange={(changed, _all, f) => {
        if ("personId" in changed) f.setFieldValue("commitmentId", null);
      }}
      onSubmit={async (v) => {
        const file = (files[0]?.originFileObj as File | undefined) ?? null;
        await create.mutateAsync({
          body: { campaignId: w.campaign.id, unitId: w.unit.id, personId: v.personId, commitmentId: v.commitmentId ?? null, kind: v.kind as never, occurredOn: v.occurredOn, description: v.description },
          file,
        });
        void message.success("Đã ghi nhận vi phạm");
        setFiles([]);
      }}
    >
      <Form.Item name="personId" label="Thành viên vi phạm" rules={[{ required: true, message: "Vui lòng chọn thành viên" }]}>
        <Select showSearch={{ optionFilterProp: "label" }} options={memberOptions(w)} placeholder="Chọn thành viên" />
      </Form.Item>
      <Form.Item name="commitmentId" label="Cam kết bị vi phạm" extra="Vi phạm giao thông làm cam kết tiêu chí IV (mục IV.2) không đạt kể cả khi không chọn ở đây">
        <Select allowClear showSearch={{ optionFilterProp: "label" }} options={commitmentOptions(w, personId)} disabled={!personId} placeholder={personId ? "Chọn việc làm đã đăng ký" : "Chọn thành viên trước"} />
      </Form.Item>
      <Form.Item name="kind" label="Loại vi phạm" rules={[{ required: true, message: "Vui lòng chọn loại vi phạm" }]}>
        <Select options={w.violationKinds} placeholder="Chọn loại vi phạm" />
      </Form.Item>
      <Form.Item name="occurredOn" label="Ngày vi phạm" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="description" label="Mô tả vi phạm" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập mô tả vi phạm" }]}>
        <Input.TextArea rows={3} maxLength={4000} placeholder="Ví dụ: Không đội mũ bảo hiểm, bị CSGT lập biên bản" />
      </Form.Item>
      <Form.Item label="Tệp minh chứng" htmlFor="violation-evidence" extra="Ảnh JPEG, PNG, WebP hoặc tệp PDF, tối đa 10 MB (không bắt buộc)">
        <Upload
          id="violation-evidence"
          accept={EVIDENCE_ACCEPT}
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList.slice(-1))}
        >
          <Button icon={<UploadOutlined aria-hidden />}>Chọn tệp minh chứng</Button>
        </Upload>
      </Form.Item>
      <Typography.Text type="secondary">Thành viên sẽ nhận được thông báo và xem được vi phạm này.</Typography.Text>
    </FormModal>
  );
}

interface ReportValues {
  periodStart: string;
  periodEnd: string;
  summary?: string;
  proposals?: string;
}

/** Starts a periodic supervision report (draft) for a period of the campaign. */
export function ReportModal({ w, open, onClose }: { w: Workspace; open: boolean; onClose: () => void }) {
  const create = useCreateReport();
  const navigate = useNavigate();
  return (
    <FormModal<ReportValues>
      title="Lập báo cáo giám sát"
      open={open}
      onClose={onClose}
      okText="Lập báo cáo"
      initialValues={{ periodStart: w.campaign.periodStart, periodEnd: defaultDate(w) }}
      onSubmit={async (v) => {
        const { id } = await create.mutateAsync({ campaignId: w.campaign.id, unitId: w.unit.id, ...v });
        void navigate(`/giam-sat/bao-cao/${id}`);
      }}
    >
      <Typography.Paragraph type="secondary">Báo cáo tự tổng hợp các nhận xét và vi phạm trong kỳ, theo từng thành viên và tiêu chí.</Typography.Paragraph>
      <Form.Item name="periodStart" label="Từ ngày" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="periodEnd" label="Đến ngày" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="summary" label="Đánh giá chung">
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
      <Form.Item name="proposals" label="Đề xuất, kiến nghị">
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
