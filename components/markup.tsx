import type { SafeHtml } from "@/lib/html/safe-html";

/**
 * Server-built markup (lib/html/safe-html.ts, escaped by construction) in a div. For static blocks
 * only: links and forms that work without client code, nothing React needs to manage.
 */
export function Markup({ html, className, testId }: { html: SafeHtml; className?: string; testId?: string }) {
  return <div className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html.value }} />;
}
