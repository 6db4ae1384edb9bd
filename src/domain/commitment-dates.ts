/**
 * The dates of a registered commitment (a "việc làm thiết thực") against its campaign: the one
 * rule that the registration form and the Excel import both apply, so the same row gets the same
 * answer through either (issue 7).
 */
import { formatViDate } from "./dates.js";

export interface CommitmentDates {
  startDate: string | null;
  deadline: string | null;
}

export interface CampaignPeriod {
  start: string;
  end: string;
}

export interface CommitmentDateProblem {
  field: "startDate" | "deadline";
  message: string;
}

/** Every commitment has a deadline within the campaign's period; a start date, when given, is within it too and not after the deadline. */
export function commitmentDateProblems(c: CommitmentDates, period: CampaignPeriod): CommitmentDateProblem[] {
  const problems: CommitmentDateProblem[] = [];
  const range = `${formatViDate(period.start)} – ${formatViDate(period.end)}`;
  const within = (d: string) => d >= period.start && d <= period.end;
  if (c.deadline === null) problems.push({ field: "deadline", message: "Chưa có thời hạn hoàn thành" });
  else if (!within(c.deadline)) problems.push({ field: "deadline", message: `Thời hạn phải trong thời gian phong trào (${range})` });
  if (c.startDate !== null) {
    if (!within(c.startDate)) problems.push({ field: "startDate", message: `Ngày bắt đầu phải trong thời gian phong trào (${range})` });
    else if (c.deadline !== null && c.startDate > c.deadline) problems.push({ field: "startDate", message: "Ngày bắt đầu phải trước hoặc bằng thời hạn" });
  }
  return problems;
}
