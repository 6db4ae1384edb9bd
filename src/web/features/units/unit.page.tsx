import { EditOutlined, FileExcelOutlined, MoreOutlined, PlusOutlined, StopOutlined, TeamOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Dropdown, Empty, Flex, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useUnit, type UnitDetailData } from "@web/api/units";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitKindTag } from "@web/components/tags";
import { formatRange, formatViDate } from "@web/lib/format";
import { useIsPhone } from "@web/lib/use-media";
import { usePageTitle } from "@web/lib/use-page-title";
import { AddPersonModal } from "../people/person-modals";
import { membersExportUrl, membersImportUrl } from "@web/api/spreadsheets";
import { ExportExcelButton } from "../spreadsheets/export-button";
import { ImportExcelModal } from "../spreadsheets/import-modal";
import { asOfSuffix, useAsOf } from "./as-of";
import { CreateUnitModal, EndUnitModal, UpdateUnitModal } from "./unit-modals";

type Member = UnitDetailData["members"][number];
type Version = UnitDetailData["history"][number];
type Child = UnitDetailData["children"][number];

type ModalName = "addPerson" | "update" | "addChild" | "end" | null;

function MembersCard({ detail }: { detail: UnitDetailData }) {
  const [importing, setImporting] = useState(false);
  return (
    <Card
      title={`Thành viên (${detail.members.length})`}
      extra={
        <Flex gap={8} wrap>
          {detail.unit.canViewStaff && <ExportExcelButton href={membersExportUrl(detail.unit.id)} size="small" />}
          {detail.unit.canManage && (
            <Button size="small" icon={<FileExcelOutlined aria-hidden />} onClick={() => setImporting(true)}>
              Nhập từ Excel
            </Button>
          )}
        </Flex>
      }
    >
      <ImportExcelModal
        open={importing}
        title={`Nhập danh sách từ Excel — ${detail.unit.name}`}
        url={membersImportUrl(detail.unit.id)}
        templateUrl={membersExportUrl(detail.unit.id)}
        onClose={() => setImporting(false)}
        invalidate={[["units"], ["people"]]}
      />
      <DataView<Member>
        label="Thành viên"
        rows={detail.members}
        rowKey="positionId"
        emptyText="Chưa có thành viên"
        columns={[
          { title: "Họ và tên", dataIndex: "fullName", render: (v: string, m) => <Link to={`/can-bo/${m.personId}`}>{v}</Link> },
          { title: "Chức vụ", dataIndex: "roleLabel" },
          { title: "Chức danh", dataIndex: "title", render: (v: string | null) => v ?? "" },
          { title: "Từ ngày", dataIndex: "startDate", render: (v: string) => formatViDate(v), width: 120 },
        ]}
        renderCard={(m) => (
          <div className="card-row">
            <div style={{ minWidth: 0 }}>
              <Link className="card-title" to={`/can-bo/${m.personId}`}>
                {m.fullName}
              </Link>
              <div className="card-meta">{m.title ?? ""}</div>
            </div>
            <div style={{ textAlign: "right", flex: "none" }}>
              <Tag color={m.role === "member" ? "default" : "red"} style={{ marginInlineEnd: 0 }}>
                {m.roleLabel}
              </Tag>
              <div className="card-meta">từ {formatViDate(m.startDate)}</div>
            </div>
          </div>
        )}
      />
    </Card>
  );
}

function HistoryCard({ detail }: { detail: UnitDetailData }) {
  return (
    <Card title="Tên gọi và trực thuộc qua các thời kỳ">
      <DataView<Version>
        label="Lịch sử tên gọi"
        rows={[...detail.history].reverse()}
        rowKey="id"
        size="small"
        columns={[
          { title: "Tên gọi", dataIndex: "name", render: (v: string, h) => (h.shortName ? `${v} (${h.shortName})` : v) },
          { title: "Ký hiệu", dataIndex: "symbolCode" },
          { title: "Trực thuộc", dataIndex: "parentName", render: (v: string | null) => v ?? "—" },
          { title: "Từ ngày", dataIndex: "validFrom", render: (v: string) => formatViDate(v) },
          { title: "Đến ngày", dataIndex: "validTo", render: (v: string | null) => (v ? formatViDate(v) : "nay") },
        ]}
        renderCard={(h) => (
          <>
            <div className="card-title">
              {h.name} <Typography.Text type="secondary">({h.symbolCode})</Typography.Text>
            </div>
            <div className="card-meta">Trực thuộc: {h.parentName ?? "—"}</div>
            <div className="card-meta">{formatRange(h.validFrom, h.validTo)}</div>
          </>
        )}
      />
    </Card>
  );
}

