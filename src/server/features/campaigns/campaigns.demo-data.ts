/**
 * The demo campaign's names and plan texts (pure data, no side effects): the seeder writes them,
 * tests compare against them (the school cell's plan must read exactly as the seed).
 */
import type { PlanWrite, StoredSection } from "../plans/plans.queries.js";

export const DEMO_CAMPAIGN_2020 =
  "Phong trào thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020";
export const DEMO_CAMPAIGN_2026 = "Phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026";

const TOPIC_2020 =
  "phát động thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020";

/** The commune's plan 236-KH/ĐU launching the 2020 campaign (not in the seed: written plausibly). */
export function communePlan2020(signer: { personId: string; fullName: string }): PlanWrite {
  const sections: StoredSection[] = [
    {
      heading: "I. Mục đích, yêu cầu",
      paragraphs: [
        {
          kind: "bullet",
          text: "Tiếp tục nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, Mặt trận Tổ quốc, các đoàn thể và cán bộ, đảng viên, công chức, viên chức về công tác dân vận trong tình hình mới; phát huy vai trò chủ thể của nhân dân trong xây dựng nông thôn mới gắn với thực hiện nội dung “5 không”.",
        },
        {
          kind: "bullet",
          text: "Mỗi chi bộ, cơ quan, đoàn thể và mỗi cán bộ, đảng viên, công chức, viên chức đăng ký ít nhất một việc làm thiết thực hoặc mô hình “Dân vận khéo”; 100% cán bộ, đảng viên, công chức, viên chức, người lao động đăng ký và thực hiện không vi phạm luật giao thông đường bộ.",
        },
        {
          kind: "bullet",
          text: "Việc tổ chức thi đua phải thiết thực, hiệu quả, tránh hình thức; kịp thời phát hiện, biểu dương, nhân rộng các gương điển hình tập thể, cá nhân, góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ xã Thạnh An lần thứ X, nhiệm kỳ 2015 - 2020.",
        },
      ],
      responsibilities: [],
    },
    {
      heading: "II. Nội dung thực hiện",
      paragraphs: [
        { kind: "subheading", text: "1. Nội dung thi đua" },
        {
          kind: "bullet",
          text: "Thực hiện nội dung “5 không” theo Hướng dẫn của Ban Thường vụ Đảng ủy xã: không để người nghèo, người yếu thế tụt hậu, bị bỏ quên; không gây phiền hà cho nhân dân và doanh nghiệp; không xả rác bừa bãi ra đường phố, kênh rạch; không vi phạm luật giao thông đường bộ; không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự an toàn.",
        },
        { kind: "bullet", text: "Gắn phong trào thi đua với nâng cao chất lượng các tiêu chí xây dựng nông thôn mới trên địa bàn xã." },
        { kind: "subheading", text: "2. Thời gian thực hiện" },
        { kind: "bullet", text: "Từ ngày 02/3/2020 đến ngày 30/11/2020." },
        { kind: "subheading", text: "3. Đăng ký, kiểm tra, đánh giá" },
        {
          kind: "bullet",
          text: "Các chi bộ, Ủy ban MTTQ và các đoàn thể xã xây dựng kế hoạch triển khai trước ngày 15/3/2020; tổ chức cho cán bộ, đảng viên, đoàn viên, hội viên đăng ký việc làm thiết thực, mô hình “Dân vận khéo” trước ngày 31/3/2020.",
        },
        {
          kind: "bullet",
          text: "Cuối đợt thi đua, các chi bộ, đoàn thể kiểm tra, đánh giá, đề xuất tuyên dương và báo cáo kết quả về Đảng ủy xã (thông qua Thường trực Khối vận xã) trước ngày 30/11/2020.",
        },
      ],
      responsibilities: [],
    },
    {
      heading: "III. Tổ chức thực hiện",
      paragraphs: [],
      responsibilities: [
        {
          role: "unit",
          text: "Các chi bộ trực thuộc xây dựng kế hoạch triển khai đến toàn thể cán bộ, đảng viên; chỉ đạo đăng ký và theo dõi việc thực hiện; báo cáo kết quả về Đảng ủy xã.",
        },
        {
          role: "unit",
          text: "Ủy ban MTTQ và các đoàn thể xã vận động đoàn viên, hội viên và nhân dân tham gia; đăng ký mô hình “Dân vận khéo” của tập thể.",
        },
        {
          role: "office",
          text: "Thường trực Khối vận xã tham mưu Ban Thường vụ Đảng ủy theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp kết quả, đề xuất tuyên dương các gương điển hình.",
        },
        {
          role: "other",
          text: "Ủy ban nhân dân xã chỉ đạo bộ phận tiếp nhận và trả kết quả thực hiện nghiêm thư xin lỗi, thư cảm ơn; công khai nhiệm vụ của cán bộ, công chức để nhân dân giám sát.",
        },
      ],
    },
  ];
  return {
    number: 236,
    issuedDate: "2020-03-02",
    place: "Thạnh An",
    subject:
      "Phát động thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020",
    basis: [
      { text: "Căn cứ Nghị quyết Đại hội Đảng bộ xã Thạnh An lần thứ X, nhiệm kỳ 2015 - 2020;", planId: null },
      { text: "Căn cứ Hướng dẫn của Ban Thường vụ Đảng ủy xã về phong trào thi đua “Dân vận khéo” năm 2019 gắn với nội dung “5 không”;", planId: null },
    ],
    preamble: `Ban Thường vụ Đảng ủy xã Thạnh An xây dựng kế hoạch ${TOPIC_2020} như sau:`,
    sections,
    closing: `Trên đây là kế hoạch ${TOPIC_2020} của Đảng ủy xã Thạnh An. Đề nghị các chi bộ, Ủy ban MTTQ và các đoàn thể xã nghiêm túc triển khai thực hiện.`,
    recipients: ["Ban Thường vụ Huyện ủy (b/c);", "Ban Dân vận Huyện ủy (b/c);", "Các chi bộ trực thuộc;", "Ủy ban MTTQ và các đoàn thể xã;", "TTKV xã;", "Lưu VPĐU."],
    signatureTitles: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"],
    signerPersonId: signer.personId,
    signerName: signer.fullName,
  };
}

