/**
 * One rule for what the campaign's figures count (issue 9, point 11): a registration counts once
 * the secretary has **approved** it — its member among those who registered, its practical actions
 * and its models. A sheet sent in and still awaiting approval, a draft or a returned sheet counts
 * nowhere. The registration sheet (bảng đăng ký) applies it with {@link registrationFigures}; the
 * result report and the roll-up read the database's maintained counts, whose triggers apply the
 * same rule (migration 0040: "A commitment counts when its sheet is approved"). Both documents
 * print {@link FIGURES_RULE}.
 */

/** The rule as printed on the documents that show the figures. */
export const FIGURES_RULE = "Số liệu tính theo các bản đăng ký đã được duyệt.";

/** True when a registration of this status counts in the figures. */
export function countsInFigures(status: string): boolean {
  return status === "approved";
}

/** One registration of a unit's sheet: a member's (`personId`) or a collective's (null). */
export interface FigureRegistration {
  status: string;
  personId: string | null;
  commitments: number;
  models: number;
}

export interface RegistrationFigures {
  /** Members of the unit with a counted registration. */
  members: number;
  /** Practical actions of the counted registrations, the collectives' included. */
  commitments: number;
  /** Models of the counted registrations. */
  models: number;
  /** Registrations sent in and not approved yet: listed, not counted. */
  awaiting: FigureRegistration[];
}

/**
 * The figures of a unit's registrations by {@link countsInFigures}: `memberIds` are the unit's
 * members (a person who has left is not among those who registered).
 */
export function registrationFigures<R extends FigureRegistration>(registrations: readonly R[], memberIds: ReadonlySet<string>): Omit<RegistrationFigures, "awaiting"> & { awaiting: R[] } {
  const people = new Set<string>();
  let commitments = 0;
  let models = 0;
  for (const r of registrations) {
    if (!countsInFigures(r.status)) continue;
    if (r.personId && memberIds.has(r.personId)) people.add(r.personId);
    commitments += r.commitments;
    models += r.models;
  }
  return { members: people.size, commitments, models, awaiting: registrations.filter((r) => r.status === "submitted") };
}
