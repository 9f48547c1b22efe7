"use client";

import { useState } from "react";
import { ActionForm } from "@/components/action-form";
import { linkItemAction } from "@/lib/assessment/actions";
import type { LinkOption } from "@/lib/assessment/links";

const GROUPS: Array<[string, string]> = [["POINT", "工作要点"], ["TARGET", "量化指标"], ["LEDGER", "已通过的台账记录"]];

/** Choose a work point, target or approved ledger entry of the year to judge the indicator on. */
export function LinkPicker({ indicatorId, title, options }: { indicatorId: number; title: string; options: LinkOption[] }) {
  const [value, setValue] = useState("");
  const [kind, refId] = value.split(":");
  return (
    <ActionForm action={linkItemAction} submitLabel="关联" buttonClassName="btn" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="kind" value={kind ?? ""} />
      <input type="hidden" name="refId" value={refId ?? ""} />
      <select aria-label={`${title} 关联内容`} className="input max-w-md" value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">选择要关联的工作要点、量化指标或台账记录</option>
        {GROUPS.map(([k, label]) => (
          <optgroup key={k} label={label}>
            {options.filter((o) => o.kind === k).map((o) => <option key={`${o.kind}:${o.refId}`} value={`${o.kind}:${o.refId}`}>{o.label}</option>)}
          </optgroup>
        ))}
      </select>
    </ActionForm>
  );
}
