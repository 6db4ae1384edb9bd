import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Statistic, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { useRollup, type RollupView } from "@web/api/reports";
import { rollupExportUrl } from "@web/api/spreadsheets";
import { DataView } from "@web/components/data-view";
import { LoadMore } from "@web/components/load-more";
import { QueryState } from "@web/components/query-state";
import { formatViDate } from "@web/lib/format";
import { useIsPhone } from "@web/lib/use-media";
import { ExportExcelButton } from "../spreadsheets/export-button";
import { EChart, type ChartOption } from "./echart";
import { CriteriaTable, pct } from "./report-statistics";
import { SubmissionTag } from "./submission-tag";

type Child = RollupView["children"][number];

const REGISTERED_COLOR = "#90a4ae";
const ACHIEVED_COLOR = "#b71c1c";

function barOption(
  categories: string[],
  registered: number[],
  achieved: number[],
  opts: { horizontal?: boolean; tooltipNames?: string[]; labelWidth?: number } = {},
): ChartOption {
  const category = { type: "category" as const, data: categories, axisLabel: { interval: 0, width: opts.labelWidth ?? 110, overflow: "truncate" as const } };
  const value = { type: "value" as const, minInterval: 1 };
  return {
    color: [REGISTERED_COLOR, ACHIEVED_COLOR],
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number; seriesName: string; value: number; marker: string }[];
        const i = list[0]?.dataIndex ?? 0;
        const head = opts.tooltipNames?.[i] ?? categories[i] ?? "";
        const reg = registered[i] ?? 0;
        const ach = achieved[i] ?? 0;
        const rate = reg ? Math.round((ach * 1000) / reg) / 10 : 0;
        return [head, ...list.map((p) => `${p.marker}${p.seriesName}: ${p.value}`), `Tỷ lệ đạt: ${pct(rate)}`].join("<br/>");
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [
      { name: "Đăng ký", type: "bar", data: registered, barMaxWidth: 28 },
      { name: "Đạt", type: "bar", data: achieved, barMaxWidth: 28 },
    ],
  };
}

/** Registered vs achieved per criterion, then per child unit, over the whole subtree, live. */
export function RollupPanel({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const q = useRollup(campaignId, unitId);
  const first = q.data?.pages[0];
  // the totals come with every page; the child rows add up page after page, after the unit's own bodies
  const children = useMemo(() => {
    const own = first?.own ? [ownRow(first)] : [];
    return [...own, ...(q.data?.pages.flatMap((p) => p.children) ?? [])];
  }, [q.data, first]);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {first && (
        <RollupContent
          data={first}
          rows={children}
          more={<LoadMore q={q} />}
          complete={!q.hasNextPage}
          refetch={() => void q.refetch()}
          fetching={q.isFetching && !q.isFetchingNextPage}
          campaignId={campaignId}
        />
      )}
    </QueryState>
  );
}

const OWN_SUFFIX = ":own";

/** The unit's own bodies as a row of the table (not a link: it is the unit on screen). */
function ownRow(view: RollupView): Child {
  const own = view.own!;
  return { ...view.unit, id: `${view.unit.id}${OWN_SUFFIX}`, name: `Trực tiếp tại ${view.unit.name}`, ...own, submission: null, submissionLabel: null };
}

const isOwn = (c: Child) => c.id.endsWith(OWN_SUFFIX);

