import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "法治建设工作台",
  description: "机关法治建设工作要点、工作台账、进度督办与年度报告",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
