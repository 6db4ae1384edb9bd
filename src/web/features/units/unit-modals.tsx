import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from "@contracts/units.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { Alert, Form, Input, Select } from "antd";
import { useCallback, useMemo } from "react";
import { ApiError } from "@web/api/client";
import { useCreateUnit, useEndUnit, useUnitTree, useUpdateUnit, type Unit, type UnitDetailData } from "@web/api/units";
import { FormModal } from "@web/components/form-modal";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { UnitTreeSelect } from "@web/components/unit-tree-select";
import { emptyToNull, formatViDate, todayInVietnam } from "@web/lib/format";
import { subtreeIds } from "@web/lib/unit-tree";

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

/** Usual abbreviation of each kind, used in document symbols (số …-KH/ĐU). */
const SYMBOL_BY_KIND: Partial<Record<UnitKind, string>> = {
  provincial_party_committee: "TU",
  district_party_committee: "HU",
  commune_party_committee: "ĐU",
  party_cell: "CB",
  mass_mobilization_office: "KV",
  peoples_committee: "UBND",
  fatherland_front: "MTTQ",
};

/** "Chi bộ ấp Mới" → "chi-bo-ap-moi" (what the code field accepts). */
function slugOf(name: string): string {
  return searchKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

interface CreateValues {
  kind: UnitKind;
  name: string;
  shortName?: string;
  code: string;
  symbolCode: string;
  validFrom: string;
}

/** "Thêm đơn vị trực thuộc": a new unit under `parent`. */
export function CreateUnitModal({ parent, open, onClose }: { parent: Unit; open: boolean; onClose: () => void }) {
  const create = useCreateUnit();
  const defaultKind: UnitKind = parent.kind === "commune_party_committee" || parent.kind === "district_party_committee" ? "party_cell" : "mass_organization";
  return (
    <FormModal<CreateValues>
      title={`Thêm đơn vị trực thuộc ${parent.name}`}
      open={open}
      onClose={onClose}
      okText="Thêm đơn vị"
      successMessage="Đã thêm đơn vị"
      initialValues={{ kind: defaultKind, symbolCode: SYMBOL_BY_KIND[defaultKind] ?? "", validFrom: todayInVietnam() }}
      onValuesChange={(changed, all, form) => {
        if (changed.name !== undefined && !form.isFieldTouched("code")) form.setFieldValue("code", slugOf(all.name ?? ""));
        if (changed.kind && !form.isFieldTouched("symbolCode")) form.setFieldValue("symbolCode", SYMBOL_BY_KIND[changed.kind] ?? "");
      }}
      onSubmit={(v) =>
        create.mutateAsync({
          kind: v.kind,
          name: v.name.trim(),
          shortName: v.shortName?.trim() || null,
          code: v.code.trim(),
          symbolCode: v.symbolCode.trim(),
          parentId: parent.id,
          validFrom: v.validFrom,
        })
      }
    >
      <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: "Vui lòng chọn loại đơn vị" }]}>
        <Select options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: "Tên đơn vị không được để trống" }]}>
        <Input placeholder="Ví dụ: Chi bộ ấp Thạnh Bình" maxLength={300} />
      </Form.Item>
      <Form.Item label="Tên viết tắt" name="shortName">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="Mã đơn vị"
        name="code"
        extra="Chữ thường không dấu, số và dấu gạch ngang; tự điền theo tên."
        rules={[
          { required: true, message: "Vui lòng nhập mã đơn vị" },
          { pattern: /^[a-z0-9-]{2,60}$/, message: "Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang" },
        ]}
      >
        <Input autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item
        label="Ký hiệu viết tắt"
        name="symbolCode"
        extra="Dùng trong số văn bản, ví dụ 236-KH/ĐU."
        rules={[{ required: true, whitespace: true, message: "Vui lòng nhập ký hiệu viết tắt (ĐU, CB…)" }]}
      >
        <Input maxLength={20} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item label="Hoạt động từ ngày" name="validFrom" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
    </FormModal>
  );
}

