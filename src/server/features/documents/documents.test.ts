import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "@domain/dates.js";
import { formatDocumentDateLine } from "../../documents/document-model.js";
import { extractPdfFragments } from "../../documents/pdf-text.js";
import { anonymous, setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { demoPlanId } from "../campaigns/campaigns.fixtures.js";
import { prefillFromParent } from "../plans/plans.prefill.js";
import { downloadBoth, expectDocxContains, expectPdfContains, readDocx, squash, tableRows } from "./documents.test-support.js";

/**
 * Every campaign document downloaded as a user does (DOCX and PDF), read back — the DOCX XML, the
 * PDF text — and checked against the demo data: header, number, date line, sections and table
 * rows, signature, recipients, file names; 404 outside the subtree. To look at the files, run with
 * DOCS_DUMP_DIR=/some/dir and render them (LibreOffice, pdftoppm).
 */
let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= await signIn(ctx.app, username));

let campaign2020: string;
const unit = (code: string) => ctx.units[code]!;

beforeAll(async () => {
  ctx = await setupTestApp();
  campaign2020 = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [unit("xa-thanh-an")]))[0]!.id;
});
afterAll(() => ctx.close());

const both = async (username: string, url: string) => downloadBoth(await as(username), url);

const LANDSCAPE = /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/;
const PORTRAIT = /<w:pgSz w:w="11906" w:h="16838"/;

// ---------------------------------------------------------------- the documents

