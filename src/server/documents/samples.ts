/**
 * Sample documents shared by the renderer tests and `scripts/render-preview.ts`: the cell plan of
 * the seed (it must come out as the seed reads, typos included, under the superior Party
 * organisation HD 36 asks for), a landscape registration sheet (Party format), a one-stop apology
 * slip (State format), and the implementing plans of the Front (State layout) and of the Youth
 * Union (its own title and `***`).
 */
import { boldText, formatDocumentDateLine } from './document-model.js';
import type { OfficialDocument, TableColumn } from './document-model.js';

const CAMPAIGN =
  'phát động thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020';

/** Kế hoạch of Chi bộ Trường Tiểu học (the seed's cell plan), Party format, portrait. */
export const sampleCellPlan: OfficialDocument = {
  format: 'party',
  header: {
    superiorBody: 'ĐẢNG BỘ XÃ THẠNH AN',
    issuingBody: 'CHI BỘ TRƯỜNG TIỂU HỌC',
    numberLine: 'Số 01-KH/CB',
    placeAndDate: formatDocumentDateLine('Thạnh An', '2020-03-05'),
  },
  typeName: 'KẾ HOẠCH',
  subjectLines: [
    'Triển khai kế hoạch phát động thi đua nâng cao chất lượng',
    'các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không”',
    'trong phong trào thi đua “Dân vận khéo” năm 2020',
  ],
  body: [
    {
      kind: 'paragraph',
      runs: [`Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về ${CAMPAIGN};`],
    },
    {
      kind: 'paragraph',
      runs: [`Chi bộ Tiểu học xây dựng kế hoạch triển khai kế hoạch ${CAMPAIGN} như sau:`],
    },
    { kind: 'heading', level: 1, text: 'I. Mục đích, yêu cầu' },
    {
      kind: 'bullet',
      runs: [
        'Nâng cao hơn nữa nhận thức, trách nhiệm của cán bộ, đảng viên, công chức, viên chức của nhà trường. Xác định đúng mục đích, ý nghĩa, tầm quan trọng của công tác dân vận trong giai đoạn hiện nay và tác dụng của phong trào thi đua “Dân vận khéo” và việc làm thiết thực nâng cao các tiêu chí xây dựng nông thôn mới gắn với nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020.',
      ],
    },
    {
      kind: 'bullet',
      runs: [
        'Đội ngũ cán bộ, đảng viên, công chức, viên chức giáo viên, nhân viên nhà trường đăng ký mô hình “Dân vận khéo” theo nội dung kế hoạch của đảng ủy góp phần thực hiện thắng lợi các chỉ tiêu theo Nghị quyết Đại hội Đảng bộ xã Thạnh An lần thứ X, nhiệm kỳ 2015-2020 đã đề ra.',
      ],
    },
    { kind: 'heading', level: 1, text: 'II. Nội dung thực hiện' },
    {
      kind: 'bullet',
      runs: [
        `Chi bộ xây dựng kế hoạch triển khai đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về ${CAMPAIGN}.`,
      ],
    },
    {
      kind: 'bullet',
      runs: [
        'Tổ chức cho cán bộ, đảng viên, giáo viên và nhân viên nhà trường đăng ký việc làm thiết thực với nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020.',
      ],
    },
    { kind: 'bullet', runs: ['Kịp thời đề xuất tuyên dương các gương điển hình tập thể, cá nhân trong chi bộ.'] },
    {
      kind: 'bullet',
      runs: [
        'Thực hiện việc kiểm tra, đánh giá và báo cáo kết quả thực hiện cho Đảng ủy xã khi kết thúc đợt thi đua (Thông qua Thường trực khối vận xã).',
      ],
    },
    { kind: 'heading', level: 1, text: 'III. Tổ chức thực hiện' },
    {
      kind: 'bullet',
      runs: [
        'Bí thư chi bộ xây dựng kế hoạch triên khai đến toàn thể cán bộ, đảng viên, giáo viên và nhân viên trong nhà trường. Chỉ đạo thực hiện các nội dung đăng ký của cán bộ, đảng viên, giáo viên và nhân viên.',
      ],
    },
    {
      kind: 'bullet',
      runs: [
        'Phó Bí chi bộ giám sát việc thực hiện, báo cáo kịp thời cho bí thư chi bộ việc thực hiện của cán bộ, đảng viên, giáo viên và nhân viên.',
      ],
    },
    {
      kind: 'bullet',
      runs: ['Toàn thể cán bộ, đảng viên, giáo viên và nhân viên nhà trường nghiêm túc thực hiện theo bảng đăng.'],
    },
    {
      kind: 'paragraph',
      runs: [
        'Trên đây là kế hoạch triển khai phát động phong trào thi đua nâng cao chất lượng các tiêu chí xây dựng nông thôn mới gắn với thực hiện nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2020 của chi bộ trường Tiểu học.',
      ],
    },
  ],
  signature: { titleLines: ['T/M CHI BỘ', 'BÍ THƯ'], note: '(Đã ký)', signerName: 'Lê Hữu Bình' },
  recipients: {
    lines: ['- Đảng ủy xã Thạnh An;', '- TTKV xã;', '- Đảng viên Chi bộ;', '- Lưu HSCB.'],
  },
};

