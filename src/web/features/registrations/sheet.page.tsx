import { PlusOutlined } from "@ant-design/icons";
import { REGISTRATION_STATUS_LABELS, SHEET_STATUSES, type SheetStatus } from "@contracts/registrations.js";
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Input, Progress, Row, Select, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useApproveRegistrations, useCoverage, useSheet, type Coverage, type Sheet, type SheetRow } from "@web/api/registrations";
import { coverageExportUrl, registrationsExportUrl, registrationsImportUrl } from "@web/api/spreadsheets";
import { documentPaths } from "@web/api/documents";
import { BulkActionModal } from "@web/components/bulk-action-modal";
import { DataView } from "@web/components/data-view";
import { DocumentDownloads } from "@web/components/document-downloads";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDateTime } from "@web/lib/format";
import { useUrlFilters } from "@web/lib/use-url-filters";
import { useIsPhone } from "@web/lib/use-media";
import { usePageTitle } from "@web/lib/use-page-title";
import { ExportExcelButton } from "../spreadsheets/export-button";
import { ImportExcelButton } from "../spreadsheets/import-button";
import { LinkButton } from "./link-button";
import { LateTag, RegistrationStatusTag } from "./registration-tags";
import "./registrations.css";

type KeyedRow = SheetRow & { key: string };

const isStatus = (s: string | null): s is SheetStatus => s !== null && (SHEET_STATUSES as readonly string[]).includes(s);

function NameCell({ row }: { row: SheetRow }) {
  return row.registrationId ? (
    <Link to={`/dang-ky/${row.registrationId}`} style={{ fontWeight: 500 }}>
      {row.displayName}
    </Link>
  ) : (
    <span style={{ fontWeight: 500 }}>{row.displayName}</span>
  );
}

function MissingTags({ codes }: { codes: string[] }) {
  if (!codes.length) return null;
  return (
    <Flex gap={4} wrap>
      {codes.map((c) => (
        <Tag key={c} color="red" style={{ marginInlineEnd: 0 }}>
          Thiếu {c}
        </Tag>
      ))}
    </Flex>
  );
}

function Counts({ sheet, status, onPick }: { sheet: Sheet; status: SheetStatus | null; onPick: (s: SheetStatus | null) => void }) {
  return (
    <Flex gap={8} wrap role="group" aria-label="Số lượng theo trạng thái" style={{ marginBottom: 16 }}>
      {SHEET_STATUSES.map((s) => (
        <Button key={s} className="count-chip" type={status === s ? "primary" : "default"} aria-pressed={status === s} onClick={() => onPick(status === s ? null : s)}>
          <span className="count-value">{sheet.counts[s]}</span>
          <span>{REGISTRATION_STATUS_LABELS[s]}</span>
        </Button>
      ))}
    </Flex>
  );
}

