import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, signIn, type Client, type TestContext } from "../../test/support.js";
import { downloadBoth, expectDocxContains, expectPdfContains, tableRows } from "./documents.test-support.js";

/**
 * The documents a member signs and the cell's meeting minutes (issue 9, point 14): the phiếu đăng ký
 * cá nhân, the bản tự kiểm điểm, the biên bản of the evaluation meeting — downloaded as DOCX and PDF
 * by the member and the cell's secretary, read back and checked against the demo data.
 */
let ctx: TestContext;
const clients: Record<string, Client> = {};
const as = async (username: string) => (clients[username] ??= await signIn(ctx.app, username));
const both = async (username: string, url: string) => downloadBoth(await as(username), url);

let campaign2020: string;
const unit = (code: string) => ctx.units[code]!;
const school = () => unit("cb-tieu-hoc-thanh-an");

beforeAll(async () => {
  ctx = await setupTestApp();
  campaign2020 = (await ctx.db.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [unit("xa-thanh-an")]))[0]!.id;
});
afterAll(() => ctx.close());

const registrationOf = async (name: string) =>
  (
    await ctx.db.query<{ id: string; status: string }>(
      "SELECT r.id, r.status FROM registrations r JOIN persons p ON p.id = r.person_id WHERE r.campaign_id = $1 AND r.unit_id = $2 AND p.full_name = $3",
      [campaign2020, school(), name],
    )
  )[0]!;
const evaluationId = async () => (await ctx.db.query<{ id: string }>("SELECT id FROM evaluations WHERE campaign_id = $1 AND unit_id = $2", [campaign2020, school()]))[0]!.id;
const personId = async (name: string) => (await ctx.db.query<{ id: string }>("SELECT id FROM persons WHERE full_name = $1", [name]))[0]!.id;

describe("Phiếu đăng ký cá nhân (the member's registration form as signed)", () => {
  it("the member's own approved form: who, every action per criterion with place, time and target, the model, the commitment, both signatures", async () => {
    const reg = await registrationOf("Đỗ Thanh Tâm");
    expect(reg.status).toBe("approved");
    const d = await both("th.gv07", `/api/registrations/${reg.id}`);
    expect(d.docxName).toBe("Phiếu đăng ký - Đỗ Thanh Tâm - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    const commitments = await ctx.db.query<{ action: string; code: string; target: string | null }>(
      "SELECT c.action, ci.code, c.target FROM commitments c JOIN criterion_items ci ON ci.id = c.criterion_item_id WHERE c.registration_id = $1",
      [reg.id],
    );
    const signed = (await ctx.db.query<{ d: string }>("SELECT to_char(COALESCE(first_submitted_at, submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS d FROM registrations WHERE id = $1", [reg.id]))[0]!.d;
    const [y, m, day] = signed.split("-");
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      `Thạnh An, ngày ${day} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`,
      "PHIẾU ĐĂNG KÝ",
      "Việc làm thiết thực, mô hình “Dân vận khéo”",
      "Họ và tên: Đỗ Thanh Tâm",
      "Chức vụ: Đảng viên, Giáo viên, Tổng phụ trách Đội",
      "Đơn vị: Chi bộ Trường Tiểu học Thạnh An",
      "Thực hiện Kế hoạch số 01-KH/CB ngày 05 tháng 3 năm 2020 của Chi bộ Trường Tiểu học Thạnh An",
      "I. Việc làm thiết thực",
      "II. Mô hình “Dân vận khéo”",
      "Tôi cam kết thực hiện đầy đủ, đúng thời hạn các nội dung đã đăng ký",
      "XÁC NHẬN CỦA CHI BỘ",
      "BÍ THƯ",
      "Lê Hữu Bình",
      "NGƯỜI ĐĂNG KÝ",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    expect(d.docx.text).not.toContain("DỰ THẢO");
    const rows = tableRows(d.docx.xml, "Việc làm thiết thực");
    expect(rows[0]).toEqual(["STT", "Tiêu chí, nội dung", "Việc làm thiết thực", "Địa điểm", "Thời gian thực hiện", "Chỉ tiêu"]);
    expect(rows).toHaveLength(commitments.length + 1);
    for (const c of commitments) {
      const row = rows.find((r) => r[2] === c.action)!;
      expect(row[1]!.startsWith(`${c.code}. `)).toBe(true);
      expect(row[5]).toBe(c.target ?? "");
    }
    // The time column is the start and the deadline as dates, never the app's own states.
    expect(rows.slice(1).every((r) => /^(\d{2}\/\d{2}\/\d{4} – )?\d{2}\/\d{2}\/\d{4}$|^đến /.test(r[4]!))).toBe(true);
    expect(d.docx.text).not.toMatch(/Đã duyệt|Chờ duyệt|approved/);
    // The secretary's and the member's names stand on one line under their two signatures.
    const closing = d.docx.xml.split("<w:tbl>").at(-1)!;
    const lineOf = (name: string) =>
      [...closing.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].findIndex((p) => p[0].includes(`>${name}<`))).find((i) => i >= 0);
    expect(lineOf("Lê Hữu Bình")).toBeGreaterThan(0);
    expect(lineOf("Lê Hữu Bình")).toBe(lineOf("Đỗ Thanh Tâm"));
  });

  it("a form still awaiting approval is an undated DỰ THẢO; the cell's secretary gets it, another member and another cell get 404", async () => {
    const hoa = await registrationOf("Bùi Thị Ngọc");
    expect(hoa.status).toBe("submitted");
    const d = await both("th.bithu", `/api/registrations/${hoa.id}`);
    expectDocxContains(d.docx.text, ["DỰ THẢO", "Thạnh An, ngày     tháng     năm", "Họ và tên: Bùi Thị Ngọc", "NGƯỜI ĐĂNG KÝ", "Bùi Thị Ngọc"]);
    expect((await (await as("th.gv07")).get(`/api/registrations/${hoa.id}/export.docx`)).status).toBe(404);
    expect((await (await as("thanhhoa.bithu")).get(`/api/registrations/${hoa.id}/export.pdf`)).status).toBe(404);
  });
});