function RollupContent({
  data,
  rows,
  more,
  complete,
  refetch,
  fetching,
  campaignId,
}: {
  data: RollupView;
  rows: Child[];
  more: ReactNode;
  complete: boolean;
  refetch: () => void;
  fetching: boolean;
  campaignId: string;
}) {
  const isPhone = useIsPhone();
  const units = rows.filter((r) => !isOwn(r)).length;
  const criteriaOption = useMemo(
    () =>
      barOption(
        data.criteria.map((c) => (isPhone ? c.code : `Tiêu chí ${c.code}`)),
        data.criteria.map((c) => c.registered),
        data.criteria.map((c) => c.achieved),
        { tooltipNames: data.criteria.map((c) => `${c.code}. ${c.title}`) },
      ),
    [data, isPhone],
  );
  const childOption = useMemo(
    () =>
      barOption(
        rows.map((c) => c.name),
        rows.map((c) => c.registered),
        rows.map((c) => c.achieved),
        { horizontal: true, labelWidth: isPhone ? 110 : 220 },
      ),
    [rows, isPhone],
  );

  return (
    <Flex vertical gap={16}>
      <Card
        title="Tổng hợp toàn đơn vị"
        extra={
          <Flex gap={8} wrap>
            <ExportExcelButton href={rollupExportUrl(campaignId, data.unit.id)} size="small" />
            <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={refetch} loading={fetching}>
              Làm mới
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">
          Số liệu trực tiếp của {data.unit.name} và tất cả đơn vị trực thuộc (mọi cấp), tính đến {formatViDate(data.asOf)}: việc làm trong các bảng
          đăng ký đã duyệt; đạt theo đánh giá của chi bộ, vi phạm làm mất kết quả đạt.
        </Typography.Paragraph>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} aria-label="Số liệu tổng hợp" role="group">
          <Col xs={12} md={6}>
            <Statistic title="Việc làm đăng ký" value={data.total.registered} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Việc làm đạt" value={data.total.achieved} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Tỷ lệ đạt" value={pct(data.total.percent)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Đảng viên đã đăng ký" value={`${data.members.registered}/${data.members.total}`} />
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={12}>
            <EChart option={criteriaOption} height={isPhone ? 260 : 300} label="Biểu đồ đăng ký và đạt theo tiêu chí" />
          </Col>
          <Col xs={24} xxl={12}>
            <CriteriaTable criteria={data.criteria} total={data.total} label="Tổng hợp theo tiêu chí" />
          </Col>
        </Row>
      </Card>
      <Card title={complete ? `Theo đơn vị trực thuộc (${units})` : `Theo đơn vị trực thuộc (${units} đơn vị đầu tiên)`}>
        {rows.length > 0 && (
          <EChart option={childOption} height={Math.max(180, 48 * rows.length + 60)} label="Biểu đồ đăng ký và đạt theo đơn vị trực thuộc" />
        )}
        <DataView<Child>
          label="Tổng hợp theo đơn vị trực thuộc"
          rows={rows}
          rowKey="id"
          emptyText="Không có đơn vị trực thuộc"
          columns={[
            { title: "Đơn vị", dataIndex: "name", render: (v: string, c) => (isOwn(c) ? v : <Link to={`/bao-cao/${campaignId}/${c.id}`}>{v}</Link>) },
            { title: "Đăng ký", dataIndex: "registered", align: "right" },
            { title: "Đạt", dataIndex: "achieved", align: "right" },
            { title: "Tỷ lệ", dataIndex: "percent", align: "right", render: (v: number) => pct(v) },
            ...data.criteria.map((cr, i) => ({
              title: `TC ${cr.code}`,
              key: cr.code,
              align: "right" as const,
              render: (_: unknown, c: Child) => `${c.byCriterion[i]?.achieved ?? 0}/${c.byCriterion[i]?.registered ?? 0}`,
            })),
            { title: "ĐV đăng ký", key: "members", align: "right", render: (_: unknown, c: Child) => `${c.members.registered}/${c.members.total}` },
            { title: "Báo cáo", dataIndex: "submission", render: (_: unknown, c: Child) => (c.submission ? <SubmissionTag state={c.submission} label={c.submissionLabel ?? ""} /> : "—") },
          ]}
          renderCard={(c) => (
            <>
              <div className="card-row">
                {isOwn(c) ? (
                  <span className="card-title">{c.name}</span>
                ) : (
                  <Link className="card-title" to={`/bao-cao/${campaignId}/${c.id}`}>
                    {c.name}
                  </Link>
                )}
                <strong style={{ flex: "none" }}>{pct(c.percent)}</strong>
              </div>
              <div className="card-meta">
                Đăng ký {c.registered} · Đạt {c.achieved} · Đảng viên {c.members.registered}/{c.members.total}
              </div>
              {c.submission && (
                <div style={{ marginTop: 6 }}>
                  <SubmissionTag state={c.submission} label={c.submissionLabel ?? ""} />
                </div>
              )}
            </>
          )}
        />
        {more}
        {data.own && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8, fontSize: 13 }}>
            “Trực tiếp tại {data.unit.name}”: đảng viên và bảng đăng ký của chính đơn vị, không thuộc đơn vị trực thuộc nào; cộng các dòng được số liệu toàn đơn vị.
          </Typography.Text>
        )}
        {!isPhone && rows.length > 0 && (
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8, fontSize: 13 }}>
            TC I – TC V: số việc làm đạt / số đăng ký của từng tiêu chí.
          </Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
