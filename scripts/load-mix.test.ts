import { describe, expect, it } from "vitest";
import { createRecorder, summariseMix } from "./load-mix";

describe("summariseMix", () => {
  it("counts an acknowledged write as lost when its row is missing or carries another title", () => {
    const recorder = createRecorder();
    recorder.counters.requests = 40;
    recorder.counters.fivexx = 1;
    recorder.latencies.push(10, 20, 30, 400);
    recorder.latenciesByKind.write.push(30, 400);
    recorder.latenciesByKind.dashboard.push(10, 20);
    const expectedTitles = new Map([[1, "压测-1"], [2, "压测-2"], [3, "压测-3"]]);
    const stored = new Map([[1, "压测-1"], [2, "压测-2 改"]]);
    const summary = summariseMix(recorder, { expectedTitles, seconds: 4 }, stored);
    expect(summary).toMatchObject({ requests: 40, "5xx": 1, lost_writes: 2, entries_created: 3, seconds: 4, requests_per_second: 10, p99_ms: 400, write_p99_ms: 400, dashboard_p99_ms: 20 });
  });

  it("nothing lost when every acknowledged write reads back", () => {
    const summary = summariseMix(createRecorder(), { expectedTitles: new Map([[5, "x"]]), seconds: 0 }, new Map([[5, "x"], [6, "unacknowledged"]]));
    expect(summary.lost_writes).toBe(0);
    expect(summary.requests_per_second).toBe(0);
  });
});
