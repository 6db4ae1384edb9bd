/**
 * The "5 không" criteria set of the "Dân vận khéo" campaign (DOMAIN.md §2), as data.
 *
 * Seeded from the guidance "PHỤ LỤC — Hướng dẫn phong trào thi đua “Dân vận khéo” năm 2019 gắn
 * với nội dung “5 không”" of Đảng ủy xã Thạnh An (reused for 2020). The server copies it into the
 * database as the 2019 set; from then on it is edited there, versioned per year.
 */

/** A sub-item (nội dung) of a criterion, e.g. IV.2. */
export type CriteriaSubItem = {
  /** `<criterion code>.<n>`, e.g. 'IV.2'. */
  code: string;
  /** Short Vietnamese title for lists and forms. */
  title: string;
  /** The guidance's text for this item, condensed faithfully (obvious typos of the seed fixed). */
  text: string;
  /** Every member must register and keep this item (IV.2: 100% không vi phạm luật giao thông). */
  mandatory: boolean;
  /** Every cell, agency or unit must register concrete works for it (III.2). */
  mandatoryForUnits?: boolean;
  points?: number;
};

/** A criterion (tiêu chí), one of the five "không". */
export type Criterion = {
  /** Roman numeral 'I'..'V'. */
  code: string;
  title: string;
  /** The heading as the guidance writes it, when longer than `title`. */
  guidanceHeading?: string;
  points?: number;
  subItems: readonly CriteriaSubItem[];
};

export type CriteriaSet = {
  code: string;
  name: string;
  /** Year of the guidance the set comes from. */
  year: number;
  issuer: string;
  source: string;
  criteria: readonly Criterion[];
};

/** Fields (lĩnh vực) of a "Dân vận khéo" model, code → Vietnamese label, in display order. */
export const MODEL_FIELDS = {
  economy: "Kinh tế",
  culture_society: "Văn hóa - xã hội",
  defence_security: "Quốc phòng - an ninh",
  political_system: "Xây dựng hệ thống chính trị",
} as const;

export type ModelField = keyof typeof MODEL_FIELDS;

/** Field codes in display order (for selects and zod enums). */
export const MODEL_FIELD_CODES = Object.keys(MODEL_FIELDS) as ModelField[];

