"use client";

import type { DraftPoint, OfficeRef } from "@/lib/plan/import-draft";

const NONE = "none";

/** Lead and cooperating offices of a point, with a prompt for each name that matched no office. */
export function DraftOfficeFields({ point, offices, onChange }: {
  point: DraftPoint;
  offices: readonly OfficeRef[];
  onChange: (patch: Partial<DraftPoint>) => void;
}) {
  const n = point.number;
  const active = offices.filter((o) => o.active);
  const resolveSupport = (name: string, value: string) => {
    const unknownSupport = point.unknownSupport.filter((x) => x !== name);
    const id = Number(value);
    const ids = value !== NONE && id > 0 && id !== point.leadOfficeId && !point.supportOfficeIds.includes(id) ? [...point.supportOfficeIds, id] : point.supportOfficeIds;
    onChange({ unknownSupport, supportOfficeIds: ids });
  };
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <div className="space-y-2">
        <label className="block">
          <span className="label">牵头科室</span>
          <select
            className="input"
            value={point.leadOfficeId ?? ""}
            onChange={(e) => {
              const id = e.target.value ? Number(e.target.value) : null;
              onChange({ leadOfficeId: id, unknownLead: null, supportOfficeIds: point.supportOfficeIds.filter((x) => x !== id) });
            }}
            aria-label={`要点${n} 牵头科室`}
          >
            <option value="">（未指定）</option>
            {active.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        {point.unknownLead ? (
          <label className="block rounded border border-amber-300 bg-amber-50 p-2">
            <span className="label text-amber-900">未找到科室“{point.unknownLead}”，请选择对应科室</span>
            <select
              className="input"
              value=""
              onChange={(e) => {
                const value = e.target.value;
                if (!value) return;
                const id = value === NONE ? null : Number(value);
                onChange({ leadOfficeId: id, unknownLead: null, supportOfficeIds: point.supportOfficeIds.filter((x) => x !== id) });
              }}
            >
              <option value="">请选择…</option>
              {active.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              <option value={NONE}>不设置牵头科室</option>
            </select>
          </label>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="label">配合科室</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {active.filter((o) => o.id !== point.leadOfficeId).map((o) => (
            <label key={o.id} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={point.supportOfficeIds.includes(o.id)}
                onChange={(e) => onChange({ supportOfficeIds: e.target.checked ? [...point.supportOfficeIds, o.id] : point.supportOfficeIds.filter((x) => x !== o.id) })}
                aria-label={`要点${n} 配合科室 ${o.name}`}
              />
              {o.name}
            </label>
          ))}
        </div>
        {point.unknownSupport.map((name) => (
          <label key={name} className="block rounded border border-amber-300 bg-amber-50 p-2">
            <span className="label text-amber-900">未找到科室“{name}”，请选择对应科室</span>
            <select className="input" value="" onChange={(e) => e.target.value && resolveSupport(name, e.target.value)}>
              <option value="">请选择…</option>
              {active.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              <option value={NONE}>忽略该科室</option>
            </select>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
