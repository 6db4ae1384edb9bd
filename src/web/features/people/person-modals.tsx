import { POSITION_ROLES, POSITION_ROLE_LABELS } from "@contracts/common.js";
import { GENDER_LABELS, PERSON_CATEGORIES, PERSON_CATEGORY_LABELS } from "@contracts/people.js";
import { Alert, Checkbox, Col, Divider, Form, Input, Radio, Row, Select } from "antd";
import { useNavigate } from "react-router";
import { useAddPosition, useCreatePerson, useEndPosition, useTransferPerson, useUpdatePerson, type Person, type Position } from "@web/api/people";
import type { Unit } from "@web/api/units";
import { FormModal } from "@web/components/form-modal";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { UnitTreeSelect } from "@web/components/unit-tree-select";
import { formatViDate, todayInVietnam } from "@web/lib/format";

type Role = (typeof POSITION_ROLES)[number];
type Category = (typeof PERSON_CATEGORIES)[number];
type Gender = keyof typeof GENDER_LABELS;

export const ROLE_OPTIONS = POSITION_ROLES.map((r) => ({ value: r, label: POSITION_ROLE_LABELS[r] }));
const CATEGORY_OPTIONS = PERSON_CATEGORIES.map((c) => ({ value: c, label: PERSON_CATEGORY_LABELS[c] }));
const GENDER_OPTIONS = (Object.keys(GENDER_LABELS) as Gender[]).map((g) => ({ value: g, label: GENDER_LABELS[g] }));

const managed = (u: Unit) => u.canManage;

interface PersonFields {
  fullName: string;
  gender?: Gender | null;
  birthDate?: string | null;
  categories?: Category[];
  phone?: string | null;
  email?: string | null;
  externalCode?: string | null;
}

function clean(v: PersonFields) {
  const t = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    fullName: v.fullName.trim(),
    gender: v.gender ?? null,
    birthDate: v.birthDate ?? null,
    categories: v.categories ?? [],
    phone: t(v.phone),
    email: t(v.email),
    externalCode: t(v.externalCode),
  };
}

/** The personal fields shared by "Thêm người" and "Sửa thông tin". */
function PersonFieldsForm() {
  return (
    <>
      <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: "Họ và tên không được để trống" }]}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Giới tính" name="gender">
            <Radio.Group options={GENDER_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Ngày sinh" name="birthDate">
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Phân loại" name="categories">
        <Checkbox.Group options={CATEGORY_OPTIONS} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Số điện thoại" name="phone" rules={[{ pattern: /^[0-9 +().-]*$/, message: "Số điện thoại không hợp lệ" }]}>
            <Input inputMode="tel" autoComplete="off" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Email" name="email" rules={[{ type: "email", message: "Email không hợp lệ" }]}>
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Mã cán bộ, đảng viên" name="externalCode" extra="Số thẻ đảng viên hoặc mã hồ sơ, nếu có.">
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}

interface PositionFields {
  role: Role;
  title?: string | null;
  startDate: string;
}

function PositionFieldsForm({ prefix }: { prefix?: string }) {
  const n = (f: string) => (prefix ? [prefix, f] : f);
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item label="Chức vụ" name={n("role")} rules={[{ required: true, message: "Vui lòng chọn chức vụ" }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="Từ ngày" name={n("startDate")} rules={[{ required: true, message: "Vui lòng chọn ngày bắt đầu" }]}>
          <IsoDatePicker />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="Chức danh, công việc" name={n("title")} extra="Ví dụ: Giáo viên, Trưởng ấp, Chi hội trưởng Phụ nữ.">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** "Thêm người": a new person with a position in `unit`. */
export function AddPersonModal({ unit, open, onClose }: { unit: Unit; open: boolean; onClose: () => void }) {
  const create = useCreatePerson();
  const navigate = useNavigate();
  return (
    <FormModal<PersonFields & { position: PositionFields }>
      title={`Thêm người vào ${unit.name}`}
      open={open}
      onClose={onClose}
      okText="Thêm người"
      successMessage="Đã thêm người vào đơn vị"
      width={640}
      initialValues={{
        categories: unit.kind === "party_cell" ? ["party_member"] : [],
        position: { role: "member", startDate: todayInVietnam() },
      }}
      onSubmit={async (v) => {
        const { id } = await create.mutateAsync({
          ...clean(v),
          position: { unitId: unit.id, role: v.position.role, title: v.position.title?.trim() || null, startDate: v.position.startDate },
        });
        void navigate(`/can-bo/${id}`);
      }}
    >
      <PersonFieldsForm />
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        Chức vụ trong đơn vị
      </Divider>
      <PositionFieldsForm prefix="position" />
    </FormModal>
  );
}

/** "Sửa thông tin" of a person. */
export function EditPersonModal({ person, open, onClose }: { person: Person; open: boolean; onClose: () => void }) {
  const update = useUpdatePerson(person.id);
  return (
    <FormModal<PersonFields>
      title="Sửa thông tin"
      open={open}
      onClose={onClose}
      successMessage="Đã lưu thông tin"
      width={640}
      initialValues={{
        fullName: person.fullName,
        gender: (person.gender as Gender | null) ?? null,
        birthDate: person.birthDate,
        categories: person.categories as Category[],
        phone: person.phone,
        email: person.email,
        externalCode: person.externalCode,
      }}
      onSubmit={(v) => update.mutateAsync(clean(v))}
    >
      <PersonFieldsForm />
    </FormModal>
  );
}

/** "Thêm chức vụ" in a unit I manage. */
export function AddPositionModal({ person, open, onClose }: { person: Person; open: boolean; onClose: () => void }) {
  const add = useAddPosition(person.id);
  return (
    <FormModal<PositionFields & { unitId: string }>
      title={`Thêm chức vụ cho ${person.fullName}`}
      open={open}
      onClose={onClose}
      okText="Thêm chức vụ"
      successMessage="Đã thêm chức vụ"
      initialValues={{ role: "member", startDate: todayInVietnam() }}
      onSubmit={(v) => add.mutateAsync({ unitId: v.unitId, role: v.role, title: v.title?.trim() || null, startDate: v.startDate })}
    >
      <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: "Vui lòng chọn đơn vị" }]}>
        <UnitTreeSelect filter={managed} />
      </Form.Item>
      <PositionFieldsForm />
    </FormModal>
  );
}

