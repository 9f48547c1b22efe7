/**
 * Reads of the annual report for the pages and the export: a fixed handful of queries each
 * (the report with its parts and revisions, the users named in them, the ledger entries the
 * figures link to).
 */

import type { Db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import { canReadDraftPlans } from "@/lib/plan/visibility";
import { isoDay } from "./facts";
import { effectiveSignature, effectiveSignDate, printedParts, unitSignOff, type SignDateSource } from "./output";
import { allSourceIds, parseSources } from "./segments";
import { PART_KEYS, PREFACE_KEY } from "./types";
import { findPlaceholders, prefaceForTitle } from "./workflow";

/** Revisions shown per part (newest first); older ones stay in the database. */
export const REVISIONS_SHOWN = 20;

export interface ReportListRow {
  year: number;
  planTitle: string | null;
  report: { title: string; status: string; updatedAt: Date } | null;
}

/** Every year with a plan or a report, newest first; a draft plan's year only for plan:readDraft. */
export async function listReportYears(db: Db, role: Role): Promise<ReportListRow[]> {
  const [allPlans, allReports] = await Promise.all([
    db.plan.findMany({ select: { year: true, title: true, status: true } }),
    db.annualReport.findMany({ select: { year: true, title: true, status: true, updatedAt: true } }),
  ]);
  const hidden = new Set(canReadDraftPlans(role) ? [] : allPlans.filter((p) => p.status === "DRAFT").map((p) => p.year));
  const plans = allPlans.filter((p) => !hidden.has(p.year));
  const reports = allReports.filter((r) => !hidden.has(r.year));
  const planTitles = new Map(plans.map((p) => [p.year, p.title]));
  const reportsByYear = new Map(reports.map((r) => [r.year, r]));
  const years = [...new Set([...planTitles.keys(), ...reportsByYear.keys()])].sort((a, b) => b - a);
  return years.map((year) => {
    const report = reportsByYear.get(year);
    return {
      year,
      planTitle: planTitles.get(year) ?? null,
      report: report ? { title: report.title, status: report.status, updatedAt: report.updatedAt } : null,
    };
  });
}

export interface RevisionView {
  id: number;
  version: number;
  content: string;
  savedAt: Date;
  savedByName: string;
}

export interface ReportPartView {
  id: number;
  key: string;
  heading: string;
  content: string;
  sources: Record<string, number[]>;
  edited: boolean;
  version: number;
  updatedAt: Date;
  updatedByName: string;
  revisions: RevisionView[];
  revisionCount: number;
  placeholders: string[];
}

export interface SourceEntryView {
  id: number;
  date: string;
  title: string;
  officeName: string;
  /** False when the entry was deleted or is no longer approved since the part was drafted. */
  current: boolean;
}

export interface ReportView {
  id: number;
  year: number;
  title: string;
  preface: string;
  /** The stored opening paragraph's version (1 for a report from before it was stored: the first save creates it). */
  prefaceVersion: number;
  prefaceEdited: boolean;
  status: string;
  /** The 署名 printed: the report's own, else the unit's from the settings. */
  signature: string;
  /** The report's own 署名; "" follows the settings. */
  signatureOverride: string;
  /** The unit's 署名 in the settings now. */
  unitSignature: string;
  signedOn: Date | null;
  /** The 落款日期 printed, and where it comes from. */
  signDate: { date: Date; source: SignDateSource };
  version: number;
  updatedAt: Date;
  parts: ReportPartView[];
  entries: Record<number, SourceEntryView>;
}

const partOrder = (key: string) => {
  const at = (PART_KEYS as readonly string[]).indexOf(key);
  return at < 0 ? PART_KEYS.length : at;
};

export async function getReportView(db: Db, year: number): Promise<ReportView | null> {
  const report = await db.annualReport.findUnique({
    where: { year },
    include: {
      parts: {
        include: {
          revisions: { orderBy: { version: "desc" }, take: REVISIONS_SHOWN },
          _count: { select: { revisions: true } },
        },
      },
    },
  });
  if (!report) return null;
  const prefacePart = report.parts.find((p) => p.key === PREFACE_KEY);
  const parts = report.parts.filter((p) => p.key !== PREFACE_KEY).sort((a, b) => partOrder(a.key) - partOrder(b.key));
  const sourcesByPart = new Map(parts.map((p) => [p.id, parseSources(p.sources)]));
  const userIds = new Set<number>();
  for (const part of parts) {
    if (part.updatedById) userIds.add(part.updatedById);
    for (const revision of part.revisions) if (revision.savedById) userIds.add(revision.savedById);
  }
  const entryIds = allSourceIds([...sourcesByPart.values()]);
  const [users, entries, settings] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } }),
    entryIds.length
      ? db.ledgerEntry.findMany({
          where: { id: { in: entryIds } },
          select: { id: true, date: true, title: true, status: true, deletedAt: true, office: { select: { name: true } } },
        })
      : Promise.resolve([]),
    db.unitSettings.findUnique({ where: { id: 1 }, select: { unitName: true, signature: true, reportDate: true } }),
  ]);
  const unit = unitSignOff(settings);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const nameOf = (id: number | null) => (id ? (names.get(id) ?? `用户#${id}`) : "系统");

  return {
    id: report.id,
    year: report.year,
    title: report.title,
    // Until a person edits it, the opening paragraph follows the title (the unit named there).
    preface: prefacePart?.edited ? prefacePart.content : prefaceForTitle(report.title, report.year, unit.unitName),
    prefaceVersion: prefacePart?.version ?? 1,
    prefaceEdited: prefacePart?.edited ?? false,
    status: report.status,
    signature: effectiveSignature(report.signature, unit),
    signatureOverride: report.signature,
    unitSignature: unit.signature,
    signedOn: report.signedOn,
    signDate: effectiveSignDate({ year: report.year, signedOn: report.signedOn, unit }),
    version: report.version,
    updatedAt: report.updatedAt,
    parts: parts.map((part) => ({
      id: part.id,
      key: part.key,
      heading: part.heading,
      content: part.content,
      sources: sourcesByPart.get(part.id) ?? {},
      edited: part.edited,
      version: part.version,
      updatedAt: part.updatedAt,
      updatedByName: nameOf(part.updatedById),
      revisions: part.revisions.map((r) => ({ id: r.id, version: r.version, content: r.content, savedAt: r.savedAt, savedByName: nameOf(r.savedById) })),
      revisionCount: part._count.revisions,
      placeholders: findPlaceholders(part.content),
    })),
    entries: Object.fromEntries(
      entries.map((e) => [
        e.id,
        { id: e.id, date: isoDay(e.date), title: e.title, officeName: e.office.name, current: e.status === "APPROVED" && e.deletedAt === null },
      ]),
    ),
  };
}

