/**
 * Demo data of slice B (runs after the campaigns seeder, which it finds by SELECT): the school
 * cell's 2020 registration sheet in every state — most approved, one awaiting approval (late),
 * one returned with a reason, one draft, one member not registered, one member without IV.2 —
 * with models, progress updates and evidence files; Chi bộ ấp Thạnh Hòa's sheet; the school
 * cell's collective registration; and a few 2026 registrations (th.gv01…th.gv06 left
 * unregistered for the browser stories).
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { Tx } from "../../db/client.js";
import type { DemoIds } from "../../db/seed/demo-organisation.js";
import { addDemoSeeder } from "../../db/seed/demo.js";
import { notify } from "../notifications/notifications.service.js";
import { refreshAllCommitmentOutcomes } from "./commitments.js";

const at = (date: string, time = "08:00") => new Date(`${date}T${time}:00+07:00`);

// ---------------------------------------------------------------- small demo files

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A small RGB PNG drawn by `pixel` (a stand-in photo: sky, ground, a few boxes). */
function demoPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** "Thư viện xanh": green shelves with coloured books. */
const libraryPhoto = () =>
  demoPng(240, 160, (x, y) => {
    if (y > 130) return [120, 85, 50];
    const shelf = y % 40;
    if (shelf > 34) return [34, 110, 60];
    if (x % 24 < 18 && shelf > 6) return [[200, 60, 60], [60, 120, 200], [230, 180, 40], [90, 170, 90]][(Math.floor(x / 24) + Math.floor(y / 40)) % 4] as [number, number, number];
    return [230, 240, 225];
  });

/** A school yard after the Saturday clean-up: sky, trees, clean ground. */
const yardPhoto = () =>
  demoPng(240, 160, (x, y) => {
    if (y < 60) return [150, 200, 240];
    const tree = Math.hypot((x % 60) - 30, y - 60) < 22;
    if (tree) return [40, 130, 60];
    if (y < 70) return [110, 90, 60];
    return [205, 190, 160];
  });

/** A one-page PDF (ASCII text, built by hand so the seed needs no fonts). */
function demoPdf(lines: string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 60 ${760 - i * 20} Td (${l.replace(/[()\\]/g, "")}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

// ---------------------------------------------------------------- the registrations

type Status = "draft" | "submitted" | "approved" | "returned";
type ProgressStatus = "not_started" | "in_progress" | "achieved" | "not_achieved";

interface DemoCommitment {
  item: string;
  action: string;
  target: string;
  place?: string;
  start?: string;
  deadline: string;
  progress?: { status: ProgressStatus; note: string; on: string; file?: { name: string; make: () => Buffer } }[];
}

interface DemoModel {
  name: string;
  field: "economy" | "culture_society" | "defence_security" | "political_system";
  address: string;
  content: string;
  expectedResult: string;
  participants: string;
}

interface DemoRegistration {
  person?: string;
  collective?: string;
  unit: string;
  status: Status;
  created: string;
  submitted?: string;
  reviewed?: string;
  returnReason?: string;
  commitments: DemoCommitment[];
  models?: DemoModel[];
}

const SCHOOL = "Trường Tiểu học Thạnh An";

/** A 2020 commitment at the school (most of them): the period and place default, progress when given. */
function schoolCommitment(
  c: Pick<DemoCommitment, "item" | "action" | "target"> & Partial<Pick<DemoCommitment, "place" | "start" | "deadline">>,
  progress?: DemoCommitment["progress"],
): DemoCommitment {
  return { place: SCHOOL, start: "2020-03-15", deadline: "2020-11-30", ...c, ...(progress ? { progress } : {}) };
}

/** IV.2 as almost every member writes it. */
const traffic = (deadline: string, progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "IV.2",
      action: "Chấp hành nghiêm Luật Giao thông đường bộ: đội mũ bảo hiểm, không sử dụng rượu bia khi điều khiển phương tiện",
      target: "Không vi phạm luật giao thông (0 lỗi) trong suốt đợt thi đua",
      place: "Trên địa bàn xã Thạnh An và khi đi công tác",
      start: deadline.slice(0, 4) === "2020" ? "2020-03-15" : "2026-04-01",
      deadline,
    },
    progress,
  );

const cleanUp = (progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "III.2",
      action: "Tổng vệ sinh lớp học, sân trường sáng thứ Bảy; hướng dẫn học sinh phân loại rác tại lớp",
      target: "4 buổi mỗi tháng; 100% lớp chủ nhiệm có thùng phân loại rác",
    },
    progress,
  );

