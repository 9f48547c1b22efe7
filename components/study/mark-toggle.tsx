import { ActionForm } from "@/components/action-form";
import { markStudiedAction, unmarkStudiedAction } from "@/lib/study/actions";

/** The reader's own 已学 toggle for a listed rule; nobody else ever sees this mark. */
export function StudyMarkToggle({ year, regulationId, studied }: { year: number; regulationId: number; studied: boolean }) {
  return (
    <div data-testid={`study-mark-${regulationId}`} data-studied={studied ? "yes" : "no"}>
      <ActionForm
        key={studied ? "studied" : "open"}
        action={studied ? unmarkStudiedAction : markStudiedAction}
        submitLabel={studied ? "已学 · 撤销" : "标记为已学"}
        buttonClassName={studied ? "btn text-green-700" : "btn"}
      >
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="regulationId" value={regulationId} />
      </ActionForm>
    </div>
  );
}
