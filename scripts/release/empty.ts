// Stands in for the "server-only" marker package in the CLI bundle (scripts/release.ts).
export {};