/** Columns of the registration sheet (Bảng đăng ký) of a cell, in the order offices print them. */
export const REGISTRATION_COLUMNS: readonly TableColumn[] = [
  { header: 'STT', width: 4, align: 'center' },
  { header: 'Họ và tên', width: 9 },
  { header: 'Chức vụ/đơn vị', width: 9 },
  { header: 'Việc làm thiết thực/mô hình', width: 12 },
  { header: 'Tiêu chí/lĩnh vực', width: 9 },
  { header: 'Nội dung và cách thực hiện', width: 15 },
  { header: 'Địa điểm', width: 8 },
  { header: 'Thời gian', width: 8, align: 'center' },
  { header: 'Chỉ tiêu', width: 7 },
  { header: 'Minh chứng', width: 9 },
  { header: 'Ghi chú', width: 5 },
  { header: 'Ký tên', width: 6 },
];

/** Bảng đăng ký of the same cell: Party format, landscape, one table with a repeated header row. */
export const sampleRegistrationSheet: OfficialDocument = {
  format: 'party',
  orientation: 'landscape',
  header: {
    superiorBody: 'ĐẢNG BỘ XÃ THẠNH AN',
    issuingBody: 'CHI BỘ TRƯỜNG TIỂU HỌC',
    numberLine: 'Số 02-BĐK/CB',
    placeAndDate: formatDocumentDateLine('Thạnh An', '2020-03-10'),
  },
  typeName: 'BẢNG ĐĂNG KÝ',
  subjectLines: ['Việc làm thiết thực, mô hình “Dân vận khéo” gắn với nội dung “5 không” năm 2020'],
  body: [
    {
      kind: 'table',
      columns: REGISTRATION_COLUMNS,
      fontSize: 11,
      rows: [
        [
          '1',
          'Lê Hữu Bình',
          'Bí thư Chi bộ, Hiệu trưởng',
          'Vận động học sinh bỏ học trở lại lớp',
          'Không để trẻ em bỏ học',
          'Phối hợp ban nhân dân ấp thăm hỏi gia đình, hỗ trợ sách vở, đồ dùng học tập',
          'Ấp Thạnh Bình',
          '03/2020 – 12/2020',
          '100% học sinh trong độ tuổi đến lớp',
          'Danh sách học sinh, biên bản thăm gia đình',
          '',
          '',
        ],
        [
          '2',
          'Nguyễn Thị Hoa',
          'Phó Bí thư Chi bộ, Phó Hiệu trưởng',
          'Mô hình “Tủ sách nhân ái”',
          'Không để người nghèo, người yếu thế tụt hậu',
          'Vận động giáo viên, phụ huynh góp sách, tặng học sinh khó khăn',
          'Trường Tiểu học',
          '03/2020 – 09/2020',
          '200 quyển sách',
          'Sổ theo dõi, hình ảnh',
          '',
          '',
        ],
        [
          '3',
          'Trần Văn Nam',
          'Đảng viên, giáo viên lớp 5',
          'Tuyên truyền phòng, chống ma túy trong học sinh',
          'Không có tội phạm và tệ nạn xã hội',
          'Lồng ghép vào tiết sinh hoạt lớp mỗi tháng một lần',
          'Lớp 5A',
          '04/2020 – 12/2020',
          '9 buổi',
          'Giáo án, sổ chủ nhiệm',
          '',
          '',
        ],
      ],
    },
  ],
  signature: { titleLines: ['T/M CHI BỘ', 'BÍ THƯ'], signerName: 'Lê Hữu Bình' },
  recipients: { lines: ['- Đảng ủy xã Thạnh An;', '- Lưu HSCB.'] },
};

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả of UBND xã Thạnh An (one-stop desk), State format. */
export const sampleApologySlip: OfficialDocument = {
  format: 'state',
  header: {
    issuingBody: 'ỦY BAN NHÂN DÂN\nXÃ THẠNH AN',
    numberLine: 'Số: 03/PXL-UBND',
    placeAndDate: formatDocumentDateLine('Thạnh An', '2020-06-15'),
  },
  typeName: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  subjectLines: [],
  body: [
    { kind: 'paragraph', align: 'center', indent: false, runs: ['Kính gửi: Ông Nguyễn Văn Tư'] },
    {
      kind: 'paragraph',
      runs: [
        'Ngày 01 tháng 6 năm 2020, Ủy ban nhân dân xã Thạnh An tiếp nhận giải quyết hồ sơ đề nghị chứng thực hợp đồng chuyển nhượng quyền sử dụng đất của ông.',
      ],
    },
    { kind: 'paragraph', runs: ['Mã hồ sơ: ', boldText('000.00.30.H29-200601-0015'), '.'] },
    { kind: 'paragraph', runs: ['Thời hạn trả kết quả giải quyết hồ sơ: ngày 10 tháng 6 năm 2020.'] },
    {
      kind: 'paragraph',
      runs: [
        'Tuy nhiên đến nay, Ủy ban nhân dân xã Thạnh An chưa trả kết quả giải quyết hồ sơ của ông. Lý do: hồ sơ cần xác minh thêm nguồn gốc thửa đất với Văn phòng đăng ký đất đai.',
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        'Sự chậm trễ này đã gây phiền hà cho ông. Ủy ban nhân dân xã Thạnh An xin lỗi ông và sẽ trả kết quả giải quyết hồ sơ cho ông vào ',
        boldText('ngày 22 tháng 6 năm 2020'),
        '.',
      ],
    },
    { kind: 'paragraph', runs: ['Xin trân trọng cảm ơn sự hợp tác của ông./.'] },
  ],
  signature: {
    titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signerName: 'Phạm Văn Lợi',
  },
  recipients: { lines: ['- Như trên;', '- Bộ phận Một cửa;', '- Lưu: VT, BPMC.'] },
};

