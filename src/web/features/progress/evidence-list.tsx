import { FilePdfOutlined } from "@ant-design/icons";
import { Flex, Typography } from "antd";
import { formatBytes, type EvidenceFile } from "@web/api/progress";
import "../registrations/registrations.css";

/** Evidence files: image thumbnails (open the full picture) and PDF links, each downloadable. */
export function EvidenceList({ files }: { files: EvidenceFile[] }) {
  if (!files.length) return null;
  return (
    <Flex gap={8} wrap aria-label="Tệp minh chứng" role="list" style={{ marginTop: 6 }}>
      {files.map((f) => (
        <div key={f.id} role="listitem">
          {f.isImage ? (
            <a href={`${f.url}?inline=1`} target="_blank" rel="noreferrer" title={`${f.fileName} (${formatBytes(f.sizeBytes)})`}>
              <img className="evidence-thumb" src={`${f.url}?inline=1`} alt={f.fileName} loading="lazy" />
            </a>
          ) : (
            <a href={f.url} download={f.fileName}>
              <FilePdfOutlined aria-hidden /> {f.fileName} <Typography.Text type="secondary">({formatBytes(f.sizeBytes)})</Typography.Text>
            </a>
          )}
        </div>
      ))}
    </Flex>
  );
}