const poorPupils = (target: string, progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "I.4",
      action: "Vận động quyên góp sách vở, áo trắng, học bổng cho học sinh thuộc hộ nghèo, cận nghèo",
      target,
      deadline: "2020-09-30",
    },
    progress,
  );

const friendly = (progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "II.4",
      action: "Niềm nở, tận tình hướng dẫn phụ huynh khi đến liên hệ công việc tại trường; trả lời phản ánh trong 2 ngày làm việc",
      target: "Không có phản ánh không hài lòng của phụ huynh",
    },
    progress,
  );

const trafficTalk = (progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "IV.1",
      action: "Tuyên truyền an toàn giao thông cho học sinh trong giờ chào cờ và sinh hoạt lớp",
      target: "2 buổi mỗi học kỳ",
    },
    progress,
  );

const mediation = (progress?: DemoCommitment["progress"]): DemoCommitment =>
  schoolCommitment(
    {
      item: "V.5",
      action: "Tham gia tổ hòa giải và nắm tình hình dư luận ở ấp nơi cư trú",
      target: "Tham gia đủ các buổi hòa giải được mời; không để gia đình có người khiếu kiện đông người",
      place: "Ấp nơi cư trú",
    },
    progress,
  );

const LIBRARY_MODEL: DemoModel = {
  name: "Mô hình “Thư viện xanh” vận động học sinh không xả rác",
  field: "culture_society",
  address: `${SCHOOL}, ấp Thạnh Hòa, xã Thạnh An`,
  content: "Học sinh thu gom giấy vụn, chai nhựa đổi lấy sách tại “Thư viện xanh” của trường; mỗi lớp một góc phân loại rác; Liên đội chấm điểm lớp sạch hằng tuần.",
  expectedResult: "Sân trường, lớp học không còn rác; mỗi học kỳ thu gom ít nhất 200 kg giấy vụn, chai nhựa; bổ sung 150 đầu sách cho thư viện",
  participants: "Liên đội, học sinh khối 3 – 5, giáo viên chủ nhiệm",
};

