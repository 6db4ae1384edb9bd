import { Typography } from "antd";
import type { CSSProperties } from "react";
import type { PlanDetailData } from "@web/api/plans";
import { useIsPhone } from "@web/lib/use-media";

const serif: CSSProperties = { fontFamily: '"Times New Roman", Tinos, "Liberation Serif", serif', fontSize: 16, lineHeight: 1.55, color: "#111" };
const center: CSSProperties = { textAlign: "center" };
const para: CSSProperties = { textAlign: "justify", textIndent: "2em", margin: "0 0 6px" };

/**
 * The plan laid out like the printed Party document (Hướng dẫn 36): header columns, type name,
 * subject, basis, sections with their dash lines, closing, recipients and signature. On phones
 * the header and the signature stack.
 */
export function PlanDocument({ plan }: { plan: PlanDetailData }) {
  // The secretary's line breaks of the subject fit a printed page, not a phone.
  const isPhone = useIsPhone();
  return (
    <article aria-label="Nội dung kế hoạch" className="plan-document" style={{ ...serif, maxWidth: 820, margin: "0 auto" }}>
      <div style={{ display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: 12, marginBottom: 16 }}>
        <div style={{ ...center, flex: "1 1 260px" }}>
          {plan.superiorBody && <div>{plan.superiorBody}</div>}
          <div style={{ fontWeight: 700 }}>{plan.issuingBody}</div>
          <div>*</div>
          <div>{plan.numberLine}</div>
        </div>
        <div style={{ ...center, flex: "1 1 260px" }}>
          <div style={{ fontWeight: 700, textDecoration: "underline", textUnderlineOffset: 4 }}>ĐẢNG CỘNG SẢN VIỆT NAM</div>
          <div style={{ fontStyle: "italic", marginTop: 8 }}>{plan.placeAndDate ?? `${plan.place}, ngày … tháng … năm …`}</div>
        </div>
      </div>
      <div style={{ ...center, fontWeight: 700, fontSize: 18, marginTop: 8 }}>KẾ HOẠCH</div>
      <div style={{ ...center, fontWeight: 700, whiteSpace: isPhone ? "normal" : "pre-line" }}>{plan.subject}</div>
      <div style={{ ...center, marginBottom: 12 }}>-----</div>
      {plan.basis.map((b, i) => (
        <p key={i} style={para}>
          {b.text}
        </p>
      ))}
      {plan.preamble && <p style={para}>{plan.preamble}</p>}
      {plan.sections.map((s, si) => (
        <section key={si} aria-label={s.heading}>
          <p style={{ fontWeight: 700, margin: "10px 0 6px", textIndent: "2em" }}>{s.heading}</p>
          {s.paragraphs.map((p, pi) =>
            p.kind === "subheading" ? (
              <p key={pi} style={{ fontWeight: 700, margin: "6px 0", textIndent: "2em" }}>
                {p.text}
              </p>
            ) : (
              <p key={pi} style={para}>
                {p.kind === "bullet" ? "- " : ""}
                {p.text}
              </p>
            ),
          )}
          {s.responsibilities.map((r, ri) => (
            <p key={`r${ri}`} style={para}>
              - {r.text}
            </p>
          ))}
        </section>
      ))}
      {plan.closing && <p style={para}>{plan.closing}</p>}
      <div style={{ display: "flex", flexWrap: "wrap-reverse", justifyContent: "space-between", gap: 16, marginTop: 20 }}>
        <div style={{ flex: "1 1 240px", fontSize: 14 }}>
          <div style={{ fontWeight: 700, textDecoration: "underline" }}>Nơi nhận:</div>
          {plan.recipients.map((r, i) => (
            <div key={i}>- {r}</div>
          ))}
        </div>
        <div style={{ ...center, flex: "1 1 240px" }}>
          {plan.signatureTitles.map((t, i) => (
            <div key={i} style={{ fontWeight: 700 }}>
              {t}
            </div>
          ))}
          <div style={{ fontStyle: "italic", margin: "24px 0", color: "#555" }}>{plan.status === "draft" ? <Typography.Text type="secondary">(Dự thảo)</Typography.Text> : "(Đã ký)"}</div>
          <div style={{ fontWeight: 700 }}>{plan.signerName}</div>
        </div>
      </div>
    </article>
  );
}
