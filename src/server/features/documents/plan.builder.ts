/**
 * Kế hoạch: the plan as the plans feature reads it (same authorization as the plan page),
 * printed with `planToDocumentModel` under the unit's name and superior of the plan's date.
 */
import type { Db } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { notFound } from "../../http/errors.js";
import { planToDocumentModel } from "../plans/plans.document.js";
import { getPlanDetail } from "../plans/plans.service.js";
import type { BuiltDocument } from "./document-parts.js";

export async function buildPlanDocument(opts: { db: Db; actor: Actor; id: string }): Promise<BuiltDocument> {
  const { plan, unit } = await getPlanDetail(opts);
  if (!unit) throw notFound("Không tìm thấy đơn vị");
  const model = planToDocumentModel(plan, { kind: unit.kind, name: unit.name, shortName: unit.short_name, symbolCode: unit.symbol_code, parentName: unit.parent_name });
  // A draft holds the number proposed for its issue; its file is named a draft all the same.
  const number = plan.symbol && plan.status !== "draft" ? `số ${plan.symbol}` : "(dự thảo)";
  return { model, fileTitle: `Kế hoạch ${number} - ${unit.name}` };
}