function schoolSheet2020(): DemoRegistration[] {
  const s = "cb-tieu-hoc-thanh-an";
  return [
    {
      person: "Lê Hữu Bình",
      unit: s,
      status: "approved",
      created: "2020-03-10",
      submitted: "2020-03-11",
      reviewed: "2020-03-12",
      commitments: [
        friendly([{ status: "achieved", note: "Cả năm học không có phản ánh của phụ huynh; tiếp 46 lượt phụ huynh.", on: "2020-11-20" }]),
        traffic("2020-11-30", [{ status: "achieved", note: "Hết đợt thi đua không vi phạm luật giao thông.", on: "2020-11-25" }]),
        { item: "V.1", action: "Quán triệt chủ trương, pháp luật trong sinh hoạt chi bộ và họp hội đồng sư phạm", target: "Mỗi tháng 1 lần", place: SCHOOL, start: "2020-03-15", deadline: "2020-11-30" },
      ],
    },
    {
      person: "Trần Thị Mai",
      unit: s,
      status: "approved",
      created: "2020-03-10",
      submitted: "2020-03-12",
      reviewed: "2020-03-13",
      commitments: [
        poorPupils("10 suất học bổng, 30 bộ sách giáo khoa", [
          { status: "in_progress", note: "Đã vận động được 6 suất học bổng và 18 bộ sách.", on: "2020-06-05" },
          { status: "achieved", note: "Trao 10 suất học bổng, 32 bộ sách giáo khoa trong lễ khai giảng.", on: "2020-09-05" },
        ]),
        traffic("2020-11-30", [{ status: "in_progress", note: "Đến tháng 9 chưa vi phạm.", on: "2020-09-30" }]),
        cleanUp(),
      ],
    },
    {
      person: "Nguyễn Văn An",
      unit: s,
      status: "approved",
      created: "2020-03-12",
      submitted: "2020-03-16",
      reviewed: "2020-03-18",
      commitments: [
        cleanUp([{ status: "in_progress", note: "Lớp 4A tổng vệ sinh đủ 4 buổi trong tháng 4.", on: "2020-04-30", file: { name: "tong-ve-sinh-lop-4A.png", make: yardPhoto } }]),
        traffic("2020-11-30"),
        trafficTalk([{ status: "achieved", note: "Đã tổ chức 2 buổi tuyên truyền trong học kỳ II.", on: "2020-05-20" }]),
      ],
    },
    {
      person: "Phạm Thị Hoa",
      unit: s,
      status: "approved",
      created: "2020-03-12",
      submitted: "2020-03-17",
      reviewed: "2020-03-18",
      commitments: [
        poorPupils("5 bộ áo trắng, 20 quyển tập", [{ status: "not_achieved", note: "Chỉ vận động được 2 bộ áo trắng do ảnh hưởng dịch Covid-19.", on: "2020-09-28" }]),
        traffic("2020-11-30", [{ status: "in_progress", note: "Chưa vi phạm.", on: "2020-07-01" }]),
        friendly(),
      ],
    },
    {
      person: "Võ Minh Tuấn",
      unit: s,
      status: "approved",
      created: "2020-03-11",
      submitted: "2020-03-13",
      reviewed: "2020-03-16",
      commitments: [
        trafficTalk([{ status: "in_progress", note: "Công đoàn phối hợp Công an xã tuyên truyền 1 buổi.", on: "2020-04-10" }]),
        traffic("2020-11-30"),
        mediation(),
      ],
      models: [
        {
          name: "Mô hình “Cổng trường an toàn giao thông”",
          field: "defence_security",
          address: `Cổng ${SCHOOL}`,
          content: "Giáo viên và phụ huynh tình nguyện trực cổng giờ tan học, hướng dẫn đậu xe đúng nơi quy định, nhắc học sinh đội mũ bảo hiểm khi ngồi sau xe máy.",
          expectedResult: "Không xảy ra va chạm, ùn tắc trước cổng trường; 100% học sinh đội mũ bảo hiểm",
          participants: "Công đoàn trường, Ban đại diện cha mẹ học sinh, Công an xã",
        },
      ],
    },
    {
      person: "Huỳnh Thị Lan",
      unit: s,
      status: "approved",
      created: "2020-03-13",
      submitted: "2020-03-20",
      reviewed: "2020-03-23",
      commitments: [
        { item: "III.1", action: "Vận động phụ huynh lớp chủ nhiệm phân loại rác tại nguồn, không xả rác ra kênh rạch", target: "100% phụ huynh lớp 2B ký cam kết", place: "Ấp Thạnh Hòa", start: "2020-03-20", deadline: "2020-10-31" },
        traffic("2020-11-30"),
      ],
    },
    {
      // Registered, approved — but without IV.2: the coverage shows her name.
      person: "Đặng Văn Hùng",
      unit: s,
      status: "approved",
      created: "2020-03-14",
      submitted: "2020-03-24",
      reviewed: "2020-03-26",
      commitments: [
        cleanUp([{ status: "achieved", note: "Duy trì tổng vệ sinh hằng tuần, khu vực lớp 5A luôn sạch.", on: "2020-11-27" }]),
        { item: "I.1", action: "Ủng hộ Quỹ “Vì người nghèo” của xã", target: "1 ngày lương", place: "Xã Thạnh An", start: "2020-03-15", deadline: "2020-10-17" },
      ],
    },
    {
      person: "Đỗ Thanh Tâm",
      unit: s,
      status: "approved",
      created: "2020-03-10",
      submitted: "2020-03-12",
      reviewed: "2020-03-13",
      commitments: [
        {
          item: "III.2",
          action: "Xây dựng “Thư viện xanh”: học sinh đổi giấy vụn, chai nhựa lấy sách; chấm điểm lớp sạch hằng tuần",
          target: "Thu gom 200 kg giấy vụn, chai nhựa mỗi học kỳ; 150 đầu sách mới",
          place: SCHOOL,
          start: "2020-03-15",
          deadline: "2020-11-30",
          progress: [
            { status: "in_progress", note: "Khai trương “Thư viện xanh”; tuần đầu thu 35 kg giấy vụn.", on: "2020-04-06", file: { name: "thu-vien-xanh-khai-truong.png", make: libraryPhoto } },
            { status: "in_progress", note: "Học kỳ II thu gom 210 kg, đổi được 96 đầu sách.", on: "2020-06-01", file: { name: "bien-ban-thu-gom-hk2.pdf", make: () => demoPdf(["BIEN BAN THU GOM GIAY VUN, CHAI NHUA", "Truong Tieu hoc Thanh An - Hoc ky II nam hoc 2019-2020", "Tong khoi luong: 210 kg", "So dau sach doi duoc: 96"]) } },
          ],
        },
        traffic("2020-11-30", [{ status: "in_progress", note: "Chưa vi phạm.", on: "2020-06-01" }]),
        { item: "IV.1", action: "Phát động học sinh đội mũ bảo hiểm khi ngồi sau xe máy, xe đạp điện", target: "100% học sinh đội mũ bảo hiểm", place: SCHOOL, start: "2020-03-15", deadline: "2020-11-30" },
      ],
      models: [LIBRARY_MODEL],
    },
    {
      // Submitted after the deadline (31/3), still awaiting the secretary.
      person: "Bùi Thị Ngọc",
      unit: s,
      status: "submitted",
      created: "2020-03-28",
      submitted: "2020-04-03",
      commitments: [traffic("2020-11-30"), friendly(), { item: "V.1", action: "Tuyên truyền gia đình, hàng xóm chấp hành pháp luật", target: "Gia đình không có người vi phạm pháp luật", place: "Ấp Thiềng Liềng", start: "2020-04-01", deadline: "2020-11-30" }],
    },
    {
      person: "Ngô Thị Thu",
      unit: s,
      status: "returned",
      created: "2020-03-15",
      submitted: "2020-03-25",
      reviewed: "2020-03-27",
      returnReason: "Việc làm tiêu chí II còn chung chung; đồng chí ghi rõ chỉ tiêu đo được (số hồ sơ, thời hạn thanh toán) và bổ sung nơi thực hiện.",
      commitments: [{ item: "II.2", action: "Thực hiện tốt công tác kế toán", target: "Tốt", start: "2020-03-15", deadline: "2020-11-30" }, traffic("2020-11-30")],
    },
    {
      person: "Dương Văn Phúc",
      unit: s,
      status: "draft",
      created: "2020-03-29",
      commitments: [traffic("2020-11-30"), mediation()],
    },
    // Lý Thị Kim Anh: not registered.
    {
      collective: "Chi bộ Trường Tiểu học Thạnh An",
      unit: s,
      status: "approved",
      created: "2020-03-09",
      submitted: "2020-03-10",
      reviewed: "2020-03-10",
      commitments: [
        { item: "III.2", action: "Xây dựng trường học “Xanh – sạch – đẹp – an toàn”; không sử dụng túi ni lông trong căng tin", target: "Trường đạt chuẩn “Xanh – sạch – đẹp” cuối năm học", place: SCHOOL, start: "2020-03-15", deadline: "2020-11-30" },
        { item: "I.4", action: "Nhận đỡ đầu học sinh thuộc hộ nghèo ấp Thạnh Hòa đến hết năm học", target: "5 học sinh được hỗ trợ học phí, sách vở", place: "Ấp Thạnh Hòa", start: "2020-03-15", deadline: "2020-11-30" },
      ],
      models: [
        {
          name: "Mô hình “Heo đất giúp bạn nghèo đến trường”",
          field: "culture_society",
          address: SCHOOL,
          content: "Mỗi lớp nuôi một heo đất; cuối học kỳ mở heo trao học bổng, dụng cụ học tập cho học sinh thuộc hộ nghèo, cận nghèo.",
          expectedResult: "Không có học sinh nào bỏ học vì hoàn cảnh khó khăn",
          participants: "Toàn thể giáo viên, nhân viên và học sinh",
        },
      ],
    },
  ];
}

