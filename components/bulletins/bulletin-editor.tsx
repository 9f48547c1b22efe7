import { ActionForm } from "@/components/action-form";
import { saveBulletinAction } from "@/lib/bulletins/actions";

/** The coordinator's editor of a draft: title, optional 发文字号, the text one paragraph per line. */
export function BulletinEditor({ id, version, title, docNumber, content }: { id: number; version: number; title: string; docNumber: string; content: string }) {
  return (
    <ActionForm action={saveBulletinAction} submitLabel="保存通报" className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label className="block">
        <span className="label">标题</span>
        <input className="input" name="title" defaultValue={title} required />
      </label>
      <label className="block">
        <span className="label">发文字号（可不填）</span>
        <input className="input max-w-sm" name="docNumber" defaultValue={docNumber} placeholder="例如 法治办通〔2026〕3号" />
      </label>
      <label className="block">
        <span className="label">正文（每行一段；“一、”开头的行是标题）</span>
        <textarea className="input min-h-[28rem] font-[inherit] leading-7" name="content" defaultValue={content} />
      </label>
    </ActionForm>
  );
}

/** The read view: headings bold, paragraphs indented as on paper. */
export function BulletinText({ content }: { content: string }) {
  return (
    <div className="space-y-2 leading-7" data-testid="bulletin-text">
      {content.split("\n").map((line, i) =>
        /^[一二三四五六七八九十]+、/u.test(line) ? (
          <h3 key={i} className="mt-3 font-semibold">{line}</h3>
        ) : (
          <p key={i} className="indent-8">{line}</p>
        ),
      )}
    </div>
  );
}
