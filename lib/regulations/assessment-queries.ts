import type { Db } from "@/lib/db";

export interface AssessmentViewer {
  role: string;
  officeId: number | null;
}

/**
 * Who reads which assessments (ownership in the where): STAFF those of rules their office is
 * responsible for or that their office carried out; the other roles with regulation:read all.
 */
export function assessmentVisibility(viewer: AssessmentViewer, options: { pointLeadToo?: boolean } = {}) {
  if (viewer.role !== "STAFF") return {};
  if (viewer.officeId === null) return { id: -1 };
  const own = [{ officeId: viewer.officeId }, { regulation: { officeId: viewer.officeId } }];
  // On a point's page the point's lead office also reads the evidence counted for its point.
  return { OR: options.pointLeadToo ? [...own, { workPoint: { leadOfficeId: viewer.officeId } }] : own };
}

const ASSESSMENT_SELECT = {
  id: true,
  assessedOn: true,
  method: true,
  findings: true,
  rectification: true,
  rectificationStatus: true,
  rectifiedOn: true,
  version: true,
  office: { select: { id: true, name: true } },
  regulation: { select: { id: true, title: true } },
  workPoint: { select: { id: true, number: true, title: true, plan: { select: { year: true } } } },
} as const;

/** A rule's assessments, newest first. */
export async function assessmentsForRegulation(db: Db, regulationId: number, viewer: AssessmentViewer) {
  return db.regulationAssessment.findMany({
    where: { regulationId, ...assessmentVisibility(viewer) },
    orderBy: [{ assessedOn: "desc" }, { id: "desc" }],
    select: ASSESSMENT_SELECT,
  });
}

/** Assessments counted for a work point (its evidence beside the linked rules), oldest first. */
export async function assessmentsForPoint(db: Db, workPointId: number, viewer: AssessmentViewer) {
  return db.regulationAssessment.findMany({
    where: { workPointId, ...assessmentVisibility(viewer, { pointLeadToo: true }) },
    orderBy: [{ assessedOn: "asc" }, { id: "asc" }],
    select: ASSESSMENT_SELECT,
  });
}

export type AssessmentRow = Awaited<ReturnType<typeof assessmentsForRegulation>>[number];

/** Points an assessment may count for: those of the published plans of the given years (current year first). */
export async function assessmentPointChoices(db: Db, years: number[]) {
  return db.workPoint.findMany({
    where: { plan: { year: { in: years }, status: { not: "DRAFT" } } },
    select: { id: true, number: true, title: true, plan: { select: { year: true } } },
    orderBy: [{ plan: { year: "desc" } }, { number: "asc" }],
  });
}