function hamletSheet2020(): DemoRegistration[] {
  const h = "cb-ap-thanh-hoa";
  return [
    {
      person: "Nguyễn Văn Sơn",
      unit: h,
      status: "approved",
      created: "2020-03-22",
      submitted: "2020-03-23",
      reviewed: "2020-03-24",
      commitments: [
        { item: "III.1", action: "Vận động hộ dân ký cam kết không xả rác ra kênh rạch; tổ chức “Ngày Chủ nhật xanh” hằng tháng", target: "90% hộ dân ấp Thạnh Hòa ký cam kết", place: "Ấp Thạnh Hòa", start: "2020-03-25", deadline: "2020-11-30", progress: [{ status: "in_progress", note: "Đã có 212/250 hộ ký cam kết.", on: "2020-07-15" }] },
        { ...traffic("2020-11-30"), place: "Ấp Thạnh Hòa" },
      ],
      models: [
        {
          name: "Mô hình “Tuyến đường hoa không rác” ấp Thạnh Hòa",
          field: "political_system",
          address: "Tuyến đường liên ấp Thạnh Hòa, xã Thạnh An",
          content: "Chi bộ phân công mỗi đảng viên phụ trách 10 hộ dọc tuyến đường; trồng hoa, đặt thùng rác phân loại, chăm sóc luân phiên.",
          expectedResult: "1 km tuyến đường có hoa, không có điểm rác tự phát",
          participants: "Đảng viên chi bộ, Chi hội Phụ nữ, Chi đoàn ấp",
        },
      ],
    },
    {
      person: "Lê Thị Bích",
      unit: h,
      status: "approved",
      created: "2020-03-22",
      submitted: "2020-03-24",
      reviewed: "2020-03-25",
      commitments: [{ item: "V.5", action: "Tham gia tổ hòa giải ấp, hòa giải mâu thuẫn trong cộng đồng", target: "100% vụ việc được hòa giải thành hoặc chuyển cấp trên", place: "Ấp Thạnh Hòa", start: "2020-03-25", deadline: "2020-11-30" }, { ...traffic("2020-11-30"), place: "Ấp Thạnh Hòa" }],
    },
    {
      person: "Trần Văn Dũng",
      unit: h,
      status: "approved",
      created: "2020-03-23",
      submitted: "2020-03-26",
      reviewed: "2020-03-27",
      commitments: [
        { item: "I.4", action: "Hướng dẫn hộ nghèo vay vốn, chuyển giao kỹ thuật nuôi hàu", target: "3 hộ nghèo được vay vốn và có thu nhập ổn định", place: "Ấp Thạnh Hòa", start: "2020-04-01", deadline: "2020-11-30", progress: [{ status: "achieved", note: "3 hộ đã được vay vốn Ngân hàng Chính sách xã hội và thả nuôi hàu.", on: "2020-10-20" }] },
        { ...traffic("2020-11-30"), place: "Ấp Thạnh Hòa" },
      ],
    },
    {
      person: "Hồ Thị Nga",
      unit: h,
      status: "submitted",
      created: "2020-03-26",
      submitted: "2020-03-30",
      commitments: [{ item: "III.1", action: "Vận động hội viên phụ nữ hạn chế dùng túi ni lông khi đi chợ", target: "50 hội viên dùng giỏ xách", place: "Ấp Thạnh Hòa", start: "2020-04-01", deadline: "2020-11-30" }, { ...traffic("2020-11-30"), place: "Ấp Thạnh Hòa" }],
    },
    {
      person: "Châu Văn Lộc",
      unit: h,
      status: "draft",
      created: "2020-03-30",
      commitments: [{ item: "IV.1", action: "Chi đoàn tuyên truyền thanh niên không uống rượu bia khi lái xe", target: "2 buổi tuyên truyền", place: "Ấp Thạnh Hòa", start: "2020-04-01", deadline: "2020-11-30" }],
    },
    // Phạm Văn Đức: not registered.
  ];
}

