import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Popconfirm, Row, Select, Statistic, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "@web/api/client";
import {
  useApproveProposal,
  useCommendationUnits,
  useCommended,
  useDeclineProposal,
  useProposals,
  useWithdrawProposal,
  type CommendationUnits,
  type Proposal,
} from "@web/api/commendations";
import { documentPaths } from "@web/api/documents";
import { DataView } from "@web/components/data-view";
import { DocumentDownloads } from "@web/components/document-downloads";
import { FormModal } from "@web/components/form-modal";
import { CampaignSelect } from "@web/components/campaign-select";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDateTime } from "@web/lib/format";
import { ProposeModal } from "./propose-modal";

const STATUS_COLORS: Record<string, string> = { proposed: "processing", approved: "green", declined: "red" };

/** Proposals of exemplary members, collectives and models; the commune's decisions; the commended list. */
export default function CommendationsPage() {
  const units = useCommendationUnits();
  const [params, setParams] = useSearchParams();
  const campaigns = units.data?.campaigns ?? [];
  const campaignId = params.get("phongtrao") ?? campaigns[0]?.id ?? null;
  const campaign = campaigns.find((c) => c.id === campaignId) ?? null;
  const campaignUnits = (units.data?.units ?? []).filter((u) => u.campaignId === campaignId);
  const proposable = campaignUnits.filter((u) => u.canPropose);
  const [proposing, setProposing] = useState(false);

  return (
    <>
      <PageHeader
        title="Tuyên dương, khen thưởng"
        subtitle="Chi bộ đề xuất gương điển hình tập thể, cá nhân, mô hình “Dân vận khéo”; Đảng ủy xã xem xét, quyết định."
        extra={
          proposable.length > 0 && campaignId ? (
            <Button type="primary" onClick={() => setProposing(true)}>
              Đề xuất tuyên dương
            </Button>
          ) : undefined
        }
      />
      <QueryState isLoading={units.isLoading} error={units.error} refetch={units.refetch}>
        {campaigns.length === 0 ? (
          <Card>
            <Empty description="Chưa có phong trào nào trong phạm vi của bạn" />
          </Card>
        ) : (
          <>
            <Card style={{ marginBottom: 16 }}>
              <label htmlFor="commendation-campaign" className="field-label">
                Phong trào
              </label>
              <CampaignSelect
                id="commendation-campaign"
                value={campaignId ?? undefined}
                onChange={(v) => setParams({ phongtrao: v }, { replace: true })}
                options={campaigns.map((c) => ({ value: c.id, label: `Năm ${c.year}: ${c.name}`, closed: c.closed }))}
              />
            </Card>
            {campaignId && campaign && (
              <Card>
                <Tabs
                  items={[
                    {
                      key: "proposals",
                      label: "Đề xuất",
                      children: (
                        <>
                          <ProposalDocuments campaignId={campaignId} units={campaignUnits} />
                          {campaign.canViewAll && (
                            <Flex gap={8} align="center" justify="space-between" wrap style={{ marginBottom: 16 }}>
                              <Typography.Text>Quyết định khen thưởng (kèm danh sách) — {campaign.unitName}</Typography.Text>
                              <DocumentDownloads size="small" path={documentPaths.commendationDecision(campaignId, campaign.unitId)} label={`quyết định khen thưởng của ${campaign.unitName}`} />
                            </Flex>
                          )}
                          <ProposalsView campaignId={campaignId} />
                        </>
                      ),
                    },
                    { key: "commended", label: "Danh sách được tuyên dương", children: <CommendedView campaign={campaign} units={campaignUnits} /> },
                  ]}
                />
              </Card>
            )}
            {campaignId && <ProposeModal campaignId={campaignId} units={proposable} open={proposing} onClose={() => setProposing(false)} />}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The tờ trình of each proposing unit that has proposals (pending or approved), as DOCX and PDF. */
function ProposalDocuments({ campaignId, units }: { campaignId: string; units: CommendationUnits["units"] }) {
  const withProposals = units.filter((u) => u.proposed + u.approved > 0);
  if (withProposals.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} role="list" aria-label="Tờ trình đề nghị tuyên dương">
      {withProposals.map((u) => (
        <Flex key={u.unitId} role="listitem" gap={8} align="center" justify="space-between" wrap>
          <Typography.Text>Tờ trình đề nghị tuyên dương — {u.unitName}</Typography.Text>
          <DocumentDownloads size="small" path={documentPaths.commendationProposal(campaignId, u.unitId)} label={`tờ trình đề nghị tuyên dương của ${u.unitName}`} />
        </Flex>
      ))}
    </Flex>
  );
}

function Subject({ p }: { p: Proposal }) {
  return (
    <>
      <Tag>{p.subjectKindLabel}</Tag>
      <Typography.Text strong>{p.subjectName}</Typography.Text>
      {p.modelField && <div className="card-meta">Lĩnh vực: {p.modelField}</div>}
      <div className="card-meta">{p.unitName}</div>
      {p.ratingLabel && <div className="card-meta">Xếp loại: {p.ratingLabel}</div>}
    </>
  );
}

function StatusTag({ p }: { p: Proposal }) {
  return <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>;
}

function Decision({ p }: { p: Proposal }) {
  return (
    <>
      {p.declineReason && <div className="card-meta">Lý do: {p.declineReason}</div>}
      {p.decidedAt && <div className="card-meta">{formatViDateTime(p.decidedAt)}</div>}
    </>
  );
}

function Status({ p }: { p: Proposal }) {
  return (
    <>
      <StatusTag p={p} />
      <Decision p={p} />
    </>
  );
}

function Actions({ p, onDecline }: { p: Proposal; onDecline: (p: Proposal) => void }) {
  const approve = useApproveProposal();
  const withdraw = useWithdrawProposal();
  const { message } = App.useApp();
  return (
    <Flex gap={6} wrap>
      {p.canDecide && (
        <>
          <Popconfirm
            title={`Duyệt tuyên dương ${p.subjectName}?`}
            okText="Duyệt"
            cancelText="Hủy"
            onConfirm={() => approve.mutateAsync(p.id).then(() => void message.success("Đã duyệt đề xuất"), (e: unknown) => void message.error(errorMessage(e)))}
          >
            <Button size="small" type="primary" aria-label={`Duyệt đề xuất ${p.subjectName}`}>
              Duyệt
            </Button>
          </Popconfirm>
          <Button size="small" danger onClick={() => onDecline(p)} aria-label={`Không duyệt đề xuất ${p.subjectName}`}>
            Không duyệt
          </Button>
        </>
      )}
      {p.status === "approved" && <DocumentDownloads size="small" caption="Giấy khen" path={documentPaths.certificate(p.id)} label={`giấy khen của ${p.subjectName}`} />}
      {p.canWithdraw && (
        <Popconfirm
          title="Rút đề xuất này?"
          okText="Rút"
          cancelText="Hủy"
          onConfirm={() => withdraw.mutateAsync(p.id).catch((e: unknown) => void message.error(errorMessage(e)))}
        >
          <Button size="small" aria-label={`Rút đề xuất ${p.subjectName}`}>
            Rút
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

function Warnings({ p }: { p: Proposal }) {
  if (!p.warnings.length) return null;
  return <Alert type="warning" showIcon style={{ marginTop: 6, padding: "4px 8px" }} title={p.warnings.join("; ")} />;
}

function ProposalsView({ campaignId }: { campaignId: string }) {
  const list = useProposals(campaignId);
  const [declining, setDeclining] = useState<Proposal | null>(null);
  const decline = useDeclineProposal();
  return (
    <QueryState isLoading={list.isLoading} error={list.error} refetch={list.refetch}>
      <DataView<Proposal>
        label="Đề xuất tuyên dương"
        rows={list.data?.items}
        rowKey="id"
        scrollX={900}
        emptyText="Chưa có đề xuất nào"
        columns={[
          { title: "Đối tượng", key: "subject", width: 260, render: (_, p) => <Subject p={p} /> },
          {
            title: "Thành tích",
            dataIndex: "achievements",
            render: (v: string, p) => (
              <>
                <span style={{ whiteSpace: "pre-wrap" }}>{v}</span>
                <Warnings p={p} />
              </>
            ),
          },
          { title: "Trạng thái", key: "status", width: 170, render: (_, p) => <Status p={p} /> },
          { title: "", key: "actions", width: 190, render: (_, p) => <Actions p={p} onDecline={setDeclining} /> },
        ]}
        renderCard={(p) => (
          <>
            {/* The tag alone beside the subject: a long reason below, wrapping, never widens the phone page. */}
            <div className="card-row">
              <span style={{ minWidth: 0 }}>
                <Subject p={p} />
              </span>
              <span style={{ flex: "none" }}>
                <StatusTag p={p} />
              </span>
            </div>
            <Decision p={p} />
            <div style={{ marginTop: 6, whiteSpace: "pre-wrap" }}>{p.achievements}</div>
            <Warnings p={p} />
            <div style={{ marginTop: 8 }}>
              <Actions p={p} onDecline={setDeclining} />
            </div>
          </>
        )}
      />
      <FormModal<{ reason: string }>
        title={declining ? `Không duyệt đề xuất: ${declining.subjectName}` : ""}
        open={declining !== null}
        onClose={() => setDeclining(null)}
        okText="Không duyệt"
        danger
        successMessage="Đã trả lời đề xuất"
        onSubmit={(v) => decline.mutateAsync({ id: declining!.id, reason: v.reason })}
      >
        <Form.Item name="reason" label="Lý do không duyệt" rules={[{ required: true, whitespace: true, message: "Vui lòng nêu lý do không duyệt" }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </QueryState>
  );
}

function CommendedView({ campaign, units }: { campaign: CommendationUnits["campaigns"][number]; units: CommendationUnits["units"] }) {
  const options = [...(campaign.canViewAll ? [{ value: campaign.unitId, label: `${campaign.unitName} (toàn bộ)` }] : []), ...units.map((u) => ({ value: u.unitId, label: u.unitName }))];
  const [unitId, setUnitId] = useState<string | null>(options[0]?.value ?? null);
  const list = useCommended(campaign.id, unitId);
  return (
    <>
      <label htmlFor="commended-unit" className="field-label">
        Đơn vị
      </label>
      <Select id="commended-unit" style={{ width: "100%", marginBottom: 16 }} value={unitId ?? undefined} onChange={setUnitId} options={options} />
      <QueryState isLoading={list.isLoading} error={list.error} refetch={list.refetch}>
        {list.data && (
          <>
            {/* Two by two on a phone, one row from tablets up. */}
            <Row gutter={[24, 12]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}>
                <Statistic title="Được tuyên dương" value={list.data.total} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Cá nhân" value={list.data.byKind.person} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Tập thể" value={list.data.byKind.collective} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Mô hình" value={list.data.byKind.model} />
              </Col>
            </Row>
            {list.data.groups.length === 0 ? (
              <Empty description="Chưa có ai được tuyên dương" />
            ) : (
              <Flex vertical gap={12} role="list" aria-label="Danh sách được tuyên dương">
                {list.data.groups.map((g) => (
                  <Card key={g.unitId} size="small" role="listitem" title={<span style={{ whiteSpace: "normal" }}>{g.unitName}</span>}>
                    {g.items.map((p) => (
                      <div key={p.id} style={{ marginBottom: 8 }}>
                        <Tag>{p.subjectKindLabel}</Tag>
                        <Typography.Text strong>{p.subjectName}</Typography.Text>
                        <div className="card-meta" style={{ whiteSpace: "pre-wrap" }}>
                          {p.achievements}
                        </div>
                      </div>
                    ))}
                  </Card>
                ))}
              </Flex>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