/** The school cell's plan, word for word as in the seed (its small typos included). */
export function schoolPlan2020(communePlanId: string, signerPersonId: string | null): PlanWrite {
  return {
    number: 1,
    issuedDate: "2020-03-05",
    place: "Thạnh An",
    subject:
      "Triển khai kế hoạch phát động thi đua nâng cao chất lượng\ncác tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không”\ntrong phong trào thi đua “Dân vận khéo” năm 2020",
    basis: [{ text: `Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về ${TOPIC_2020};`, planId: communePlanId }],
    preamble: `Chi bộ Tiểu học xây dựng kế hoạch triển khai kế hoạch ${TOPIC_2020} như sau:`,
    sections: [
      {
        heading: "I. Mục đích, yêu cầu",
        paragraphs: [
          {
            kind: "bullet",
            text: "Nâng cao hơn nữa nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức của nhà trường. Xác định đúng mục đích, ý nghĩa, tầm quan trọng của công tác dân vận trong giai đoạn hiện nay và tác dụng của phong trào thi đua “Dân vận khéo” và việc làm thiết thực nâng cao các tiêu chí xây dựng nông thôn mới gắn với nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020.",
          },
          {
            kind: "bullet",
            text: "Đội ngũ cán bộ, đảng viên, công chức, viên chức giáo viên, nhân viên nhà trường đăng ký mô hình “Dân vận khéo” theo nội dung kế hoạch của đảng ủy góp phần thực hiện thắng lợi các chỉ tiêu theo Nghị quyết Đại hội Đảng bộ xã Thạnh An lần thứ X, nhiệm kỳ 2015-2020 đã đề ra.",
          },
        ],
        responsibilities: [],
      },
      {
        heading: "II. Nội dung thực hiện",
        paragraphs: [
          {
            kind: "bullet",
            text: `Chi bộ xây dựng kế hoạch triển khai đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về ${TOPIC_2020}.`,
          },
          {
            kind: "bullet",
            text: "Tổ chức cho cán bộ, đảng viên, giáo viên và nhân viên nhà trường đăng ký việc làm thiết thực với nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020.",
          },
          { kind: "bullet", text: "Kịp thời đề xuất tuyên dương các gương điển hình tập thể, cá nhân trong chi bộ." },
          {
            kind: "bullet",
            text: "Thực hiện việc kiểm tra, đánh giá và báo cáo kết quả thực hiện cho Đảng ủy xã khi kết thúc đợt thi đua (Thông qua Thường trực khối vận xã).",
          },
        ],
        responsibilities: [],
      },
      {
        heading: "III. Tổ chức thực hiện",
        paragraphs: [],
        responsibilities: [
          {
            role: "secretary",
            text: "Bí thư chi bộ xây dựng kế hoạch triên khai đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên trong nhà trường. Chỉ đạo thực hiện các nội dung đăng ký của cán bộ, đảng viên, giáo viên và nhân viên.",
          },
          {
            role: "deputy_secretary",
            text: "Phó Bí chi bộ giám sát việc thực hiện, báo cáo kịp thời cho bí thư chi bộ việc thực hiện của cán bộ, đảng viên, giáo viên và nhân viên.",
          },
          { role: "members", text: "Toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường nghiêm túc thực hiện theo bảng đăng." },
        ],
      },
    ],
    closing:
      "Trên đây là kế hoạch triển khai phát động phong trào thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020 của chi bộ trường Tiểu học.",
    recipients: ["Đảng ủy xã Thạnh An;", "TTKV xã;", "Đảng viên Chi bộ;", "Lưu HSCB."],
    signatureTitles: ["T/M CHI BỘ", "BÍ THƯ"],
    signerPersonId,
    signerName: "Lê Hữu Bình",
  };
}