/** 2026: a few sheets only; th.gv01…th.gv06 are left for the browser stories. */
function sheets2026(): DemoRegistration[] {
  const s = "cb-tieu-hoc-thanh-an";
  const t = (deadline = "2026-12-15") => ({ ...traffic(deadline), start: "2026-04-01" });
  return [
    {
      person: "Lê Hữu Bình",
      unit: s,
      status: "approved",
      created: "2026-04-02",
      submitted: "2026-04-03",
      reviewed: "2026-04-03",
      commitments: [t(), { item: "II.4", action: "Công khai lịch tiếp phụ huynh; trả lời phản ánh trong 2 ngày làm việc", target: "100% phản ánh được trả lời đúng hạn", place: SCHOOL, start: "2026-04-01", deadline: "2026-12-15" }],
    },
    {
      person: "Trần Thị Mai",
      unit: s,
      status: "approved",
      created: "2026-04-05",
      submitted: "2026-04-06",
      reviewed: "2026-04-07",
      commitments: [
        t(),
        {
          item: "I.4",
          action: "Vận động học bổng cho học sinh thuộc hộ nghèo, cận nghèo năm học 2026 – 2027",
          target: "12 suất học bổng",
          place: SCHOOL,
          start: "2026-04-10",
          deadline: "2026-09-30",
          progress: [{ status: "in_progress", note: "Đã vận động được 7 suất.", on: "2026-08-20" }],
        },
      ],
    },
    {
      person: "Đỗ Thanh Tâm",
      unit: s,
      status: "submitted",
      created: "2026-04-10",
      submitted: "2026-04-12",
      commitments: [t(), { item: "III.2", action: "Duy trì “Thư viện xanh” năm học mới", target: "Thu gom 250 kg giấy vụn, chai nhựa", place: SCHOOL, start: "2026-04-15", deadline: "2026-12-15" }],
      models: [{ ...LIBRARY_MODEL, name: "Mô hình “Thư viện xanh” (năm thứ 7)" }],
    },
    {
      person: "Ngô Thị Thu",
      unit: s,
      status: "draft",
      created: "2026-04-20",
      commitments: [t(), { item: "II.2", action: "Thanh toán chế độ cho giáo viên đúng hạn", target: "100% hồ sơ thanh toán trong 5 ngày làm việc", place: SCHOOL, start: "2026-04-20", deadline: "2026-12-15" }],
    },
    {
      person: "Nguyễn Văn Sơn",
      unit: "cb-ap-thanh-hoa",
      status: "submitted",
      created: "2026-04-08",
      submitted: "2026-04-14",
      commitments: [{ ...t(), place: "Ấp Thạnh Hòa" }, { item: "III.1", action: "Duy trì “Tuyến đường hoa không rác”", target: "Không có điểm rác tự phát", place: "Ấp Thạnh Hòa", start: "2026-04-15", deadline: "2026-12-15" }],
    },
  ];
}

