import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { LoginForm } from "./login-form";

export const metadata = { title: "登录 - 法治建设工作台" };

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-red-50 to-slate-100 p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow">
        <h1 className="mb-1 text-center text-2xl font-semibold text-brand">法治建设工作台</h1>
        <p className="mb-6 text-center text-sm text-slate-500">机关法治建设工作要点 · 台账 · 督办 · 年度报告</p>
        <LoginForm />
      </div>
    </main>
  );
}
