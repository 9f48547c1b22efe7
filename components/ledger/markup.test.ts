import { describe, expect, it } from "vitest";
import { entryListHtml } from "./entry-list";
import { filterFormHtml, targetChoices, type FilterOptionsView } from "./filter-form";
import { parseListFilter } from "@/lib/ledger/schemas";
import type { LedgerListRow } from "@/lib/ledger/queries";

function row(over: Partial<LedgerListRow> = {}): LedgerListRow {
  return {
    id: 7,
    year: 2026,
    date: new Date(Date.UTC(2026, 4, 6)),
    title: "专题学习",
    form: "专题学习",
    status: "APPROVED",
    category: "NORMAL",
    linkedEntryId: null,
    updatedAt: new Date(),
    deletedAt: null,
    officeId: 1,
    office: { name: "办公室" },
    workPoint: { id: 3, number: 1, title: "深入学习习近平法治思想" },
    quantities: [{ value: 2, completes: false, target: { subject: "专题学习", unit: "次", kind: "COUNT" } }],
    _count: { attachments: 2 },
    ...over,
  } as LedgerListRow;
}

describe("entryListHtml", () => {
  it("writes each entry once, as a row the phone styles as a card", () => {
    const out = entryListHtml([row(), row({ id: 8, category: "FIRST_RESPONSIBLE", linkedEntryId: 7, status: "SUBMITTED", _count: { attachments: 0 } })]).value;
    expect(out.match(/<tr data-testid="ledger-row-/g)).toHaveLength(2);
    expect(out).toContain(`<a href="/ledger/7" class="text-brand hover:underline">专题学习</a>`);
    expect(out).toContain("<td class=\"ll-date\">2026-05-06</td>");
    expect(out).toContain("专题学习2次");
    expect(out).toContain("第一责任人履职");
    expect(out).toContain("（协办）");
    expect(out).toContain(`data-label="佐证">—</td>`);
    expect(out).toContain("待审核");
  });

  it("escapes what users typed", () => {
    const out = entryListHtml([row({ title: `<img src=x onerror="alert(1)">`, office: { name: `"><script>` } })]).value;
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("says so when nothing matches", () => {
    expect(entryListHtml([]).value).toContain(`<td colspan="7">没有符合条件的台账</td>`);
  });
});

const OPTIONS: FilterOptionsView = {
  years: [2026, 2025],
  sections: [{ id: 1, ordinal: 1, title: "学习" }],
  points: [
    { id: 10, number: 1, title: "学法" },
    { id: 11, number: 2, title: "普法" },
  ],
  targets: [
    { id: 100, subject: "专题学习", workPoint: { number: 1 } },
    { id: 101, subject: "培训", workPoint: { number: 1 } },
    { id: 102, subject: "普法活动", workPoint: { number: 2 } },
  ],
  offices: [{ id: 5, name: "办公室" }],
};

describe("targetChoices", () => {
  it.each([
    [{}, []],
    [{ pointId: 10 }, [100, 101]],
    [{ pointId: 11 }, [102]],
    [{ targetId: 102 }, [102]],
    [{ pointId: 10, targetId: 102 }, [100, 101, 102]],
    [{ pointId: 99 }, []],
  ])("%j → %j", (filter, ids) => {
    expect(targetChoices(OPTIONS, filter).map((t) => t.id)).toEqual(ids);
  });
});

describe("filterFormHtml", () => {
  it("selects the filter's values and keeps the drill-down scope as hidden fields", () => {
    const filter = parseListFilter(new URLSearchParams("year=2026&pointId=10&targetId=101&status=APPROVED&q=学习&counted=1&leadOfficeId=5"));
    const out = filterFormHtml(filter, 2026, OPTIONS, true, false).value;
    expect(out).toContain(`<option value="10" selected>1. 学法</option>`);
    expect(out).toContain(`<option value="101" selected>1. 培训</option>`);
    expect(out).not.toContain("普法活动");
    expect(out).toContain(`<option value="APPROVED" selected>`);
    expect(out).toContain(`name="q" class="input" value="学习"`);
    expect(out).toContain(`<input type="hidden" name="counted" value="1"/>`);
    expect(out).toContain(`<input type="hidden" name="leadOfficeId" value="5"/>`);
    expect(out).toContain("办公室牵头的工作要点");
  });

  it("without a point the target list is off and says why; no office list for an office's own staff", () => {
    const out = filterFormHtml(parseListFilter(new URLSearchParams("year=2026")), 2026, OPTIONS, false, false).value;
    expect(out).toMatch(/<select name="targetId" class="input" disabled><option value="" selected>请先选择工作要点<\/option><\/select>/);
    expect(out).not.toContain(`name="officeId"`);
    expect(out).toContain(`<option value="2026" selected>2026年</option>`);
  });

  it("escapes a keyword that tries to leave its attribute", () => {
    const out = filterFormHtml(parseListFilter(new URLSearchParams(`year=2026&q="><script>x</script>`)), 2026, OPTIONS, true, false).value;
    expect(out).not.toContain("<script>");
    expect(out).toContain(`value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"`);
  });
});
