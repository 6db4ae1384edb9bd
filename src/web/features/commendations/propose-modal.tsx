import { SUBJECT_KIND_LABELS, SUBJECT_KINDS } from "@contracts/commendations.js";
import { Alert, App, AutoComplete, Form, Input, Radio, Select, Typography } from "antd";
import { useCandidates, usePropose } from "@web/api/commendations";
import { FormModal } from "@web/components/form-modal";

interface Values {
  unitId: string;
  subjectKind: (typeof SUBJECT_KINDS)[number];
  personId?: string | null;
  collectiveName?: string | null;
  modelId?: string | null;
  achievements: string;
}

/** The cell proposes an exemplary member (excellent ones suggested), a collective or a model. */
export function ProposeModal({ campaignId, units, open, onClose }: { campaignId: string; units: { unitId: string; unitName: string }[]; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch("unitId", form) ?? units[0]?.unitId ?? null;
  const kind = Form.useWatch("subjectKind", form) ?? "person";
  const personId = Form.useWatch("personId", form);
  const candidates = useCandidates(open ? campaignId : null, unitId);
  const propose = usePropose();
  const { message } = App.useApp();
  const people = candidates.data?.people ?? [];
  const chosen = people.find((p) => p.personId === personId);
  const recommended = people.filter((p) => p.recommended && !p.alreadyProposed);

  return (
    <FormModal<Values>
      title="Đề xuất tuyên dương"
      open={open}
      onClose={onClose}
      form={form}
      okText="Gửi đề xuất"
      width={640}
      initialValues={{ unitId: units[0]?.unitId, subjectKind: "person" }}
      onValuesChange={(changed, _all, f) => {
        if ("unitId" in changed) f.setFieldsValue({ personId: null, modelId: null });
      }}
      onSubmit={async (v) => {
        const r = await propose.mutateAsync({
          campaignId,
          unitId: v.unitId,
          subjectKind: v.subjectKind,
          personId: v.subjectKind === "person" ? (v.personId ?? null) : null,
          collectiveName: v.subjectKind === "collective" ? (v.collectiveName ?? null) : null,
          modelId: v.subjectKind === "model" ? (v.modelId ?? null) : null,
          achievements: v.achievements,
        });
        if (r.warnings.length) void message.warning(`Đã gửi đề xuất, lưu ý: ${r.warnings.join("; ")}`, 6);
        else void message.success("Đã gửi đề xuất tuyên dương lên Đảng ủy xã");
      }}
    >
      <Form.Item name="unitId" label="Đơn vị đề xuất" rules={[{ required: true, message: "Vui lòng chọn đơn vị" }]}>
        <Select options={units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
      </Form.Item>
      <Form.Item name="subjectKind" label="Đối tượng">
        <Radio.Group options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))} />
      </Form.Item>
      {kind === "person" && (
        <>
          {recommended.length > 0 && (
            <Typography.Paragraph type="secondary">
              Gợi ý (xếp loại Hoàn thành xuất sắc): {recommended.map((p) => p.fullName).join(", ")}
            </Typography.Paragraph>
          )}
          <Form.Item name="personId" label="Cá nhân được đề xuất" rules={[{ required: true, message: "Vui lòng chọn cá nhân" }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={candidates.isLoading}
              placeholder="Chọn đảng viên"
              options={people.map((p) => ({
                value: p.personId,
                label: `${p.fullName}${p.ratingLabel ? ` — ${p.ratingLabel}` : ""}${p.recommended ? " (gợi ý)" : ""}${p.alreadyProposed ? " (đã đề xuất)" : ""}`,
                disabled: p.alreadyProposed,
              }))}
            />
          </Form.Item>
          {chosen?.warning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={chosen.warning} description="Vẫn có thể đề xuất; Đảng ủy xã sẽ thấy cảnh báo này." />}
        </>
      )}
      {kind === "collective" && (
        <Form.Item name="collectiveName" label="Tên tập thể" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên tập thể" }]}>
          <AutoComplete options={(candidates.data?.collectives ?? []).filter((c) => !c.alreadyProposed).map((c) => ({ value: c.name }))} placeholder="Ví dụ: Chi bộ, tổ chuyên môn, chi hội" />
        </Form.Item>
      )}
      {kind === "model" && (
        <Form.Item name="modelId" label="Mô hình được đề xuất" rules={[{ required: true, message: "Vui lòng chọn mô hình" }]}>
          <Select
            placeholder={candidates.data && candidates.data.models.length === 0 ? "Đơn vị chưa đăng ký mô hình nào" : "Chọn mô hình"}
            options={(candidates.data?.models ?? []).map((m) => ({ value: m.id, label: `${m.name} — ${m.ownerName} (${m.fieldLabel})`, disabled: m.alreadyProposed }))}
          />
        </Form.Item>
      )}
      <Form.Item name="achievements" label="Thành tích" rules={[{ required: true, whitespace: true, message: "Vui lòng nêu thành tích" }]}>
        <Input.TextArea rows={4} maxLength={8000} placeholder="Kết quả cụ thể, đo được: việc làm, số liệu, tác động" />
      </Form.Item>
    </FormModal>
  );
}
