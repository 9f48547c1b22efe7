import type { DashboardData } from "@/lib/dashboard/data";
import { memoHtml } from "@/lib/html/memo";
import { Markup } from "@/components/markup";
import { html } from "@/lib/html/safe-html";
import { comparisonHtml, headlineHtml } from "./figures";
import { pointsGridHtml } from "./points-grid";
import { attentionTableHtml, officeRankingHtml, upcomingTableHtml } from "./tables";

/**
 * The dashboard's large blocks, built as escaped markup once per set of figures and reused for every
 * viewer until a change moves the figures stamp (lib/html/memo.ts keys them on the memoised figures,
 * offices and reminders objects). Rendering them through React on every request was most of the
 * dashboard's cost (README "Performance"). The markup is static: links and no client behaviour.
 */

export function AttentionTable({ dash, maySend }: { dash: DashboardData; maySend: boolean }) {
  return <Markup html={memoHtml([dash.data, dash.offices, dash.reminders], `attention|${maySend}`, () => attentionTableHtml(dash, maySend))} />;
}

export function PointsGrid({ dash, className }: { dash: DashboardData; className?: string }) {
  const variant = `points|${dash.year}|${dash.officeId}|${dash.officeLocked}|${dash.statusFilter}`;
  return <Markup className={className} html={memoHtml([dash.data], variant, () => pointsGridHtml(dash))} />;
}

export function UpcomingTable({ dash, className }: { dash: DashboardData; className?: string }) {
  return <Markup className={className} html={memoHtml([dash.data, dash.offices], "upcoming", () => upcomingTableHtml(dash))} />;
}

export function OfficeRankingTable({ dash, className }: { dash: DashboardData; className?: string }) {
  return <Markup className={className} html={memoHtml([dash.data, dash.offices], `ranking|${dash.year}`, () => officeRankingHtml(dash))} />;
}

// The pending count and the previous year's figures come from the same remembered entry as dash.data
// (lib/dashboard/data.ts), so the figures object's identity covers them.
export function Headline({ dash }: { dash: DashboardData }) {
  const variant = `headline|${dash.year}|${dash.officeId}|${dash.officeLocked}`;
  return <Markup html={memoHtml([dash.data], variant, () => headlineHtml(dash))} />;
}

export function Comparison({ dash }: { dash: DashboardData }) {
  const markup = dash.comparison ? memoHtml([dash.data], `comparison|${dash.year}|${dash.officeId}`, () => comparisonHtml(dash) ?? html``) : null;
  return markup ? <Markup html={markup} /> : null;
}
