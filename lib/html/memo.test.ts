import { describe, expect, it } from "vitest";
import { memoHtml } from "./memo";
import { html } from "./safe-html";

describe("memoHtml", () => {
  it("builds once per inputs and variant, again for new inputs or another variant", () => {
    let builds = 0;
    const build = (label: string) => () => {
      builds += 1;
      return html`<p>${label}</p>`;
    };
    const figures = { year: 2026 };
    const offices = [{ id: 1 }];
    expect(memoHtml([figures, offices], "a", build("one")).value).toBe("<p>one</p>");
    expect(memoHtml([figures, offices], "a", build("ignored")).value).toBe("<p>one</p>");
    expect(builds).toBe(1);
    // Another variant of the same figures.
    expect(memoHtml([figures, offices], "b", build("two")).value).toBe("<p>two</p>");
    // New figures (a change moved the stamp): built afresh, even with an equal variant.
    expect(memoHtml([{ year: 2026 }, offices], "a", build("three")).value).toBe("<p>three</p>");
    // Same first input, different second.
    expect(memoHtml([figures, [{ id: 1 }]], "a", build("four")).value).toBe("<p>four</p>");
    expect(builds).toBe(4);
  });

  it("keeps a bounded number of variants per inputs", () => {
    const figures = {};
    let builds = 0;
    for (let i = 0; i < 40; i++) memoHtml([figures], `v${i}`, () => ((builds += 1), html`${i}`));
    // v0 was dropped (more than 32 variants), v39 is kept.
    memoHtml([figures], "v39", () => ((builds += 1), html`x`));
    expect(builds).toBe(40);
    memoHtml([figures], "v0", () => ((builds += 1), html`x`));
    expect(builds).toBe(41);
  });
});