interface UpdateValues {
  name: string;
  shortName?: string | null;
  symbolCode: string;
  parentId: string | null;
  effectiveDate: string;
}

/** "Đổi tên / chuyển đơn vị": a new version of the unit from a date; earlier dates keep the old one. */
export function UpdateUnitModal({ detail, open, onClose }: { detail: UnitDetailData; open: boolean; onClose: () => void }) {
  const { unit, parentName } = detail;
  const update = useUpdateUnit(unit.id);
  const tree = useUnitTree();
  const excluded = useMemo(() => subtreeIds(tree.data?.units ?? [], unit.id), [tree.data, unit.id]);
  const filter = useCallback((u: Unit) => !excluded.has(u.id), [excluded]);
  const extra = useMemo(() => (unit.parentId && parentName ? [{ id: unit.parentId, name: parentName }] : []), [unit.parentId, parentName]);

  return (
    <FormModal<UpdateValues>
      title="Đổi tên / chuyển đơn vị"
      open={open}
      onClose={onClose}
      okText="Lưu thay đổi"
      successMessage="Đã lưu thay đổi của đơn vị"
      initialValues={{
        name: unit.name,
        shortName: unit.shortName,
        symbolCode: unit.symbolCode,
        parentId: unit.parentId,
        effectiveDate: todayInVietnam(),
      }}
      onSubmit={async (v) => {
        const clean = emptyToNull({ name: v.name, shortName: v.shortName ?? "", symbolCode: v.symbolCode });
        const body: Parameters<typeof update.mutateAsync>[0] = { effectiveDate: v.effectiveDate };
        if (clean.name !== unit.name) body.name = clean.name ?? "";
        if (clean.shortName !== unit.shortName) body.shortName = clean.shortName;
        if (clean.symbolCode !== unit.symbolCode) body.symbolCode = clean.symbolCode ?? "";
        if ((v.parentId ?? null) !== unit.parentId) body.parentId = v.parentId ?? null;
        if (Object.keys(body).length === 1) throw new ApiError(400, "NO_CHANGE", "Chưa có thay đổi nào để lưu");
        await update.mutateAsync(body);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Thay đổi áp dụng từ ngày hiệu lực; các báo cáo, văn bản trước ngày đó vẫn giữ tên gọi và trực thuộc cũ."
      />
      <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: "Tên đơn vị không được để trống" }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label="Tên viết tắt" name="shortName">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="Ký hiệu viết tắt" name="symbolCode" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập ký hiệu viết tắt (ĐU, CB…)" }]}>
        <Input maxLength={20} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item label="Trực thuộc" name="parentId">
        <UnitTreeSelect filter={filter} extraOptions={extra} placeholder="Chọn đơn vị cấp trên" />
      </Form.Item>
      <Form.Item label="Ngày hiệu lực" name="effectiveDate" rules={[{ required: true, message: "Vui lòng chọn ngày hiệu lực" }]}>
        <IsoDatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** "Kết thúc hoạt động": the unit exists until `lastDay` (merged, dissolved). */
export function EndUnitModal({ unit, open, onClose }: { unit: Unit; open: boolean; onClose: () => void }) {
  const end = useEndUnit(unit.id);
  return (
    <FormModal<{ lastDay: string }>
      title={`Kết thúc hoạt động: ${unit.name}`}
      open={open}
      onClose={onClose}
      okText="Kết thúc hoạt động"
      danger
      successMessage="Đã ghi nhận kết thúc hoạt động của đơn vị"
      initialValues={{ lastDay: todayInVietnam() }}
      onSubmit={(v) => end.mutateAsync({ lastDay: v.lastDay })}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Đơn vị hoạt động từ ${formatViDate(unit.validFrom)}. Sau ngày cuối cùng, đơn vị không còn trong cây tổ chức (vẫn xem được khi chọn ngày trước đó).`}
      />
      <Form.Item label="Ngày hoạt động cuối cùng" name="lastDay" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
        <IsoDatePicker />
      </Form.Item>
    </FormModal>
  );
}
