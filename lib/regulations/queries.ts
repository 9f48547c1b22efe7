import type { Db } from "@/lib/db";
import { providerOf } from "@/lib/db";
import { DEFAULT_CATEGORIES } from "./constants";
import { searchRegulationIds, type SearchFilter } from "./search-index";
import { passagesOf, queryTerms, type Passage } from "./search-terms";
import { reviewReason, type ReviewReason } from "./validity";

export interface ListParams extends SearchFilter {
  q: string;
}

export interface RegulationListRow {
  id: number;
  title: string;
  docNumber: string | null;
  category: string;
  status: string;
  officeName: string | null;
  adoptedOn: Date | null;
  validUntil: Date | null;
  searchable: boolean;
  currentVersion: number;
  passages: Passage[];
}

const LIST_SELECT = {
  id: true,
  title: true,
  docNumber: true,
  category: true,
  status: true,
  adoptedOn: true,
  validUntil: true,
  searchable: true,
  currentVersion: true,
  office: { select: { name: true } },
} as const;

/** The list page: a search (ranked, with highlighted passages) or, without words, every rule matching the filters. */
export async function listRegulations(db: Db, params: ListParams): Promise<{ rows: RegulationListRow[]; terms: string[]; searched: boolean }> {
  const terms = queryTerms(params.q);
  const searched = params.q.trim() !== "";
  const filter: SearchFilter = { category: params.category, status: params.status, officeId: params.officeId, year: params.year };
  if (searched) {
    const ids = await searchRegulationIds(db, providerOf(db), terms, filter, 100);
    if (ids.length === 0) return { rows: [], terms, searched };
    const found = await db.regulation.findMany({ where: { id: { in: ids } }, select: { ...LIST_SELECT, versions: { select: { versionNo: true, fullText: true } } } });
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const text = r.versions.find((v) => v.versionNo === r.currentVersion)?.fullText ?? "";
      const { versions: _versions, office, ...rest } = r;
      return [{ ...rest, officeName: office?.name ?? null, passages: passagesOf(text, terms, { max: 2, width: 90 }) }];
    });
    return { rows, terms, searched };
  }
  const rows = await db.regulation.findMany({
    where: {
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.officeId ? { officeId: filter.officeId } : {}),
      ...(filter.year ? { adoptedOn: { gte: new Date(Date.UTC(filter.year, 0, 1)), lt: new Date(Date.UTC(filter.year + 1, 0, 1)) } } : {}),
    },
    select: LIST_SELECT,
    orderBy: [{ category: "asc" }, { adoptedOn: "desc" }, { id: "desc" }],
    take: 500,
  });
  return { rows: rows.map(({ office, ...r }) => ({ ...r, officeName: office?.name ?? null, passages: [] })), terms, searched };
}

export async function regulationCategories(db: Db): Promise<string[]> {
  const used = await db.regulation.findMany({ distinct: ["category"], select: { category: true } });
  return [...new Set([...DEFAULT_CATEGORIES, ...used.map((u) => u.category)])];
}

export async function activeOffices(db: Db) {
  return db.office.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

export async function getRegulation(db: Db, id: number) {
  return db.regulation.findUnique({
    where: { id },
    include: {
      office: { select: { id: true, name: true } },
      replacedBy: { select: { id: true, title: true } },
      replaces: { select: { id: true, title: true } },
      versions: {
        orderBy: { versionNo: "desc" },
        select: { id: true, versionNo: true, docNumber: true, adoptedOn: true, effectiveOn: true, fullText: true, note: true, fileName: true, createdAt: true },
      },
      pointLinks: { include: { workPoint: { select: { id: true, number: true, title: true, plan: { select: { year: true } } } } }, orderBy: { id: "asc" } },
    },
  });
}

/** Rules in force, for the 替代制度 choice. */
export async function regulationChoices(db: Db, exceptId?: number) {
  return db.regulation.findMany({ where: { status: { not: "REPEALED" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, title: true }, orderBy: { title: "asc" } });
}

/** Work points of published plans, for linking a rule to the point that asked for it. */
export async function pointChoices(db: Db) {
  return db.workPoint.findMany({
    where: { plan: { status: { not: "DRAFT" } } },
    select: { id: true, number: true, title: true, plan: { select: { year: true } } },
    orderBy: [{ plan: { year: "desc" } }, { number: "asc" }],
    take: 300,
  });
}

export interface DueRegulation {
  id: number;
  title: string;
  validUntil: Date | null;
  officeName: string | null;
  reason: ReviewReason;
}

/** Rules due for review on `today` (validity ends within 6 months or has ended, or not reviewed for a year). */
export async function regulationsDueForReview(db: Db, today: Date): Promise<DueRegulation[]> {
  const yearAgo = new Date(today);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const sixMonths = new Date(today);
  sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
  const candidates = await db.regulation.findMany({
    where: {
      status: { not: "REPEALED" },
      OR: [{ validUntil: { lte: sixMonths } }, { lastReviewedOn: { lte: yearAgo } }, { lastReviewedOn: null }],
    },
    select: { id: true, title: true, status: true, validUntil: true, lastReviewedOn: true, effectiveOn: true, createdAt: true, office: { select: { name: true } } },
    orderBy: [{ validUntil: "asc" }, { id: "asc" }],
  });
  return candidates.flatMap((r) => {
    const reason = reviewReason(r, today);
    return reason ? [{ id: r.id, title: r.title, validUntil: r.validUntil, officeName: r.office?.name ?? null, reason }] : [];
  });
}