/** "Kết thúc chức vụ" (nghỉ hưu, chuyển công tác, miễn nhiệm…). */
export function EndPositionModal({ person, position, onClose }: { person: Person; position: Position | null; onClose: () => void }) {
  const end = useEndPosition(person.id);
  return (
    <FormModal<{ endDate: string; reason?: string }>
      title="Kết thúc chức vụ"
      open={Boolean(position)}
      onClose={onClose}
      okText="Kết thúc chức vụ"
      danger
      successMessage="Đã kết thúc chức vụ"
      initialValues={{ endDate: todayInVietnam() }}
      onSubmit={(v) => end.mutateAsync({ positionId: position!.id, endDate: v.endDate, reason: v.reason?.trim() || null })}
    >
      {position && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${person.fullName}: ${position.roleLabel}${position.title ? ` (${position.title})` : ""} tại ${position.unitName}, từ ${formatViDate(position.startDate)}`}
        />
      )}
      <Form.Item label="Ngày kết thúc" name="endDate" rules={[{ required: true, message: "Vui lòng chọn ngày kết thúc" }]}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item label="Lý do" name="reason">
        <Input.TextArea rows={2} maxLength={300} placeholder="Ví dụ: nghỉ hưu, chuyển công tác" />
      </Form.Item>
    </FormModal>
  );
}

/** "Chuyển sinh hoạt": ends a position the day before and opens one in another unit. */
export function TransferModal({ person, open, onClose, fromPositionId }: { person: Person; open: boolean; onClose: () => void; fromPositionId?: string }) {
  const transfer = useTransferPerson(person.id);
  const current = person.positions.filter((p) => !p.endDate && p.canManage);
  const first = current.find((p) => p.id === fromPositionId) ?? current[0];
  return (
    <FormModal<{ fromPositionId: string; toUnitId: string; role: Role; title?: string; date: string; reason?: string }>
      title={`Chuyển sinh hoạt: ${person.fullName}`}
      open={open}
      onClose={onClose}
      okText="Chuyển sinh hoạt"
      successMessage="Đã chuyển sinh hoạt"
      width={600}
      initialValues={{
        fromPositionId: first?.id,
        role: (first?.role as Role | undefined) ?? "member",
        title: first?.title ?? undefined,
        date: todayInVietnam(),
      }}
      onSubmit={(v) =>
        transfer.mutateAsync({
          fromPositionId: v.fromPositionId,
          toUnitId: v.toUnitId,
          role: v.role,
          title: v.title?.trim() || null,
          date: v.date,
          reason: v.reason?.trim() || null,
        })
      }
    >
      <Form.Item label="Chuyển từ" name="fromPositionId" rules={[{ required: true, message: "Vui lòng chọn chức vụ hiện tại" }]}>
        <Select
          options={current.map((p) => ({ value: p.id, label: `${p.roleLabel}${p.title ? ` (${p.title})` : ""} — ${p.unitName}` }))}
          optionRender={(o) => <span style={{ whiteSpace: "normal" }}>{o.label}</span>}
        />
      </Form.Item>
      <Form.Item label="Đến đơn vị" name="toUnitId" rules={[{ required: true, message: "Vui lòng chọn đơn vị mới" }]}>
        <UnitTreeSelect />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="Chức vụ ở đơn vị mới" name="role" rules={[{ required: true, message: "Vui lòng chọn chức vụ" }]}>
            <Select options={ROLE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Ngày bắt đầu ở đơn vị mới"
            name="date"
            extra="Chức vụ cũ kết thúc vào ngày hôm trước."
            rules={[{ required: true, message: "Vui lòng chọn ngày" }]}
          >
            <IsoDatePicker />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Chức danh, công việc" name="title">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="Lý do" name="reason">
        <Input.TextArea rows={2} maxLength={300} placeholder="Ví dụ: chuyển công tác, chuyển nơi cư trú" />
      </Form.Item>
    </FormModal>
  );
}