/** The commune's 2026 plan (số 45-KH/ĐU of the 2025–2030 term). */
export function communePlan2026(signer: { personId: string; fullName: string }): PlanWrite {
  const base = communePlan2020(signer);
  const topic = "phát động phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026";
  return {
    ...base,
    number: 45,
    issuedDate: "2026-03-02",
    subject: "Phát động phong trào thi đua “Dân vận khéo” gắn với thực hiện nội dung “5 không” năm 2026",
    basis: [
      { text: "Căn cứ Nghị quyết Đại hội Đảng bộ xã Thạnh An nhiệm kỳ 2025 - 2030;", planId: null },
      { text: "Căn cứ Hướng dẫn của Ban Thường vụ Đảng ủy xã về nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2026;", planId: null },
    ],
    preamble: `Ban Thường vụ Đảng ủy xã Thạnh An xây dựng kế hoạch ${topic} như sau:`,
    sections: base.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({
        ...p,
        text: p.text
          .replace("Nghị quyết Đại hội Đảng bộ xã Thạnh An lần thứ X, nhiệm kỳ 2015 - 2020", "Nghị quyết Đại hội Đảng bộ xã Thạnh An nhiệm kỳ 2025 - 2030")
          .replace("Từ ngày 02/3/2020 đến ngày 30/11/2020.", "Từ ngày 01/3/2026 đến ngày 15/12/2026.")
          .replace("trước ngày 15/3/2020", "trước ngày 20/3/2026")
          .replace("trước ngày 31/3/2020", "trước ngày 15/4/2026")
          .replace("trước ngày 30/11/2020", "trước ngày 10/12/2026"),
      })),
    })),
    closing: `Trên đây là kế hoạch ${topic} của Đảng ủy xã Thạnh An. Đề nghị các chi bộ, Ủy ban MTTQ và các đoàn thể xã nghiêm túc triển khai thực hiện.`,
    recipients: ["Ban Thường vụ Thành ủy (b/c);", "Ban Dân vận Thành ủy (b/c);", "Các chi bộ trực thuộc;", "Ủy ban MTTQ và các đoàn thể xã;", "TTKV xã;", "Lưu VPĐU."],
  };
}

