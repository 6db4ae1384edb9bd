/**
 * Demo result reports for the 2020 campaign (runs after the campaign, registration and
 * evaluation seeders, whose rows it reads): Chi bộ ấp Thạnh Hòa submitted on time through the
 * TTKV, Chi bộ ấp Thiềng Liềng has not reported, and the school cell's report is a draft with its
 * narrative written, ready to be submitted.
 */
import { addDemoSeeder } from "../../db/seed/demo.js";
import { campaignAsOf } from "./reports.compute.js";
import { findReceivingOffice, getCampaign, getUnitOn, insertReport, markSubmitted } from "./reports.queries.js";
import { buildStatistics } from "./reports.service.js";

const THANH_HOA = {
  number: 9,
  symbol: "09-BC/CB",
  reportDate: "2020-11-25",
  submittedAt: "2020-11-26T08:30:00+07:00",
  strengths:
    "Chi bộ triển khai kịp thời Kế hoạch số 236-KH/ĐU của Đảng ủy xã đến 100% đảng viên; đảng viên đăng ký việc làm thiết thực gắn với nội dung “5 không”, trong đó có nội dung không vi phạm luật giao thông đường bộ. " +
    "Đảng viên gương mẫu vận động hộ dân ký cam kết không xả rác ra kênh rạch, duy trì “Ngày Chủ nhật xanh” hằng tháng; hỗ trợ 3 hộ nghèo vay vốn, chuyển giao kỹ thuật nuôi hàu.",
  limitations:
    "Còn đảng viên chưa hoàn thành việc đăng ký; một số việc làm đăng ký còn chung chung, chưa đo lường được kết quả; việc cập nhật tiến độ và minh chứng lên hệ thống chưa thường xuyên. Tỷ lệ hộ dân ký cam kết không xả rác chưa đạt chỉ tiêu 90%.",
  causes:
    "Đảng viên phần lớn lớn tuổi, còn hạn chế trong sử dụng điện thoại thông minh; ảnh hưởng của dịch Covid-19 làm gián đoạn các buổi sinh hoạt, tuyên truyền tại ấp.",
  nextSteps:
    "Tiếp tục duy trì các mô hình hiệu quả; hướng dẫn đảng viên cập nhật tiến độ, minh chứng; phối hợp Chi hội Phụ nữ, Chi đoàn ấp vận động số hộ còn lại ký cam kết; đăng ký việc làm cụ thể, đo lường được cho đợt thi đua năm 2021.",
};

const SCHOOL_DRAFT = {
  strengths:
    "Chi bộ xây dựng kế hoạch triển khai Kế hoạch số 236-KH/ĐU đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường; cán bộ, đảng viên, giáo viên đăng ký việc làm thiết thực gắn với nội dung “5 không”. " +
    "Mô hình “Thư viện xanh” thu gom giấy vụn, chai nhựa đổi sách cho học sinh được phụ huynh hưởng ứng; vận động học bổng, sách giáo khoa cho học sinh thuộc hộ nghèo.",
  limitations: "Một số đồng chí cập nhật tiến độ chưa kịp thời; còn việc làm đăng ký chưa hoàn thành do ảnh hưởng của dịch Covid-19.",
  causes: "Thời gian nghỉ học phòng, chống dịch kéo dài; một số việc làm phụ thuộc vào sự đóng góp của phụ huynh, nhà hảo tâm.",
  nextSteps: "Chi bộ tiếp tục kiểm tra, đôn đốc; phối hợp Ban đại diện cha mẹ học sinh duy trì “Thư viện xanh”; đề xuất tuyên dương các gương điển hình.",
};

addDemoSeeder(async (tx, ids) => {
  const commune = ids.units["xa-thanh-an"];
  if (!commune) return;
  const found = await tx.query<{ id: string }>("SELECT id FROM campaigns WHERE unit_id = $1 AND year = 2020 ORDER BY created_at LIMIT 1", [commune]);
  const campaign = found[0] ? await getCampaign(tx, found[0].id) : null;
  if (!campaign) return; // the campaign seeder has not run (feature absent): nothing to report on

  // Chi bộ ấp Thạnh Hòa: submitted on 26/11/2020, before the deadline, through the TTKV.
  const thanhHoa = ids.units["cb-ap-thanh-hoa"];
  const unit = thanhHoa ? await getUnitOn(tx, thanhHoa, THANH_HOA.reportDate) : null;
  if (unit) {
    const asOf = campaignAsOf(campaign, THANH_HOA.reportDate);
    const statistics = await buildStatistics(tx, { campaign, unit, asOf, today: THANH_HOA.reportDate });
    const receiver = await findReceivingOffice(tx, unit.id, THANH_HOA.reportDate);
    const id = await insertReport(tx, campaign.id, unit.id, {
      number: THANH_HOA.number,
      symbol: THANH_HOA.symbol,
      reportDate: THANH_HOA.reportDate,
      strengths: THANH_HOA.strengths,
      limitations: THANH_HOA.limitations,
      causes: THANH_HOA.causes,
      nextSteps: THANH_HOA.nextSteps,
    });
    if (id) {
      await markSubmitted(tx, id, { statistics, submittedBy: ids.accounts["thanhhoa.bithu"] ?? null, receivedByUnitId: receiver?.unit_id ?? null });
      await tx.query("UPDATE result_reports SET submitted_at = $2, created_at = $3, updated_at = $2 WHERE id = $1", [id, THANH_HOA.submittedAt, "2020-11-20T15:00:00+07:00"]);
    }
  }

  // Chi bộ ấp Thiềng Liềng: no report (it shows as missing). The school cell: a draft.
  const school = ids.units["cb-tieu-hoc-thanh-an"];
  if (school) {
    const id = await insertReport(tx, campaign.id, school, { number: null, symbol: null, reportDate: null, ...SCHOOL_DRAFT });
    if (id) await tx.query("UPDATE result_reports SET created_at = $2, updated_at = $2 WHERE id = $1", [id, "2020-11-24T16:00:00+07:00"]);
  }
});