function SheetList({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const { params, search, setSearch, q, update } = useUrlFilters();
  const statusParam = params.get("trangthai");
  const status = isStatus(statusParam) ? statusParam : null;
  const late = params.get("tre") === "1";

  const sheet = useSheet(campaignId, unitId, { status, q, late: late ? true : null });
  const data = sheet.data;
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const approve = useApproveRegistrations();
  // Only sheets awaiting review can be picked, and only what is on screen now counts.
  const awaiting = (data?.items ?? []).filter((r) => r.status === "submitted" && r.registrationId !== null);
  const chosen = awaiting.filter((r) => picked.includes(r.registrationId!));
  const canBulk = Boolean(data?.can.review) && awaiting.length > 0;
  return (
    <QueryState isLoading={sheet.isLoading} error={sheet.error} refetch={sheet.refetch}>
      {data && (
        <>
          <Counts sheet={data} status={status} onPick={(s) => update({ trangthai: s })} />
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="bottom">
            <Col xs={24} md={10}>
              <label htmlFor="sheet-search" className="field-label">
                Tìm theo tên
              </label>
              <Input.Search id="sheet-search" allowClear placeholder="Ví dụ: nguyen van an" value={search} onChange={(e) => setSearch(e.target.value)} enterButton={false} />
            </Col>
            <Col xs={24} md={8}>
              <label htmlFor="sheet-status" className="field-label">
                Trạng thái
              </label>
              <Select<SheetStatus | "">
                id="sheet-status"
                style={{ width: "100%" }}
                value={status ?? ""}
                onChange={(v) => update({ trangthai: v || null })}
                options={[{ value: "", label: "Tất cả" }, ...SHEET_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))]}
              />
            </Col>
            <Col xs={24} md={6}>
              <Checkbox checked={late} onChange={(e) => update({ tre: e.target.checked ? "1" : null })}>
                Chỉ bảng nộp sau hạn ({data.lateCount})
              </Checkbox>
            </Col>
          </Row>
          <DataView<KeyedRow>
            label="Danh sách đăng ký của đơn vị"
            rows={data.items.map((r) => ({ ...r, key: r.registrationId ?? r.personId ?? r.displayName }))}
            rowKey="key"
            loading={sheet.isFetching}
            scrollX={1120}
            emptyText="Không có ai phù hợp bộ lọc"
            selection={
              canBulk
                ? {
                    selected: chosen.map((r) => r.registrationId!),
                    onChange: setPicked,
                    selectable: (r) => r.status === "submitted" && r.registrationId !== null,
                    label: (r) => `Chọn bảng đăng ký của ${r.displayName}`,
                  }
                : undefined
            }
            toolbar={
              canBulk && (
                <>
                  <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
                    Đã chọn {chosen.length}/{awaiting.length} bảng chờ duyệt
                  </Typography.Text>
                  <Button type="primary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                    Duyệt các bảng đã chọn ({chosen.length})
                  </Button>
                </>
              )
            }
            columns={[
              { title: "Họ và tên / tập thể", key: "name", width: 210, render: (_, r) => <NameCell row={r} /> },
              { title: "Chức danh", dataIndex: "positionTitle", width: 150, render: (v: string | null, r) => v ?? (r.collectiveName ? "Tập thể" : "") },
              {
                title: "Trạng thái",
                key: "status",
                width: 150,
                render: (_, r) => (
                  <Flex gap={4} wrap>
                    <RegistrationStatusTag status={r.status} label={r.statusLabel} />
                    {r.late && <LateTag />}
                  </Flex>
                ),
              },
              { title: "Việc làm", dataIndex: "commitmentCount", width: 90, align: "right" },
              { title: "Mô hình", dataIndex: "modelCount", width: 90, align: "right" },
              { title: "Nội dung đã đăng ký", dataIndex: "itemCodes", width: 190, render: (v: string[]) => v.join(", ") },
              { title: "Thiếu nội dung bắt buộc", dataIndex: "missingMandatory", width: 130, render: (v: string[]) => <MissingTags codes={v} /> },
              { title: "Gửi lúc", dataIndex: "submittedAt", width: 140, render: (v: string | null) => formatViDateTime(v) },
            ]}
            renderCard={(r) => (
              <>
                <div className="card-row">
                  <NameCell row={r} />
                  <Flex gap={4} wrap style={{ flex: "none" }}>
                    <RegistrationStatusTag status={r.status} label={r.statusLabel} />
                    {r.late && <LateTag />}
                  </Flex>
                </div>
                {r.positionTitle && <div className="card-meta">{r.positionTitle}</div>}
                {r.registrationId && (
                  <div className="card-meta">
                    {r.commitmentCount} việc làm{r.modelCount ? `, ${r.modelCount} mô hình` : ""}
                    {r.itemCodes.length ? ` · ${r.itemCodes.join(", ")}` : ""}
                  </div>
                )}
                {r.returnReason && <div className="card-meta">Lý do trả lại: {r.returnReason}</div>}
                <div style={{ marginTop: 4 }}>
                  <MissingTags codes={r.missingMandatory} />
                </div>
              </>
            )}
          />
          <BulkActionModal
            title="Duyệt nhiều bảng đăng ký"
            open={confirming}
            onClose={() => setConfirming(false)}
            okText={`Duyệt ${chosen.length} bảng`}
            intro={`Duyệt ${chosen.length} bảng đăng ký dưới đây. Mỗi bảng được duyệt và ghi nhật ký riêng, người đăng ký nhận thông báo; nếu có bảng không duyệt được thì không bảng nào được duyệt.`}
            items={chosen.map((r) => ({
              key: r.registrationId!,
              line: (
                <>
                  {r.displayName} — {r.commitmentCount} việc làm{r.late ? " (nộp sau hạn)" : ""}
                </>
              ),
            }))}
            run={() => approve.mutateAsync(chosen.map((r) => r.registrationId!))}
            successMessage={`Đã duyệt ${chosen.length} bảng đăng ký`}
            onDone={() => setPicked([])}
          />
        </>
      )}
    </QueryState>
  );
}

