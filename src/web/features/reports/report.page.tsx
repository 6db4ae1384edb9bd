import { Alert, Card, Flex, Spin, Tabs, Tag } from "antd";
import { lazy, Suspense } from "react";
import { useParams, useSearchParams } from "react-router";
import { useUnitReport, type ReportView } from "@web/api/reports";
import { documentPaths } from "@web/api/documents";
import { DocumentDownloads } from "@web/components/document-downloads";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitKindTag } from "@web/components/tags";
import { formatViDate } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";
import { ReportDocumentInfo, ReportForm } from "./report-form";
import { ReportStatistics } from "./report-statistics";
import { SubmissionsPanel } from "./submissions-view";

// The charts (ECharts) load only when a roll-up is shown, not for a cell's own report.
const RollupPanel = lazy(() => import("./rollup-view").then((m) => ({ default: m.RollupPanel })));

function OwnReport({ view, campaignId, unitId }: { view: ReportView; campaignId: string; unitId: string }) {
  const r = view.report;
  return (
    <Flex vertical gap={16}>
      {r.status === "submitted" ? (
        <Alert
          type={r.late ? "warning" : "success"}
          showIcon
          title={`Báo cáo đã gửi${r.submittedAt ? ` ngày ${formatViDate(r.submittedAt)}` : ""}${r.receivedByUnitName ? `, qua ${r.receivedByUnitName}` : ""}${r.late ? " — trễ hạn" : ""}. Báo cáo đã gửi không sửa được.`}
        />
      ) : view.can.edit ? (
        <Alert
          type="info"
          showIcon
          title={`Bản nháp: số liệu cập nhật trực tiếp và được chốt khi gửi. Viết đủ bốn phần (Ưu điểm, Hạn chế, Nguyên nhân, Phương hướng) rồi gửi${view.receiver ? ` qua ${view.receiver.name}` : ""}.`}
        />
      ) : (
        <Alert type="info" showIcon title="Đơn vị chưa gửi báo cáo. Bạn chỉ xem, không sửa được báo cáo của đơn vị này." />
      )}
      <Card title="Văn bản">
        <ReportDocumentInfo view={view} />
      </Card>
      <ReportForm view={view} campaignId={campaignId} unitId={unitId} />
      <ReportStatistics statistics={view.statistics} frozen={view.statisticsFrozen} submittedAt={r.submittedAt} />
    </Flex>
  );
}

/**
 * A unit's result report for a campaign: its own report (write, submit, or read), and for units
 * with units below, the live roll-up with charts and who has or has not reported.
 */
export default function ReportPage() {
  const { campaignId = "", unitId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const q = useUnitReport(campaignId, unitId);
  const view = q.data;
  usePageTitle(view ? `Báo cáo kết quả — ${view.unit.name}` : "Báo cáo kết quả");
  const tab = params.get("tab") ?? (view?.unit.hasChildren ? "tong-hop" : "bao-cao");
  const setTab = (key: string) =>
    setParams(
      (p) => {
        p.set("tab", key);
        return p;
      },
      { replace: true },
    );

  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {view && (
        <>
          <PageHeader
            title={`Báo cáo kết quả — ${view.unit.name}`}
            subtitle={view.campaign.name}
            back="/bao-cao"
            extra={<DocumentDownloads path={documentPaths.resultReport(campaignId, unitId)} label="báo cáo kết quả" />}
            tags={
              <Flex gap={4} wrap>
                <UnitKindTag kind={view.unit.kind} label={view.unit.kindLabel} />
                <Tag color={view.report.status === "submitted" ? "green" : "orange"}>{view.report.statusLabel}</Tag>
                {view.report.late && <Tag color="gold">Gửi trễ hạn</Tag>}
                {view.campaign.reportDeadline && <Tag>Hạn báo cáo {formatViDate(view.campaign.reportDeadline)}</Tag>}
              </Flex>
            }
          />
          {view.unit.hasChildren ? (
            <Tabs
              activeKey={tab}
              onChange={setTab}
              destroyOnHidden
              items={[
                {
                  key: "tong-hop",
                  label: "Tổng hợp",
                  children: (
                    <Suspense fallback={<Spin />}>
                      <RollupPanel campaignId={campaignId} unitId={unitId} />
                    </Suspense>
                  ),
                },
                { key: "nop-bao-cao", label: "Tình hình báo cáo", children: <SubmissionsPanel campaignId={campaignId} unitId={unitId} /> },
                { key: "bao-cao", label: "Báo cáo đơn vị", children: <OwnReport view={view} campaignId={campaignId} unitId={unitId} /> },
              ]}
            />
          ) : (
            <OwnReport view={view} campaignId={campaignId} unitId={unitId} />
          )}
        </>
      )}
    </QueryState>
  );
}
