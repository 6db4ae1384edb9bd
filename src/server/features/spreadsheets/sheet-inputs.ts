import type { ImportColumn, ParsedValue, SheetIssue } from "../../spreadsheets/xlsx-reader.js";
import { MEMBER_COLUMNS, toMemberInput, type MemberInput } from "./members-sheet.js";
import { REGISTRATION_COLUMNS, toRegistrationInput, type RegistrationInput } from "./registrations-sheet.js";

/** The rows each uploaded sheet yields once read and checked on its own (no database). */
export interface SheetInputs {
  members: MemberInput;
  registrations: RegistrationInput;
}

interface SheetInput<I> {
  columns: ImportColumn[];
  toInput: (row: number, values: Record<string, ParsedValue>, issues: SheetIssue[], cellsValid: boolean) => I | null;
}

/** Per sheet: its columns and the pure row check that runs on the worker thread reading the file. */
export const SHEET_INPUTS: { [K in keyof SheetInputs]: SheetInput<SheetInputs[K]> } = {
  members: { columns: MEMBER_COLUMNS, toInput: toMemberInput },
  registrations: { columns: REGISTRATION_COLUMNS, toInput: toRegistrationInput },
};
