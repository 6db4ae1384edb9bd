import { DatePicker, type DatePickerProps } from "antd";
import dayjs from "dayjs";

const FORMATS = ["DD/MM/YYYY", "D/M/YYYY", "DDMMYYYY", "YYYY-MM-DD"];

export interface IsoDatePickerProps extends Omit<DatePickerProps, "value" | "defaultValue" | "onChange" | "format" | "multiple" | "picker"> {
  /** 'YYYY-MM-DD' */
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** A date field whose value is the API's 'YYYY-MM-DD' string, shown and typed as dd/mm/yyyy. */
export function IsoDatePicker({ value, onChange, style, ...rest }: IsoDatePickerProps) {
  return (
    <DatePicker
      format={FORMATS}
      placeholder="dd/mm/yyyy"
      inputReadOnly={false}
      {...rest}
      style={{ width: "100%", ...style }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : null)}
    />
  );
}

export interface IsoRangePickerProps {
  id?: string;
  value?: [string | null, string | null] | null;
  onChange?: (value: [string | null, string | null] | null) => void;
  allowClear?: boolean;
}

/** A date range as two 'YYYY-MM-DD' strings. */
export function IsoRangePicker({ value, onChange, id, allowClear = true }: IsoRangePickerProps) {
  return (
    <DatePicker.RangePicker
      id={id}
      format={FORMATS}
      placeholder={["Từ ngày", "Đến ngày"]}
      allowClear={allowClear}
      allowEmpty={[true, true]}
      style={{ width: "100%" }}
      value={value ? [value[0] ? dayjs(value[0]) : null, value[1] ? dayjs(value[1]) : null] : null}
      onChange={(r) => {
        if (!r || (!r[0] && !r[1])) onChange?.(null);
        else onChange?.([r[0] ? r[0].format("YYYY-MM-DD") : null, r[1] ? r[1].format("YYYY-MM-DD") : null]);
      }}
    />
  );
}