function CoverageCards({ coverage }: { coverage: Coverage }) {
  return (
    <Flex vertical gap={12}>
      {coverage.criteria.map((c) => (
        <section key={c.id} aria-label={`Tiêu chí ${c.code}`}>
          <Typography.Text strong>
            {c.code}. {c.title}
          </Typography.Text>
          <div className="card-meta">
            {c.registeredMembers} thành viên đăng ký · {c.commitments} việc làm
          </div>
          <ul className="commitment-list">
            {c.items.map((i) => (
              <li key={i.id} className="commitment-item">
                <div className="commitment-line">
                  {i.code} — {i.title} {i.mandatory && <Tag color="red">Bắt buộc</Tag>}
                </div>
                <Flex gap={8} align="center">
                  <Progress percent={i.percent} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} status={i.mandatory && i.percent < 100 ? "exception" : "normal"} />
                  <span style={{ flex: "none" }}>
                    {i.registeredMembers}/{coverage.memberCount} ({String(i.percent).replace(".", ",")}%)
                  </span>
                </Flex>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Flex>
  );
}

function CoverageView({ coverage }: { coverage: Coverage }) {
  const isPhone = useIsPhone();
  const rows = coverage.criteria.flatMap((c) => [
    { key: c.id, kind: "criterion" as const, code: c.code, title: c.title, registered: c.registeredMembers, approved: null, commitments: c.commitments, percent: null, mandatory: false },
    ...c.items.map((i) => ({ key: i.id, kind: "item" as const, code: i.code, title: i.title, registered: i.registeredMembers, approved: i.approvedMembers, commitments: i.commitments, percent: i.percent, mandatory: i.mandatory })),
  ]);
  type Row = (typeof rows)[number];
  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <ExportExcelButton href={coverageExportUrl(coverage.campaign.id, coverage.unit.id)} label="Xuất Excel mức độ đăng ký" size="small" />
      </Flex>
      <Typography.Text>
        {coverage.memberCount} thành viên · {coverage.counts.approved} đã duyệt · {coverage.counts.submitted} chờ duyệt · {coverage.counts.returned} trả lại · {coverage.counts.draft} nháp ·{" "}
        {coverage.counts.not_registered} chưa đăng ký · {coverage.collectiveCount} bảng đăng ký tập thể · {coverage.modelCount} mô hình
      </Typography.Text>
      {coverage.missingMandatory.map((m) => (
        <Card key={m.itemId} size="small" title={`Chưa đăng ký nội dung bắt buộc ${m.code}`} styles={{ header: { whiteSpace: "normal" } }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {m.title}
          </Typography.Paragraph>
          {m.people.length === 0 ? (
            <Alert type="success" showIcon title="Tất cả thành viên đã đăng ký nội dung này" />
          ) : (
            <ul aria-label={`Chưa đăng ký ${m.code}`} className="commitment-list">
              {m.people.map((p) => (
                <li key={p.personId} className="commitment-item">
                  <Flex justify="space-between" gap={8} wrap>
                    {p.registrationId ? <Link to={`/dang-ky/${p.registrationId}`}>{p.fullName}</Link> : <span>{p.fullName}</span>}
                    <RegistrationStatusTag status={p.status} label={p.statusLabel} />
                  </Flex>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
      <section aria-label="Mức độ đăng ký theo tiêu chí">
        {isPhone ? (
          <CoverageCards coverage={coverage} />
        ) : (
          <Table<Row>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            scroll={{ x: 640 }}
            rowClassName={(r) => (r.kind === "criterion" ? "coverage-criterion" : "")}
            columns={[
              {
                title: "Tiêu chí / nội dung",
                key: "t",
                render: (_, r) =>
                  r.kind === "criterion" ? (
                    <strong>
                      {r.code}. {r.title}
                    </strong>
                  ) : (
                    <span>
                      {r.code} — {r.title} {r.mandatory && <Tag color="red">Bắt buộc</Tag>}
                    </span>
                  ),
              },
              {
                title: "Thành viên đăng ký",
                key: "r",
                width: 190,
                render: (_, r) =>
                  r.kind === "criterion" ? (
                    <strong>{r.registered}</strong>
                  ) : (
                    <Flex vertical gap={0}>
                      <span>
                        {r.registered}/{coverage.memberCount} ({String(r.percent).replace(".", ",")}%)
                      </span>
                      <Progress percent={r.percent ?? 0} showInfo={false} size="small" status={r.mandatory && (r.percent ?? 0) < 100 ? "exception" : "normal"} />
                    </Flex>
                  ),
              },
              { title: "Đã duyệt", key: "a", width: 90, align: "right", render: (_, r) => r.approved ?? "" },
              { title: "Số việc làm", dataIndex: "commitments", width: 100, align: "right" },
            ]}
          />
        )}
      </section>
    </Flex>
  );
}

function CoverageTab({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const cov = useCoverage(campaignId, unitId);
  return (
    <QueryState isLoading={cov.isLoading} error={cov.error} refetch={cov.refetch}>
      {cov.data ? <CoverageView coverage={cov.data} /> : <Empty />}
    </QueryState>
  );
}

/** A unit's registration sheet for a campaign: every member's status, filters, and coverage per criterion. */
export default function SheetPage() {
  const { campaignId, unitId } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get("xem") === "muc-do" ? "coverage" : "list";
  const head = useSheet(campaignId, unitId, {});
  const sheet = head.data;
  usePageTitle(sheet ? `Bảng đăng ký — ${sheet.unit.name}` : "Bảng đăng ký");
  return (
    <>
      <PageHeader
        title={sheet ? `Bảng đăng ký — ${sheet.unit.name}` : "Bảng đăng ký"}
        subtitle={sheet?.campaign.name}
        back="/bang-dang-ky"
        extra={
          sheet && (
            <>
              {sheet.can.registerCollective && (
                <LinkButton to={`/dang-ky/moi?phongtrao=${campaignId}&donvi=${unitId}&tapthe=1`} icon={<PlusOutlined aria-hidden />}>
                  Đăng ký cho tập thể
                </LinkButton>
              )}
              <ExportExcelButton href={registrationsExportUrl(campaignId!, unitId!)} />
              {sheet.can.review && sheet.campaign.open && (
                <ImportExcelButton
                  title={`Nhập bảng đăng ký từ Excel — ${sheet.unit.name}`}
                  url={registrationsImportUrl(campaignId!, unitId!)}
                  templateUrl={registrationsExportUrl(campaignId!, unitId!)}
                  invalidate={[["registrations"]]}
                />
              )}
              <DocumentDownloads path={documentPaths.registrationSheet(campaignId!, unitId!)} label="bảng đăng ký" />
            </>
          )
        }
      />
      <QueryState isLoading={head.isLoading} error={head.error} refetch={head.refetch}>
        {sheet && campaignId && unitId && (
          <Card>
            {sheet.can.review && sheet.counts.submitted > 0 && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${sheet.counts.submitted} bảng đăng ký đang chờ đồng chí duyệt`} />
            )}
            <Tabs
              activeKey={tab}
              onChange={(k) =>
                setParams(
                  (p) => {
                    const next = new URLSearchParams(p);
                    if (k === "coverage") next.set("xem", "muc-do");
                    else next.delete("xem");
                    return next;
                  },
                  { replace: true },
                )
              }
              items={[
                { key: "list", label: "Danh sách", children: <SheetList campaignId={campaignId} unitId={unitId} /> },
                { key: "coverage", label: "Mức độ đăng ký theo tiêu chí", children: <CoverageTab campaignId={campaignId} unitId={unitId} /> },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </>
  );
}
