import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { ImportExcelModal } from "./import-modal";

/**
 * "Nhập từ Excel": a button that opens the two-step import (check, then confirm) for one sheet.
 * Show it only to those the server lets import; it answers 403 to anyone else anyway.
 */
export function ImportExcelButton(props: { title: string; url: string; templateUrl?: string; invalidate?: unknown[][]; size?: "small" | "middle" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileExcelOutlined aria-hidden />} size={props.size} onClick={() => setOpen(true)}>
        Nhập từ Excel
      </Button>
      <ImportExcelModal open={open} title={props.title} url={props.url} templateUrl={props.templateUrl} invalidate={props.invalidate} onClose={() => setOpen(false)} />
    </>
  );
}