/** The 2019 guidance of Đảng ủy xã Thạnh An, criteria I–V with their sub-items. */
export const FIVE_NOT_CRITERIA_2019: CriteriaSet = {
  code: "5K-2019",
  name: "Nội dung “5 không” trong phong trào thi đua “Dân vận khéo” năm 2019",
  year: 2019,
  issuer: "Ban Thường vụ Đảng ủy xã Thạnh An",
  source:
    "Phụ lục — Hướng dẫn phong trào thi đua “Dân vận khéo” năm 2019 gắn với nội dung “5 không” (Đảng ủy xã Thạnh An, tháng 01 năm 2019)",
  criteria: [
    {
      code: "I",
      title: "Không để người nghèo, người yếu thế tụt hậu, bị bỏ quên",
      subItems: [
        {
          code: "I.1",
          title: "Hưởng ứng phong trào “Cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau”",
          text:
            "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tổ chức triển khai có hiệu quả Quyết định của Thủ tướng Chính phủ phát động phong trào thi đua “Cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau”; đẩy mạnh tuyên truyền, tạo chuyển biến mạnh mẽ về nhận thức của chính quyền, các chi bộ và các tầng lớp nhân dân về tiêu chí tiếp cận nghèo đa chiều, mục tiêu giảm nghèo bền vững; phát huy sức mạnh tổng hợp của cả hệ thống chính trị, sự đồng tâm hiệp lực của toàn xã hội; khơi dậy ý chí chủ động, vươn lên của người nghèo, tiếp nhận và sử dụng có hiệu quả chính sách, nguồn lực hỗ trợ của Nhà nước, của cộng đồng để thoát nghèo, vươn lên khá giả.",
          mandatory: false,
        },
        {
          code: "I.2",
          title: "Rà soát, sửa đổi, bổ sung chính sách giảm nghèo",
          text:
            "Chính quyền, các chi bộ tiếp tục đẩy nhanh rà soát, sửa đổi, bổ sung chính sách giảm nghèo, tổng hợp chính sách thuộc các lĩnh vực bảo đảm đồng bộ, hiệu quả, dễ theo dõi, dễ thực hiện; tập trung vào 3 nhóm chính sách: hỗ trợ phát triển sản xuất, nâng cao thu nhập cho hộ nghèo; hỗ trợ hiệu quả cho người nghèo tiếp cận các dịch vụ xã hội cơ bản, ưu tiên các dịch vụ thuộc nội dung giảm nghèo đa chiều.",
          mandatory: false,
        },
        {
          code: "I.3",
          title: "Nâng cao năng lực cán bộ làm công tác giảm nghèo",
          text:
            "Tăng cường và nâng cao năng lực đội ngũ cán bộ làm công tác giảm nghèo; gắn thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững với thực hiện quy chế dân chủ ở cơ sở.",
          mandatory: false,
        },
        {
          code: "I.4",
          title: "Hỗ trợ hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; lập danh sách và nắm nhu cầu",
          text:
            "Đẩy mạnh hoạt động hỗ trợ hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo như hỗ trợ việc làm, vay vốn, đào tạo nghề, trao tặng phương tiện sinh kế…; thực hiện khảo sát, lập danh sách cụ thể các hộ nghèo và nắm nhu cầu cụ thể để có phương án hỗ trợ.",
          mandatory: false,
        },
        {
          code: "I.5",
          title: "Xây dựng kết cấu hạ tầng có sự đóng góp và giám sát của nhân dân",
          text:
            "Đẩy mạnh xây dựng kết cấu hạ tầng được hỗ trợ đầu tư một phần kinh phí, phần còn lại do nhân dân đóng góp, có sự tham gia giám sát của nhân dân; tăng cường sự tham gia của người dân trong suốt quá trình xây dựng và thực hiện.",
          mandatory: false,
        },
      ],
    },
    {
      code: "II",
      title: "Không gây phiền hà cho nhân dân và doanh nghiệp",
      subItems: [
        {
          code: "II.1",
          title: "Thực hiện chủ đề “Năm cải cách hành chính 2019”; giáo dục đạo đức công vụ",
          text:
            "Thực hiện chủ đề “Năm cải cách hành chính 2019”; tăng cường tuyên truyền, giáo dục nhận thức về công tác dân vận trong đội ngũ cán bộ, công chức, viên chức, nhất là giáo dục đạo đức công vụ, tinh thần trách nhiệm, ý thức phục vụ nhân dân; xây dựng mỗi cán bộ, công chức, viên chức là một người cán bộ dân vận khéo léo trong giao tiếp, ứng xử với nhân dân, trong tuyên truyền vận động nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước; đề cao kỷ luật, kỷ cương hành chính gắn với cải cách thủ tục hành chính để phục vụ nhân dân ngày càng tốt hơn.",
          mandatory: false,
        },
        {
          code: "II.2",
          title: "Giải quyết thủ tục hành chính đúng hẹn, không gây phiền hà, nhũng nhiễu",
          text:
            "Tập trung giải quyết thủ tục hành chính đúng hẹn, không gây phiền hà, nhũng nhiễu người dân, tổ chức, doanh nghiệp. Rà soát các quy định, thủ tục hành chính không phù hợp gây bức xúc, khó khăn cho người dân; công bố, cập nhật, niêm yết công khai, kịp thời, đầy đủ, cụ thể các quy định, quy trình thủ tục hành chính; cải cách thủ tục hành chính trong nội bộ cơ quan nhà nước. Xây dựng quy trình liên thông, chia sẻ thông tin giữa các cơ quan nhà nước trên địa bàn để hạn chế việc người dân, doanh nghiệp phải nộp nhiều loại giấy tờ. Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính, rút ngắn quy trình xử lý, công khai hóa và đơn giản hóa thủ tục hành chính. Tăng cường kiểm tra, chấn chỉnh thái độ tiếp xúc, trách nhiệm của cán bộ, công chức, viên chức trong thực thi công vụ, thay đổi nhận thức từ vị trí “người cho, ban ơn” sang vị trí “công bộc” phục vụ nhân dân; kiên quyết xử lý cán bộ, công chức, viên chức quan liêu, nhũng nhiễu, năng lực, phẩm chất kém. Xây dựng cơ chế để người dân, tổ chức, doanh nghiệp được giám sát, chấm điểm, đánh giá đội ngũ cán bộ, công chức; khi bị phiền hà, hạch sách, nhũng nhiễu thì có nơi trình bày, phản ánh được lắng nghe, giải quyết và danh tính được bảo vệ.",
          mandatory: false,
        },
        {
          code: "II.3",
          title: "Thực hiện nghiêm túc thư cảm ơn, thư xin lỗi",
          text:
            "Thường xuyên quán triệt cán bộ, công chức, viên chức thực hiện thư xin lỗi khi không đúng hẹn, thể hiện tính văn minh công vụ, tinh thần trách nhiệm của cơ quan cung cấp thủ tục hành chính. Cán bộ, công chức, viên chức phải xin lỗi người dân, tổ chức nếu giải quyết hồ sơ hành chính không đúng hẹn; nội dung xin lỗi phải nêu rõ tên cá nhân hoặc tổ chức nộp hồ sơ, hồ sơ thuộc lĩnh vực nào, tình trạng giải quyết đến đâu, nguyên nhân không thể trả đúng hẹn, đồng thời cam kết thời gian giải quyết tiếp theo. Nêu cao trách nhiệm của người đứng đầu cơ quan, đơn vị trong thực hiện thư cảm ơn, thư xin lỗi; áp dụng biện pháp xử lý hành chính, kỷ luật, chuyển công tác, thậm chí buộc thôi việc đối với cán bộ, công chức, viên chức vì nguyên nhân chủ quan không làm hết trách nhiệm, lợi dụng vị trí công tác để nhũng nhiễu, gây phiền hà cho nhân dân.",
          mandatory: false,
        },
        {
          code: "II.4",
          title: "Xây dựng hình ảnh cán bộ, công chức, viên chức thân thiện, có trách nhiệm với nhân dân",
          text:
            "Thực hiện nghiêm các quy định về đạo đức công vụ, văn hóa công sở, tác phong làm việc, quy tắc ứng xử, phong cách “trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”, “nghe dân nói, nói dân hiểu, làm dân tin” và phương châm “chân thành, tích cực, thận trọng, kiên trì, tế nhị, hiệu quả”, nhất là người đứng đầu cơ quan, đơn vị. Bố trí nơi tiếp nhận và trả kết quả hồ sơ, nơi tiếp công dân khang trang, sạch đẹp; công khai chức năng, nhiệm vụ của cán bộ, công chức để nhân dân thực hiện chức năng giám sát. Duy trì và phát huy ngày hội tư vấn thủ tục hành chính, công trình thanh niên cải tiến, rút ngắn quy trình xử lý văn bản, văn hóa giao tiếp nơi công sở, mô hình làm việc ngày thứ bảy tình nguyện. Đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và kỷ niệm 50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh (02/9/1969 – 02/9/2019) trong Đảng ủy – HĐND – UBND.",
          mandatory: false,
        },
      ],
    },
    {
      code: "III",
      title: "Không xả rác bừa bãi ra đường phố, kênh rạch",
      subItems: [
        {
          code: "III.1",
          title: "Cụ thể hóa Nghị quyết 25-NQ/HU: khu dân cư không rác, phân loại rác tại nguồn, ký kết với hộ dân",
          text:
            "Xây dựng kế hoạch và giải pháp cụ thể hóa Nghị quyết số 25-NQ/HU ngày 03/12/2018 của Huyện ủy về thực hiện cuộc vận động “Người dân thành phố Hồ Chí Minh không xả rác ra đường và kênh rạch vì thành phố sạch và giảm ngập nước đến năm 2020”: xây dựng khu dân cư không rác, không thả vật nuôi phóng uế bừa bãi trên đường phố; phân loại rác sinh hoạt tại nguồn; hạn chế sử dụng túi ni lông; thường xuyên khai thông cống rãnh; thu gom, xử lý chất thải, chú trọng chất thải y tế; tuyên truyền, vận động chủ hộ kinh doanh chấp hành pháp luật về bảo vệ môi trường, không xả rác nơi công cộng; đầu tư phương tiện, điều kiện thu gom rác; ký kết với các hộ dân về trách nhiệm giữ gìn vệ sinh tại những nơi tự phát tập kết, thu gom, xử lý rác; kịp thời phát hiện, nhân rộng các điển hình cá nhân, tập thể thực hiện tốt phong trào không xả rác gây ô nhiễm môi trường vì khu dân cư, đường phố xanh – sạch – đẹp.",
          mandatory: false,
        },
        {
          code: "III.2",
          title: "Giữ gìn vệ sinh môi trường tại cơ quan, đơn vị; đăng ký công trình, giải pháp cụ thể",
          text:
            "Tuyên truyền, vận động cán bộ, đảng viên, đoàn viên, hội viên, người lao động có ý thức giữ gìn vệ sinh môi trường trong cơ quan, đơn vị; từng chi bộ, cơ quan, đơn vị đăng ký các công trình, giải pháp cụ thể để tham gia giữ gìn vệ sinh môi trường, công sở văn minh, sạch đẹp, an toàn tại cơ quan, đơn vị.",
          mandatory: false,
          mandatoryForUnits: true,
        },
        {
          code: "III.3",
          title: "Vận động chức sắc, chức việc tôn giáo; hạn chế rải, đốt vàng mã",
          text:
            "Vận động chức sắc, chức việc trong tôn giáo cùng tham gia hưởng ứng với địa phương tuyên truyền không xả rác ra đường phố, kênh rạch; hạn chế việc rải, đốt vàng mã để bảo vệ môi trường và tiết kiệm an sinh xã hội.",
          mandatory: false,
        },
      ],
    },
    {
      code: "IV",
      title: "Không vi phạm luật giao thông đường bộ",
      subItems: [
        {
          code: "IV.1",
          title: "Tuyên truyền chấp hành luật giao thông: đội mũ bảo hiểm, không sử dụng rượu bia khi điều khiển phương tiện",
          text:
            "Đẩy mạnh tuyên truyền, vận động cán bộ, đảng viên, công chức, viên chức và nhân dân tự giác chấp hành nghiêm chỉnh luật giao thông đường bộ và tránh vi phạm giao thông: không đội mũ bảo hiểm khi tham gia giao thông, sử dụng rượu bia khi điều khiển phương tiện giao thông.",
          mandatory: false,
        },
        {
          code: "IV.2",
          title: "Cán bộ, đảng viên, công chức, viên chức, người lao động đăng ký và thực hiện 100% không vi phạm luật giao thông",
          text:
            "Cán bộ, đảng viên, công chức, viên chức, người lao động cơ quan, đơn vị đăng ký và thực hiện 100% không vi phạm luật giao thông.",
          mandatory: true,
        },
        {
          code: "IV.3",
          title: "Không lấn chiếm lòng lề đường",
          text:
            "Giảm dần và tiến tới việc cán bộ, đảng viên, công chức, viên chức và nhân dân không lấn chiếm lòng lề đường dưới mọi hình thức để bảo đảm an toàn giao thông và văn minh đô thị.",
          mandatory: false,
        },
      ],
    },
    {
      code: "V",
      title: "Không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự an toàn",
      guidanceHeading:
        "Không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự an toàn nơi cư trú và trên đường phố",
      subItems: [
        {
          code: "V.1",
          title: "Tuyên truyền, vận động chấp hành chủ trương của Đảng, pháp luật của Nhà nước",
          text:
            "Có nhiều giải pháp khéo tuyên truyền, giáo dục, vận động cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên các tổ chức chính trị - xã hội, người lao động thực hiện chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước, bảo đảm tình hình an ninh chính trị, trật tự an toàn xã hội.",
          mandatory: false,
        },
        {
          code: "V.2",
          title: "Nắm chắc tình hình nhân dân, giải quyết bức xúc, nguyện vọng chính đáng",
          text:
            "Phối hợp chặt chẽ trong việc nắm chắc tình hình nhân dân, kịp thời giải quyết những bức xúc, nguyện vọng chính đáng, hợp pháp của nhân dân, đề xuất cấp có thẩm quyền xem xét giải quyết.",
          mandatory: false,
        },
        {
          code: "V.3",
          title: "Bảo đảm an sinh xã hội; quản lý, cảm hóa, giáo dục người lầm lỗi",
          text:
            "Thực hiện tốt giải pháp bảo đảm an sinh xã hội, chăm lo người nghèo, các đối tượng xã hội; làm tốt công tác quản lý, cảm hóa, giáo dục người lầm lỗi, vi phạm pháp luật để họ có cuộc sống ổn định, không bị các đối tượng khác lôi kéo vi phạm pháp luật.",
          mandatory: false,
        },
        {
          code: "V.4",
          title: "Giải quyết kịp thời bức xúc chính đáng của người lao động",
          text:
            "Nắm chắc và giải quyết kịp thời tình hình người lao động, nhất là những bức xúc chính đáng, hợp pháp về chế độ tiền lương, thưởng, thời gian làm việc…; có chủ trương, biện pháp giải quyết hiệu quả, kịp thời tại địa phương.",
          mandatory: false,
        },
        {
          code: "V.5",
          title: "Phát huy lực lượng nòng cốt, người có uy tín; hòa giải trong cộng đồng dân cư",
          text:
            "Khéo trong việc thực hiện và phát huy lực lượng chính trị nòng cốt, cốt cán trong tôn giáo, người có uy tín trong đồng bào dân tộc; trong hòa giải các mối quan hệ trong cộng đồng dân cư.",
          mandatory: false,
        },
        {
          code: "V.6",
          title: "Phát huy lực lượng chính trị nòng cốt; phong trào “Toàn dân bảo vệ an ninh Tổ quốc”",
          text:
            "Phối hợp xây dựng và phát huy hiệu quả lực lượng chính trị nòng cốt trong cộng đồng dân cư và trong doanh nghiệp; thông qua hoạt động của các phong trào, mô hình, điển hình như “Toàn dân bảo vệ an ninh Tổ quốc”, “Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia trong tình hình mới”… khơi dậy truyền thống yêu nước, phát huy tinh thần trách nhiệm, quyền làm chủ của nhân dân trong chấp hành pháp luật và tích cực tham gia bảo vệ an ninh chính trị, trật tự an toàn xã hội.",
          mandatory: false,
        },
        {
          code: "V.7",
          title: "Không để xảy ra tình trạng khiếu kiện",
          text:
            "Phối hợp, chủ động nắm tình hình, phát huy lực lượng chính trị nòng cốt, tạo sức mạnh tổng hợp trong phối hợp vận động, giải thích, không để xảy ra tình trạng khiếu kiện.",
          mandatory: false,
        },
        {
          code: "V.8",
          title: "Phối hợp chính quyền, đoàn thể, lực lượng vũ trang; phòng, chống cháy nổ, tội phạm, tệ nạn xã hội",
          text:
            "Thực hiện có hiệu quả các nghị quyết liên tịch và chương trình phối hợp giữa chính quyền, các đoàn thể chính trị - xã hội với lực lượng vũ trang; vận động nhân dân tham gia tích cực phong trào “Toàn dân bảo vệ an ninh Tổ quốc”, phòng, chống cháy nổ, bảo đảm an toàn giao thông, phòng, chống tội phạm, tệ nạn xã hội; thực hiện tốt công tác dân vận trong cơ quan và cuộc vận động “Công an nhân dân chấp hành nghiêm điều lệnh, xây dựng nếp sống văn hóa vì nhân dân phục vụ”, phong trào thi đua “Công an nhân dân học tập, thực hiện 6 điều Bác Hồ dạy”.",
          mandatory: false,
        },
      ],
    },
  ],
};

