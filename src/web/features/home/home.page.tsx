import { Typography } from "antd";
import dayjs from "dayjs";
import { useAccount } from "@web/app/account-context";
import { todayInVietnam } from "@web/lib/format";
import { HomeWidgets } from "./home-widgets";

function greeting(): string {
  const h = (new Date().getUTCHours() + 7) % 24;
  if (h < 11) return "Chào buổi sáng";
  if (h < 14) return "Chào buổi trưa";
  if (h < 18) return "Chào buổi chiều";
  return "Chào buổi tối";
}

export default function HomePage() {
  const account = useAccount();
  const name = account.personName ?? account.displayName;
  const today = dayjs(todayInVietnam()).locale("vi").format("dddd, DD/MM/YYYY");
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          {greeting()}, {name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ textTransform: "capitalize" }}>
          {today}
        </Typography.Text>
      </div>
      <HomeWidgets account={account} />
    </>
  );
}