describe("Kế hoạch (plan)", () => {
  // The seed: /work/shared/seed/ke-hoach-dan-van-kheo-5-khong-2020.txt, word for word.
  const SEED = [
    "ĐẢNG BỘ XÃ THẠNH AN",
    "CHI BỘ TRƯỜNG TIỂU HỌC",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Số 01-KH/CB",
    "Thạnh An, ngày 05 tháng 3 năm 2020",
    "KẾ HOẠCH",
    "Triển khai kế hoạch phát động thi đua nâng cao chất lượng",
    "các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không”",
    "trong phong trào thi đua “Dân vận khéo” năm 2020",
    "Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về phát động thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020;",
    "Chi bộ Tiểu học xây dựng kế hoạch triển khai kế hoạch phát động thi đua",
    "I. Mục đích, yêu cầu",
    "- Nâng cao hơn nữa nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức của nhà trường.",
    "II. Nội dung thực hiện",
    "- Kịp thời đề xuất tuyên dương các gương điển hình tập thể, cá nhân trong chi bộ.",
    "- Thực hiện việc kiểm tra, đánh giá và báo cáo kết quả thực hiện cho Đảng ủy xã khi kết thúc đợt thi đua (Thông qua Thường trực khối vận xã).",
    "III. Tổ chức thực hiện",
    "- Bí thư chi bộ xây dựng kế hoạch triên khai đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên trong nhà trường.",
    "- Phó Bí chi bộ giám sát việc thực hiện, báo cáo kịp thời cho bí thư chi bộ việc thực hiện của cán bộ, đảng viên, giáo viên và nhân viên.",
    "- Toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường nghiêm túc thực hiện theo bảng đăng.",
    "Trên đây là kế hoạch triển khai phát động phong trào thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020 của chi bộ trường Tiểu học.",
    "Nơi nhận:",
    "- Đảng ủy xã Thạnh An;",
    "- TTKV xã;",
    "- Đảng viên Chi bộ;",
    "- Lưu HSCB.",
    "T/M CHI BỘ",
    "BÍ THƯ",
    "(Đã ký)",
    "Lê Hữu Bình",
  ];

  it("the school cell's plan downloads as the seed reads, in DOCX and PDF, for its secretary and a teacher", async () => {
    const id = await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020);
    for (const username of ["th.bithu", "th.gv01"]) {
      const d = await both(username, `/api/plans/${id}`);
      expect(d.docxName).toBe("Kế hoạch số 01-KH-CB - Chi bộ Trường Tiểu học Thạnh An.docx");
      expect(d.pdfName).toBe("Kế hoạch số 01-KH-CB - Chi bộ Trường Tiểu học Thạnh An.pdf");
      expectDocxContains(d.docx.text, SEED);
      expectPdfContains(d.pdf, SEED);
      expect(d.docx.xml).toMatch(PORTRAIT);
      // Sections in the seed's order, each line in place.
      const order = ["I. Mục đích, yêu cầu", "II. Nội dung thực hiện", "III. Tổ chức thực hiện", "Trên đây là kế hoạch", "Nơi nhận:"].map((s) => d.docx.text.indexOf(s));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it("the commune plan prints 2020's superior body, the district (abolished in 2025)", async () => {
    const d = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2020)}`);
    expectDocxContains(d.docx.text, ["ĐẢNG BỘ HUYỆN CẦN GIỜ", "ĐẢNG ỦY XÃ THẠNH AN", "Số 236-KH/ĐU", "Thạnh An, ngày 02 tháng 3 năm 2020", "T/M BAN THƯỜNG VỤ"]);
    expect(d.docx.text).not.toContain("THÀNH PHỐ HỒ CHÍ MINH");
    const now = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2026)}`);
    expectPdfContains(now.pdf, ["ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "Số 45-KH/ĐU"]);
  });

  it("another cell's secretary gets 404, an anonymous caller 401", async () => {
    const id = await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020);
    for (const ext of ["docx", "pdf"]) {
      const r = await (await as("thanhhoa.bithu")).get(`/api/plans/${id}/export.${ext}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("NOT_FOUND");
      expect((await anonymous(ctx.app).get(`/api/plans/${id}/export.${ext}`)).status).toBe(401);
    }
  });
});

describe("Bảng đăng ký (registration sheet)", () => {
  const url = () => `/api/campaigns/${campaign2020}/units/${unit("cb-tieu-hoc-thanh-an")}/registrations`;

  it("lists every submitted or approved action and model in the Party columns, landscape, with the cell's signature (a draft while one awaits approval)", async () => {
    const d = await both("th.bithu", url());
    expect(d.docxName).toBe("Bảng đăng ký - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    expect(d.docx.xml).toMatch(LANDSCAPE);
    const expected = await ctx.db.query<{ n: number; latest: Date }>(
      `SELECT (SELECT count(*) FROM commitments c WHERE c.registration_id = ANY(array_agg(r.id)))
            + (SELECT count(*) FROM models m WHERE m.registration_id = ANY(array_agg(r.id))) AS n,
              max(COALESCE(CASE WHEN r.status = 'approved' THEN r.reviewed_at END, r.submitted_at)) AS latest
         FROM registrations r WHERE r.campaign_id = $1 AND r.unit_id = $2 AND r.status IN ('approved', 'submitted')`,
      [campaign2020, unit("cb-tieu-hoc-thanh-an")],
    );
    // Phạm Thị Hoa's sheet still awaits approval: the sheet is a draft, its date left blank.
    const HEAD = ["ĐẢNG BỘ XÃ THẠNH AN", "CHI BỘ TRƯỜNG TIỂU HỌC", "DỰ THẢO", "ĐẢNG CỘNG SẢN VIỆT NAM", "BẢNG ĐĂNG KÝ", "Việc làm thiết thực, mô hình “Dân vận khéo” của cán bộ, đảng viên"];
    const COLUMNS = ["STT", "Họ và tên", "Chức vụ/đơn vị", "Việc làm thiết thực/mô hình", "Tiêu chí/lĩnh vực", "Nội dung và cách thực hiện", "Địa điểm", "Thời gian", "Chỉ tiêu", "Minh chứng", "Ghi chú", "Ký tên"];
    const END = ["T/M CHI BỘ", "BÍ THƯ", "Lê Hữu Bình", "Nơi nhận:", "- Đảng ủy xã Thạnh An;", "- TTKV xã;", "- Lưu HSCB."];
    expectDocxContains(d.docx.text, [...HEAD, "Thạnh An, ngày     tháng     năm", ...COLUMNS, ...END, "Tổng số: "]);
    expectPdfContains(d.pdf, [...HEAD, ...COLUMNS, ...END, "Lê Hữu Bình", "Bí thư Chi bộ, Hiệu trưởng"]);

    const rows = tableRows(d.docx.xml, "Việc làm thiết thực/mô hình");
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows.length - 1).toBe(Number(expected[0]!.n));
    const binh = rows.find((r) => r[1] === "Lê Hữu Bình")!;
    expect(binh[0]).toMatch(/^\d+$/);
    expect(binh[2]).toBe("Bí thư Chi bộ, Hiệu trưởng");
    // An IV.2 commitment: criterion, content, dates, target.
    const traffic = rows.find((r) => r[5]!.startsWith("IV.2."))!;
    expect(traffic[4]).toBe("IV. Không vi phạm luật giao thông đường bộ");
    expect(traffic[7]).toMatch(/^\d{2}\/\d{2}\/2020 –\d{2}\/\d{2}\/2020$/);
    expect(traffic[8]).toBe("Không vi phạm luật giao thông (0 lỗi) trong suốt đợt thi đua");
    // A model, and evidence described as a clerk writes it, never by the uploaded file names.
    expect(rows.some((r) => r[3]!.startsWith("Mô hình “Dân vận khéo”: "))).toBe(true);
    expect(rows.map((r) => r[9])).toEqual(expect.arrayContaining(["1 hình ảnh", "1 hình ảnh, 1 văn bản"]));
    for (const text of [d.docx.text, d.pdf]) {
      expect(text).not.toMatch(/\.(png|jpe?g|pdf)\b/i);
      // No app-internal states in a sheet that gets signed.
      expect(text).not.toContain("Chờ duyệt");
      expect(text).not.toContain("Nộp trễ hạn");
    }
    // The cell's collective row names the cell once: "Tập thể" as its position, not the cell again.
    const collective = rows.find((r) => r[1] === "Chi bộ Trường Tiểu học Thạnh An")!;
    expect(collective[2]).toBe("Tập thể");
    // STT counts people, not lines.
    const numbers = rows.slice(1).map((r) => r[0]).filter((n) => n !== "");
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
  });

  it("a teacher without oversight gets 403 like on the page, another cell 404", async () => {
    expect((await (await as("th.gv01")).get(`${url()}/export.pdf`)).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).get(`${url()}/export.docx`)).status).toBe(404);
  });
});

describe("Báo cáo giám sát (supervision report)", () => {
  const reportId = async (status: string) =>
    (await ctx.db.query<{ id: string }>("SELECT id FROM supervision_reports WHERE unit_id = $1 AND status = $2 ORDER BY period_start LIMIT 1", [unit("cb-tieu-hoc-thanh-an"), status]))[0]!.id;

  it("the submitted Q2 report: period, findings per member, no violations, proposals, the deputy's signature", async () => {
    const d = await both("th.bithu", `/api/supervision/reports/${await reportId("submitted")}`);
    expect(d.docxName).toBe("Báo cáo giám sát 01-04-2020-30-06-2020 - Chi bộ Trường Tiểu học Thạnh An.docx");
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "Số     -BC/CB",
      "Thạnh An, ngày 02 tháng 7 năm 2020",
      "BÁO CÁO",
      "Kết quả giám sát việc thực hiện việc làm thiết thực, mô hình “Dân vận khéo”",
      "từ ngày 01/04/2020 đến ngày 30/06/2020",
      "Thực hiện Kế hoạch số 01-KH/CB ngày 05 tháng 3 năm 2020 của Chi bộ Trường Tiểu học Thạnh An",
      "I. Tình hình chung",
      "Quý II/2020, các đồng chí đảng viên thực hiện nghiêm túc việc làm đã đăng ký",
      "II. Kết quả giám sát đối với từng đảng viên",
      "III. Vi phạm",
      "Trong kỳ không có đảng viên vi phạm.",
      "IV. Đề xuất, kiến nghị",
      "Đề nghị Bí thư nhắc đồng chí Lý Thị Kim Anh hoàn thành đăng ký",
      "PHÓ BÍ THƯ",
      "Trần Thị Mai",
      "- Bí thư Chi bộ Trường Tiểu học;",
      "- Lưu HSCB.",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES.map((n) => n.replace("Số     -", "Số -")));
    const rows = tableRows(d.docx.xml, "Nhận xét");
    expect(rows[0]).toEqual(["STT", "Đảng viên", "Tiêu chí", "Nhận xét", "Vi phạm"]);
    expect(rows.length).toBeGreaterThan(1);
    // None is written in words, as a clerk would: not "0 trường hợp vi phạm".
    expectDocxContains(d.docx.text, ["Trong kỳ giám sát đã ghi nhận 4 nhận xét đối với 3 đảng viên; không có trường hợp vi phạm."]);
    expect(squash(d.pdf)).not.toContain(squash(" 0 trường hợp"));
    expect(d.docx.text).not.toMatch(/\b0 trường hợp/);
  });

  it("the Q3 draft: blank date to fill in, the traffic violation that breaks a commitment", async () => {
    const d = await both("th.phobithu", `/api/supervision/reports/${await reportId("draft")}`);
    expectDocxContains(d.docx.text, ["Thạnh An, ngày     tháng     năm", "III. Vi phạm", "Đồng chí Huỳnh Thị Lan", "Không đội mũ bảo hiểm", "PHÓ BÍ THƯ", "Trần Thị Mai"]);
    expectPdfContains(d.pdf, ["Đồng chí Huỳnh Thị Lan", "Không đội mũ bảo hiểm"]);
  });

  it("another cell gets 404", async () => {
    expect((await (await as("thanhhoa.bithu")).get(`/api/supervision/reports/${await reportId("submitted")}/export.pdf`)).status).toBe(404);
  });
});

describe("Báo cáo kết quả (result report)", () => {
  const url = (code: string) => `/api/reports/${campaign2020}/units/${unit(code)}`;

  it("Thạnh Hòa's submitted report: number, date, statistics per criterion, narrative, signed copy, recipients through the TTKV", async () => {
    const d = await both("thanhhoa.bithu", url("cb-ap-thanh-hoa"));
    expect(d.docxName).toBe("Báo cáo kết quả số 09-BC-CB - Chi bộ ấp Thạnh Hòa.docx");
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ ẤP THẠNH HÒA",
      "Số 09-BC/CB",
      "Thạnh An, ngày 25 tháng 11 năm 2020",
      "BÁO CÁO",
      "Kết quả thực hiện phong trào thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới",
      "Thực hiện Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An",
      "I. Kết quả thực hiện",
      "1. Công tác triển khai, đăng ký",
      "2. Kết quả thực hiện theo từng tiêu chí",
      "IV. Không vi phạm luật giao thông đường bộ",
      "3. Mô hình “Dân vận khéo”",
      "4. Vi phạm",
      "5. Đề xuất tuyên dương, khen thưởng",
      "II. Đánh giá chung",
      "1. Ưu điểm",
      "Chi bộ triển khai kịp thời Kế hoạch số 236-KH/ĐU của Đảng ủy xã đến 100% đảng viên",
      "2. Hạn chế",
      "3. Nguyên nhân",
      "III. Phương hướng",
      "T/M CHI BỘ",
      "BÍ THƯ",
      "(Đã ký)",
      "Nguyễn Văn Sơn",
      "- Đảng ủy xã Thạnh An;",
      "- TTKV xã;",
      "- Lưu HSCB.",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    const rows = tableRows(d.docx.xml, "Việc làm đăng ký");
    expect(rows[0]).toEqual(["STT", "Tiêu chí", "Việc làm đăng ký", "Đạt", "Tỷ lệ (%)"]);
    expect(rows.map((r) => r[1]!.split(".")[0])).toEqual(["Tiêu chí", "I", "II", "III", "IV", "V", "Cộng"]);
    // The frozen statistics of the submission.
    const frozen = (await ctx.db.query<{ statistics: { total: { registered: number; achieved: number } } }>("SELECT statistics FROM result_reports WHERE unit_id = $1", [unit("cb-ap-thanh-hoa")]))[0]!.statistics;
    expect(rows.at(-1)!.slice(2, 4)).toEqual([String(frozen.total.registered), String(frozen.total.achieved)]);
    expect(d.docx.text).not.toContain("Kết quả của các đơn vị trực thuộc");
  });

  it("the commune's report rolls its children up in tables, under 2020's district", async () => {
    const d = await both("xa.bithu", url("xa-thanh-an"));
    expectDocxContains(d.docx.text, ["ĐẢNG BỘ HUYỆN CẦN GIỜ", "ĐẢNG ỦY XÃ THẠNH AN", "Số     -BC/ĐU", "Thạnh An, ngày     tháng     năm", "6. Kết quả của các đơn vị trực thuộc", "T/M ĐẢNG ỦY", "Phan Văn Quang", "- Huyện ủy Cần Giờ;", "- Lưu VPĐU."]);
    const rows = tableRows(d.docx.xml, "Báo cáo");
    expect(rows[0]).toEqual(["STT", "Đơn vị", "Đảng viên đăng ký", "Việc làm đăng ký", "Đạt", "Tỷ lệ (%)", "Báo cáo"]);
    const names = rows.map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(["Chi bộ Trường Tiểu học Thạnh An", "Chi bộ ấp Thạnh Hòa", "Toàn đơn vị"]));
    expect(rows.find((r) => r[1] === "Chi bộ ấp Thạnh Hòa")![6]).toBe("Đã gửi đúng hạn");
    const byCriterion = tableRows(d.docx.xml, "Tiêu chí IV");
    expect(byCriterion[0]).toEqual(["STT", "Đơn vị", "Tiêu chí I", "Tiêu chí II", "Tiêu chí III", "Tiêu chí IV", "Tiêu chí V"]);
    expectPdfContains(d.pdf, ["6. Kết quả của các đơn vị trực thuộc", "Chi bộ ấp Thạnh Hòa", "Toàn đơn vị"]);
    // A collective's model names its owner once, not "Chi bộ X, Chi bộ X".
    expectDocxContains(d.docx.text, ["(lĩnh vực văn hóa - xã hội) — Chi bộ Trường Tiểu học Thạnh An.", "— Đỗ Thanh Tâm, Chi bộ Trường Tiểu học Thạnh An."]);
    for (const text of [d.docx.text, d.pdf]) expect(squash(text)).not.toContain(squash("Chi bộ Trường Tiểu học Thạnh An, Chi bộ Trường Tiểu học Thạnh An"));
  });

  it("the school's draft has no number or date yet; another cell gets 404", async () => {
    const d = await both("th.bithu", url("cb-tieu-hoc-thanh-an"));
    expect(d.docxName).toBe("Báo cáo kết quả (dự thảo) - Chi bộ Trường Tiểu học Thạnh An.docx");
    expectDocxContains(d.docx.text, ["Số     -BC/CB", "Thạnh An, ngày     tháng     năm", "Mô hình “Thư viện xanh” thu gom giấy vụn"]);
    expect(d.docx.text).not.toContain("(Đã ký)");
    expect((await (await as("th.bithu")).get(`${url("cb-ap-thanh-hoa")}/export.docx`)).status).toBe(404);
  });
});

describe("Tờ trình đề nghị tuyên dương (commendation proposal)", () => {
  const url = (code: string) => `/api/commendations/${campaign2020}/units/${unit(code)}`;

  it("the school cell proposes its exemplar to the commune committee", async () => {
    const d = await both("th.bithu", url("cb-tieu-hoc-thanh-an"));
    expect(d.docxName).toBe("Tờ trình đề nghị tuyên dương - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "Số     -TTr/CB",
      "Thạnh An, ngày 02 tháng 12 năm 2020",
      "TỜ TRÌNH",
      "Về việc đề nghị tuyên dương gương điển hình tiên tiến",
      "Kính gửi: Đảng ủy xã Thạnh An",
      "đề nghị Đảng ủy xã Thạnh An xem xét, tuyên dương 1 cá nhân",
      "Kính trình Đảng ủy xã Thạnh An xem xét, quyết định./.",
      "T/M CHI BỘ",
      "Lê Hữu Bình",
      "- Như trên;",
      "- TTKV xã;",
      "- Lưu HSCB.",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES.map((n) => n.replace("Số     -", "Số -")));
    const rows = tableRows(d.docx.xml, "Thành tích tiêu biểu");
    expect(rows[1]!.slice(0, 3)).toEqual(["1", "Đỗ Thanh Tâm", "Cá nhân"]);
    expect(rows[1]![3]).toContain("Thư viện xanh");
    expect(rows[1]![4]).toBe("Hoàn thành xuất sắc");
  });

  it("another cell gets 404", async () => {
    expect((await (await as("thanhhoa.bithu")).get(`${url("cb-tieu-hoc-thanh-an")}/export.pdf`)).status).toBe(404);
  });
});

describe("Bảng tổng hợp đánh giá, xếp loại (evaluation summary)", () => {
  const evaluationId = async () => (await ctx.db.query<{ id: string }>("SELECT id FROM evaluations WHERE campaign_id = $1 AND unit_id = $2", [campaign2020, unit("cb-tieu-hoc-thanh-an")]))[0]!.id;

  it("every member with score and rating, the count per rating and the quota check line, landscape", async () => {
    const d = await both("th.bithu", `/api/evaluations/${await evaluationId()}`);
    expect(d.docxName).toBe("Bảng tổng hợp đánh giá, xếp loại - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    expect(d.docx.xml).toMatch(LANDSCAPE);
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "Thạnh An, ngày     tháng     năm",
      "BẢNG TỔNG HỢP",
      "Kết quả đánh giá, xếp loại đảng viên",
      "Tổng số đảng viên được đánh giá: 12.",
      "Hoàn thành xuất sắc nhiệm vụ: 1 (8,3%)",
      "Kiểm tra tỷ lệ: ",
      "1 đảng viên hoàn thành xuất sắc nhiệm vụ; tối đa 0 (20% của 2 đảng viên hoàn thành tốt nhiệm vụ",
      "vượt 1 người.",
      "T/M CHI BỘ",
      "BÍ THƯ",
      "Lê Hữu Bình",
      "- Đảng ủy xã Thạnh An;",
      "- Lưu HSCB.",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    const rows = tableRows(d.docx.xml, "Xếp loại");
    expect(rows[0]).toEqual(["STT", "Họ và tên", "Chức vụ", "Việc làm đăng ký", "Việc làm đạt", "Vi phạm", "Tự đánh giá", "Điểm", "Xếp loại", "Ghi chú"]);
    expect(rows).toHaveLength(13);
    const tam = rows.find((r) => r[1] === "Đỗ Thanh Tâm")!;
    expect(tam.slice(7, 10)).toEqual(["95", "Hoàn thành xuất sắc", "Gương điển hình với mô hình “Thư viện xanh”"]);
    const lan = rows.find((r) => r[1] === "Huỳnh Thị Lan")!;
    expect(lan[5]).toContain("14/08/2020");
    expect(lan[8]).toBe("Hoàn thành");
  });

  it("another cell gets 404", async () => {
    expect((await (await as("thanhhoa.bithu")).get(`/api/evaluations/${await evaluationId()}/export.docx`)).status).toBe(404);
  });
});

describe("Dự thảo: every document not yet issued, submitted or approved", () => {
  const DRAFT_MARK = "DỰ THẢO";
  const BLANK_DATE = "Thạnh An, ngày     tháng     năm";
  const school = () => unit("cb-tieu-hoc-thanh-an");
  const draftOf = (d: { docx: { text: string }; pdf: string }) => ({ docx: d.docx.text.includes(DRAFT_MARK), pdf: squash(d.pdf).includes(squash(DRAFT_MARK)) });

  it("a new draft plan is marked and prints neither the number it will take nor today's date; the issued plan is not marked", async () => {
    const communePlanId = await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2026);
    const campaignId = (await ctx.db.query<{ campaign_id: string }>("SELECT campaign_id FROM plans WHERE id = $1", [communePlanId]))[0]!.campaign_id;
    const created = await (await as("th.bithu")).post("/api/plans", { campaignId, unitId: school(), parentPlanId: communePlanId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The draft holds the number and date proposed for its issue…
    expect((await (await as("th.bithu")).get(`/api/plans/${created.body.id}`)).body).toMatchObject({ status: "draft", symbol: "01-KH/CB", date: todayInVietnam() });
    const d = await both("th.bithu", `/api/plans/${created.body.id}`);
    // …and prints neither.
    expect(d.docxName).toBe("Kế hoạch (dự thảo) - Chi bộ Trường Tiểu học Thạnh An.docx");
    expect(draftOf(d)).toEqual({ docx: true, pdf: true });
    expectDocxContains(d.docx.text, ["Số     -KH/CB", BLANK_DATE, "T/M CHI BỘ", "Lê Hữu Bình"]);
    expectPdfContains(d.pdf, ["Số -KH/CB", "Thạnh An, ngày tháng năm"]);
    for (const text of [d.docx.text, d.pdf]) {
      expect(text).not.toContain("01-KH/CB");
      expect(squash(text)).not.toContain(squash(formatDocumentDateLine("Thạnh An", todayInVietnam())));
      expect(text).not.toContain("(Đã ký)");
    }
    // The mark sits in the header, under the number line, above the type name.
    expect(d.docx.text.indexOf(DRAFT_MARK)).toBeGreaterThan(d.docx.text.indexOf("Số     -KH/CB"));
    expect(d.docx.text.indexOf(DRAFT_MARK)).toBeLessThan(d.docx.text.indexOf("KẾ HOẠCH"));

    const issued = await both("th.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020)}`);
    expect(draftOf(issued)).toEqual({ docx: false, pdf: false });
  });

  it("a result report is a draft until submitted, even with a number and date typed in; a submitted one is not", async () => {
    await ctx.db.query("UPDATE result_reports SET number = 12, symbol = '12-BC/CB', report_date = '2020-11-20' WHERE unit_id = $1 AND status = 'draft'", [school()]);
    const d = await both("th.bithu", `/api/reports/${campaign2020}/units/${school()}`);
    expect(d.docxName).toBe("Báo cáo kết quả (dự thảo) - Chi bộ Trường Tiểu học Thạnh An.docx");
    expect(draftOf(d)).toEqual({ docx: true, pdf: true });
    expectDocxContains(d.docx.text, ["Số     -BC/CB", BLANK_DATE]);
    for (const text of [d.docx.text, d.pdf]) {
      expect(text).not.toContain("12-BC/CB");
      expect(squash(text)).not.toContain(squash("ngày 20 tháng 11 năm 2020"));
    }
    const submitted = await both("thanhhoa.bithu", `/api/reports/${campaign2020}/units/${unit("cb-ap-thanh-hoa")}`);
    expect(draftOf(submitted)).toEqual({ docx: false, pdf: false });
  });

  it("the supervision report: the Q3 draft is marked, the submitted Q2 report is not", async () => {
    const id = async (status: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM supervision_reports WHERE unit_id = $1 AND status = $2 ORDER BY period_start LIMIT 1", [school(), status]))[0]!.id;
    expect(draftOf(await both("th.phobithu", `/api/supervision/reports/${await id("draft")}`))).toEqual({ docx: true, pdf: true });
    expect(draftOf(await both("th.bithu", `/api/supervision/reports/${await id("submitted")}`))).toEqual({ docx: false, pdf: false });
  });

  it("the evaluation summary is a draft until the cell approves it; the tờ trình, sent with its proposals, is not", async () => {
    const evaluationId = (await ctx.db.query<{ id: string }>("SELECT id FROM evaluations WHERE campaign_id = $1 AND unit_id = $2", [campaign2020, school()]))[0]!.id;
    const evaluation = await both("th.bithu", `/api/evaluations/${evaluationId}`);
    expect(draftOf(evaluation)).toEqual({ docx: true, pdf: true });
    expectDocxContains(evaluation.docx.text, [BLANK_DATE]);
    const proposal = await both("th.bithu", `/api/commendations/${campaign2020}/units/${school()}`);
    expect(draftOf(proposal)).toEqual({ docx: false, pdf: false });
    expectDocxContains(proposal.docx.text, ["Thạnh An, ngày 02 tháng 12 năm 2020"]);
  });

  it("the registration sheet stands, dated and unmarked, once the last sheet awaiting approval is approved", async () => {
    const url = `/api/campaigns/${campaign2020}/units/${school()}/registrations`;
    expect(draftOf(await both("th.bithu", url))).toEqual({ docx: true, pdf: true });
    await ctx.db.query("UPDATE registrations SET status = 'approved', reviewed_at = '2020-04-06T02:00:00Z' WHERE campaign_id = $1 AND unit_id = $2 AND status = 'submitted'", [campaign2020, school()]);
    const d = await both("th.bithu", url);
    expect(draftOf(d)).toEqual({ docx: false, pdf: false });
    expectDocxContains(d.docx.text, ["Thạnh An, ngày 06 tháng 4 năm 2020"]);
    expectPdfContains(d.pdf, ["Thạnh An, ngày 06 tháng 4 năm 2020"]);
  });
});

// ---------------------------------------------------------------- issue 9, points 7–9

/** The lines of the header block: everything before the type name. */
const headerOf = (text: string, typeName = "KẾ HOẠCH") => text.slice(0, text.indexOf(typeName));

describe("Each body prints in its own system's format (issue 9, point 7)", () => {
  it("the Front's plan: its own full name, quốc hiệu and tiêu ngữ, a State-style number, TM. — no Party title, no Đảng ủy above it", async () => {
    const d = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "mttq-thanh-an", 2020)}`);
    for (const text of [d.docx.text, d.pdf]) {
      expect(text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(headerOf(text)).not.toContain("ĐẢNG ỦY");
      expect(headerOf(text)).not.toMatch(/^\*$/m);
    }
    expectDocxContains(headerOf(d.docx.text), ["ỦY BAN MTTQ VIỆT NAM\nXÃ THẠNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(d.docx.text).toMatch(/Số: \d\d\/KH-MTTQ/);
    expectDocxContains(d.docx.text, ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"]);
    expectPdfContains(d.pdf, ["ỦY BAN MTTQ VIỆT NAM", "XÃ THẠNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TM. BAN THƯỜNG TRỰC"]);
  });

  it("the associations (Hội LHPN, Hội Nông dân, Hội CCB) print as the Front's members, with their own name", async () => {
    for (const [code, name, symbol] of [
      ["hpn-thanh-an", "HỘI LIÊN HIỆP PHỤ NỮ\nXÃ THẠNH AN", "HPN"],
      ["hnd-thanh-an", "HỘI NÔNG DÂN\nXÃ THẠNH AN", "HND"],
      ["hccb-thanh-an", "HỘI CỰU CHIẾN BINH\nXÃ THẠNH AN", "HCCB"],
    ] as const) {
      const d = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, code, 2020)}`);
      expect(d.docx.text, code).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(d.pdf, code).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
      expect(headerOf(d.docx.text), code).not.toContain("ĐẢNG ỦY");
      expectDocxContains(headerOf(d.docx.text), [name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
      expect(d.docx.text, code).toMatch(new RegExp(`Số: \\d\\d/KH-${symbol}`));
      expect(d.docx.text, code).toMatch(/^TM\. /m);
    }
  });

  it("the Youth Union's plan: ĐOÀN TNCS HỒ CHÍ MINH top right, its Ban Chấp hành and *** top left, Số: …-KH/ĐTN", async () => {
    const d = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "dtn-thanh-an", 2020)}`);
    expect(d.docx.text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(d.pdf).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expectDocxContains(headerOf(d.docx.text), ["BCH ĐOÀN XÃ THẠNH AN", "***", "ĐOÀN TNCS HỒ CHÍ MINH"]);
    expect(headerOf(d.docx.text)).not.toContain("ĐẢNG ỦY");
    expect(d.docx.text).toMatch(/Số: \d\d-KH\/ĐTN/);
    expectDocxContains(d.docx.text, ["TM. BAN CHẤP HÀNH", "BÍ THƯ"]);
    expectPdfContains(d.pdf, ["ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ THẠNH AN", "***"]);
  });

  it("the plan page shows the same header, and a new Youth Union plan is prefilled for its Bí thư", async () => {
    const page = await (await as("xa.bithu")).get(`/api/plans/${await demoPlanId(ctx.db, ctx.units, "mttq-thanh-an", 2020)}`);
    expect(page.body).toMatchObject({ superiorBody: null, issuingBody: "ỦY BAN MTTQ VIỆT NAM\nXÃ THẠNH AN" });
    expect(page.body.numberLine).toMatch(/^Số: \d\d\/KH-MTTQ$/);
    const draft = prefillFromParent({
      parent: { id: "p", symbol: "236-KH/ĐU", date: "2020-03-02", subject: "Phát động thi đua", place: "Thạnh An", unitName: "Đảng ủy xã Thạnh An" },
      unit: { kind: "mass_organization", name: "Đoàn TNCS Hồ Chí Minh xã Thạnh An", shortName: null },
      office: null,
      signer: null,
      number: 1,
      date: "2020-03-12",
    });
    expect(draft.signatureTitles).toEqual(["T/M BAN CHẤP HÀNH", "BÍ THƯ"]);
    expect(draft.sections[2]!.responsibilities[0]!.text).toMatch(/^Bí thư Đoàn /);
  });
});

describe("Party superior lines, signers and the commune's tờ trình (issue 9, point 8)", () => {
  it("a cell's documents name the Party organisation above it, ĐẢNG BỘ XÃ THẠNH AN, never the committee", async () => {
    const plan = await both("th.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020)}`);
    const report = await both("thanhhoa.bithu", `/api/reports/${campaign2020}/units/${unit("cb-ap-thanh-hoa")}`);
    for (const [text, type] of [[plan.docx.text, "KẾ HOẠCH"], [plan.pdf, "KẾ HOẠCH"], [report.docx.text, "BÁO CÁO"], [report.pdf, "BÁO CÁO"]] as const) {
      expect(headerOf(text, type)).toContain("ĐẢNG BỘ XÃ THẠNH AN");
      expect(headerOf(text, type)).not.toContain("ĐẢNG ỦY XÃ THẠNH AN");
    }
  });

  it("the commune's plan, issued by its Ban Thường vụ, is signed T/M BAN THƯỜNG VỤ", async () => {
    const d = await both("xa.bithu", `/api/plans/${await demoPlanId(ctx.db, ctx.units, "xa-thanh-an", 2020)}`);
    expectDocxContains(d.docx.text, ["Ban Thường vụ Đảng ủy xã Thạnh An xây dựng kế hoạch", "T/M BAN THƯỜNG VỤ"]);
    expect(d.docx.text).not.toContain("T/M ĐẢNG ỦY");
    expectPdfContains(d.pdf, ["T/M BAN THƯỜNG VỤ"]);
    expect(d.pdf).not.toContain("T/M ĐẢNG ỦY");
  });

  it("the commune's tờ trình goes to the Ban Thường vụ Huyện ủy and lists the proposals it approved", async () => {
    const approved = await ctx.db.query<{ name: string }>(
      `SELECT COALESCE(pe.full_name, p.collective_name, m.name) AS name FROM commendation_proposals p
         LEFT JOIN persons pe ON pe.id = p.person_id LEFT JOIN models m ON m.id = p.model_id
        WHERE p.campaign_id = $1 AND p.status = 'approved'`,
      [campaign2020],
    );
    expect(approved.length).toBeGreaterThan(0);
    const d = await both("xa.bithu", `/api/commendations/${campaign2020}/units/${unit("xa-thanh-an")}`);
    expectDocxContains(d.docx.text, ["Kính gửi: Ban Thường vụ Huyện ủy Cần Giờ", "Kính trình Ban Thường vụ Huyện ủy Cần Giờ xem xét, quyết định./."]);
    expect(d.docx.text).not.toContain("Đảng bộ huyện Cần Giờ xem xét");
    expect(d.docx.text).not.toContain("Chưa có đề xuất tuyên dương");
    const names = tableRows(d.docx.xml, "Thành tích tiêu biểu").slice(1).map((r) => r[1]);
    for (const a of approved) expect(names).toContain(a.name);
    expectPdfContains(d.pdf, ["Kính gửi: Ban Thường vụ Huyện ủy Cần Giờ", ...approved.map((a) => a.name)]);
  });
});

