import { z } from "zod";
import { IsoDate, PositionRole, Uuid } from "./common.js";

export const PERSON_CATEGORIES = ["cadre", "party_member", "civil_servant", "public_employee", "teacher", "staff"] as const;
export const PersonCategory = z.enum(PERSON_CATEGORIES);
export const PERSON_CATEGORY_LABELS: Record<(typeof PERSON_CATEGORIES)[number], string> = {
  cadre: "Cán bộ",
  party_member: "Đảng viên",
  civil_servant: "Công chức",
  public_employee: "Viên chức",
  teacher: "Giáo viên",
  staff: "Nhân viên",
};
export const GENDER_LABELS = { male: "Nam", female: "Nữ", other: "Khác" } as const;

export const PersonListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: Uuid.optional(),
  /** The previous page's `nextCursor`. */
  after: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PersonSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  categories: z.array(z.string()),
  currentPositions: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: z.string(), roleLabel: z.string(), title: z.string().nullable() })),
});
/** `total` counts at most 10,000 matches; `totalCapped` says there are more (narrow the search). */
/**
 * A page in Vietnamese name order; `nextCursor` (null on the last page) reads on. The first page
 * counts the matches up to 10,000 (`totalCapped`: more than that); later pages answer `total: null`.
 */
export const PersonListResponse = z.object({ total: z.number().nullable(), totalCapped: z.boolean(), nextCursor: z.string().nullable(), items: z.array(PersonSummary) });

export const PositionView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  title: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  canManage: z.boolean(),
});

export const PersonDetail = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  categories: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  externalCode: z.string().nullable(),
  positions: z.array(PositionView),
  canManage: z.boolean(),
});

const fullName = z.string().trim().min(2, "Họ và tên không được để trống").max(200);
const personFields = {
  fullName,
  gender: z.enum(["male", "female", "other"]).nullish(),
  birthDate: IsoDate.nullish(),
  categories: z.array(PersonCategory).max(6).default([]),
  phone: z.string().trim().max(20).regex(/^[0-9 +().-]*$/, "Số điện thoại không hợp lệ").nullish(),
  email: z.email("Email không hợp lệ").nullish(),
  externalCode: z.string().trim().max(50).nullish(),
};

export const NewPosition = z.object({
  unitId: Uuid,
  role: PositionRole,
  title: z.string().trim().max(100).nullish(),
  startDate: IsoDate,
});

export const CreatePersonBody = z.object({ ...personFields, position: NewPosition });
export const UpdatePersonBody = z.object({
  fullName: fullName.optional(),
  gender: personFields.gender,
  birthDate: personFields.birthDate,
  categories: z.array(PersonCategory).max(6).optional(),
  phone: personFields.phone,
  email: personFields.email,
  externalCode: personFields.externalCode,
});
export const AddPositionBody = NewPosition;
export const EndPositionBody = z.object({ endDate: IsoDate, reason: z.string().trim().max(300).nullish() });
export const TransferBody = z.object({
  fromPositionId: Uuid,
  toUnitId: Uuid,
  role: PositionRole,
  title: z.string().trim().max(100).nullish(),
  /** First day in the new unit; the old position ends the day before. */
  date: IsoDate,
  reason: z.string().trim().max(300).nullish(),
});
export const PositionIdParams = z.object({ id: Uuid, positionId: Uuid });