describe("Bản tự kiểm điểm (the member's self-assessment form)", () => {
  it("the member's own: actions and their outcomes, the violation that broke one, the self-assessment text, the self-rating, signatures", async () => {
    const d = await both("th.gv04", `/api/self-assessments/${campaign2020}/units/${school()}`);
    expect(d.docxName).toBe("Bản tự kiểm điểm - Huỳnh Thị Lan - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    const NEEDLES = [
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "Thạnh An, ngày 25 tháng 11 năm 2020",
      "BẢN TỰ KIỂM ĐIỂM",
      "Họ và tên: Huỳnh Thị Lan",
      "I. Kết quả thực hiện các việc làm đã đăng ký",
      "II. Tự đánh giá",
      "Vận động được 100% phụ huynh lớp 2B ký cam kết phân loại rác.",
      "III. Tự nhận mức xếp loại",
      "Tự nhận mức: Hoàn thành nhiệm vụ; tự chấm 65 điểm.",
      "NGƯỜI TỰ KIỂM ĐIỂM",
      "XÁC NHẬN CỦA CHI BỘ",
      "Lê Hữu Bình",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    expect(d.docx.text).not.toContain("DỰ THẢO");
    // The cell has not signed off: no rating of the cell on the member's form yet.
    expect(d.docx.text).not.toContain("Chi bộ đánh giá, xếp loại");
    const rows = tableRows(d.docx.xml, "Kết quả");
    expect(rows[0]).toEqual(["STT", "Tiêu chí, nội dung", "Việc làm đã đăng ký", "Thời hạn", "Kết quả"]);
    const traffic = rows.find((r) => r[1]!.startsWith("IV.2."))!;
    expect(traffic[4]).toMatch(/^Không đạt: có vi phạm \(.*14\/08\/2020\)$/);
    expect(rows.slice(1).filter((r) => r !== traffic).every((r) => r[4] === "Đạt")).toBe(true);
  });

  it("the cell's secretary downloads a member's from the evaluation; a member gets 403 as on the evaluation page, another cell 404", async () => {
    const url = `/api/evaluations/${await evaluationId()}/members/${await personId("Đỗ Thanh Tâm")}`;
    const d = await both("th.bithu", url);
    expectDocxContains(d.docx.text, ["Họ và tên: Đỗ Thanh Tâm", "Tự nhận mức: Hoàn thành xuất sắc nhiệm vụ; tự chấm 95 điểm.", "Thư viện xanh"]);
    const rows = tableRows(d.docx.xml, "Kết quả");
    expect(rows.map((r) => r[4])).toContain("Đạt, vượt chỉ tiêu");
    expect((await (await as("th.gv04")).get(`${url}/export.pdf`)).status).toBe(403);
    expect((await (await as("thanhhoa.bithu")).get(`${url}/export.docx`)).status).toBe(404);
  });

  it("a member without a self-assessment gets the blank form to fill in, undated, DỰ THẢO", async () => {
    const d = await both("th.gv05", `/api/self-assessments/${campaign2020}/units/${school()}`);
    expectDocxContains(d.docx.text, ["DỰ THẢO", "Thạnh An, ngày     tháng     năm", "Họ và tên: Đặng Văn Hùng", "Tự nhận mức: ……"]);
    expect((await (await as("thanhhoa.bithu")).get(`/api/self-assessments/${campaign2020}/units/${school()}/export.docx`)).status).toBe(404);
  });
});

describe("Biên bản họp chi bộ đánh giá, xếp loại (minutes of the evaluation meeting)", () => {
  it("time, place and attendance to fill in, the chair, the content with every member's agreed rating and the vote, both signatures", async () => {
    const d = await both("th.bithu", `/api/evaluations/${await evaluationId()}/minutes`);
    expect(d.docxName).toBe("Biên bản họp đánh giá, xếp loại - Chi bộ Trường Tiểu học Thạnh An - 2020.docx");
    const NEEDLES = [
      "ĐẢNG BỘ XÃ THẠNH AN",
      "CHI BỘ TRƯỜNG TIỂU HỌC",
      "DỰ THẢO",
      "BIÊN BẢN",
      "Họp chi bộ đánh giá, xếp loại đảng viên",
      "I. Thành phần",
      "Tổng số đảng viên của chi bộ: 12 đồng chí. Có mặt: …… đồng chí",
      "Chủ trì: Đồng chí Lê Hữu Bình, Bí thư Chi bộ",
      "Thư ký: ……",
      "II. Nội dung",
      "3. Chi bộ biểu quyết xếp loại từng đảng viên như sau:",
      "Kết quả: hoàn thành xuất sắc nhiệm vụ: 1 đồng chí (8,3%)",
      "không hoàn thành nhiệm vụ: 0 đồng chí (0%); chưa xếp loại: 8 đồng chí.",
      "III. Kết thúc",
      "CHỦ TRÌ",
      "THƯ KÝ",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    const rows = tableRows(d.docx.xml, "Chi bộ xếp loại");
    expect(rows[0]).toEqual(["STT", "Họ và tên", "Chức vụ", "Việc làm đạt", "Tự xếp loại", "Chi bộ xếp loại", "Số tán thành"]);
    expect(rows).toHaveLength(13);
    const tam = rows.find((r) => r[1] === "Đỗ Thanh Tâm")!;
    expect(tam.slice(4)).toEqual(["Hoàn thành xuất sắc", "Hoàn thành xuất sắc", "……/12"]);
    const lan = rows.find((r) => r[1] === "Huỳnh Thị Lan")!;
    expect(lan[5]).toBe("Hoàn thành");
  });

  it("dated the day the cell signs off, and no longer a draft; another cell gets 404", async () => {
    const id = await evaluationId();
    await ctx.db.query("UPDATE evaluations SET status = 'cell_approved', cell_approved_at = '2020-12-05T03:00:00Z' WHERE id = $1", [id]);
    try {
      const d = await both("th.bithu", `/api/evaluations/${id}/minutes`);
      expectDocxContains(d.docx.text, ["Thạnh An, ngày 05 tháng 12 năm 2020", "Vào lúc …… giờ …… phút, ngày 05 tháng 12 năm 2020"]);
      expect(d.docx.text).not.toContain("DỰ THẢO");
      // Once the cell has signed off, the member's own form shows the cell's rating.
      const lan = await both("th.gv04", `/api/self-assessments/${campaign2020}/units/${school()}`);
      expectDocxContains(lan.docx.text, ["Chi bộ đánh giá, xếp loại: Hoàn thành nhiệm vụ."]);
    } finally {
      await ctx.db.query("UPDATE evaluations SET status = 'draft', cell_approved_at = NULL WHERE id = $1", [id]);
    }
    expect((await (await as("thanhhoa.bithu")).get(`/api/evaluations/${id}/minutes/export.docx`)).status).toBe(404);
  });
});

describe("Quyết định khen thưởng, danh sách kèm theo, giấy khen (the commendation decision and certificate)", () => {
  const hamletProposal = async () =>
    (await ctx.db.query<{ id: string }>("SELECT id FROM commendation_proposals WHERE campaign_id = $1 AND unit_id = $2 AND status = 'approved'", [campaign2020, unit("cb-ap-thanh-hoa")]))[0]!.id;

  it("the commune's Ban Thường vụ decides, numbered by the clerk, dated the last approval; the list of the commended on its own page", async () => {
    const d = await both("xa.bithu", `/api/commendations/${campaign2020}/units/${unit("xa-thanh-an")}/decision`);
    expect(d.docxName).toBe("Quyết định khen thưởng - Đảng ủy xã Thạnh An - 2020.docx");
    const NEEDLES = [
      "ĐẢNG BỘ HUYỆN CẦN GIỜ",
      "ĐẢNG ỦY XÃ THẠNH AN",
      "Số     -QĐ/ĐU",
      "Thạnh An, ngày 08 tháng 12 năm 2020",
      "QUYẾT ĐỊNH",
      "Về việc tặng Giấy khen",
      "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ THẠNH AN",
      "Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An",
      "Xét đề nghị của Chi bộ ấp Thạnh Hòa,",
      "QUYẾT ĐỊNH:",
      "Điều 1. Tặng Giấy khen cho 1 mô hình “Dân vận khéo” (có danh sách kèm theo)",
      "Điều 3. ",
      "T/M BAN THƯỜNG VỤ",
      "BÍ THƯ",
      "Phan Văn Quang",
      "- Như Điều 3;",
      "- Lưu VPĐU.",
      "DANH SÁCH",
      "(Kèm theo Quyết định số     -QĐ/ĐU, ngày 08 tháng 12 năm 2020 của Ban Thường vụ Đảng ủy xã Thạnh An)",
    ];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES.map((n) => n.replace(/[Ss]ố {5}-/, (m) => m.replace(/\s+/, " "))));
    expect(d.docx.text).not.toContain("DỰ THẢO");
    // The list starts a new page after the signature.
    expect(d.docx.xml).toMatch(/<w:pageBreakBefore\/>[\s\S]*DANH SÁCH/);
    expect(d.pdf.split("\f").find((page) => page.includes("DANH SÁCH"))).not.toContain("T/M BAN THƯỜNG VỤ");
    const rows = tableRows(d.docx.xml, "Thành tích");
    expect(rows[0]).toEqual(["STT", "Cá nhân, tập thể, mô hình", "Đối tượng", "Đơn vị", "Thành tích"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe("Chi bộ ấp Thạnh Hòa");
    expect(rows[1]![4]).toContain("Tuyến đường hoa không rác");
    // The school cell's proposal still awaits the commune: not in the decision.
    expect(d.docx.text).not.toContain("Đỗ Thanh Tâm");
  });

  it("a cell's secretary cannot download the commune's decision", async () => {
    expect((await (await as("thanhhoa.bithu")).get(`/api/commendations/${campaign2020}/units/${unit("xa-thanh-an")}/decision/export.docx`)).status).toBe(404);
  });

  it("the certificate of an approved proposal, issued and signed by the committee that approved it; none for a proposal awaiting approval", async () => {
    const d = await both("thanhhoa.bithu", `/api/commendations/${await hamletProposal()}/certificate`);
    expect(d.docx.xml).toMatch(/w:orient="landscape"/);
    const NEEDLES = ["ĐẢNG ỦY XÃ THẠNH AN", "GIẤY KHEN", "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ THẠNH AN", "TẶNG", "Mô hình “Tuyến đường hoa không rác” ấp Thạnh Hòa", "Mô hình “Dân vận khéo” của Chi bộ ấp Thạnh Hòa", "Đã có thành tích tiêu biểu trong thực hiện", "Quyết định số     -QĐ/ĐU, ngày 08 tháng 12 năm 2020", "T/M BAN THƯỜNG VỤ", "Phan Văn Quang"];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    expect(d.docx.text).not.toContain("Mô hình “Mô hình");
    const tam = (await ctx.db.query<{ id: string }>("SELECT id FROM commendation_proposals WHERE campaign_id = $1 AND unit_id = $2", [campaign2020, school()]))[0]!.id;
    expect((await (await as("th.bithu")).get(`/api/commendations/${tam}/certificate/export.docx`)).status).toBe(409);
    expect((await (await as("th.bithu")).get(`/api/commendations/${await hamletProposal()}/certificate/export.docx`)).status).toBe(404);
  });
});

describe("Bảng tổng hợp đánh giá, xếp loại của các chi bộ (the commune's rating summary)", () => {
  const url = () => `/api/evaluations/summary/${campaign2020}/units/${unit("xa-thanh-an")}`;

  it("one row per cell under the commune with its members, rated and the count per rating, a total row; a draft until the commune approves every cell", async () => {
    const d = await both("xa.bithu", url());
    expect(d.docxName).toBe("Bảng tổng hợp đánh giá, xếp loại các chi bộ - Đảng ủy xã Thạnh An - 2020.docx");
    expect(d.docx.xml).toMatch(/w:orient="landscape"/);
    const NEEDLES = ["ĐẢNG BỘ HUYỆN CẦN GIỜ", "ĐẢNG ỦY XÃ THẠNH AN", "DỰ THẢO", "BẢNG TỔNG HỢP", "Kết quả đánh giá, xếp loại đảng viên của các chi bộ", "T/M ĐẢNG ỦY", "Phan Văn Quang"];
    expectDocxContains(d.docx.text, NEEDLES);
    expectPdfContains(d.pdf, NEEDLES);
    const rows = tableRows(d.docx.xml, "Chi bộ tự xếp loại");
    expect(rows[0]).toEqual(["STT", "Chi bộ", "Số đảng viên", "Đã xếp loại", "Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành", "Chi bộ tự xếp loại", "Tình trạng"]);
    const school = rows.find((r) => r[1] === "Chi bộ Trường Tiểu học Thạnh An")!;
    expect(school.slice(2, 8)).toEqual(["12", "4", "1 (25%)", "2 (50%)", "1 (25%)", "0 (0%)"]);
    expect(school[9]).toBe("Đang đánh giá");
    const cells = await ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM units u JOIN units_latest(current_date) l ON l.unit_id = u.id WHERE l.parent_id = $1 AND u.kind = 'party_cell'",
      [unit("xa-thanh-an")],
    );
    expect(rows).toHaveLength(cells[0]!.n + 2);
    expect(rows.at(-1)![1]).toBe("Cộng");
    expect(rows.at(-1)![4]).toBe("1 (25%)");
    expect(d.docx.text).toContain("Chưa được duyệt: ");
    expectDocxContains(d.docx.text, ["Toàn Đảng bộ xã Thạnh An: ", "- Ban Thường vụ Huyện ủy Cần Giờ;"]);
  });

  it("a cell's secretary cannot download the commune's summary", async () => {
    expect((await (await as("th.bithu")).get(`${url()}/export.docx`)).status).toBe(404);
  });
});