describe("Unbreakable spans and keep-with-next (issue 9, point 9)", () => {
  it("the cell plan draws its numbers and quotations whole: no justified gap or line break inside “236-KH/ĐU” or “5 không”", async () => {
    const client = await as("th.bithu");
    const url = `/api/plans/${await demoPlanId(ctx.db, ctx.units, "cb-tieu-hoc-thanh-an", 2020)}`;
    const fragments = extractPdfFragments((await client.get(`${url}/export.pdf`)).raw).map((f) => f.trim());
    expect(fragments).toContain("số 236-KH/ĐU");
    expect(fragments).toContain("Số 01-KH/CB");
    expect(fragments.some((f) => f.startsWith("“5 không”"))).toBe(true);
    expect(fragments).not.toContain("236-");
    const docx = await readDocx((await client.get(`${url}/export.docx`)).raw);
    // Word: non-breaking hyphen, a word joiner after the slash, non-breaking spaces inside the quotation.
    expect(docx.xml).toContain("236</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">KH/\u2060ĐU");
    expect(docx.xml).toContain("“5\u00a0không”");
    expect(docx.xml).toContain("XÃ\u00a0THẠNH\u00a0AN");
  });

  it("no heading ends a page: the Q3 supervision report carries “IV. Đề xuất, kiến nghị” over with its text", async () => {
    const id = (await ctx.db.query<{ id: string }>("SELECT id FROM supervision_reports WHERE unit_id = $1 AND status = 'draft' ORDER BY period_start LIMIT 1", [unit("cb-tieu-hoc-thanh-an")]))[0]!.id;
    const d = await both("th.bithu", `/api/supervision/reports/${id}`);
    const headings = d.docx.lines.filter((l) => /^(?:[IVX]+|\d+)\. \S/.test(l));
    expect(headings).toContain("IV. Đề xuất, kiến nghị");
    const pages = d.pdf.split("\f");
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      const lines = page.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^\d+$/.test(l));
      expect(headings, `page ${i + 1} ends with a heading`).not.toContain(lines.at(-1));
    }
    // Word keeps a heading with the next paragraph.
    const para = [...d.docx.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes("IV. Đề xuất, kiến nghị"))!;
    expect(para).toContain("<w:keepNext/>");
  });
});
