import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Flex, Modal, Progress, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@web/api/client";
import { uploadSheet, type ImportReport } from "@web/api/spreadsheets";

type Phase = "choose" | "checking" | "checked" | "writing" | "done";

/**
 * Import from Excel in two steps: upload and check (dry run: a row-by-row report in Vietnamese,
 * nothing written), then confirm (the server checks again and writes everything or nothing).
 */
export function ImportExcelModal(props: { open: boolean; title: string; url: string; templateUrl?: string; onClose: () => void; invalidate?: unknown[][] }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("choose");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPhase("choose");
    setProgress(0);
    setReport(null);
    setError(null);
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const run = async (dryRun: boolean, f: File) => {
    setError(null);
    setProgress(0);
    setPhase(dryRun ? "checking" : "writing");
    try {
      const r = await uploadSheet(props.url, f, { dryRun, onProgress: setProgress });
      setReport(r);
      setPhase(dryRun ? "checked" : r.ok ? "done" : "checked");
      if (!dryRun && r.ok) for (const key of props.invalidate ?? []) await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(errorMessage(e));
      setPhase("choose");
    }
  };

  const busy = phase === "checking" || phase === "writing";
  const footer =
    phase === "done"
      ? [<Button key="close" type="primary" onClick={close}>Đóng</Button>]
      : [
          <Button key="cancel" onClick={close} disabled={busy}>Hủy</Button>,
          phase === "checked" && report?.ok && (report.counts.create + report.counts.update > 0) ? (
            <Button key="apply" type="primary" onClick={() => file && run(false, file)}>Xác nhận nhập</Button>
          ) : null,
        ];

  return (
    <Modal open={props.open} title={props.title} onCancel={close} footer={footer} width={760} maskClosable={!busy} destroyOnHidden>
      <Flex vertical gap={12}>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            void run(true, f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
          <p>Chọn hoặc kéo tệp Excel (.xlsx) vào đây</p>
          <Typography.Text type="secondary">{file ? file.name : "Dùng đúng các cột của tệp “Xuất Excel”"}</Typography.Text>
        </Upload.Dragger>
        {props.templateUrl && (
          <Typography.Link href={props.templateUrl} download>Tải tệp mẫu (danh sách hiện tại)</Typography.Link>
        )}
        {busy && (
          <div role="status">
            <Progress percent={progress} status="active" />
            <Typography.Text>{progress < 100 ? "Đang tải tệp lên…" : phase === "checking" ? "Đang kiểm tra…" : "Đang ghi…"}</Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        {report && <ReportView report={report} />}
      </Flex>
    </Modal>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  return (
    <Flex vertical gap={8}>
      {report.applied ? (
        <Alert type="success" showIcon message={`Đã nhập xong: thêm ${report.counts.create}, cập nhật ${report.counts.update}, giữ nguyên ${report.counts.unchanged}`} />
      ) : report.ok ? (
        report.counts.create + report.counts.update === 0 ? (
          <Alert type="info" showIcon message="Tệp không có gì thay đổi so với dữ liệu hiện có" />
        ) : (
          <Alert type="info" showIcon message="Tệp hợp lệ. Kiểm tra số liệu rồi bấm “Xác nhận nhập”." />
        )
      ) : (
        <Alert type="error" showIcon message={`Tệp có ${report.issueCount} lỗi; chưa nhập dòng nào. Sửa tệp rồi chọn lại.`} />
      )}
      <Descriptions size="small" column={{ xs: 2, sm: 4 }} bordered>
        <Descriptions.Item label="Số dòng">{report.counts.rows}</Descriptions.Item>
        <Descriptions.Item label="Thêm mới">{report.counts.create}</Descriptions.Item>
        <Descriptions.Item label="Cập nhật">{report.counts.update}</Descriptions.Item>
        <Descriptions.Item label="Không đổi">{report.counts.unchanged}</Descriptions.Item>
      </Descriptions>
      {report.issues.length > 0 && (
        <Table
          aria-label="Lỗi trong tệp"
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={report.issues.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 520 }}
          dataSource={report.issues}
          columns={[
            { title: "Dòng", dataIndex: "row", width: 70, render: (v: number) => (v === 0 ? "Tệp" : v) },
            { title: "Cột", dataIndex: "column", width: 130, render: (v: string | null) => v ?? "" },
            { title: "Lỗi", dataIndex: "message" },
          ]}
        />
      )}
    </Flex>
  );
}