export interface ReportForExport {
  id: number;
  year: number;
  title: string;
  preface: string;
  status: string;
  /** The 署名 printed: the report's own, else the unit's from the settings. */
  signature: string;
  signedOn: Date | null;
  /** The 落款日期 printed (settings, else 定稿, else today). */
  date: Date;
  version: number;
  /** The parts printed, in order: an empty optional part (五 saying "无。") is left out. */
  parts: { key: string; heading: string; content: string }[];
}

/** What the Word export and the print view need: the text only, parts in order. */
export async function loadReportForExport(db: Db, year: number, now: Date = new Date()): Promise<ReportForExport | null> {
  const [report, settings] = await Promise.all([
    db.annualReport.findUnique({ where: { year }, include: { parts: { select: { key: true, heading: true, content: true, edited: true } } } }),
    db.unitSettings.findUnique({ where: { id: 1 }, select: { unitName: true, signature: true, reportDate: true } }),
  ]);
  if (!report) return null;
  const unit = unitSignOff(settings);
  const prefacePart = report.parts.find((p) => p.key === PREFACE_KEY);
  const ordered = report.parts.filter((p) => p.key !== PREFACE_KEY).sort((a, b) => partOrder(a.key) - partOrder(b.key));
  return {
    id: report.id,
    year: report.year,
    title: report.title,
    // Until a person edits it, the opening paragraph follows the title (the unit named there).
    preface: prefacePart?.edited ? prefacePart.content : prefaceForTitle(report.title, report.year, unit.unitName),
    status: report.status,
    signature: effectiveSignature(report.signature, unit),
    signedOn: report.signedOn,
    date: effectiveSignDate({ year: report.year, signedOn: report.signedOn, unit, now }).date,
    version: report.version,
    parts: printedParts(ordered).map((p) => ({ key: p.key, heading: p.heading, content: p.content })),
  };
}
