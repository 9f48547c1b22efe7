import Link from "next/link";
import { requirePageUser } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { activeOffices, regulationCategories } from "@/lib/regulations/queries";
import { RegulationUploadForm } from "@/components/regulations/upload-form";

export const metadata = { title: "录入制度 - 法治建设工作台" };

export default async function NewRegulationPage() {
  await requirePageUser("regulation:manage");
  const [categories, offices] = await Promise.all([regulationCategories(prisma), activeOffices(prisma)]);
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <Link href="/regulations" className="text-sm text-brand hover:underline">← 制度库</Link>
        <h1 className="page-title mb-0">录入制度（制定）</h1>
      </div>
      <div className="card">
        <RegulationUploadForm mode="create" categories={categories} offices={offices} />
      </div>
    </div>
  );
}