/**
 * The sub-items every member must register (e.g. IV.2).
 *
 * Why: registration coverage lists, per criterion, who has not registered the mandatory items.
 */
export function mandatorySubItems(set: CriteriaSet): CriteriaSubItem[] {
  return set.criteria.flatMap((c) => c.subItems.filter((s) => s.mandatory));
}

/** The criterion and sub-item with this code ('IV' or 'IV.2'), or null. */
export function findCriteriaItem(
  set: CriteriaSet,
  code: string,
): { criterion: Criterion; subItem: CriteriaSubItem | null } | null {
  const c = normalize(code);
  for (const criterion of set.criteria) {
    if (normalize(criterion.code) === c) return { criterion, subItem: null };
    const subItem = criterion.subItems.find((s) => normalize(s.code) === c);
    if (subItem) return { criterion, subItem };
  }
  return null;
}

/** A problem in a criteria set, shaped like the API's error details. */
export type CriteriaProblem = { path: string; message: string };

function normalize(s: string): string {
  return s.normalize("NFC").trim();
}

function badPoints(p: number | undefined): boolean {
  return p !== undefined && (!Number.isFinite(p) || p < 0);
}

/**
 * Problems that would make a criteria set unusable, in Vietnamese: empty titles or codes,
 * duplicate codes, a sub-item code not under its criterion ('II.1' under 'I'), invalid points,
 * sub-item points adding up to more than the criterion's.
 *
 * Why without zod: the same check runs in the server (on save), in the web form and on the
 * shipped seed data, and must return the Vietnamese message the committee reads.
 */
