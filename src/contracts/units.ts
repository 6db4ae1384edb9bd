import { z } from "zod";
import { IsoDate, Uuid } from "./common.js";

export const UNIT_KINDS = [
  "provincial_party_committee",
  "district_party_committee",
  "commune_party_committee",
  "party_cell",
  "mass_mobilization_office",
  "peoples_committee",
  "fatherland_front",
  "mass_organization",
  "hamlet",
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  provincial_party_committee: "Đảng bộ tỉnh, thành phố",
  district_party_committee: "Đảng bộ huyện",
  commune_party_committee: "Đảng ủy xã",
  party_cell: "Chi bộ",
  mass_mobilization_office: "Thường trực Khối vận",
  peoples_committee: "Ủy ban nhân dân",
  fatherland_front: "Ủy ban MTTQ",
  mass_organization: "Đoàn thể",
  hamlet: "Ấp, khu phố",
};

export const UnitNode = z.object({
  id: z.string(),
  kind: UnitKind,
  kindLabel: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  symbolCode: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  memberCount: z.number(),
  canManage: z.boolean(),
  /** May read the unit's staff lists (export the members to Excel). */
  canViewStaff: z.boolean(),
  /** May rename, move or end the unit: the act of the level above (or an administrator), never of the unit itself. */
  canRestructure: z.boolean(),
});
export type UnitNode = z.infer<typeof UnitNode>;

export const UnitTreeQuery = z.object({ asOf: IsoDate.optional() });
export const UnitTreeResponse = z.object({ asOf: z.string(), units: z.array(UnitNode) });

export const UnitVersionView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  symbolCode: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const UnitMember = z.object({
  positionId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  title: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const UnitDetail = z.object({
  unit: UnitNode,
  parentName: z.string().nullable(),
  children: z.array(UnitNode),
  members: z.array(UnitMember),
  history: z.array(UnitVersionView),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

const symbolCode = z.string().trim().min(1, "Vui lòng nhập ký hiệu viết tắt (ĐU, CB…)").max(20);
const unitName = z.string().trim().min(1, "Tên đơn vị không được để trống").max(300);

export const CreateUnitBody = z.object({
  kind: UnitKind,
  code: z
    .string()
    .trim()
    .min(2, "Mã đơn vị phải có ít nhất 2 ký tự")
    .max(60)
    .regex(/^[a-z0-9-]+$/, "Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
  name: unitName,
  shortName: z.string().trim().max(200).nullish(),
  symbolCode,
  parentId: Uuid.nullable(),
  validFrom: IsoDate,
});

export const UpdateUnitBody = z.object({
  name: unitName.optional(),
  shortName: z.string().trim().max(200).nullish(),
  symbolCode: symbolCode.optional(),
  parentId: Uuid.nullable().optional(),
  /** From this date the new name/parent applies; earlier dates keep the old one. */
  effectiveDate: IsoDate,
});

export const EndUnitBody = z.object({ lastDay: IsoDate });