function ChildrenCard({ detail, asOf }: { detail: UnitDetailData; asOf: string | null }) {
  return (
    <Card title={`Đơn vị trực thuộc (${detail.children.length})`}>
      {detail.children.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có đơn vị trực thuộc" />
      ) : (
        <Flex vertical gap={10}>
          {detail.children.map((c: Child) => (
            <Flex key={c.id} justify="space-between" gap={8} wrap align="center">
              <Link to={`/to-chuc/${c.id}${asOfSuffix(asOf)}`} style={{ fontWeight: 500 }}>
                {c.name}
              </Link>
              <Flex gap={8} align="center">
                <UnitKindTag kind={c.kind} label={c.kindLabel} />
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  <TeamOutlined aria-hidden /> {c.memberCount}
                </Typography.Text>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function UnitView({ detail, asOf }: { detail: UnitDetailData; asOf: string | null }) {
  const { unit } = detail;
  const isPhone = useIsPhone();
  const [modal, setModal] = useState<ModalName>(null);
  usePageTitle(unit.name);
  const close = () => setModal(null);
  // A version ends when the name or parent changes; the unit itself ends with its last version.
  const versions = [...detail.history].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const firstDay = versions[0]?.validFrom ?? unit.validFrom;
  const lastDay = versions.length ? (versions[versions.length - 1]!.validTo ?? null) : unit.validTo;
  const ended = lastDay !== null;

  // Adding people and child units is the unit's own manager's act; renaming, moving and ending it
  // belong to the level above (canRestructure), so a cell's secretary is not offered them.
  const restructure = unit.canRestructure ? (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setModal("update")}>
        Đổi tên / chuyển đơn vị
      </Button>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [{ key: "end", icon: <StopOutlined aria-hidden />, label: "Kết thúc hoạt động", danger: true, disabled: ended }],
          onClick: ({ key }) => key === "end" && setModal("end"),
        }}
      >
        <Button icon={<MoreOutlined aria-hidden />} aria-label="Thao tác khác" />
      </Dropdown>
    </>
  ) : null;
  const actions =
    unit.canManage || unit.canRestructure ? (
      <>
        {unit.canManage && (
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setModal("addPerson")}>
            Thêm người
          </Button>
        )}
        {unit.canManage && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setModal("addChild")}>
            Thêm đơn vị trực thuộc
          </Button>
        )}
        {restructure}
      </>
    ) : null;

  return (
    <>
      <PageHeader
        title={unit.name}
        back={`/to-chuc${asOfSuffix(asOf)}`}
        tags={
          <Flex gap={4} wrap>
            <UnitKindTag kind={unit.kind} label={unit.kindLabel} />
            <Tag>{unit.symbolCode}</Tag>
            {ended && <Tag color="default">Đã kết thúc {formatViDate(lastDay)}</Tag>}
          </Flex>
        }
        extra={actions}
      />
      {asOf && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`Thông tin tại ngày ${formatViDate(asOf)}.`} />}
      <Flex vertical gap={16}>
        <Card title="Thông tin đơn vị">
          <Descriptions column={isPhone ? 1 : 2} size="small" bordered={!isPhone}>
            <Descriptions.Item label="Tên gọi">{unit.name}</Descriptions.Item>
            <Descriptions.Item label="Tên viết tắt">{unit.shortName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Loại">{unit.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="Mã đơn vị">
              <Typography.Text code>{unit.code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="Ký hiệu">{unit.symbolCode}</Descriptions.Item>
            <Descriptions.Item label="Trực thuộc">
              {detail.parentName && unit.parentId ? <Link to={`/to-chuc/${unit.parentId}${asOfSuffix(asOf)}`}>{detail.parentName}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="Hoạt động">{formatRange(firstDay, lastDay)}</Descriptions.Item>
            <Descriptions.Item label="Tên gọi, trực thuộc này">{formatRange(unit.validFrom, unit.validTo)}</Descriptions.Item>
            <Descriptions.Item label="Số thành viên">{unit.memberCount}</Descriptions.Item>
          </Descriptions>
        </Card>
        <MembersCard detail={detail} />
        <ChildrenCard detail={detail} asOf={asOf} />
        <HistoryCard detail={detail} />
      </Flex>
      {unit.canManage && (
        <>
          <AddPersonModal unit={unit} open={modal === "addPerson"} onClose={close} />
          <CreateUnitModal parent={unit} open={modal === "addChild"} onClose={close} />
        </>
      )}
      {unit.canRestructure && (
        <>
          <UpdateUnitModal detail={detail} open={modal === "update"} onClose={close} />
          <EndUnitModal unit={unit} open={modal === "end"} onClose={close} />
        </>
      )}
    </>
  );
}

export default function UnitPage() {
  const { id } = useParams();
  const [asOf] = useAsOf();
  const q = useUnit(id, asOf);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <UnitView detail={q.data} asOf={asOf} />}
    </QueryState>
  );
}
