import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";

/** "Xuất Excel": a plain download link styled as a button (the server names the file). */
export function ExportExcelButton({ href, label = "Xuất Excel", size }: { href: string; label?: string; size?: "small" | "middle" }) {
  return (
    <Button icon={<FileExcelOutlined aria-hidden />} href={href} download size={size}>
      {label}
    </Button>
  );
}
