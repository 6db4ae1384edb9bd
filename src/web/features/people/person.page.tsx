import { GENDER_LABELS } from "@contracts/people.js";
import { EditOutlined, PlusOutlined, SwapOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Flex, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { usePerson, type Person, type Position } from "@web/api/people";
import { useAccount } from "@web/app/account-context";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { CategoryTags } from "@web/components/tags";
import { formatRange, formatViDate } from "@web/lib/format";
import { useIsPhone } from "@web/lib/use-media";
import { usePageTitle } from "@web/lib/use-page-title";
import { AddPositionModal, EditPersonModal, EndPositionModal, TransferModal } from "./person-modals";

/** Current positions first, then the most recent. */
function byRecency(a: Position, b: Position): number {
  if (!a.endDate !== !b.endDate) return a.endDate ? 1 : -1;
  return b.startDate.localeCompare(a.startDate);
}

function PositionsCard({ person, onEnd }: { person: Person; onEnd: (p: Position) => void }) {
  const account = useAccount();
  const canOpenUnits = account.menu.includes("units");
  const rows = [...person.positions].sort(byRecency);
  const unitLink = (p: Position) => (canOpenUnits ? <Link to={`/to-chuc/${p.unitId}`}>{p.unitName}</Link> : p.unitName);
  const endButton = (p: Position) =>
    p.canManage && !p.endDate ? (
      <Button size="small" danger onClick={() => onEnd(p)} aria-label={`Kết thúc chức vụ ${p.roleLabel} tại ${p.unitName}`}>
        Kết thúc
      </Button>
    ) : null;

  return (
    <Card title="Chức vụ và quá trình sinh hoạt">
      <DataView<Position>
        label="Chức vụ"
        rows={rows}
        rowKey="id"
        emptyText="Chưa có chức vụ nào"
        columns={[
          { title: "Đơn vị", dataIndex: "unitName", render: (_: string, p) => unitLink(p) },
          { title: "Chức vụ", dataIndex: "roleLabel" },
          { title: "Chức danh", dataIndex: "title", render: (v: string | null) => v ?? "" },
          { title: "Từ ngày", dataIndex: "startDate", render: (v: string) => formatViDate(v) },
          {
            title: "Đến ngày",
            dataIndex: "endDate",
            render: (v: string | null) => (v ? formatViDate(v) : <Tag color="green">Đang giữ</Tag>),
          },
          { title: "Lý do kết thúc", dataIndex: "endReason", render: (v: string | null) => v ?? "" },
          ...(person.canManage ? [{ title: "Thao tác", key: "actions", render: (_: unknown, p: Position) => endButton(p) }] : []),
        ]}
        renderCard={(p) => (
          <>
            <div className="card-row">
              <div style={{ minWidth: 0 }}>
                <div className="card-title">{unitLink(p)}</div>
                <div className="card-meta">
                  {p.roleLabel}
                  {p.title ? ` · ${p.title}` : ""}
                </div>
              </div>
              {p.endDate ? <Tag style={{ marginInlineEnd: 0 }}>Đã kết thúc</Tag> : <Tag color="green" style={{ marginInlineEnd: 0 }}>Đang giữ</Tag>}
            </div>
            <div className="card-meta">{formatRange(p.startDate, p.endDate)}</div>
            {p.endReason && <div className="card-meta">Lý do: {p.endReason}</div>}
            {endButton(p) && <div style={{ marginTop: 8 }}>{endButton(p)}</div>}
          </>
        )}
      />
    </Card>
  );
}

type ModalName = "edit" | "addPosition" | "transfer" | null;

function PersonView({ person }: { person: Person }) {
  const isPhone = useIsPhone();
  usePageTitle(person.fullName);
  const [modal, setModal] = useState<ModalName>(null);
  const [ending, setEnding] = useState<Position | null>(null);
  const close = () => setModal(null);
  const canTransfer = person.positions.some((p) => !p.endDate && p.canManage);
  const gender = person.gender ? ((GENDER_LABELS as Record<string, string>)[person.gender] ?? person.gender) : "—";

  return (
    <>
      <PageHeader
        title={person.fullName}
        back="/can-bo"
        tags={<CategoryTags categories={person.categories} />}
        extra={
          person.canManage ? (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setModal("edit")}>
                Sửa thông tin
              </Button>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setModal("addPosition")}>
                Thêm chức vụ
              </Button>
              <Button icon={<SwapOutlined aria-hidden />} onClick={() => setModal("transfer")} disabled={!canTransfer}>
                Chuyển sinh hoạt
              </Button>
            </>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card title="Thông tin cá nhân">
          <Descriptions column={isPhone ? 1 : 2} size="small" bordered={!isPhone}>
            <Descriptions.Item label="Họ và tên">{person.fullName}</Descriptions.Item>
            <Descriptions.Item label="Giới tính">{gender}</Descriptions.Item>
            <Descriptions.Item label="Ngày sinh">{person.birthDate ? formatViDate(person.birthDate) : "—"}</Descriptions.Item>
            <Descriptions.Item label="Mã cán bộ, đảng viên">{person.externalCode ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="Số điện thoại">{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : "—"}</Descriptions.Item>
            <Descriptions.Item label="Email">{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : "—"}</Descriptions.Item>
            <Descriptions.Item label="Phân loại" span={isPhone ? 1 : 2}>
              {person.categories.length ? <CategoryTags categories={person.categories} /> : <Typography.Text type="secondary">—</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <PositionsCard person={person} onEnd={setEnding} />
      </Flex>
      {person.canManage && (
        <>
          <EditPersonModal person={person} open={modal === "edit"} onClose={close} />
          <AddPositionModal person={person} open={modal === "addPosition"} onClose={close} />
          <TransferModal person={person} open={modal === "transfer"} onClose={close} />
          <EndPositionModal person={person} position={ending} onClose={() => setEnding(null)} />
        </>
      )}
    </>
  );
}

export default function PersonPage() {
  const { id } = useParams();
  const q = usePerson(id);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <PersonView person={q.data} />}
    </QueryState>
  );
}
