import { prisma } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/dal";
import { listOffices } from "@/lib/plan/queries";
import { PlanImportEditor } from "@/components/plan-import/editor";

export const metadata = { title: "导入工作要点 - 法治建设工作台" };

export default async function PlanImportPage() {
  await requirePageUser("plan:import");
  const [offices, settings] = await Promise.all([listOffices(prisma), prisma.unitSettings.findUnique({ where: { id: 1 } })]);
  return (
    <div>
      <h1 className="page-title">导入工作要点</h1>
      <p className="mb-4 text-sm text-slate-600">
        粘贴工作要点全文，或上传文件：Word（.docx / .doc）、WPS 文字（.wps）、Excel（.xlsx）、PDF 或文本（.txt），不超过 10 MB。
        正文段落和任务分解表都能识别：系统识别部分、要点、牵头科室、配合科室、完成时限和量化指标，核对修改后保存为草稿。
      </p>
      <PlanImportEditor
        offices={offices}
        defaults={{ year: new Date().getFullYear(), unitName: settings?.unitName ?? "" }}
      />
    </div>
  );
}