export function validateCriteriaSet(set: CriteriaSet): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  if (normalize(set.code) === "") problems.push({ path: "code", message: "Thiếu mã bộ tiêu chí" });
  if (normalize(set.name) === "") problems.push({ path: "name", message: "Thiếu tên bộ tiêu chí" });
  if (set.criteria.length === 0) problems.push({ path: "criteria", message: "Bộ tiêu chí chưa có tiêu chí nào" });

  const criterionCodes = new Set<string>();
  const subItemCodes = new Set<string>();
  set.criteria.forEach((criterion, i) => {
    const path = `criteria.${i}`;
    const code = normalize(criterion.code);
    if (code === "") {
      problems.push({ path: `${path}.code`, message: `Tiêu chí thứ ${i + 1} chưa có mã` });
    } else if (criterionCodes.has(code)) {
      problems.push({ path: `${path}.code`, message: `Mã tiêu chí “${code}” bị trùng` });
    } else {
      criterionCodes.add(code);
    }
    if (normalize(criterion.title) === "") {
      problems.push({ path: `${path}.title`, message: `Tiêu chí ${code || i + 1} chưa có tên` });
    }
    if (badPoints(criterion.points)) {
      problems.push({ path: `${path}.points`, message: `Điểm của tiêu chí ${code} phải là số không âm` });
    }
    let pointsSum = 0;
    criterion.subItems.forEach((sub, j) => {
      const subPath = `${path}.subItems.${j}`;
      const subCode = normalize(sub.code);
      if (subCode === "") {
        problems.push({ path: `${subPath}.code`, message: `Nội dung thứ ${j + 1} của tiêu chí ${code} chưa có mã` });
      } else {
        if (code !== "" && !(subCode.startsWith(`${code}.`) && subCode.length > code.length + 1)) {
          problems.push({
            path: `${subPath}.code`,
            message: `Mã nội dung “${subCode}” không thuộc tiêu chí ${code} (phải có dạng ${code}.1, ${code}.2, …)`,
          });
        }
        if (subItemCodes.has(subCode) || criterionCodes.has(subCode)) {
          problems.push({ path: `${subPath}.code`, message: `Mã nội dung “${subCode}” bị trùng` });
        } else {
          subItemCodes.add(subCode);
        }
      }
      if (normalize(sub.title) === "") {
        problems.push({ path: `${subPath}.title`, message: `Nội dung ${subCode || j + 1} chưa có tên` });
      }
      if (badPoints(sub.points)) {
        problems.push({ path: `${subPath}.points`, message: `Điểm của nội dung ${subCode} phải là số không âm` });
      } else {
        pointsSum += sub.points ?? 0;
      }
    });
    if (criterion.points !== undefined && !badPoints(criterion.points) && pointsSum > criterion.points + 1e-9) {
      problems.push({
        path: `${path}.points`,
        message: `Tổng điểm các nội dung của tiêu chí ${code} (${pointsSum}) vượt điểm của tiêu chí (${criterion.points})`,
      });
    }
  });
  return problems;
}
