import type { AuditFilters } from "@/lib/audit-log/filters";
import { ACTION_GROUPS, entityLabel } from "@/lib/audit-log/labels";

/** A GET form, so a filtered view of the audit log is a link. */
export function AuditFilterForm({ filters, entities }: { filters: AuditFilters; entities: string[] }) {
  return (
    <form method="get" className="card mb-4 flex flex-wrap items-end gap-3" aria-label="筛选审计日志">
      <label>
        <span className="label">用户名</span>
        <input className="input w-36" name="user" defaultValue={filters.user ?? ""} />
      </label>
      <label>
        <span className="label">操作</span>
        <select className="input w-48" name="action" defaultValue={filters.action ?? ""}>
          <option value="">全部操作</option>
          {ACTION_GROUPS.map((group) => <option key={group.value} value={group.value}>{group.label}</option>)}
          {filters.action && !ACTION_GROUPS.some((g) => g.value === filters.action) ? <option value={filters.action}>{filters.action}</option> : null}
        </select>
      </label>
      <label>
        <span className="label">对象</span>
        <select className="input w-36" name="entity" defaultValue={filters.entity ?? ""}>
          <option value="">全部对象</option>
          {entities.map((entity) => <option key={entity} value={entity}>{entityLabel(entity)}</option>)}
        </select>
      </label>
      <label>
        <span className="label">对象编号</span>
        <input className="input w-24" name="entityId" defaultValue={filters.entityId ?? ""} />
      </label>
      <label>
        <span className="label">起始日期</span>
        <input className="input" type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label>
        <span className="label">截止日期</span>
        <input className="input" type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <button type="submit" className="btn-primary">筛选</button>
      <a className="btn" href="/audit">清除</a>
    </form>
  );
}