// ---------------------------------------------------------------- writing

async function audit(tx: Tx, o: { at: Date; account: string | null; username: string | null; action: string; subjectType: string; subjectId: string; unitId: string; after: unknown }) {
  await tx.query(
    `INSERT INTO audit_log (at, actor_account_id, actor_username, action, subject_type, subject_id, unit_id, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [o.at, o.account, o.username, o.action, o.subjectType, o.subjectId, o.unitId, JSON.stringify(o.after)],
  );
}

async function seedSheet(tx: Tx, ids: DemoIds, campaign: { id: string; setId: string; registrationDeadline: string | null; name: string }, regs: DemoRegistration[]) {
  const items = new Map(
    (
      await tx.query<{ id: string; code: string }>(
        "SELECT ci.id, ci.code FROM criterion_items ci JOIN criteria c ON c.id = ci.criterion_id WHERE c.set_id = $1",
        [campaign.setId],
      )
    ).map((r) => [r.code, r.id]),
  );
  const usernameOf = new Map(Object.entries(ids.accounts).map(([u, id]) => [id, u]));
  const accountOfPerson = async (personId: string) =>
    (await tx.query<{ id: string; username: string }>("SELECT id, username FROM accounts WHERE person_id = $1 LIMIT 1", [personId]))[0] ?? null;

  for (const r of regs) {
    const unitId = ids.units[r.unit]!;
    const personId = r.person ? ids.people[r.person]! : null;
    // Separation of duties: the secretary reviews the members' sheets; his own sheet and the
    // collective sheet he writes are reviewed by the deputy secretary (th.phobithu) or, where the
    // deputy has no account (the hamlet), by the commune above (xa.bithu).
    const hamlet = r.unit === "cb-ap-thanh-hoa";
    const secretaryUsername = hamlet ? "thanhhoa.bithu" : "th.bithu";
    const secretaryInvolved = r.person === undefined || r.person === (hamlet ? "Nguyễn Văn Sơn" : "Lê Hữu Bình");
    const reviewerUsername = !secretaryInvolved ? secretaryUsername : hamlet ? "xa.bithu" : "th.phobithu";
    const reviewer = ids.accounts[reviewerUsername] ?? null;
    const late = Boolean(r.submitted && campaign.registrationDeadline && r.submitted > campaign.registrationDeadline);
    const row = await tx.query<{ id: string }>(
      `INSERT INTO registrations (campaign_id, unit_id, person_id, collective_name, status, submitted_at, first_submitted_at, submitted_late,
                                  reviewed_at, reviewed_by, return_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz, $7, $8::timestamptz, $9, $10, $11::timestamptz, COALESCE($8::timestamptz, $6::timestamptz, $11::timestamptz)) RETURNING id`,
      [
        campaign.id,
        unitId,
        personId,
        r.collective ?? null,
        r.status,
        r.submitted ? at(r.submitted, "16:00") : null,
        late,
        r.reviewed ? at(r.reviewed, "10:30") : null,
        r.reviewed ? reviewer : null,
        r.returnReason ?? null,
        at(r.created, "20:00"),
      ],
    );
    const regId = row[0]!.id;
    const author = personId ? await accountOfPerson(personId) : { id: ids.accounts[secretaryUsername]!, username: secretaryUsername };
    let sort = 0;
    for (const c of r.commitments) {
      const itemId = items.get(c.item);
      if (!itemId) continue;
      const cm = await tx.query<{ id: string }>(
        `INSERT INTO commitments (registration_id, criterion_item_id, action, target, place, start_date, deadline, status, sort, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [regId, itemId, c.action, c.target, c.place ?? null, c.start ?? null, c.deadline, c.progress?.at(-1)?.status ?? "not_started", sort++, at(r.created, "20:00")],
      );
      for (const p of c.progress ?? []) {
        const pu = await tx.query<{ id: string }>(
          "INSERT INTO progress_updates (commitment_id, status, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
          [cm[0]!.id, p.status, p.note, author?.id ?? null, at(p.on, "17:00")],
        );
        if (p.file) {
          const data = p.file.make();
          await tx.query(
            `INSERT INTO evidence_files (unit_id, progress_update_id, file_name, mime_type, size_bytes, sha256, data, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [unitId, pu[0]!.id, p.file.name, p.file.name.endsWith(".pdf") ? "application/pdf" : "image/png", data.length, createHash("sha256").update(data).digest("hex"), data, author?.id ?? null, at(p.on, "17:00")],
          );
        }
      }
    }
    for (const m of r.models ?? []) {
      await tx.query(
        `INSERT INTO models (registration_id, name, field, address, content, expected_result, participants, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [regId, m.name, m.field, m.address, m.content, m.expectedResult, m.participants, at(r.created, "20:00")],
      );
    }

    // The workflow steps as the audit log (and so the registration's timeline) would show them.
    const who = author ? { account: author.id, username: author.username ?? usernameOf.get(author.id) ?? null } : { account: null, username: null };
    await audit(tx, { at: at(r.created, "20:00"), ...who, action: "registration.create", subjectType: "registration", subjectId: regId, unitId, after: { demo: true } });
    if (r.submitted) {
      await audit(tx, { at: at(r.submitted, "16:00"), ...who, action: "registration.submit", subjectType: "registration", subjectId: regId, unitId, after: { status: "submitted", late, resubmission: false } });
    }
    if (r.reviewed && (r.status === "approved" || r.status === "returned")) {
      const action = r.status === "approved" ? "registration.approve" : "registration.return";
      await audit(tx, {
        at: at(r.reviewed, "10:30"),
        account: reviewer,
        username: reviewerUsername,
        action,
        subjectType: "registration",
        subjectId: regId,
        unitId,
        after: r.status === "approved" ? { status: "approved" } : { status: "returned", reason: r.returnReason },
      });
      if (personId && r.status === "returned") {
        await notify(tx, [personId], {
          kind: "registration.returned",
          title: "Bảng đăng ký của bạn bị trả lại, cần chỉnh sửa",
          body: `${campaign.name}. Lý do: ${r.returnReason}`,
          link: `/dang-ky/${regId}`,
          subjectId: regId,
          createdAt: at(r.reviewed, "10:30"),
        });
      }
    }
    if (r.status === "submitted") {
      const secretaries = await tx.query<{ person_id: string }>(
        "SELECT person_id FROM positions WHERE unit_id = $1 AND role = 'secretary' AND end_date IS NULL",
        [unitId],
      );
      await notify(tx, secretaries.map((x) => x.person_id), {
        kind: "registration.submitted",
        title: `${r.person ?? r.collective} đã gửi bảng đăng ký`,
        body: `${campaign.name}${late ? " — nộp sau hạn đăng ký" : ""}`,
        link: `/dang-ky/${regId}`,
        subjectId: regId,
        createdAt: at(r.submitted!, "16:00"),
      });
    }
  }
}

async function seedRegistrations(tx: Tx, ids: DemoIds): Promise<void> {
  const commune = ids.units["xa-thanh-an"];
  if (!commune) return;
  const campaigns = await tx.query<{ id: string; year: number; criteria_set_id: string; registration_deadline: string | null; name: string }>(
    "SELECT id, year, criteria_set_id, registration_deadline, name FROM campaigns WHERE unit_id = $1 AND year IN (2020, 2026) ORDER BY created_at",
    [commune],
  );
  const c2020 = campaigns.find((c) => c.year === 2020);
  const c2026 = campaigns.find((c) => c.year === 2026);
  const asCampaign = (c: (typeof campaigns)[number]) => ({ id: c.id, setId: c.criteria_set_id, registrationDeadline: c.registration_deadline, name: c.name });
  if (c2020) await seedSheet(tx, ids, asCampaign(c2020), [...schoolSheet2020(), ...hamletSheet2020()]);
  if (c2026) await seedSheet(tx, ids, asCampaign(c2026), sheets2026());
}

// The rows above are written directly: their outcomes are computed by the one rule afterwards.
addDemoSeeder(async (tx, ids) => {
  await seedRegistrations(tx, ids);
  await refreshAllCommitmentOutcomes(tx);
});