/** The cell plan before it is issued: the `DỰ THẢO` mark, number and date left blank, not signed. */
export const sampleDraftCellPlan: OfficialDocument = {
  ...sampleCellPlan,
  draft: true,
  header: { ...sampleCellPlan.header, numberLine: 'Số     -KH/CB', placeAndDate: 'Thạnh An, ngày     tháng     năm' },
  signature: { titleLines: sampleCellPlan.signature.titleLines, signerName: sampleCellPlan.signature.signerName },
};

/** The apology slip as a draft, for the State header's `DỰ THẢO` mark. */
export const sampleDraftApologySlip: OfficialDocument = {
  ...sampleApologySlip,
  draft: true,
  header: { ...sampleApologySlip.header, numberLine: 'Số:     /PXL-UBND', placeAndDate: 'Thạnh An, ngày     tháng     năm' },
};

/** The Front committee's implementing plan (Hướng dẫn 91/HD-MTTW-BTT): its own name, quốc hiệu, `Số: …/KH-MTTQ`, `TM.`. */
export const sampleFrontPlan: OfficialDocument = {
  format: 'state',
  header: {
    issuingBody: 'ỦY BAN MTTQ VIỆT NAM\nXÃ THẠNH AN',
    numberLine: 'Số: 05/KH-MTTQ',
    placeAndDate: formatDocumentDateLine('Thạnh An', '2020-03-10'),
  },
  typeName: 'KẾ HOẠCH',
  subjectLines: ['Triển khai thực hiện nội dung “5 không”', 'trong phong trào thi đua “Dân vận khéo” năm 2020'],
  body: [
    { kind: 'paragraph', runs: [`Căn cứ Kế hoạch số 236-KH/ĐU ngày 02 tháng 3 năm 2020 của Đảng ủy xã Thạnh An về ${CAMPAIGN};`] },
    { kind: 'heading', level: 1, text: 'I. Mục đích, yêu cầu' },
    { kind: 'bullet', runs: ['Vận động đoàn viên, hội viên và nhân dân tham gia; đăng ký mô hình “Dân vận khéo” của tập thể.'] },
  ],
  signature: { titleLines: ['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH'], signerName: 'Trần Văn Nghĩa' },
  recipients: { lines: ['- Đảng ủy xã Thạnh An;', '- TTKV xã;', '- Lưu: VP.'] },
};

/** The Youth Union's implementing plan (Hướng dẫn 29-HD/TWĐTN-VP): `ĐOÀN TNCS HỒ CHÍ MINH`, `***`, `Số: …-KH/ĐTN`. */
export const sampleYouthUnionPlan: OfficialDocument = {
  ...sampleFrontPlan,
  format: 'youth_union',
  header: { issuingBody: 'BCH ĐOÀN XÃ THẠNH AN', numberLine: 'Số: 07-KH/ĐTN', placeAndDate: formatDocumentDateLine('Thạnh An', '2020-03-12') },
  signature: { titleLines: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], signerName: 'Võ Hoàng Phong' },
};

/** Every sample with a file-name slug, for the preview script and the tests. */
export const sampleDocuments: readonly { readonly slug: string; readonly model: OfficialDocument }[] = [
  { slug: 'ke-hoach-chi-bo', model: sampleCellPlan },
  { slug: 'ke-hoach-chi-bo-du-thao', model: sampleDraftCellPlan },
  { slug: 'bang-dang-ky', model: sampleRegistrationSheet },
  { slug: 'phieu-xin-loi', model: sampleApologySlip },
  { slug: 'phieu-xin-loi-du-thao', model: sampleDraftApologySlip },
  { slug: 'ke-hoach-mttq', model: sampleFrontPlan },
  { slug: 'ke-hoach-doan', model: sampleYouthUnionPlan },
];
