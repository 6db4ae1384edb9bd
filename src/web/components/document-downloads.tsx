import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { App, Button, Flex } from "antd";
import { useState } from "react";
import { errorMessage } from "@web/api/client";
import { downloadDocument, type DocumentFormat } from "@web/api/documents";

export interface DocumentDownloadsProps {
  /** The document's resource path (see `documentPaths` in @web/api/documents). */
  path: string;
  /** What is downloaded, for the group's accessible name: "kế hoạch", "bảng đăng ký"… */
  label: string;
  size?: "small" | "middle";
  /** A short visible name before the buttons where a page offers several documents ("Biên bản họp"). */
  caption?: string;
}

/**
 * "Tải DOCX" / "Tải PDF": the official document of the page as Word (to edit, print and sign) or
 * PDF, downloaded with the session cookie under the server's Vietnamese file name.
 */
export function DocumentDownloads({ path, label, size, caption }: DocumentDownloadsProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const get = (format: DocumentFormat) => {
    setBusy(format);
    downloadDocument(path, format)
      .catch((e: unknown) => void message.error(errorMessage(e)))
      .finally(() => setBusy(null));
  };
  return (
    <Flex gap={8} wrap align="center" role="group" aria-label={`Tải ${label}`}>
      {caption && <span aria-hidden>{caption}:</span>}
      <Button size={size} icon={<FileWordOutlined aria-hidden />} loading={busy === "docx"} disabled={busy !== null && busy !== "docx"} onClick={() => get("docx")}>
        Tải DOCX
      </Button>
      <Button size={size} icon={<FilePdfOutlined aria-hidden />} loading={busy === "pdf"} disabled={busy !== null && busy !== "pdf"} onClick={() => get("pdf")}>
        Tải PDF
      </Button>
    </Flex>
  );
}
