import { campaignDateProblems } from "@contracts/campaigns.js";
import { Col, Form, Input, InputNumber, Row, Select, type FormInstance } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router";
import { useCreateCampaign, useCriteriaSets, useUpdateCampaign, type CampaignDetailData } from "@web/api/campaigns";
import { ApiError } from "@web/api/client";
import { useUnitTree } from "@web/api/units";
import { FormModal } from "@web/components/form-modal";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { formatViDate, todayInVietnam } from "@web/lib/format";

interface CampaignValues {
  unitId: string;
  name: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  criteriaSetId: string;
  planDeadline?: string | null;
  registrationDeadline?: string | null;
  reportDeadline?: string | null;
}

type CampaignDates = { year: number; periodStart: string; periodEnd: string; planDeadline?: string | null; registrationDeadline?: string | null; reportDeadline?: string | null };

/** Checks the dates in the browser with the server's own rule, and shows problems under the fields. */
function checkDates(form: FormInstance, v: CampaignDates) {
  const problems = datesProblems(v);
  if (problems.length) {
    form.setFields(problems.map((p) => ({ name: p.path, errors: [p.message] })));
    throw new ApiError(400, "VALIDATION_FAILED", problems[0]!.message);
  }
}

function datesProblems(v: CampaignDates) {
  return campaignDateProblems({
    year: v.year,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    planDeadline: v.planDeadline ?? null,
    registrationDeadline: v.registrationDeadline ?? null,
    reportDeadline: v.reportDeadline ?? null,
  });
}

/** "Phát động?": what launching starts, with the deadlines set (or that none is). */
function launchConfirmation(v: CampaignValues) {
  if (datesProblems(v).length) return null; // the form shows the problems first
  const deadlines = [
    ["hạn ban hành kế hoạch", v.planDeadline],
    ["hạn đăng ký", v.registrationDeadline],
    ["hạn báo cáo", v.reportDeadline],
  ] as const;
  const set = deadlines.filter(([, d]) => d).map(([label, d]) => `${label} ${formatViDate(d)}`);
  const unset = deadlines.filter(([, d]) => !d).map(([label]) => label);
  return {
    title: "Phát động phong trào?",
    content: (
      <>
        <p style={{ marginTop: 0 }}>
          “{v.name.trim()}”, từ {formatViDate(v.periodStart)} đến {formatViDate(v.periodEnd)}. Các đơn vị trực thuộc sẽ thấy phong trào ngay.
        </p>
        <p style={{ marginBottom: 0 }}>
          {set.length ? `Các hạn: ${set.join("; ")}.` : "Chưa đặt hạn nào (kế hoạch, đăng ký, báo cáo)."}
          {set.length > 0 && unset.length > 0 ? ` Chưa đặt ${unset.join(", ")}.` : ""}
        </p>
      </>
    ),
    okText: "Phát động",
  };
}

function DateFields() {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Ngày bắt đầu" name="periodStart" rules={[{ required: true, message: "Vui lòng chọn ngày bắt đầu" }]}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Ngày kết thúc" name="periodEnd" rules={[{ required: true, message: "Vui lòng chọn ngày kết thúc" }]}>
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item label="Hạn ban hành kế hoạch" name="planDeadline">
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="Hạn đăng ký" name="registrationDeadline">
            <IsoDatePicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="Hạn báo cáo" name="reportDeadline">
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Communes the account manages (the launchers it may choose). */
export function useManagedCommunes() {
  const tree = useUnitTree();
  return useMemo(() => (tree.data?.units ?? []).filter((u) => u.kind === "commune_party_committee" && u.canManage), [tree.data]);
}

/** "Phát động phong trào": name, year, period, criteria set, deadlines. */
export function CreateCampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const communes = useManagedCommunes();
  const sets = useCriteriaSets();
  const published = (sets.data?.items ?? []).filter((s) => s.status === "published");
  const year = Number(todayInVietnam().slice(0, 4));
  return (
    <FormModal<CampaignValues>
      title="Phát động phong trào thi đua"
      open={open}
      onClose={onClose}
      okText="Phát động"
      successMessage="Đã phát động phong trào"
      width={680}
      submitOnEnter={false}
      confirm={launchConfirmation}
      initialValues={{ unitId: communes[0]?.id, year, criteriaSetId: published[0]?.id }}
      onValuesChange={(changed, _all, form) => {
        if (changed.periodStart && !form.isFieldTouched("year")) form.setFieldValue("year", Number(changed.periodStart.slice(0, 4)));
      }}
      onSubmit={async (v, form) => {
        checkDates(form, v);
        const r = await create.mutateAsync({
          unitId: v.unitId,
          name: v.name.trim(),
          year: v.year,
          periodStart: v.periodStart,
          periodEnd: v.periodEnd,
          criteriaSetId: v.criteriaSetId,
          planDeadline: v.planDeadline ?? null,
          registrationDeadline: v.registrationDeadline ?? null,
          reportDeadline: v.reportDeadline ?? null,
        });
        void navigate(`/phong-trao/${r.id}`);
      }}
    >
      <Form.Item label="Đơn vị phát động" name="unitId" rules={[{ required: true, message: "Vui lòng chọn đơn vị" }]}>
        <Select options={communes.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item label="Tên phong trào" name="name" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên phong trào" }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="Phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm …" />
      </Form.Item>
      <Form.Item label="Năm" name="year" rules={[{ required: true, message: "Vui lòng nhập năm" }]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="Bộ tiêu chí" name="criteriaSetId" rules={[{ required: true, message: "Vui lòng chọn bộ tiêu chí" }]} extra="Chỉ chọn được bộ tiêu chí đã ban hành.">
        <Select loading={sets.isLoading} options={published.map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))} />
      </Form.Item>
      <DateFields />
    </FormModal>
  );
}

/** "Sửa phong trào": name, period, deadlines. */
export function EditCampaignModal({ detail, open, onClose }: { detail: CampaignDetailData; open: boolean; onClose: () => void }) {
  const c = detail.campaign;
  const update = useUpdateCampaign(c.id);
  return (
    <FormModal<Omit<CampaignValues, "unitId" | "criteriaSetId" | "year">>
      title="Sửa phong trào"
      open={open}
      onClose={onClose}
      successMessage="Đã lưu"
      width={680}
      initialValues={{
        name: c.name,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        planDeadline: c.planDeadline,
        registrationDeadline: c.registrationDeadline,
        reportDeadline: c.reportDeadline,
      }}
      onSubmit={async (v, form) => {
        checkDates(form, { ...v, year: c.year });
        await update.mutateAsync({
          name: v.name.trim(),
          periodStart: v.periodStart,
          periodEnd: v.periodEnd,
          planDeadline: v.planDeadline ?? null,
          registrationDeadline: v.registrationDeadline ?? null,
          reportDeadline: v.reportDeadline ?? null,
        });
      }}
    >
      <Form.Item label="Tên phong trào" name="name" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên phong trào" }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <DateFields />
    </FormModal>
  );
}
