import { Select, Tag } from "antd";
import { searchKey } from "@domain/vietnamese-text.js";

export interface CampaignChoice {
  value: string;
  /** Shown in the field once chosen (short: the year first, a phone cuts the end off). */
  label: string;
  /** The second line of the option (the campaign's full name), searched too. */
  detail?: string;
  /** The campaign has ended: tagged, and listed after those under way (server order). */
  closed: boolean;
}

/**
 * Picks a campaign (or a campaign and a cell): each option shows its short label, the campaign's
 * full name under it, and "Đã kết thúc" for ended ones; typing filters them by words, without
 * regard to diacritics, quotes or order ("5 khong 2026"). A commune runs several campaigns a
 * year, so the year alone does not tell them apart.
 */
/** Every typed word appears in the option's search key (so “5 không” matches "5 khong"). */
function matchesWords(key: string, input: string): boolean {
  return searchKey(input)
    .split(" ")
    .map((w) => w.replace(/[“”"'‘’.,:;()]/g, ""))
    .every((w) => key.includes(w));
}

export function CampaignSelect({ id, value, onChange, options }: { id: string; value: string | undefined; onChange: (v: string) => void; options: CampaignChoice[] }) {
  return (
    <Select<string, CampaignChoice & { search: string }>
      id={id}
      style={{ width: "100%" }}
      value={value}
      onChange={onChange}
      options={options.map((o) => ({ ...o, search: searchKey(`${o.label} ${o.detail ?? ""} ${o.closed ? "đã kết thúc" : ""}`) }))}
      showSearch={{ filterOption: (input, o) => matchesWords(o?.search ?? "", input) }}
      optionRender={({ data: o }) => (
        <div className="campaign-option">
          <div className="campaign-option-label">
            {o.label}
            {o.closed && (
              <Tag style={{ marginInlineStart: 8 }} bordered={false}>
                Đã kết thúc
              </Tag>
            )}
          </div>
          {o.detail && <div className="card-meta campaign-option-detail">{o.detail}</div>}
        </div>
      )}
    />
  );
}
