import type { NextConfig } from "next";
import { BASELINE_CSP, DOWNLOAD_CSP } from "./lib/security/csp";

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // A separate build folder lets a benchmark or a second checkout build without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The offline release (scripts/release.ts) ships .next/standalone: the server files and only the
  // node_modules they need. `npm start` (scripts/server.mjs) serves the same build from .next.
  output: "standalone",
  // The PDF and Word 97 readers load their libraries from node_modules at run time: PDF.js starts
  // its worker module by file path, and neither needs bundling for the browser.
  serverExternalPackages: ["pdfjs-dist", "word-extractor"],
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // A header set here wins over the route handler's own (Next.js appends a handler header only
      // when absent), so /api gets the sandbox policy of downloads, not the page baseline.
      { source: "/((?!api/).*)", headers: [{ key: "Content-Security-Policy", value: BASELINE_CSP }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: DOWNLOAD_CSP }] },
      // Logged-in pages and downloads must not linger in shared caches.
      { source: "/((?!_next/static|_next/image|favicon.ico).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
